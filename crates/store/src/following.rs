//! How closely each member follows threads and categories (migration 0025): the
//! levels they chose or got by posting, and who hears of a new post. The rules are
//! `domain::reading`; this module keeps the rows and never decides a level itself.

use std::collections::HashMap;

use domain::models::FollowLevel;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::tx::Tx;

/// A member's own level for a thread and whether they chose it (None: no row).
pub type ThreadLevel = Option<(FollowLevel, bool)>;

/// One who may hear of a new post: account, their thread level, their category level.
pub type Follower = (i64, ThreadLevel, FollowLevel);

impl Store {
    /// `user_id`'s levels for the categories they set one for.
    pub async fn category_levels_of(
        &self,
        user_id: i64,
    ) -> Result<HashMap<i64, FollowLevel>, StoreError> {
        let rows = sqlx::query("SELECT category_id, level FROM category_levels WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        let mut out = HashMap::new();
        for r in rows {
            out.insert(
                r.try_get("category_id")?,
                FollowLevel::from_db(r.try_get("level")?),
            );
        }
        Ok(out)
    }

    /// `user_id`'s level for one category (normal when never set).
    pub async fn category_level(
        &self,
        user_id: i64,
        category_id: i64,
    ) -> Result<FollowLevel, StoreError> {
        category_level(&self.pool, user_id, category_id).await
    }
}

async fn category_level<'c, E: Executor<'c, Database = Any>>(
    e: E,
    user_id: i64,
    category_id: i64,
) -> Result<FollowLevel, StoreError> {
    let row =
        sqlx::query("SELECT level FROM category_levels WHERE user_id = $1 AND category_id = $2")
            .bind(user_id)
            .bind(category_id)
            .fetch_optional(e)
            .await?;
    Ok(match row {
        Some(r) => FollowLevel::from_db(r.try_get("level")?),
        None => FollowLevel::Normal,
    })
}

impl Tx {
    /// Sets `user_id`'s level for a thread; `chosen` says it is their own choice
    /// (a default from posting is not).
    pub async fn set_thread_level(
        &mut self,
        user_id: i64,
        thread_id: i64,
        level: FollowLevel,
        chosen: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO thread_readers (user_id, thread_id, level, chosen, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, thread_id) DO UPDATE \
             SET level = excluded.level, chosen = excluded.chosen, updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(thread_id)
        .bind(level.to_db())
        .bind(i64::from(chosen))
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Sets `user_id`'s level for a category (normal removes the row).
    pub async fn set_category_level(
        &mut self,
        user_id: i64,
        category_id: i64,
        level: FollowLevel,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM category_levels WHERE user_id = $1 AND category_id = $2")
            .bind(user_id)
            .bind(category_id)
            .execute(self.conn())
            .await?;
        if level != FollowLevel::Normal {
            sqlx::query(
                "INSERT INTO category_levels (user_id, category_id, level) VALUES ($1, $2, $3)",
            )
            .bind(user_id)
            .bind(category_id)
            .bind(level.to_db())
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }

    /// `user_id`'s level for one category, read inside the transaction.
    pub async fn category_level(
        &mut self,
        user_id: i64,
        category_id: i64,
    ) -> Result<FollowLevel, StoreError> {
        category_level(self.conn(), user_id, category_id).await
    }

    /// Who may hear of a new post in a thread: members with a row for the thread and
    /// members with a level for its category, with both levels (`(user, thread row,
    /// category level)`); the caller decides by `domain::reading::level_for`.
    pub async fn followers(
        &mut self,
        thread_id: i64,
        category_id: i64,
    ) -> Result<Vec<Follower>, StoreError> {
        let mut out: HashMap<i64, (ThreadLevel, FollowLevel)> = HashMap::new();
        let rows = sqlx::query(
            "SELECT user_id, level, chosen FROM thread_readers WHERE thread_id = $1 AND level = 2",
        )
        .bind(thread_id)
        .fetch_all(self.conn())
        .await?;
        for r in rows {
            let level = FollowLevel::from_db(r.try_get("level")?);
            let chosen: i64 = r.try_get("chosen")?;
            out.insert(
                r.try_get("user_id")?,
                (Some((level, chosen == 1)), FollowLevel::Normal),
            );
        }
        // The category's watchers with their own row for the thread, if any, in one
        // query: this runs inside the publishing transaction (SQLite's write lock).
        let rows = sqlx::query(
            "SELECT cl.user_id, r.level, r.chosen FROM category_levels cl \
             LEFT JOIN thread_readers r ON r.user_id = cl.user_id AND r.thread_id = $2 \
             WHERE cl.category_id = $1 AND cl.level = 2",
        )
        .bind(category_id)
        .bind(thread_id)
        .fetch_all(self.conn())
        .await?;
        for r in rows {
            let level: Option<i64> = r.try_get("level")?;
            let chosen: Option<i64> = r.try_get("chosen")?;
            let thread = level.map(|l| (FollowLevel::from_db(l), chosen == Some(1)));
            out.insert(r.try_get("user_id")?, (thread, FollowLevel::Watch));
        }
        let mut list: Vec<_> = out.into_iter().map(|(u, (t, c))| (u, t, c)).collect();
        list.sort_by_key(|x| x.0);
        Ok(list)
    }
}
