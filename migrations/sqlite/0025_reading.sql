-- Reading and following. Per member and thread: the highest post number read, how
-- many public posts that was (so a list shows unread counts from two kept numbers,
-- never by counting posts), and the member's level for the thread (mute -1, normal 0,
-- track 1, watch 2; `chosen` = 1 when the member set it, 0 when it is the default a
-- reply gives). Per member and category: a level too. `threads.last_post_number` is
-- the highest number of a public post, kept with `reply_count` in the transaction of
-- every change (store threads::refresh_counters), so "has unread" is a comparison.
ALTER TABLE threads ADD COLUMN last_post_number BIGINT NOT NULL DEFAULT 0;
UPDATE threads SET last_post_number = COALESCE((
    SELECT MAX(number) FROM posts p
    WHERE p.thread_id = threads.id AND p.state = 'published' AND p.hidden = 0
), 0);

CREATE TABLE thread_readers (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    thread_id   BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    last_read   BIGINT NOT NULL DEFAULT 0,
    read_count  BIGINT NOT NULL DEFAULT 0,
    level       BIGINT NOT NULL DEFAULT 0,
    chosen      BIGINT NOT NULL DEFAULT 0,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
-- Who watches a thread (notifications on publication).
CREATE INDEX thread_readers_watch ON thread_readers (thread_id, level);

CREATE TABLE category_levels (
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_id  BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    level        BIGINT NOT NULL,
    PRIMARY KEY (user_id, category_id)
);
CREATE INDEX category_levels_watch ON category_levels (category_id, level);

-- "Dismiss new": threads created before this are not new to the member.
ALTER TABLE users ADD COLUMN new_since BIGINT NOT NULL DEFAULT 0;

-- The "new" list: recent public threads by creation.
CREATE INDEX threads_new ON threads (created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0;
CREATE INDEX threads_new_category ON threads (category_id, created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0;
