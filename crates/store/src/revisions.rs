//! The revision history of a post, for its author and for moderators only.

use domain::models::{FieldFindings, HeldSummary, RevisionView};
use domain::vocab::RevisionState;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::{IntBool, Stored};
use crate::tx::Tx;

/// A revision as the history query returns it.
#[derive(sqlx::FromRow)]
struct RevisionRow {
    id: i64,
    display_name: String,
    title: Option<String>,
    tags: Option<String>,
    body_md: String,
    #[sqlx(try_from = "Stored")]
    state: RevisionState,
    findings: String,
    #[sqlx(try_from = "IntBool")]
    review_requested: bool,
    reason: String,
    created_at: i64,
    purge_after: Option<i64>,
    purged_at: Option<i64>,
}

impl From<RevisionRow> for RevisionView {
    fn from(r: RevisionRow) -> RevisionView {
        RevisionView {
            id: r.id,
            editor: r.display_name,
            title: r.title,
            tags: r.tags,
            body_md: r.body_md,
            state: r.state,
            findings: serde_json::from_str::<FieldFindings>(&r.findings).unwrap_or_default(),
            review_requested: r.review_requested,
            reason: r.reason,
            created_at: r.created_at,
            purge_after: r.purge_after,
            purged: r.purged_at.is_some(),
        }
    }
}

/// One of an author's waiting posts as the query returns it.
#[derive(sqlx::FromRow)]
struct OwnHeldRow {
    id: i64,
    #[sqlx(try_from = "IntBool")]
    review_requested: bool,
    created_at: i64,
    title: Option<String>,
    thread_title: String,
}

impl Store {
    /// Every revision of a post, newest first.
    pub async fn revisions(&self, post_id: i64) -> Result<Vec<RevisionView>, StoreError> {
        let rows: Vec<RevisionRow> = sqlx::query_as(
            "SELECT r.id, u.display_name, r.title, r.tags, r.body_md, r.state, r.findings, \
             r.review_requested, r.reason, r.created_at, r.purge_after, r.purged_at \
             FROM post_revisions r JOIN users u ON u.id = r.editor_id \
             WHERE r.post_id = $1 ORDER BY r.id DESC",
        )
        .bind(post_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(RevisionView::from).collect())
    }

    /// The post's waiting (held) revision, if any.
    pub async fn held_revision_of(&self, post_id: i64) -> Result<Option<i64>, StoreError> {
        held_revision_of(&self.pool, post_id).await
    }

    /// The title a thread's author wrote most recently (for their own waiting thread).
    pub async fn latest_title(&self, post_id: i64) -> Result<String, StoreError> {
        let row = sqlx::query(
            "SELECT title FROM post_revisions WHERE post_id = $1 AND title IS NOT NULL \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(post_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|r| r.try_get::<Option<String>, _>("title"))
            .transpose()?
            .flatten()
            .unwrap_or_default())
    }
}

impl Store {
    /// The author's own posts waiting for review, newest first.
    pub async fn own_held(&self, user_id: i64) -> Result<Vec<HeldSummary>, StoreError> {
        let rows: Vec<OwnHeldRow> = sqlx::query_as(
            "SELECT p.id, r.review_requested, r.created_at, r.title, t.title AS thread_title \
             FROM post_revisions r JOIN posts p ON p.id = r.post_id \
             JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = $1 AND r.state = 'held' ORDER BY r.id DESC LIMIT 50",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| HeldSummary {
                post_id: r.id,
                title: r.title.unwrap_or(r.thread_title),
                review_requested: r.review_requested,
                created_at: r.created_at,
            })
            .collect())
    }
}

impl Tx {
    /// The post's waiting (held) revision, read inside the transaction.
    pub async fn held_revision_of(&mut self, post_id: i64) -> Result<Option<i64>, StoreError> {
        held_revision_of(self.conn(), post_id).await
    }
}

async fn held_revision_of<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    e: E,
    post_id: i64,
) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query(
        "SELECT id FROM post_revisions WHERE post_id = $1 AND state = 'held' \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(post_id)
    .fetch_optional(e)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}
