-- "Helpful" reactions: one per member per published post, never on one's own.
-- `posts.helpful_count` is kept with the rows it counts, in the same transaction as
-- each change, so a page of a thread shows counts without counting.
CREATE TABLE post_reactions (
    post_id     BIGINT  NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
-- A member's own reactions (removed with their account).
CREATE INDEX post_reactions_by_user ON post_reactions (user_id);
ALTER TABLE posts ADD COLUMN helpful_count BIGINT NOT NULL DEFAULT 0;
