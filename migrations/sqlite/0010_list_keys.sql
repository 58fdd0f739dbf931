-- Thread lists in constant time. A list page reads a bounded number of rows
-- whatever the forum's size and whatever the page: the reply count is kept on the
-- thread (updated in the transaction of every change that can alter it: see
-- store search_log::log_change), and partial indexes over the threads every member sees serve
-- the keyset pages ("older than", "newer than" by last activity and id) of the
-- front page and of each category.
-- Recounting a thread's replies reads this small index only, never the post rows,
-- so a reply to a thread of 500 costs a few pages.
CREATE INDEX posts_thread_public ON posts (thread_id, number)
    WHERE state = 'published' AND hidden = 0;
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

-- Publishing supersedes the post's earlier published revision. With (state) and
-- (post_id, id) only, a planner without statistics (a new SQLite forum is never
-- analyzed) read every published revision of the forum for each post published:
-- each post slower than the last. Both columns in one index make the right plan
-- obvious with or without statistics.
CREATE INDEX post_revisions_post_state ON post_revisions (post_id, state);

-- Whether a held draft has an open report (moderators may open it then).
CREATE INDEX reports_post ON reports (post_id, state);
