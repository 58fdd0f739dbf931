-- Direct messages: a conversation is a thread with `private = 1` and no category,
-- read only by its participants (`thread_participants`). Its posts go through the
-- same gate, queue and revisions as every post. Everything public (lists, search,
-- profiles, category counts) reads threads through `store::visibility::PUBLIC_THREAD`,
-- which requires `private = 0`, and joins a category, which a conversation has not.
ALTER TABLE threads ALTER COLUMN category_id DROP NOT NULL;
ALTER TABLE threads ADD COLUMN private BIGINT NOT NULL DEFAULT 0;
ALTER TABLE threads ADD CONSTRAINT threads_private_no_category
    CHECK ((private = 1) = (category_id IS NULL));

DROP INDEX threads_front;
DROP INDEX threads_front_category;
DROP INDEX threads_new;
DROP INDEX threads_new_category;
CREATE INDEX threads_front ON threads (pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_front_category ON threads (category_id, pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_new ON threads (created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;
CREATE INDEX threads_new_category ON threads (category_id, created_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0 AND private = 0;

-- Who takes part in a conversation (its author included).
CREATE TABLE thread_participants (
    thread_id  BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at   BIGINT NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX messages_by_member ON thread_participants (user_id, thread_id);
