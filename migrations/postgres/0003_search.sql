-- The search index follows this change log. Every transaction that changes what
-- members can find (a post or thread published, edited, hidden, deleted, removed)
-- adds a row here before it commits. Each `rounds serve` process keeps its own
-- index and stores, with every index commit, the last sequence it applied; on
-- start it applies the rest, so a crash between the database commit and the index
-- commit loses nothing. The log holds ids only, never text.

-- One row: the last sequence handed out. Taking the next number updates this row,
-- which locks it until the transaction ends, so sequences become visible in order
-- (a follower never sees 7 before 6 has committed).
CREATE TABLE search_seq (
    id   BIGINT PRIMARY KEY,
    seq  BIGINT NOT NULL
);
INSERT INTO search_seq (id, seq) VALUES (1, 0);

CREATE TABLE search_changes (
    seq         BIGINT PRIMARY KEY,
    thread_id   BIGINT NOT NULL,
    -- NULL: the whole thread changed (title, tags, visibility).
    post_id     BIGINT,
    created_at  BIGINT NOT NULL
);
