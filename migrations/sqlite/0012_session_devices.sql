-- What a member's sessions list calls each session ("Firefox on Windows"), read from
-- the browser at sign-in. Only this label is kept: no address, no place.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
