-- The admin's list of accounts is read newest first by keyset (registration time,
-- then id): one index serves every page, however many members the site has.
CREATE INDEX users_created ON users (created_at, id);
