-- Direct messages: a conversation is a thread with `private = 1` and no category,
-- read only by its participants (`thread_participants`). Its posts go through the
-- same gate, queue and revisions as every post. Everything public (lists, search,
-- profiles, category counts) reads threads through `store::visibility::PUBLIC_THREAD`,
-- which requires `private = 0`, and joins a category, which a conversation has not.
--
-- SQLite cannot drop a NOT NULL constraint, so `threads` is rebuilt (the procedure of
-- sqlite.org/lang_altertable.html: this migration runs with foreign keys off, see
-- store `backend::migrate`, which checks them all before it turns them back on).
CREATE TABLE threads_rebuilt (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id      BIGINT  REFERENCES categories (id),
    author_id        BIGINT  NOT NULL REFERENCES users (id),
    title            TEXT    NOT NULL DEFAULT '',
    published        BIGINT  NOT NULL DEFAULT 0,
    pinned           BIGINT  NOT NULL DEFAULT 0,
    locked           BIGINT  NOT NULL DEFAULT 0,
    hidden           BIGINT  NOT NULL DEFAULT 0,
    deleted          BIGINT  NOT NULL DEFAULT 0,
    created_at       BIGINT  NOT NULL,
    last_activity_at BIGINT  NOT NULL,
    reply_count      BIGINT  NOT NULL DEFAULT 0,
    question         BIGINT  NOT NULL DEFAULT 0,
    answer_post_id   BIGINT,
    last_post_number BIGINT  NOT NULL DEFAULT 0,
    private          BIGINT  NOT NULL DEFAULT 0,
    CHECK ((private = 1) = (category_id IS NULL))
);
INSERT INTO threads_rebuilt (id, category_id, author_id, title, published, pinned, locked,
    hidden, deleted, created_at, last_activity_at, reply_count, question, answer_post_id,
    last_post_number, private)
SELECT id, category_id, author_id, title, published, pinned, locked, hidden, deleted,
    created_at, last_activity_at, reply_count, question, answer_post_id, last_post_number, 0
FROM threads;
DROP TABLE threads;
ALTER TABLE threads_rebuilt RENAME TO threads;

CREATE INDEX threads_front ON threads (pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_front_category ON threads (category_id, pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_new ON threads (created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_new_category ON threads (category_id, created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;

-- Who takes part in a conversation (its author included). A member's conversations
-- are read by `messages_by_member`, newest activity first.
CREATE TABLE thread_participants (
    thread_id  BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at   BIGINT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX messages_by_member ON thread_participants (user_id, thread_id);
