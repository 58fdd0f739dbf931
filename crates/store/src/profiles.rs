//! Public profiles: a member found by their display name (compared as names are for
//! uniqueness) and their recent posts that every member may read — stated with the
//! visibility fragments, so a held, hidden or deleted post never shows here — and a
//! member's change of display name.

use domain::models::{ProfilePost, PublicProfile, Status};
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::Stored;
use crate::tx::Tx;
use crate::visibility::public_post_in_public_thread;

impl Tx {
    /// Gives account `user_id` a new display name (unique as names compare:
    /// `StoreError::Conflict("display_key")` when taken), and queues every thread it
    /// wrote in for re-indexing, because search shows and finds posts by author name.
    pub async fn rename_user(&mut self, user_id: i64, name: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE users SET display_name = $2, display_key = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(user_id)
        .bind(name)
        .bind(crate::accounts::display_key(name))
        .bind(crate::pool::now())
        .execute(self.conn())
        .await
        .map_err(|e| crate::error::unique_violation(e, &["display_key"]))?;
        let threads: Vec<i64> =
            sqlx::query("SELECT DISTINCT thread_id FROM posts WHERE author_id = $1")
                .bind(user_id)
                .fetch_all(self.conn())
                .await?
                .iter()
                .map(|r| r.try_get("thread_id"))
                .collect::<Result<_, _>>()?;
        for thread in threads {
            crate::search_log::log_change(self.conn(), thread, None).await?;
        }
        Ok(())
    }
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    display_name: String,
    profession: String,
    #[sqlx(try_from = "Stored")]
    status: Status,
    specialty: String,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct PostLine {
    post_id: i64,
    thread_id: i64,
    title: String,
    number: i64,
    at: i64,
}

impl Store {
    /// The public profile of the member named `name`, with up to `limit` recent
    /// posts; `None` when no member has that name or they are not verified (an
    /// applicant has no public face yet).
    pub async fn public_profile(
        &self,
        name: &str,
        limit: i64,
    ) -> Result<Option<PublicProfile>, StoreError> {
        let key = crate::accounts::display_key(name);
        let row: Option<MemberRow> = sqlx::query_as(
            "SELECT id, display_name, profession, status, specialty, created_at \
             FROM users WHERE display_key = $1 AND deleted_at IS NULL",
        )
        .bind(&key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(m) = row.filter(|m| m.status == Status::Verified) else {
            return Ok(None);
        };
        let visible = public_post_in_public_thread();
        let counts = sqlx::query(&format!(
            "SELECT COUNT(*) AS posts, COALESCE(SUM(CASE WHEN p.number = 1 THEN 1 ELSE 0 END), 0) \
             AS threads FROM posts p JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = $1 AND {visible}"
        ))
        .bind(m.id)
        .fetch_one(&self.pool)
        .await?;
        let recent: Vec<PostLine> = sqlx::query_as(&format!(
            "SELECT p.id AS post_id, t.id AS thread_id, t.title, p.number, \
             COALESCE(p.published_at, p.created_at) AS at \
             FROM posts p JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = $1 AND {visible} \
             ORDER BY p.id DESC LIMIT $2"
        ))
        .bind(m.id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(PublicProfile {
            display_name: m.display_name,
            profession: m.profession,
            verified: true,
            specialty: m.specialty,
            member_since: m.created_at,
            threads: counts.try_get("threads")?,
            posts: counts.try_get("posts")?,
            recent: recent
                .into_iter()
                .map(|r| ProfilePost {
                    post_id: r.post_id,
                    thread_id: r.thread_id,
                    title: r.title,
                    number: r.number,
                    at: r.at,
                })
                .collect(),
        }))
    }
}
