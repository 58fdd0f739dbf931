//! "Helpful" marks on posts: one row per member and post, and the post's count kept
//! in the same transaction as the row, so pages read counts without counting. The
//! names shown under a post ("who found this helpful") are read for the page's posts
//! only, at most `HELPFUL_NAMES` each.

use std::collections::HashMap;

use domain::models::{PostView, HELPFUL_NAMES};
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::tx::Tx;

/// What a mark's toggle left behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helpful {
    /// Whether the member's mark is on now.
    pub marked: bool,
    /// The post's count after the change.
    pub count: i64,
}

impl Tx {
    /// Puts `user_id`'s mark on the post, or takes it off if it was there. The caller
    /// has checked the member may (`domain::visibility::may_mark_helpful`).
    pub async fn toggle_helpful(
        &mut self,
        post_id: i64,
        user_id: i64,
    ) -> Result<Helpful, StoreError> {
        let removed = sqlx::query("DELETE FROM post_reactions WHERE post_id = $1 AND user_id = $2")
            .bind(post_id)
            .bind(user_id)
            .execute(self.conn())
            .await?
            .rows_affected();
        let (marked, delta) = if removed > 0 {
            (false, -1i64)
        } else {
            let added = sqlx::query(
                "INSERT INTO post_reactions (post_id, user_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (post_id, user_id) DO NOTHING",
            )
            .bind(post_id)
            .bind(user_id)
            .bind(now())
            .execute(self.conn())
            .await?
            .rows_affected();
            (true, added as i64)
        };
        let row = sqlx::query(
            "UPDATE posts SET helpful_count = helpful_count + $2 WHERE id = $1 RETURNING helpful_count",
        )
        .bind(post_id)
        .bind(delta)
        .fetch_one(self.conn())
        .await?;
        Ok(Helpful {
            marked,
            count: row.try_get("helpful_count")?,
        })
    }
}

/// Fills `helpful_names` of the posts that have marks, earliest first.
pub(crate) async fn fill_names<'c, E: Executor<'c, Database = Any>>(
    e: E,
    posts: &mut [PostView],
) -> Result<(), StoreError> {
    let ids: Vec<String> = posts
        .iter()
        .filter(|p| p.helpful > 0)
        .map(|p| p.id.to_string())
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    // Ids are integers from the database: joined into the query, not bound one by one.
    let sql = format!(
        "SELECT post_id, display_name FROM ( \
           SELECT r.post_id, u.display_name, \
                  ROW_NUMBER() OVER (PARTITION BY r.post_id ORDER BY r.created_at, r.user_id) AS n \
           FROM post_reactions r JOIN users u ON u.id = r.user_id \
           WHERE r.post_id IN ({}) \
         ) x WHERE n <= {HELPFUL_NAMES} ORDER BY post_id, n",
        ids.join(",")
    );
    let rows = sqlx::query(&sql).fetch_all(e).await?;
    let mut names: HashMap<i64, Vec<String>> = HashMap::new();
    for r in rows {
        names
            .entry(r.try_get("post_id")?)
            .or_default()
            .push(r.try_get("display_name")?);
    }
    for p in posts.iter_mut() {
        if let Some(n) = names.remove(&p.id) {
            p.helpful_names = n;
        }
    }
    Ok(())
}
