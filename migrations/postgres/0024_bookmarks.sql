-- Bookmarks: a member keeps a post to come back to, with a note only they see and,
-- if they like, a time to be reminded (once: `reminded_at`). The partial index keeps
-- the reminder task's look-up to the few reminders still due.
CREATE TABLE bookmarks (
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    post_id      BIGINT  NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    note         TEXT    NOT NULL DEFAULT '',
    remind_at    BIGINT,
    reminded_at  BIGINT,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE INDEX bookmarks_by_user ON bookmarks (user_id, created_at);
CREATE INDEX bookmarks_due ON bookmarks (remind_at)
    WHERE remind_at IS NOT NULL AND reminded_at IS NULL;
