-- How each member wants each kind of notification: by e-mail too, in the app only,
-- or not at all. No row: the kind's default (domain::vocab::Channel::default_for).
CREATE TABLE notification_prefs (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT   NOT NULL,
    channel  TEXT   NOT NULL CHECK (channel IN ('email', 'in_app', 'off')),
    PRIMARY KEY (user_id, kind)
);

-- The secret in a member's one-click unsubscribe links (RFC 8058): a mail client posts
-- to the link without a session, so the link itself must prove whose it is. Made on
-- first use; replacing it withdraws every link already sent.
ALTER TABLE users ADD COLUMN mail_key TEXT;
