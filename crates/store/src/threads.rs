//! Reading threads for members: a thread's row (callers apply
//! [`domain::visibility`]) and its tags; the counters kept on the thread row. The
//! thread lists are in [`crate::thread_lists`].

use domain::visibility::ThreadFacts;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::IntBool;
use crate::tx::Tx;
use crate::visibility::PUBLIC_POST;

/// A thread row as stored (visibility decided by the caller through [`ThreadRow::facts`]
/// and [`domain::visibility`]).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ThreadRow {
    /// Id.
    pub id: i64,
    /// Category id (none for a conversation).
    pub category_id: Option<i64>,
    /// Author id.
    pub author_id: i64,
    /// Published title.
    pub title: String,
    /// The opening post has been published.
    #[sqlx(try_from = "IntBool")]
    pub published: bool,
    /// Pinned.
    #[sqlx(try_from = "IntBool")]
    pub pinned: bool,
    /// Locked.
    #[sqlx(try_from = "IntBool")]
    pub locked: bool,
    /// Hidden by a moderator.
    #[sqlx(try_from = "IntBool")]
    pub hidden: bool,
    /// Deleted with its opening post.
    #[sqlx(try_from = "IntBool")]
    pub deleted: bool,
    /// Started as a question (a reply can be marked as its answer).
    #[sqlx(try_from = "IntBool")]
    pub question: bool,
    /// The reply marked as its answer.
    pub answer_post_id: Option<i64>,
    /// A conversation (direct messages) between its participants.
    #[sqlx(try_from = "IntBool")]
    pub private: bool,
}

impl ThreadRow {
    /// What the visibility rule needs, for a looker not known to take part (a
    /// conversation stays closed: use [`ThreadRow::facts_as`] or
    /// `Store::thread_facts` where participants may read it).
    pub fn facts(&self) -> ThreadFacts {
        self.facts_as(false)
    }

    /// What the visibility rule needs, for a looker who does (`participant`) or does
    /// not take part in the conversation (meaningless for other threads).
    pub fn facts_as(&self, participant: bool) -> ThreadFacts {
        ThreadFacts {
            author_id: self.author_id,
            published: self.published,
            hidden: self.hidden,
            deleted: self.deleted,
            private: self.private,
            participant: self.private && participant,
        }
    }
}

/// Number of pages for `total` items (at least one).
pub fn pages(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page).max(1)
}

/// Brings the counters kept on a thread's row up to date with its posts (called in
/// the transaction of every change members can see, see `search_log::log_change`).
/// Reads one thread's posts through its `(thread_id, number)` key. Returns whether
/// the thread's answer mark was taken off (then every post of it is reindexed).
pub(crate) async fn refresh_counters(
    conn: &mut AnyConnection,
    thread_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE threads SET reply_count = (SELECT COUNT(*) FROM posts p \
         WHERE p.thread_id = $1 AND p.number > 1 AND {PUBLIC_POST}), \
         last_post_number = COALESCE((SELECT MAX(p.number) FROM posts p \
         WHERE p.thread_id = $1 AND {PUBLIC_POST}), 0) WHERE id = $1"
    ))
    .bind(thread_id)
    .execute(&mut *conn)
    .await?;
    // An answer that stopped being public (hidden, deleted, removed) no longer
    // solves the question: lists and search stop saying "solved" in this same
    // transaction. Restored later, the asker marks it again.
    let dropped = sqlx::query(&format!(
        "UPDATE threads SET answer_post_id = NULL WHERE id = $1 AND answer_post_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = threads.answer_post_id AND {PUBLIC_POST})"
    ))
    .bind(thread_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(dropped > 0)
}

impl Store {
    /// The published tags of a thread.
    pub async fn thread_tags(&self, thread_id: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("SELECT tag FROM thread_tags WHERE thread_id = $1 ORDER BY tag")
            .bind(thread_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("tag"))
            .collect::<Result<_, _>>()?)
    }

    /// A thread row, whatever its state (callers apply [`domain::visibility`]).
    pub async fn thread_row(&self, id: i64) -> Result<Option<ThreadRow>, StoreError> {
        thread_row(&self.pool, id).await
    }
}

impl Tx {
    /// A thread row, read inside the transaction.
    pub async fn thread_row(&mut self, id: i64) -> Result<Option<ThreadRow>, StoreError> {
        thread_row(self.conn(), id).await
    }
}

async fn thread_row<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
) -> Result<Option<ThreadRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, category_id, author_id, title, published, pinned, locked, hidden, deleted, \
         question, answer_post_id, private FROM threads WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(e)
    .await?)
}
