//! Member reports of published posts and the moderators' decisions on them.

use sqlx::Row;

use super::search_log::log_change;
use super::{now, Store, StoreError};

/// The reasons a member can give.
pub const REPORT_REASONS: [&str; 4] = ["patient_data", "misinformation", "unprofessional", "other"];

/// A report as a moderator acts on it.
#[derive(Clone, Debug)]
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
    /// One of [`REPORT_REASONS`].
    pub reason: String,
    /// The reporter's note.
    pub note: String,
    /// open, dismissed, hidden, removed.
    pub state: String,
    /// The reported post's published HTML ('' once removed).
    pub post_html: String,
}

impl Store {
    /// Files a report.
    pub async fn create_report(
        &self,
        post_id: i64,
        reporter_id: i64,
        reason: &str,
        note: &str,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO reports (post_id, reporter_id, reason, note, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(post_id)
        .bind(reporter_id)
        .bind(reason)
        .bind(note)
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("id")?)
    }

    /// A report with its post.
    pub async fn report(&self, id: i64) -> Result<Option<ReportRow>, StoreError> {
        let row = sqlx::query(
            "SELECT rp.id, rp.post_id, p.thread_id, p.author_id, rp.reporter_id, rp.reason, \
             rp.note, rp.state, p.body_html FROM reports rp JOIN posts p ON p.id = rp.post_id \
             WHERE rp.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(ReportRow {
            id: r.try_get("id")?,
            post_id: r.try_get("post_id")?,
            thread_id: r.try_get("thread_id")?,
            author_id: r.try_get("author_id")?,
            reporter_id: r.try_get("reporter_id")?,
            reason: r.try_get("reason")?,
            note: r.try_get("note")?,
            state: r.try_get("state")?,
            post_html: r.try_get("body_html")?,
        }))
    }

    /// Decides an open report: `dismissed`, `hidden` (the post is hidden from members)
    /// or `removed` (the post's text is removed). False when already decided.
    pub async fn decide_report(
        &self,
        id: i64,
        outcome: &str,
        moderator_id: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE reports SET state = $2, decided_by = $3, decided_at = $4 \
             WHERE id = $1 AND state = 'open'",
        )
        .bind(id)
        .bind(outcome)
        .bind(moderator_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        let post_sql = match outcome {
            "hidden" => Some("UPDATE posts SET hidden = 1 WHERE id = $1"),
            "removed" => Some(
                "UPDATE posts SET state = 'removed', body_md = '', body_html = '', body_text = '' \
                 WHERE id = $1",
            ),
            _ => None,
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
            .bind(outcome)
            .bind(moderator_id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            log_change(&mut tx, thread_id, Some(post_id)).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Pins, locks or hides a thread (`flag` is `pinned`, `locked` or `hidden`).
    pub async fn set_thread_flag(
        &self,
        thread_id: i64,
        flag: &str,
        on: bool,
    ) -> Result<(), StoreError> {
        let sql = match flag {
            "pinned" => "UPDATE threads SET pinned = $2 WHERE id = $1",
            "locked" => "UPDATE threads SET locked = $2 WHERE id = $1",
            "hidden" => "UPDATE threads SET hidden = $2 WHERE id = $1",
            _ => return Ok(()),
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query(sql)
            .bind(thread_id)
            .bind(i64::from(on))
            .execute(&mut *tx)
            .await?;
        if flag == "hidden" {
            log_change(&mut tx, thread_id, None).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Hides or shows one post.
    pub async fn set_post_hidden(&self, post_id: i64, on: bool) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
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
        log_change(&mut tx, thread_id, Some(post_id)).await?;
        tx.commit().await?;
        Ok(())
    }
}
