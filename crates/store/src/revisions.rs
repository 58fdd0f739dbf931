//! The revision history of a post, for its author and for moderators only.

use sqlx::Row;

use domain::vocab::RevisionState;

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::Stored;
use crate::tx::Tx;
use domain::models::{FieldFindings, RevisionView};

impl Store {
    /// Every revision of a post, newest first.
    pub async fn revisions(&self, post_id: i64) -> Result<Vec<RevisionView>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.id, u.display_name, r.title, r.tags, r.body_md, r.state, r.findings, \
             r.review_requested, r.reason, r.created_at, r.purge_after, r.purged_at \
             FROM post_revisions r JOIN users u ON u.id = r.editor_id \
             WHERE r.post_id = $1 ORDER BY r.id DESC",
        )
        .bind(post_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let findings: String = r.try_get("findings")?;
            out.push(RevisionView {
                id: r.try_get("id")?,
                editor: r.try_get("display_name")?,
                title: r.try_get("title")?,
                tags: r.try_get("tags")?,
                body_md: r.try_get("body_md")?,
                state: {
                    let s: Stored = r.try_get("state")?;
                    RevisionState::try_from(s)?
                },
                findings: serde_json::from_str::<FieldFindings>(&findings).unwrap_or_default(),
                review_requested: r.try_get::<i64, _>("review_requested")? != 0,
                reason: r.try_get("reason")?,
                created_at: r.try_get("created_at")?,
                purge_after: r.try_get("purge_after")?,
                purged: r.try_get::<Option<i64>, _>("purged_at")?.is_some(),
            });
        }
        Ok(out)
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
    pub async fn own_held(
        &self,
        user_id: i64,
    ) -> Result<Vec<domain::models::HeldSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, r.review_requested, r.created_at, r.title, t.title AS thread_title \
             FROM post_revisions r JOIN posts p ON p.id = r.post_id \
             JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = $1 AND r.state = 'held' ORDER BY r.id DESC LIMIT 50",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let title: Option<String> = r.try_get("title")?;
            out.push(domain::models::HeldSummary {
                post_id: r.try_get("id")?,
                title: title.unwrap_or(r.try_get("thread_title")?),
                review_requested: r.try_get::<i64, _>("review_requested")? != 0,
                created_at: r.try_get("created_at")?,
            });
        }
        Ok(out)
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
