-- One row `/healthz` writes to when writes have been failing (a full disk, an I/O
-- error), to learn whether they work again; a ready server never touches it. The
-- probe writes 64 KB of incompressible bytes — more than a post — so "ready" means
-- a post fits, not just one tiny row (stored out of line, uncompressed).
CREATE TABLE health_probe (
    id   INTEGER PRIMARY KEY,
    at   BIGINT NOT NULL,
    pad  BYTEA
);
ALTER TABLE health_probe ALTER COLUMN pad SET STORAGE EXTERNAL;
INSERT INTO health_probe (id, at) VALUES (1, 0);
