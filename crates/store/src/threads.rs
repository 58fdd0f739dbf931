//! Reading threads for members: a thread's row (callers apply
//! [`domain::visibility`]), its tags, and the pages of the forum's thread lists.

use domain::models::ThreadSummary;
use domain::visibility::ThreadFacts;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::IntBool;
use crate::tx::Tx;
use crate::visibility::{PUBLIC_POST, PUBLIC_THREAD};

/// Threads per page of a thread list.
pub const THREADS_PER_PAGE: i64 = 30;

/// A thread row as stored (visibility decided by the caller through [`ThreadRow::facts`]
/// and [`domain::visibility`]).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ThreadRow {
    /// Id.
    pub id: i64,
    /// Category id.
    pub category_id: i64,
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
}

impl ThreadRow {
    /// What the visibility rule needs.
    pub fn facts(&self) -> ThreadFacts {
        ThreadFacts {
            author_id: self.author_id,
            published: self.published,
            hidden: self.hidden,
            deleted: self.deleted,
        }
    }
}

/// Number of pages for `total` items (at least one).
pub fn pages(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page).max(1)
}

/// A row of a thread list as the query returns it.
#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    title: String,
    slug: String,
    display_name: String,
    last_activity_at: i64,
    #[sqlx(try_from = "IntBool")]
    pinned: bool,
    #[sqlx(try_from = "IntBool")]
    locked: bool,
    replies: i64,
}

impl ListRow {
    fn into_summary(self, tags: Vec<String>) -> ThreadSummary {
        ThreadSummary {
            id: self.id,
            title: self.title,
            category: self.slug,
            author: self.display_name,
            replies: self.replies,
            last_activity_at: self.last_activity_at,
            pinned: self.pinned,
            locked: self.locked,
            tags,
        }
    }
}

impl Store {
    /// One page of published, visible threads by last activity (pinned first),
    /// optionally in one category; and the number of pages.
    pub async fn list_threads(
        &self,
        category_id: Option<i64>,
        page: i64,
    ) -> Result<(Vec<ThreadSummary>, i64), StoreError> {
        let filter = format!("{PUBLIC_THREAD} AND ($1 = 0 OR t.category_id = $1)");
        let cat = category_id.unwrap_or(0);
        let total: i64 = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM threads t WHERE {filter}"
        ))
        .bind(cat)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        let pages = pages(total, THREADS_PER_PAGE);
        let page = page.clamp(1, pages);
        let sql = format!(
            "SELECT t.id, t.title, c.slug, u.display_name, t.last_activity_at, t.pinned, t.locked, \
             (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND p.number > 1 \
                AND {PUBLIC_POST}) AS replies \
             FROM threads t JOIN categories c ON c.id = t.category_id \
             JOIN users u ON u.id = t.author_id WHERE {filter} \
             ORDER BY t.pinned DESC, t.last_activity_at DESC, t.id DESC LIMIT $2 OFFSET $3"
        );
        let rows: Vec<ListRow> = sqlx::query_as(&sql)
            .bind(cat)
            .bind(THREADS_PER_PAGE)
            .bind((page - 1) * THREADS_PER_PAGE)
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let tags = self.thread_tags(r.id).await?;
            out.push(r.into_summary(tags));
        }
        Ok((out, pages))
    }

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
        "SELECT id, category_id, author_id, title, published, pinned, locked, hidden, deleted \
         FROM threads WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(e)
    .await?)
}
