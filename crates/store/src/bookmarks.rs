//! Members' bookmarks: a post kept with a private note and, if asked for, a reminder
//! sent once. A member's list reads their own rows through `(user_id, created_at)`;
//! the reminder task reads the due ones through a partial index.

use domain::models::BookmarkView;

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::tx::Tx;
use crate::visibility::public_post_in_public_thread;

/// Most bookmarks a member's list shows (newest first).
pub const BOOKMARKS_SHOWN: i64 = 200;

/// A bookmark whose reminder is due.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
pub struct DueBookmark {
    /// Whose.
    pub user_id: i64,
    /// The post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
}

#[derive(sqlx::FromRow)]
struct BookmarkRow {
    post_id: i64,
    thread_id: i64,
    number: i64,
    title: String,
    note: String,
    remind_at: Option<i64>,
    created_at: i64,
}

impl From<BookmarkRow> for BookmarkView {
    fn from(r: BookmarkRow) -> BookmarkView {
        BookmarkView {
            post_id: r.post_id,
            thread_id: r.thread_id,
            number: r.number,
            title: r.title,
            note: r.note,
            remind_at: r.remind_at,
            created_at: r.created_at,
        }
    }
}

/// The list's columns: the title only where every member may read the post.
fn select() -> String {
    format!(
        "SELECT b.post_id, p.thread_id, p.number, \
         CASE WHEN {} THEN t.title ELSE '' END AS title, \
         b.note, CASE WHEN b.reminded_at IS NULL THEN b.remind_at ELSE NULL END AS remind_at, \
         b.created_at \
         FROM bookmarks b JOIN posts p ON p.id = b.post_id JOIN threads t ON t.id = p.thread_id",
        public_post_in_public_thread()
    )
}

impl Store {
    /// A member's bookmarks, newest first (at most [`BOOKMARKS_SHOWN`]).
    pub async fn bookmarks(&self, user_id: i64) -> Result<Vec<BookmarkView>, StoreError> {
        let sql = format!(
            "{} WHERE b.user_id = $1 ORDER BY b.created_at DESC, b.post_id DESC LIMIT $2",
            select()
        );
        let rows: Vec<BookmarkRow> = sqlx::query_as(&sql)
            .bind(user_id)
            .bind(BOOKMARKS_SHOWN)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(BookmarkView::from).collect())
    }

    /// A member's bookmark of one post.
    pub async fn bookmark(
        &self,
        user_id: i64,
        post_id: i64,
    ) -> Result<Option<BookmarkView>, StoreError> {
        let sql = format!("{} WHERE b.user_id = $1 AND b.post_id = $2", select());
        let row: Option<BookmarkRow> = sqlx::query_as(&sql)
            .bind(user_id)
            .bind(post_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(BookmarkView::from))
    }

    /// Reminders due at `at`, oldest first.
    pub async fn due_bookmarks(&self, at: i64, limit: i64) -> Result<Vec<DueBookmark>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT b.user_id, b.post_id, p.thread_id FROM bookmarks b \
             JOIN posts p ON p.id = b.post_id \
             WHERE b.remind_at IS NOT NULL AND b.reminded_at IS NULL AND b.remind_at <= $1 \
             ORDER BY b.remind_at LIMIT $2",
        )
        .bind(at)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Tx {
    /// Keeps the post with `note` and a reminder at `remind_at` (replacing an earlier
    /// bookmark of it: a new time is a new reminder).
    pub async fn save_bookmark(
        &mut self,
        user_id: i64,
        post_id: i64,
        note: &str,
        remind_at: Option<i64>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO bookmarks (user_id, post_id, note, remind_at, created_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (user_id, post_id) DO UPDATE SET note = excluded.note, \
             remind_at = excluded.remind_at, reminded_at = NULL",
        )
        .bind(user_id)
        .bind(post_id)
        .bind(note)
        .bind(remind_at)
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Removes the bookmark; whether there was one.
    pub async fn remove_bookmark(
        &mut self,
        user_id: i64,
        post_id: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM bookmarks WHERE user_id = $1 AND post_id = $2")
            .bind(user_id)
            .bind(post_id)
            .execute(self.conn())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Claims a due reminder for sending (once, whichever process gets there first).
    pub async fn claim_bookmark_reminder(
        &mut self,
        b: DueBookmark,
        at: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE bookmarks SET reminded_at = $3 \
             WHERE user_id = $1 AND post_id = $2 AND reminded_at IS NULL",
        )
        .bind(b.user_id)
        .bind(b.post_id)
        .bind(at)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() > 0)
    }
}
