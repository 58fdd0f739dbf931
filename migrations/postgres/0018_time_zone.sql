-- The IANA time zone a member chose (`domain::zones`); NULL: their browser's, else
-- the page language's default.
ALTER TABLE users ADD COLUMN time_zone TEXT;
