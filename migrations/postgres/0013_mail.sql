-- Outgoing mail. A use case writes its message here in the same transaction as the
-- change it reports (a reset link, an e-mail change), so a message exists exactly when
-- its change does; a sender task delivers it off the request path, with retries and
-- back-off, and it survives restarts. Several processes on one database share the
-- table: a process claims a batch (`claim`, until `claimed_until`) before sending, so
-- no message goes out twice while its claim holds. The message text (which may carry
-- a one-time link) is blanked once sent or given up; the row keeps ids and times.
CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT    NOT NULL,
    user_id         BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    to_addr         TEXT    NOT NULL,
    message         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claim           TEXT,
    claimed_until   BIGINT  NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    failed_at       BIGINT,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_claim ON mail_outbox (claim) WHERE sent_at IS NULL AND failed_at IS NULL;

-- A change of e-mail address waiting for its confirmation link (sent to the new
-- address; only the token's hash is stored). Confirming moves the address over.
CREATE TABLE email_changes (
    token_hash   TEXT    PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email    TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT
);
CREATE INDEX email_changes_user ON email_changes (user_id);
