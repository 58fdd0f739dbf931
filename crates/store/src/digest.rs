//! The daily digest's rows: which members have notifications waiting for one, the
//! claim that makes one process send it (at most one a day per member, even with
//! several `rounds serve` on one database), and taking what it lists.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::tx::Tx;

/// A day, in seconds: the least time between two digests to one member.
pub const DIGEST_EVERY_SECS: i64 = 86_400;

/// One notification as a digest lists it (ids resolved to names and a published
/// title; never text).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestLine {
    /// The notification.
    pub id: i64,
    /// The kind (`reply`, `mention`, …).
    pub kind: String,
    /// Who acted ("" when nobody, or a deleted account).
    pub actor: String,
    /// The thread's published title ("" while unpublished).
    pub title: String,
    /// When it was read in the app, if it was.
    pub read_at: Option<i64>,
}

impl Store {
    /// Members with a notification waiting since `waiting_since` or earlier whose
    /// last digest went out `DIGEST_EVERY_SECS` before `now` or longer (at most
    /// `limit`).
    pub async fn digest_due(
        &self,
        now: i64,
        waiting_since: i64,
        limit: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE n.in_digest = 1 AND n.created_at <= $1 \
             AND (u.digest_at IS NULL OR u.digest_at <= $2) ORDER BY n.user_id LIMIT $3",
        )
        .bind(waiting_since)
        .bind(now - DIGEST_EVERY_SECS)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("user_id"))
            .collect::<Result<_, _>>()?)
    }
}

impl Tx {
    /// Claims the member's digest for `now`: false when another process sent one
    /// less than a day ago (or just now).
    pub async fn claim_digest(&mut self, user_id: i64, now: i64) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE users SET digest_at = $2 WHERE id = $1 AND (digest_at IS NULL OR digest_at <= $3)",
        )
        .bind(user_id)
        .bind(now)
        .bind(now - DIGEST_EVERY_SECS)
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// The member's waiting notifications, oldest first, no longer waiting after this.
    pub async fn take_digest(&mut self, user_id: i64) -> Result<Vec<DigestLine>, StoreError> {
        let lines: Vec<DigestLine> = sqlx::query_as(
            "SELECT n.id, n.kind, COALESCE(a.display_name, '') AS actor, \
             COALESCE(CASE WHEN t.published = 1 THEN t.title END, '') AS title, n.read_at \
             FROM notifications n LEFT JOIN users a ON a.id = n.actor_id \
             LEFT JOIN threads t ON t.id = n.thread_id \
             WHERE n.user_id = $1 AND n.in_digest = 1 ORDER BY n.id",
        )
        .bind(user_id)
        .fetch_all(self.conn())
        .await?;
        // Only what was listed: one made meanwhile waits for the next digest.
        let last = lines.last().map_or(0, |l| l.id);
        sqlx::query(
            "UPDATE notifications SET in_digest = 0 WHERE user_id = $1 AND in_digest = 1 AND id <= $2",
        )
        .bind(user_id)
        .bind(last)
        .execute(self.conn())
        .await?;
        Ok(lines)
    }
}
