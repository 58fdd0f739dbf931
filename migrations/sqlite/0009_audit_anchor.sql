-- The audit chain's keyed anchor. A secret kept outside the database (the
-- `audit.key` file) signs the chain's head with every append: someone who can only
-- write to the database can rewrite rows and recompute their hashes, but not the
-- anchor, so `rounds audit verify` (which has the key) notices. `key_id` names the
-- key the database was anchored with, so a node started with another key refuses.
ALTER TABLE audit_head ADD COLUMN anchor TEXT;
ALTER TABLE audit_head ADD COLUMN key_id TEXT;
