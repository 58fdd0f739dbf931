//! The search change log and what the indexer reads: ids of changed threads and
//! posts (in the same transaction as the change), the published posts to index,
//! and the rows a result page shows, re-checked against the visibility rules.

use sqlx::{AnyConnection, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::visibility::public_post_in_public_thread;

/// Records that a thread (`post_id` None) or one post changed. Call it last in the
/// transaction: it locks the sequence row until commit. Every change members can see
/// passes here, so the thread's kept counters are brought up to date here too, in
/// the same transaction.
pub(super) async fn log_change(
    conn: &mut AnyConnection,
    thread_id: i64,
    post_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    // A thread whose answer went is reindexed whole: its posts' status changed.
    let post_id = if crate::threads::refresh_counters(conn, thread_id).await? {
        None
    } else {
        post_id
    };
    let seq: i64 = sqlx::query("UPDATE search_seq SET seq = seq + 1 WHERE id = 1 RETURNING seq")
        .fetch_one(&mut *conn)
        .await?
        .try_get("seq")?;
    sqlx::query(
        "INSERT INTO search_changes (seq, thread_id, post_id, created_at, stamp) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(seq)
    .bind(thread_id)
    .bind(post_id)
    .bind(now())
    .bind(stamp())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Nanoseconds since the epoch: with the ids, what tells one database's change at a
/// sequence from another's (see `search_identity`).
fn stamp() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// One entry of the change log.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
pub struct Change {
    /// Sequence number.
    pub seq: i64,
    /// Thread concerned.
    pub thread_id: i64,
    /// The post, or None for the whole thread.
    pub post_id: Option<i64>,
}

/// A published post as the index holds it.
#[derive(Clone, Debug)]
pub struct IndexDoc {
    /// Post id.
    pub post_id: i64,
    /// Thread id.
    pub thread_id: i64,
    /// Position in the thread (1 = opening post, which carries the title).
    pub number: i64,
    /// Author id.
    pub author_id: i64,
    /// Author's display name.
    pub author: String,
    /// Category id.
    pub category_id: i64,
    /// Thread title.
    pub title: String,
    /// Thread tags.
    pub tags: Vec<String>,
    /// Plain text of the published body.
    pub body: String,
    /// First publication (unix seconds).
    pub created: i64,
    /// Last published edit, or the first publication.
    pub updated: i64,
    /// The thread's question status (`domain::models::QuestionStatus` as a number).
    pub status: u64,
}

/// Which posts to read for indexing.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    /// Every post of a thread.
    Thread(i64),
    /// One post.
    Post(i64),
    /// Every post with an id above this (a rebuild, page by page).
    After(i64),
}

/// A published post as the indexing query returns it.
#[derive(sqlx::FromRow)]
struct DocRow {
    id: i64,
    thread_id: i64,
    number: i64,
    author_id: i64,
    display_name: String,
    category_id: i64,
    title: String,
    body_text: String,
    published_at: Option<i64>,
    edited_at: Option<i64>,
    #[sqlx(try_from = "crate::rows::IntBool")]
    question: bool,
    answer_post_id: Option<i64>,
}

impl From<DocRow> for IndexDoc {
    fn from(r: DocRow) -> IndexDoc {
        let created = r.published_at.unwrap_or(0);
        IndexDoc {
            post_id: r.id,
            thread_id: r.thread_id,
            number: r.number,
            author_id: r.author_id,
            author: r.display_name,
            category_id: r.category_id,
            title: r.title,
            tags: Vec::new(),
            body: r.body_text,
            created,
            updated: r.edited_at.unwrap_or(created),
            status: domain::models::QuestionStatus::of(r.question, r.answer_post_id) as u64,
        }
    }
}

impl Store {
    /// The last sequence handed out (0 when nothing changed yet).
    pub async fn search_head(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT seq FROM search_seq WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("seq")?)
    }

    /// The oldest sequence still in the log (older entries are pruned).
    pub async fn search_tail(&self) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT MIN(seq) AS s FROM search_changes")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<Option<i64>, _>("s")?)
    }

    /// Up to `limit` changes after `seq`, in order.
    pub async fn search_changes(&self, seq: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
        let rows: Vec<Change> = sqlx::query_as(
            "SELECT seq, thread_id, post_id FROM search_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Forgets changes older than `before` (unix seconds); an index that fell
    /// further behind than the log reaches is rebuilt.
    pub async fn prune_search_changes(&self, before: i64) -> Result<u64, StoreError> {
        // Keep the newest entry so the log's tail never passes its head.
        let done = sqlx::query(
            "DELETE FROM search_changes WHERE created_at < $1 \
             AND seq < (SELECT seq FROM search_seq WHERE id = 1)",
        )
        .bind(before)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Published, visible posts in `scope` (at most `limit`, by id), with their tags.
    pub async fn indexable_posts(
        &self,
        scope: Scope,
        limit: i64,
    ) -> Result<Vec<IndexDoc>, StoreError> {
        let (cond, arg) = match scope {
            Scope::Thread(id) => ("p.thread_id = $1", id),
            Scope::Post(id) => ("p.id = $1", id),
            Scope::After(id) => ("p.id > $1", id),
        };
        let sql = format!(
            "SELECT p.id, p.thread_id, p.number, p.author_id, u.display_name, t.category_id, \
             t.title, p.body_text, p.published_at, p.edited_at, t.question, t.answer_post_id \
             FROM posts p JOIN threads t ON t.id = p.thread_id JOIN users u ON u.id = p.author_id \
             WHERE {cond} AND {} ORDER BY p.id LIMIT $2",
            public_post_in_public_thread()
        );
        let rows: Vec<DocRow> = sqlx::query_as(&sql)
            .bind(arg)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        let mut docs: Vec<IndexDoc> = rows.into_iter().map(IndexDoc::from).collect();
        // Tags belong to the thread: every post of a tagged thread carries them, so
        // `tag:` finds replies too.
        let mut threads: Vec<i64> = docs.iter().map(|d| d.thread_id).collect();
        threads.sort_unstable();
        threads.dedup();
        let tags = self.tags_of(&threads).await?;
        for d in &mut docs {
            if let Some(t) = tags.get(&d.thread_id) {
                d.tags.clone_from(t);
            }
        }
        Ok(docs)
    }
}
