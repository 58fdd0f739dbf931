//! What each member has read (migration 0025): the rows behind unread counts, the
//! new and unread lists, "mark read" and "dismiss new". Levels and followers are in
//! `following`. The rules are `domain::reading`.

use std::collections::HashMap;

use domain::models::FollowLevel;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::rows::placeholders;
use crate::tx::Tx;
use crate::visibility::PUBLIC_POST;

/// A member's reading of one thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Reader {
    /// The thread.
    pub thread_id: i64,
    /// The highest post number read.
    pub last_read: i64,
    /// How many public posts were up to `last_read` when it was read.
    pub read_count: i64,
    /// The stored level (`FollowLevel::to_db`).
    pub level: i64,
    /// 1 when the member chose the level.
    pub chosen: i64,
}

impl Reader {
    /// The level and whether it was chosen, as `domain::reading` takes them.
    pub fn follow(&self) -> (FollowLevel, bool) {
        (FollowLevel::from_db(self.level), self.chosen == 1)
    }
}

const READER: &str = "SELECT thread_id, last_read, read_count, level, chosen FROM thread_readers";

impl Store {
    /// `user_id`'s reading of each of `thread_ids` they ever opened or followed.
    pub async fn readers_of(
        &self,
        user_id: i64,
        thread_ids: &[i64],
    ) -> Result<HashMap<i64, Reader>, StoreError> {
        if thread_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "{READER} WHERE user_id = $1 AND thread_id IN ({})",
            placeholders(2, thread_ids.len())
        );
        let mut q = sqlx::query_as::<_, Reader>(&sql).bind(user_id);
        for id in thread_ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|r| (r.thread_id, r)).collect())
    }

    /// `user_id`'s reading of one thread, if any.
    pub async fn reader(&self, user_id: i64, thread_id: i64) -> Result<Option<Reader>, StoreError> {
        reader(&self.pool, user_id, thread_id).await
    }

    /// When `user_id` last dismissed the new list (0: never).
    pub async fn new_dismissed_at(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT new_since FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => r.try_get("new_since")?,
            None => 0,
        })
    }

    /// The first public post after `after` in a thread: its number and id.
    pub async fn first_post_after(
        &self,
        thread_id: i64,
        after: i64,
    ) -> Result<Option<(i64, i64)>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT p.number, p.id FROM posts p WHERE p.thread_id = $1 AND p.number > $2 \
             AND {PUBLIC_POST} ORDER BY p.number LIMIT 1"
        ))
        .bind(thread_id)
        .bind(after)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some(r) => Some((r.try_get("number")?, r.try_get("id")?)),
            None => None,
        })
    }
}

async fn reader<'c, E: Executor<'c, Database = Any>>(
    e: E,
    user_id: i64,
    thread_id: i64,
) -> Result<Option<Reader>, StoreError> {
    Ok(
        sqlx::query_as::<_, Reader>(&format!("{READER} WHERE user_id = $1 AND thread_id = $2"))
            .bind(user_id)
            .bind(thread_id)
            .fetch_optional(e)
            .await?,
    )
}

impl Tx {
    /// Records that `user_id` read a thread up to post number `upto` (clamped to the
    /// last public post up to it, read from the posts themselves so it holds inside
    /// the transaction that publishes one); never moves back. Returns whether
    /// anything changed.
    pub async fn mark_read(
        &mut self,
        user_id: i64,
        thread_id: i64,
        upto: i64,
    ) -> Result<bool, StoreError> {
        let changed = sqlx::query(&format!(
            "INSERT INTO thread_readers (user_id, thread_id, last_read, read_count, level, chosen, updated_at) \
             SELECT $1, t.id, COALESCE((SELECT MAX(p.number) FROM posts p WHERE p.thread_id = t.id \
               AND p.number <= $3 AND {PUBLIC_POST}), 0), \
               (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND p.number <= $3 AND {PUBLIC_POST}), \
               0, 0, $4 FROM threads t WHERE t.id = $2 \
             ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read = excluded.last_read, \
               read_count = excluded.read_count, updated_at = excluded.updated_at \
             WHERE thread_readers.last_read < excluded.last_read"
        ))
        .bind(user_id)
        .bind(thread_id)
        .bind(upto)
        .bind(now())
        .execute(self.conn())
        .await?
        .rows_affected();
        Ok(changed > 0)
    }

    /// `user_id`'s reading of one thread, read inside the transaction.
    pub async fn reader(
        &mut self,
        user_id: i64,
        thread_id: i64,
    ) -> Result<Option<Reader>, StoreError> {
        reader(self.conn(), user_id, thread_id).await
    }

    /// Marks every public thread `user_id` has unread or new (in one category, or all)
    /// as read to its last public post: the threads they follow with unread posts,
    /// and the threads started after `new_after` they never opened. Returns how many.
    pub async fn mark_all_read(
        &mut self,
        user_id: i64,
        category_id: Option<i64>,
        new_after: i64,
    ) -> Result<u64, StoreError> {
        let public = crate::visibility::PUBLIC_THREAD;
        let in_category = |n: usize| match category_id {
            Some(_) => format!(" AND t.category_id = ${n}"),
            None => String::new(),
        };
        let followed = format!(
            "UPDATE thread_readers SET last_read = (SELECT t.last_post_number FROM threads t \
               WHERE t.id = thread_readers.thread_id), \
             read_count = (SELECT t.reply_count + 1 FROM threads t WHERE t.id = thread_readers.thread_id), \
             updated_at = $2 WHERE user_id = $1 AND thread_id IN (SELECT t.id FROM threads t \
               WHERE t.id = thread_readers.thread_id AND t.last_post_number > thread_readers.last_read \
               AND {public}{})",
            in_category(3)
        );
        let mut q = sqlx::query(&followed).bind(user_id).bind(now());
        if let Some(c) = category_id {
            q = q.bind(c);
        }
        let mut total = q.execute(self.conn()).await?.rows_affected();
        let new = format!(
            "INSERT INTO thread_readers (user_id, thread_id, last_read, read_count, level, chosen, updated_at) \
             SELECT $1, t.id, t.last_post_number, t.reply_count + 1, 0, 0, $2 FROM threads t \
             WHERE {public} AND t.created_at > $3{} AND t.author_id <> $1 \
             AND NOT EXISTS (SELECT 1 FROM thread_readers o WHERE o.user_id = $1 AND o.thread_id = t.id)",
            in_category(4)
        );
        let mut q = sqlx::query(&new).bind(user_id).bind(now()).bind(new_after);
        if let Some(c) = category_id {
            q = q.bind(c);
        }
        total += q.execute(self.conn()).await?.rows_affected();
        Ok(total)
    }

    /// From now on no thread started before now is new to `user_id`.
    pub async fn dismiss_new(&mut self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET new_since = $2 WHERE id = $1")
            .bind(user_id)
            .bind(now())
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
