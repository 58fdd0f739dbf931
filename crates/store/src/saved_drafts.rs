//! Drafts kept on the server for their author (migration 0026): one per member and
//! thread, 0 for a new thread. Read only by their author's own requests; deleted when
//! the post goes out (in its transaction), when discarded, with the account, and 30
//! days after their last change.

use domain::models::SavedDraft;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::rows::IntBool;
use crate::tx::Tx;

#[derive(sqlx::FromRow)]
struct DraftRow {
    thread_id: i64,
    category: String,
    title: String,
    tags: String,
    body: String,
    #[sqlx(try_from = "IntBool")]
    question: bool,
    #[sqlx(try_from = "IntBool")]
    flagged: bool,
    updated_at: i64,
}

impl From<DraftRow> for SavedDraft {
    fn from(r: DraftRow) -> Self {
        SavedDraft {
            thread_id: r.thread_id,
            category: r.category,
            title: r.title,
            tags: r.tags,
            body: r.body,
            question: r.question,
            flagged: r.flagged,
            updated_at: r.updated_at,
        }
    }
}

impl Store {
    /// `user_id`'s draft for a thread (0: a new thread), if any.
    pub async fn saved_draft(
        &self,
        user_id: i64,
        thread_id: i64,
    ) -> Result<Option<SavedDraft>, StoreError> {
        let row: Option<DraftRow> = sqlx::query_as(
            "SELECT thread_id, category, title, tags, body, question, flagged, updated_at \
             FROM drafts WHERE user_id = $1 AND thread_id = $2",
        )
        .bind(user_id)
        .bind(thread_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(SavedDraft::from))
    }

    /// Deletes drafts last changed before `before`; returns how many.
    pub async fn purge_old_drafts(&self, before: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM drafts WHERE updated_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// How many drafts `user_id` keeps (their data export counts them).
    pub async fn draft_count(&self, user_id: i64) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT COUNT(*) AS n FROM drafts WHERE user_id = $1")
                .bind(user_id)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?,
        )
    }
}

impl Tx {
    /// Saves `user_id`'s draft (replacing the one for the same thread); returns when.
    pub async fn save_draft(&mut self, user_id: i64, d: &SavedDraft) -> Result<i64, StoreError> {
        let at = now();
        sqlx::query(
            "INSERT INTO drafts (user_id, thread_id, category, title, tags, body, question, flagged, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (user_id, thread_id) DO UPDATE \
             SET category = excluded.category, title = excluded.title, tags = excluded.tags, \
             body = excluded.body, question = excluded.question, flagged = excluded.flagged, \
             updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(d.thread_id)
        .bind(&d.category)
        .bind(&d.title)
        .bind(&d.tags)
        .bind(&d.body)
        .bind(i64::from(d.question))
        .bind(i64::from(d.flagged))
        .bind(at)
        .execute(self.conn())
        .await?;
        Ok(at)
    }

    /// Deletes `user_id`'s draft for a thread (0: a new thread); whether there was one.
    pub async fn delete_draft(&mut self, user_id: i64, thread_id: i64) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("DELETE FROM drafts WHERE user_id = $1 AND thread_id = $2")
                .bind(user_id)
                .bind(thread_id)
                .execute(self.conn())
                .await?
                .rows_affected()
                > 0,
        )
    }

    /// Whether `user_id` posted in the thread (0: started a thread) since `since`:
    /// an autosave that arrives after its post went out must not bring the draft back.
    pub async fn posted_since(
        &mut self,
        user_id: i64,
        thread_id: i64,
        since: i64,
    ) -> Result<bool, StoreError> {
        let q = if thread_id == 0 {
            sqlx::query(
                "SELECT 1 AS one FROM threads WHERE author_id = $1 AND private = 0 \
                 AND created_at >= $2 AND $3 = 0 LIMIT 1",
            )
        } else {
            sqlx::query(
                "SELECT 1 AS one FROM posts WHERE author_id = $1 AND created_at >= $2 \
                 AND thread_id = $3 LIMIT 1",
            )
        };
        Ok(q.bind(user_id)
            .bind(since)
            .bind(thread_id)
            .fetch_optional(self.conn())
            .await?
            .is_some())
    }
}
