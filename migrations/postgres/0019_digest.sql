-- A fourth way to hear of a kind of notification: in the app, and in one letter a
-- day (the daily digest).
ALTER TABLE notification_prefs DROP CONSTRAINT notification_prefs_channel_check;
ALTER TABLE notification_prefs ADD CONSTRAINT notification_prefs_channel_check
    CHECK (channel IN ('email', 'digest', 'in_app', 'off'));

-- A notification waiting for the member's next digest (1), and when their last
-- digest went out (at most one a day).
ALTER TABLE notifications ADD COLUMN in_digest BIGINT NOT NULL DEFAULT 0;
CREATE INDEX notifications_digest ON notifications (user_id, created_at) WHERE in_digest = 1;
ALTER TABLE users ADD COLUMN digest_at BIGINT;
