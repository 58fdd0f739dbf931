-- A fourth way to hear of a kind of notification: in the app, and in one letter a
-- day (the daily digest). SQLite cannot change a CHECK constraint: the table is
-- made anew with the wider one and its rows copied over.
CREATE TABLE notification_prefs_new (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT   NOT NULL,
    channel  TEXT   NOT NULL CHECK (channel IN ('email', 'digest', 'in_app', 'off')),
    PRIMARY KEY (user_id, kind)
);
INSERT INTO notification_prefs_new (user_id, kind, channel)
    SELECT user_id, kind, channel FROM notification_prefs;
DROP TABLE notification_prefs;
ALTER TABLE notification_prefs_new RENAME TO notification_prefs;

-- A notification waiting for the member's next digest (1), and when their last
-- digest went out (at most one a day).
ALTER TABLE notifications ADD COLUMN in_digest BIGINT NOT NULL DEFAULT 0;
CREATE INDEX notifications_digest ON notifications (user_id, created_at) WHERE in_digest = 1;
ALTER TABLE users ADD COLUMN digest_at BIGINT;
