//! Deleting an account in one transaction: the member's unpublished text (held,
//! rejected, waiting edits) is blanked at once; their published posts either stay
//! under "former member" or are deleted and blanked too; every personal field of
//! the account is emptied and everything tied to it (sessions, keys, codes, links,
//! settings, notifications, unsent mail) goes. The row itself stays, as the author
//! of what is kept and in the audit log (ids only).

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::retention::Retire;
use crate::tx::Tx;

/// The revision states that were never published: blanked at deletion.
const UNPUBLISHED: &str = "('held', 'rejected', 'discarded', 'redacted')";

impl Tx {
    /// Deletes account `user_id`; `with_posts`: its published posts go too.
    pub async fn delete_account(
        &mut self,
        user_id: i64,
        with_posts: bool,
    ) -> Result<(), StoreError> {
        let t = now();
        let posts: Vec<(i64, i64, String)> =
            sqlx::query("SELECT id, thread_id, state FROM posts WHERE author_id = $1 ORDER BY id")
                .bind(user_id)
                .fetch_all(self.conn())
                .await?
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get("id")?,
                        r.try_get("thread_id")?,
                        r.try_get("state")?,
                    ))
                })
                .collect::<Result<_, sqlx::Error>>()?;
        for (post_id, _, state) in &posts {
            match state.as_str() {
                "held" | "rejected" => {
                    self.delete_post(*post_id, t).await?;
                    self.retire_post_text(*post_id, Retire::Now).await?;
                }
                "published" if with_posts => {
                    self.delete_post(*post_id, t).await?;
                    self.retire_post_text(*post_id, Retire::Now).await?;
                }
                _ => self.blank_unpublished(*post_id, t).await?,
            }
        }
        let id = user_id.to_string();
        sqlx::query(
            "UPDATE users SET email = $2, password_hash = '!', display_name = '', display_key = $3, \
             licence_number = '', jurisdiction = '', npi = NULL, specialty = '', workplace = '', \
             rejection_reason = NULL, lang = NULL, mail_key = NULL, role = 'member', \
             status = CASE WHEN status = 'pending' THEN 'rejected' ELSE status END, \
             updated_at = $4, deleted_at = $4 WHERE id = $1",
        )
        .bind(user_id)
        .bind(format!("deleted-{id}@deleted.invalid"))
        .bind(format!("\u{1}deleted:{id}"))
        .bind(t)
        .execute(self.conn())
        .await?;
        for sql in [
            // Their "helpful" marks go, and the counts with them.
            "UPDATE posts SET helpful_count = helpful_count - 1 \
             WHERE id IN (SELECT post_id FROM post_reactions WHERE user_id = $1)",
            "DELETE FROM post_reactions WHERE user_id = $1",
            "DELETE FROM bookmarks WHERE user_id = $1",
            "DELETE FROM thread_readers WHERE user_id = $1",
            "DELETE FROM category_levels WHERE user_id = $1",
            "DELETE FROM drafts WHERE user_id = $1",
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM sign_in_challenges WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
            "DELETE FROM two_factor WHERE user_id = $1",
            "DELETE FROM notification_prefs WHERE user_id = $1",
            "DELETE FROM notifications WHERE user_id = $1",
            "DELETE FROM email_changes WHERE user_id = $1",
            "DELETE FROM password_resets WHERE user_id = $1",
            "DELETE FROM claims WHERE moderator_id = $1",
            "DELETE FROM mail_outbox WHERE user_id = $1 AND sent_at IS NULL",
            "UPDATE suspensions SET reason = '' WHERE user_id = $1",
        ] {
            sqlx::query(sql).bind(user_id).execute(self.conn()).await?;
        }
        // What stays is shown and found under "former member" from now on.
        let mut threads: Vec<i64> = posts.iter().map(|(_, t, _)| *t).collect();
        threads.sort_unstable();
        threads.dedup();
        for thread in threads {
            crate::search_log::log_change(self.conn(), thread, None).await?;
        }
        Ok(())
    }

    /// Blanks the never-published versions of a post that stays (a waiting edit of
    /// a published post), taking a waiting one out of the queue.
    async fn blank_unpublished(&mut self, post_id: i64, t: i64) -> Result<(), StoreError> {
        sqlx::query(
            "DELETE FROM claims WHERE kind = 'held' AND item_id IN \
             (SELECT id FROM post_revisions WHERE post_id = $1 AND state = 'held')",
        )
        .bind(post_id)
        .execute(self.conn())
        .await?;
        sqlx::query(&format!(
            "UPDATE post_revisions SET state = CASE WHEN state = 'held' THEN 'discarded' ELSE state END, \
             title = NULL, tags = NULL, body_md = '', body_html = '', body_text = '', findings = '[]', \
             purge_after = $2, purged_at = $2 \
             WHERE post_id = $1 AND state IN {UNPUBLISHED} AND purged_at IS NULL"
        ))
        .bind(post_id)
        .bind(t)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
