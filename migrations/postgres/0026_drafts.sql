-- Drafts a member keeps on the server: one per thread (the reply they are writing)
-- and one for a new thread (thread_id 0), restored on any device. Nobody but their
-- author reads them; `flagged` records that the gate found something that may
-- identify a patient (the post would be held). Purged 30 days after their last
-- change by the server's hourly maintenance (`drafts_age`).
CREATE TABLE drafts (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    thread_id   BIGINT NOT NULL,
    category    TEXT   NOT NULL DEFAULT '',
    title       TEXT   NOT NULL DEFAULT '',
    tags        TEXT   NOT NULL DEFAULT '',
    body        TEXT   NOT NULL DEFAULT '',
    question    BIGINT NOT NULL DEFAULT 0,
    flagged     BIGINT NOT NULL DEFAULT 0,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
CREATE INDEX drafts_age ON drafts (updated_at);
