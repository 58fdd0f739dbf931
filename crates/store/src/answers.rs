//! Questions and their answers: whether a thread is a question, and which reply
//! answers it. Every post of a thread carries the thread's status in the search index,
//! so a change is logged for the index in the same transaction.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::posts::PostRow;
use crate::tx::Tx;

impl Tx {
    /// Marks a thread being started as a question (or not).
    pub async fn set_question(&mut self, thread_id: i64, question: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE threads SET question = $2 WHERE id = $1")
            .bind(thread_id)
            .bind(i64::from(question))
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Sets or clears the thread's answer; the search index hears of it. The caller
    /// has checked the rules (`domain::visibility::may_choose_answer`, `may_be_answer`).
    pub async fn set_answer(
        &mut self,
        thread_id: i64,
        post_id: Option<i64>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE threads SET answer_post_id = $2 WHERE id = $1")
            .bind(thread_id)
            .bind(post_id)
            .execute(self.conn())
            .await?;
        crate::search_log::log_change(self.conn(), thread_id, None).await?;
        Ok(())
    }
}

impl Store {
    /// The answer post with its author's display name and published HTML, for the
    /// box under the question (the caller checks the viewer may read it).
    pub async fn answer_post(
        &self,
        post_id: i64,
    ) -> Result<Option<(PostRow, String, String)>, StoreError> {
        let Some(post) = self.post_row(post_id).await? else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT u.display_name, p.body_html FROM posts p JOIN users u ON u.id = p.author_id \
             WHERE p.id = $1",
        )
        .bind(post_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(Some((
            post,
            row.try_get("display_name")?,
            row.try_get("body_html")?,
        )))
    }
}
