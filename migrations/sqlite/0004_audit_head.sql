-- The audit chain's head: its last position and hash in one row. A use case appends
-- its audit entry inside its own transaction; updating this row first locks it until
-- commit, so concurrent decisions take positions one after another (and a decision
-- whose audit entry fails is rolled back with it).
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
SELECT 1,
       COALESCE((SELECT MAX(seq) FROM audit_log), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000');
