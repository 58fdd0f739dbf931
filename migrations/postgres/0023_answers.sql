-- Questions and their answers: a thread started as a question can have one reply
-- marked as its answer, by the thread's author or a moderator. Kept on the thread's
-- row, so lists and the search index read it without a join.
ALTER TABLE threads ADD COLUMN question BIGINT NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN answer_post_id BIGINT;
