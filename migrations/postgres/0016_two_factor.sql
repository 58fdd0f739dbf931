-- Two-factor sign-in (TOTP, RFC 6238). `secret` is the shared key in base32; while
-- `enabled_at` is NULL the member is still enrolling (the key was shown, no code has
-- confirmed it). `last_step` is the last 30-second step whose code was accepted: a
-- code is never accepted twice (RFC 6238 section 5.2).
CREATE TABLE two_factor (
    user_id     BIGINT  PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    enabled_at  BIGINT,
    last_step   BIGINT  NOT NULL DEFAULT 0
);

-- Recovery codes: shown once, kept as SHA-256 only, each good for one sign-in.
CREATE TABLE recovery_codes (
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   TEXT    NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- A sign-in whose password was right and whose code is still to come: the browser
-- holds the token (a cookie), the table its hash, for five minutes and five tries.
CREATE TABLE sign_in_challenges (
    token_hash  TEXT    PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    next_path   TEXT    NOT NULL,
    device      TEXT    NOT NULL,
    expires_at  BIGINT  NOT NULL,
    failures    BIGINT  NOT NULL DEFAULT 0
);

-- When this session's sign-in passed the second factor (NULL: password only).
-- Moderators and admins open the queues and held text only from such a session.
ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;
