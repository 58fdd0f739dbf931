-- One-time password-reset links: only the SHA-256 of the token is stored, so a
-- leaked database yields no working link. A link works once, for 30 minutes; making
-- a new one for an account withdraws its unused ones. `created_by` is the admin who
-- made it (NULL: the command line).
CREATE TABLE password_resets (
    token_hash   TEXT    PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    created_by   BIGINT  REFERENCES users (id),
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
