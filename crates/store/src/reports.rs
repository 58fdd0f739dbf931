//! Member reports of published posts and the moderators' decisions on them, and the
//! moderators' switches and new titles on threads and posts.

use domain::vocab::{ReportReason, ReportState, ThreadFlag};
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::rows::Stored;
use crate::search_log::log_change;
use crate::tx::Tx;

/// A report as a moderator acts on it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReportRow {
    /// Id.
    pub id: i64,
    /// The reported post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// The post's author.
    pub author_id: i64,
    /// Who reported it.
    pub reporter_id: i64,
    /// Why it was reported.
    #[sqlx(try_from = "Stored")]
    pub reason: ReportReason,
    /// The reporter's note.
    pub note: String,
    /// Where it stands.
    #[sqlx(try_from = "Stored")]
    pub state: ReportState,
    /// The reported post's published HTML ('' once removed).
    #[sqlx(rename = "body_html")]
    pub post_html: String,
    /// The post is a message in a conversation (moderators read it only here, audited).
    #[sqlx(try_from = "crate::rows::IntBool")]
    pub private: bool,
}

async fn report<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
) -> Result<Option<ReportRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT rp.id, rp.post_id, p.thread_id, p.author_id, rp.reporter_id, rp.reason, \
         rp.note, rp.state, p.body_html, t.private FROM reports rp \
         JOIN posts p ON p.id = rp.post_id JOIN threads t ON t.id = p.thread_id \
         WHERE rp.id = $1",
    )
    .bind(id)
    .fetch_optional(e)
    .await?)
}

impl Store {
    /// A report with its post.
    pub async fn report(&self, id: i64) -> Result<Option<ReportRow>, StoreError> {
        report(&self.pool, id).await
    }
}

impl Tx {
    /// A report with its post, read inside the transaction.
    pub async fn report(&mut self, id: i64) -> Result<Option<ReportRow>, StoreError> {
        report(self.conn(), id).await
    }

    /// Files a report.
    pub async fn create_report(
        &mut self,
        post_id: i64,
        reporter_id: i64,
        reason: ReportReason,
        note: &str,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO reports (post_id, reporter_id, reason, note, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(post_id)
        .bind(reporter_id)
        .bind(reason.as_str())
        .bind(note)
        .bind(now())
        .fetch_one(self.conn())
        .await?;
        Ok(row.try_get("id")?)
    }

    /// Decides an open report: dismissed, hidden (the post is hidden from members) or
    /// removed (the post's text is removed). False when already decided.
    pub async fn decide_report(
        &mut self,
        id: i64,
        outcome: ReportState,
        moderator_id: i64,
    ) -> Result<bool, StoreError> {
        let t = now();
        let tx = self.conn();
        let done = sqlx::query(
            "UPDATE reports SET state = $2, decided_by = $3, decided_at = $4 \
             WHERE id = $1 AND state = 'open'",
        )
        .bind(id)
        .bind(outcome.as_str())
        .bind(moderator_id)
        .bind(t)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        let post_sql = match outcome {
            ReportState::Hidden => Some("UPDATE posts SET hidden = 1 WHERE id = $1"),
            ReportState::Removed => Some(
                "UPDATE posts SET state = 'removed', body_md = '', body_html = '', body_text = '' \
                 WHERE id = $1",
            ),
            ReportState::Open | ReportState::Dismissed => None,
        };
        if let Some(sql) = post_sql {
            let post_id: i64 = sqlx::query("SELECT post_id FROM reports WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("post_id")?;
            sqlx::query(sql).bind(post_id).execute(&mut *tx).await?;
            let thread_id: i64 = sqlx::query("SELECT thread_id FROM posts WHERE id = $1")
                .bind(post_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("thread_id")?;
            // Other open reports of the same post are settled by this decision.
            sqlx::query(
                "UPDATE reports SET state = $2, decided_by = $3, decided_at = $4 \
                 WHERE post_id = $1 AND state = 'open'",
            )
            .bind(post_id)
            .bind(outcome.as_str())
            .bind(moderator_id)
            .bind(t)
            .execute(&mut *tx)
            .await?;
            log_change(tx, thread_id, Some(post_id)).await?;
        }
        Ok(true)
    }

    /// Pins, locks or hides a thread.
    pub async fn set_thread_flag(
        &mut self,
        thread_id: i64,
        flag: ThreadFlag,
        on: bool,
    ) -> Result<(), StoreError> {
        let sql = match flag {
            ThreadFlag::Pinned => "UPDATE threads SET pinned = $2 WHERE id = $1",
            ThreadFlag::Locked => "UPDATE threads SET locked = $2 WHERE id = $1",
            ThreadFlag::Hidden => "UPDATE threads SET hidden = $2 WHERE id = $1",
        };
        let tx = self.conn();
        sqlx::query(sql)
            .bind(thread_id)
            .bind(i64::from(on))
            .execute(&mut *tx)
            .await?;
        if flag == ThreadFlag::Hidden {
            log_change(tx, thread_id, None).await?;
        }
        Ok(())
    }

    /// A moderator's new title for a published thread (already screened). A thread
    /// whose title went with its removed opening post is shown again: that was why
    /// it was hidden. Returns whether it was shown again.
    pub async fn retitle_thread(
        &mut self,
        thread_id: i64,
        title: &str,
    ) -> Result<bool, StoreError> {
        let conn = self.conn();
        let shown = sqlx::query(
            "UPDATE threads SET hidden = 0 WHERE id = $1 AND title = $2 AND hidden = 1",
        )
        .bind(thread_id)
        .bind(domain::models::REMOVED_TITLE)
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1;
        sqlx::query("UPDATE threads SET title = $2 WHERE id = $1")
            .bind(thread_id)
            .bind(title)
            .execute(&mut *conn)
            .await?;
        log_change(conn, thread_id, None).await?;
        Ok(shown)
    }

    /// Hides or shows one post.
    pub async fn set_post_hidden(&mut self, post_id: i64, on: bool) -> Result<(), StoreError> {
        let tx = self.conn();
        sqlx::query("UPDATE posts SET hidden = $2 WHERE id = $1")
            .bind(post_id)
            .bind(i64::from(on))
            .execute(&mut *tx)
            .await?;
        let thread_id: i64 = sqlx::query("SELECT thread_id FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("thread_id")?;
        log_change(tx, thread_id, Some(post_id)).await?;
        Ok(())
    }
}
