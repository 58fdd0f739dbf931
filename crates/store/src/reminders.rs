//! Held posts their authors left: the revisions a reminder is due for (held, never
//! sent to the moderators, not reminded yet), and claiming one reminder so that it
//! goes out once however many processes look.

use crate::error::StoreError;
use crate::pool::Store;
use crate::tx::Tx;

/// A held revision its author has not acted on, and whom to remind.
#[derive(Debug, sqlx::FromRow)]
pub struct Unsent {
    /// The held revision.
    pub revision_id: i64,
    /// Its post.
    pub post_id: i64,
    /// The post's thread.
    pub thread_id: i64,
    /// The post's author.
    pub author_id: i64,
}

impl Store {
    /// Up to `limit` held revisions made at or before `held_before` that their author
    /// neither replaced nor sent for review and was not reminded of, oldest first
    /// (read through the partial index `post_revisions_unsent`).
    pub async fn unsent_held(
        &self,
        held_before: i64,
        limit: i64,
    ) -> Result<Vec<Unsent>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT r.id AS revision_id, r.post_id, p.thread_id, p.author_id \
             FROM post_revisions r JOIN posts p ON p.id = r.post_id \
             JOIN users u ON u.id = p.author_id \
             WHERE r.state = 'held' AND r.review_requested = 0 AND r.reminded_at IS NULL \
             AND r.created_at <= $1 AND u.deleted_at IS NULL \
             ORDER BY r.created_at LIMIT $2",
        )
        .bind(held_before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Claims the reminder of a held revision: false when it was sent already (by
    /// another process) or the author acted on the revision meanwhile.
    pub async fn claim_reminder(&mut self, revision_id: i64, now: i64) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE post_revisions SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL \
             AND state = 'held' AND review_requested = 0",
        )
        .bind(revision_id)
        .bind(now)
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }
}
