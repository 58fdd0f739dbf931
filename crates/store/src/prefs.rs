//! Notification preferences (table `notification_prefs`) and the per-member secret of
//! one-click unsubscribe links (`users.mail_key`).

use domain::vocab::{Channel, NotificationKind};
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::tx::Tx;

impl Tx {
    /// How `user_id` hears of `kind` (their choice, else the kind's default).
    pub async fn channel(
        &mut self,
        user_id: i64,
        kind: NotificationKind,
    ) -> Result<Channel, StoreError> {
        let row =
            sqlx::query("SELECT channel FROM notification_prefs WHERE user_id = $1 AND kind = $2")
                .bind(user_id)
                .bind(kind.as_str())
                .fetch_optional(self.conn())
                .await?;
        Ok(row
            .and_then(|r| r.try_get::<String, _>("channel").ok())
            .and_then(|c| Channel::parse(&c))
            .unwrap_or_else(|| Channel::default_for(kind)))
    }

    /// Sets how `user_id` hears of `kind`.
    pub async fn set_channel(
        &mut self,
        user_id: i64,
        kind: NotificationKind,
        channel: Channel,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO notification_prefs (user_id, kind, channel) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(channel.as_str())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// The member's unsubscribe secret, made now if they have none.
    pub async fn mail_key(&mut self, user_id: i64, fresh: &str) -> Result<String, StoreError> {
        sqlx::query("UPDATE users SET mail_key = $1 WHERE id = $2 AND mail_key IS NULL")
            .bind(fresh)
            .bind(user_id)
            .execute(self.conn())
            .await?;
        let row = sqlx::query("SELECT mail_key FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(self.conn())
            .await?;
        Ok(row
            .try_get::<Option<String>, _>("mail_key")?
            .unwrap_or_default())
    }
}

impl Store {
    /// Every kind with how `user_id` hears of it.
    pub async fn channels(
        &self,
        user_id: i64,
    ) -> Result<Vec<(NotificationKind, Channel)>, StoreError> {
        let rows = sqlx::query("SELECT kind, channel FROM notification_prefs WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        let chosen: Vec<(String, String)> = rows
            .iter()
            .filter_map(|r| Some((r.try_get("kind").ok()?, r.try_get("channel").ok()?)))
            .collect();
        Ok(NotificationKind::ALL
            .iter()
            .map(|k| {
                let c = chosen
                    .iter()
                    .find(|(kind, _)| kind == k.as_str())
                    .and_then(|(_, c)| Channel::parse(c))
                    .unwrap_or_else(|| Channel::default_for(*k));
                (*k, c)
            })
            .collect())
    }

    /// The account whose unsubscribe secret is `key` (none when unknown).
    pub async fn user_by_mail_key(&self, user_id: i64, key: &str) -> Result<bool, StoreError> {
        if key.is_empty() {
            return Ok(false);
        }
        let row = sqlx::query("SELECT 1 AS one FROM users WHERE id = $1 AND mail_key = $2")
            .bind(user_id)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }
}
