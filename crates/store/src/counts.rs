//! Counts and adjustments for operators' tools (`rounds seed`, benchmarks).

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;

impl Store {
    /// Threads in the database, whatever their state.
    pub async fn count_threads(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM threads")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Posts in the database, whatever their state.
    pub async fn count_posts(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM posts")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Moves a thread and its posts `secs` into the past (demo content).
    pub async fn backdate_thread(&self, thread_id: i64, secs: i64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE threads SET created_at = created_at - $2, \
             last_activity_at = last_activity_at - $2 WHERE id = $1",
        )
        .bind(thread_id)
        .bind(secs)
        .execute(&mut *tx)
        .await?;
        // Replies keep their order: each is a little later than the one before.
        sqlx::query(
            "UPDATE posts SET created_at = created_at - $2 + number * 600, \
             published_at = published_at - $2 + number * 600 WHERE thread_id = $1",
        )
        .bind(thread_id)
        .bind(secs)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE threads SET last_activity_at = \
             COALESCE((SELECT MAX(published_at) FROM posts WHERE thread_id = $1), \
             last_activity_at) WHERE id = $1",
        )
        .bind(thread_id)
        .execute(&mut *tx)
        .await?;
        // Dates are searchable (before:/after:), so the index follows.
        super::search_log::log_change(&mut tx, thread_id, None).await?;
        tx.commit().await?;
        Ok(())
    }
}
