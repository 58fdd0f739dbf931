-- When a member deleted their account. The row stays (posts kept under "former
-- member" still point at it) with every personal field emptied; nobody can sign in
-- to it, find it or mail it.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
