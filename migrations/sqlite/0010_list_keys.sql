-- Thread lists in constant time. A list page reads a bounded number of rows
-- whatever the forum's size and whatever the page: the reply count is kept on the
-- thread (updated in the transaction of every change that can alter it, see
-- store::changes), and partial indexes over the threads every member sees serve
-- the keyset pages ("older than", "newer than" by last activity and id) of the
-- front page and of each category.
ALTER TABLE threads ADD COLUMN reply_count BIGINT NOT NULL DEFAULT 0;
UPDATE threads SET reply_count = (
    SELECT COUNT(*) FROM posts p
    WHERE p.thread_id = threads.id AND p.number > 1
      AND p.state = 'published' AND p.hidden = 0
);
DROP INDEX threads_listing;
DROP INDEX threads_category;
CREATE INDEX threads_front ON threads (pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0;
CREATE INDEX threads_front_category ON threads (category_id, pinned, last_activity_at, id)
    WHERE published = 1 AND hidden = 0 AND deleted = 0;
