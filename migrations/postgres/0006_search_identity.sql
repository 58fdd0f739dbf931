-- Which database a search index follows. Each index stores, with its sequence, this
-- id (random, made once when the database is created or migrated) and a mark of the
-- change it applied last. An index opened against another database, or against a
-- copy restored from a backup (its sequence behind the index's, or the change at the
-- index's sequence a different one), is rebuilt instead of trusted.
ALTER TABLE search_seq ADD COLUMN instance TEXT NOT NULL DEFAULT '';
UPDATE search_seq SET instance = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
-- Nanoseconds when each change was logged: two databases that handed out the same
-- sequence to the same post ids in the same second still mark it differently.
ALTER TABLE search_changes ADD COLUMN stamp BIGINT NOT NULL DEFAULT 0;
