-- A held post its author never sent to the moderators is brought back to them once,
-- a day after it was held: when that reminder went out (NULL: not yet). The partial
-- index keeps the task's look-up to the few waiting revisions, however many there are.
ALTER TABLE post_revisions ADD COLUMN reminded_at BIGINT;
CREATE INDEX post_revisions_unsent ON post_revisions (created_at)
    WHERE state = 'held' AND review_requested = 0 AND reminded_at IS NULL;
