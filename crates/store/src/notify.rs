//! In-app notifications. Rows hold ids only; the text shown is looked up when the
//! recipient reads them, through the same visibility rules as every page.

use sqlx::Row;

use super::{now, Store, StoreError};
use domain::models::NotificationView;

/// Notifications shown on the notifications page.
pub const NOTIFICATIONS_SHOWN: i64 = 50;

/// What a new notification points at.
#[derive(Clone, Copy, Debug, Default)]
pub struct Target {
    /// Thread.
    pub thread_id: Option<i64>,
    /// Post.
    pub post_id: Option<i64>,
    /// Revision (decisions on held posts).
    pub revision_id: Option<i64>,
}

impl Store {
    /// Notifies `user_id` (never the actor themself).
    pub async fn notify(
        &self,
        user_id: i64,
        kind: &str,
        actor_id: Option<i64>,
        target: Target,
    ) -> Result<(), StoreError> {
        if actor_id == Some(user_id) {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO notifications (user_id, kind, actor_id, thread_id, post_id, revision_id, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(user_id)
        .bind(kind)
        .bind(actor_id)
        .bind(target.thread_id)
        .bind(target.post_id)
        .bind(target.revision_id)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Unread notifications of a user (the header's count).
    pub async fn unread_count(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// A user's latest notifications. The thread title is the published one, or
    /// the recipient's own waiting title when they wrote the thread; a rejection's
    /// reason comes from its revision.
    pub async fn notifications(&self, user_id: i64) -> Result<Vec<NotificationView>, StoreError> {
        let rows = sqlx::query(
            "SELECT n.id, n.kind, n.thread_id, n.post_id, n.created_at, n.read_at, \
             a.display_name AS actor, t.title, t.published, t.author_id, t.hidden, t.deleted, \
             r.reason FROM notifications n \
             LEFT JOIN users a ON a.id = n.actor_id \
             LEFT JOIN threads t ON t.id = n.thread_id \
             LEFT JOIN post_revisions r ON r.id = n.revision_id \
             WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(NOTIFICATIONS_SHOWN)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let thread_id: Option<i64> = r.try_get("thread_id")?;
            let published = r.try_get::<Option<i64>, _>("published")?.unwrap_or(0) != 0;
            let hidden = r.try_get::<Option<i64>, _>("hidden")?.unwrap_or(0) != 0;
            let deleted = r.try_get::<Option<i64>, _>("deleted")?.unwrap_or(0) != 0;
            let own = r.try_get::<Option<i64>, _>("author_id")? == Some(user_id);
            let title: Option<String> = r.try_get("title")?;
            let thread = match (thread_id, title) {
                (Some(id), Some(title)) if published && !deleted && (!hidden || own) => {
                    Some((id, title))
                }
                (Some(id), _) if own && !deleted => Some((id, String::new())),
                _ => None,
            };
            out.push(NotificationView {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                actor: r.try_get("actor")?,
                thread,
                post_id: r.try_get("post_id")?,
                reason: r
                    .try_get::<Option<String>, _>("reason")?
                    .unwrap_or_default(),
                created_at: r.try_get("created_at")?,
                read: r.try_get::<Option<i64>, _>("read_at")?.is_some(),
            });
        }
        Ok(out)
    }

    /// Marks all of a user's notifications read.
    pub async fn mark_notifications_read(&self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
            .bind(user_id)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Account ids of verified members by display name (for @mentions).
    pub async fn verified_ids_by_names(&self, names: &[String]) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::new();
        for name in names.iter().take(20) {
            // `@Nurse_Kimura` mentions "Nurse Kimura": names with spaces are written
            // with underscores after the @.
            let key = super::accounts::display_key(name);
            let row = sqlx::query(
                "SELECT id FROM users WHERE display_key IN ($1, $2) AND status = 'verified'",
            )
            .bind(&key)
            .bind(key.replace('_', " "))
            .fetch_optional(&self.pool)
            .await?;
            if let Some(r) = row {
                let id: i64 = r.try_get("id")?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }
}
