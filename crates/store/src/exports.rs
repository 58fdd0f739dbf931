//! What a member's data export reads: every post they wrote, in any state, with its
//! thread's title. The text of each version comes from the revision history (the
//! author's own view of it).

use crate::error::StoreError;
use crate::pool::Store;

/// One of the member's posts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnPost {
    /// The post.
    pub id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// Position in the thread (1 = the opening post).
    pub number: i64,
    /// `published`, `held`, `rejected`, `deleted` or `removed`.
    pub state: String,
    /// When it was written, unix seconds.
    pub created_at: i64,
    /// When it was first published.
    pub published_at: Option<i64>,
    /// The thread's published title ("" while never published).
    pub thread_title: String,
}

impl Store {
    /// Every post `user_id` wrote, oldest first.
    pub async fn own_posts(&self, user_id: i64) -> Result<Vec<OwnPost>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT p.id, p.thread_id, p.number, p.state, p.created_at, p.published_at, \
             t.title AS thread_title FROM posts p JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = $1 ORDER BY p.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
