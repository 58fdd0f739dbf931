//! An author deleting their post, and how long a post's text outlives its removal. A post deleted by its author or
//! removed by a moderator keeps its text (every revision, published or not) only
//! until the same deadline as other unpublished text; a removal for patient data
//! blanks it at once. A removed opening post takes its thread's title and tags with
//! it: after a removal for patient data the thread is hidden until a moderator
//! gives it a new title and shows it again. An edit still waiting for a moderator
//! is discarded with the post, so approving it later cannot bring the post back.

use sqlx::{AnyConnection, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::tx::Tx;

/// When a retired post's text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retire {
    /// With the next purge after this time (unix seconds).
    After(i64),
    /// Now, in this transaction (patient data).
    Now,
}

pub use domain::models::REMOVED_TITLE;

impl Tx {
    /// The author deletes their post: its published text is removed from what members
    /// can reach; a waiting version is discarded (and purged later). Deleting the
    /// opening post deletes the thread.
    pub async fn delete_post(&mut self, post_id: i64, purge_after: i64) -> Result<(), StoreError> {
        let conn = self.conn();
        sqlx::query(
            "UPDATE posts SET state = 'deleted', body_md = '', body_html = '', body_text = '' \
             WHERE id = $1",
        )
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
        let r = sqlx::query("SELECT thread_id, number FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(&mut *conn)
            .await?;
        let thread_id: i64 = r.try_get("thread_id")?;
        let number: i64 = r.try_get("number")?;
        crate::posting::discard_unpublished(conn, post_id, 0, purge_after).await?;
        if number == 1 {
            sqlx::query("UPDATE threads SET deleted = 1 WHERE id = $1")
                .bind(thread_id)
                .execute(&mut *conn)
                .await?;
        }
        crate::search_log::log_change(conn, thread_id, (number != 1).then_some(post_id)).await?;
        Ok(())
    }

    /// Schedules (or does) the purge of every revision of `post_id`, and for an
    /// opening post removed for patient data, blanks and hides its thread.
    pub async fn retire_post_text(&mut self, post_id: i64, when: Retire) -> Result<(), StoreError> {
        let conn = self.conn();
        // A held edit queued before the removal goes with the post: it leaves the
        // queue (and any moderator's claim on it) and is purged with the rest.
        sqlx::query(
            "DELETE FROM claims WHERE kind = 'held' AND item_id IN \
             (SELECT id FROM post_revisions WHERE post_id = $1 AND state = 'held')",
        )
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE post_revisions SET state = 'discarded' WHERE post_id = $1 AND state = 'held'",
        )
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
        match when {
            Retire::After(at) => {
                sqlx::query(
                    "UPDATE post_revisions SET purge_after = $2 WHERE post_id = $1 \
                     AND purged_at IS NULL AND (purge_after IS NULL OR purge_after > $2)",
                )
                .bind(post_id)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            }
            Retire::Now => blank_revisions(conn, post_id).await?,
        }
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT thread_id, number FROM posts WHERE id = $1")
                .bind(post_id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some((thread_id, 1)) = row {
            // The title and tags were the opening post's words.
            let hide = i64::from(when == Retire::Now);
            sqlx::query(
                "UPDATE threads SET title = $2, hidden = CASE WHEN $3 = 1 THEN 1 ELSE hidden END \
                 WHERE id = $1",
            )
            .bind(thread_id)
            .bind(REMOVED_TITLE)
            .bind(hide)
            .execute(&mut *conn)
            .await?;
            sqlx::query("DELETE FROM thread_tags WHERE thread_id = $1")
                .bind(thread_id)
                .execute(&mut *conn)
                .await?;
            crate::search_log::log_change(conn, thread_id, None).await?;
        }
        Ok(())
    }
}

async fn blank_revisions(conn: &mut AnyConnection, post_id: i64) -> Result<(), sqlx::Error> {
    let t = now();
    sqlx::query(
        "UPDATE post_revisions SET title = NULL, tags = NULL, body_md = '', body_html = '', \
         body_text = '', findings = '[]', purge_after = $2, purged_at = $2 \
         WHERE post_id = $1 AND purged_at IS NULL",
    )
    .bind(post_id)
    .bind(t)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
