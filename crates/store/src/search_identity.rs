//! What a search index checks before trusting itself: which database it follows
//! (an id made at migration), a mark of the change at a sequence (so a database
//! restored from a backup, whose sequences were handed out again to other changes,
//! is told apart), and how many posts the index should hold.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::visibility::public_post_in_public_thread;

/// The database as the index sees it: its id and its last sequence, read together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogIdentity {
    /// Random id of this database, made when it was migrated.
    pub instance: String,
    /// The last sequence handed out.
    pub head: i64,
}

impl Store {
    /// This database's id and head of the change log.
    pub async fn search_identity(&self) -> Result<LogIdentity, StoreError> {
        let row = sqlx::query("SELECT instance, seq FROM search_seq WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(LogIdentity {
            instance: row.try_get("instance")?,
            head: row.try_get("seq")?,
        })
    }

    /// A mark of the change at `seq` (its ids and the nanosecond it was logged), or None when the log no
    /// longer holds it. Two databases that handed out `seq` to different changes
    /// give different marks.
    pub async fn search_change_mark(&self, seq: i64) -> Result<Option<String>, StoreError> {
        let row =
            sqlx::query("SELECT thread_id, post_id, stamp FROM search_changes WHERE seq = $1")
                .bind(seq)
                .fetch_optional(&self.pool)
                .await?;
        let Some(row) = row else { return Ok(None) };
        let thread: i64 = row.try_get("thread_id")?;
        let post: Option<i64> = row.try_get("post_id")?;
        let at: i64 = row.try_get("stamp")?;
        Ok(Some(format!("{thread}:{}:{at}", post.unwrap_or(0))))
    }

    /// How many posts the index should hold: published, visible posts in public
    /// threads, by the same rule the indexer reads them with.
    pub async fn count_indexable_posts(&self) -> Result<i64, StoreError> {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM posts p JOIN threads t ON t.id = p.thread_id \
             JOIN users u ON u.id = p.author_id WHERE {}",
            public_post_in_public_thread()
        );
        let row = sqlx::query(&sql).fetch_one(&self.pool).await?;
        Ok(row.try_get("n")?)
    }
}
