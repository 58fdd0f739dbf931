//! Conversations (direct messages, migration 0027): private threads and who takes
//! part in them. A member's conversation list, its participants and the search in
//! their own messages read only conversations they may open
//! ([`crate::visibility::conversation_visible`]); nothing here is ever public.

use std::collections::HashMap;

use domain::models::{ListCursor, MessageHit};
use domain::screening::Draft;
use domain::visibility::ThreadFacts;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::posting::Stored;
use crate::threads::ThreadRow;
use crate::tx::Tx;
use crate::visibility::conversation_visible;

/// A conversation as the member's list reads it (names are added by the caller).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ConversationRow {
    /// Thread id.
    pub id: i64,
    /// Published title ('' while the opening message waits).
    pub title: String,
    /// Who started it.
    pub author_id: i64,
    /// Its opening message was published.
    pub published: i64,
    /// Last published activity.
    pub last_activity_at: i64,
    /// Published replies.
    pub reply_count: i64,
    /// Number of the last published message.
    pub last_post_number: i64,
    /// How many published messages the member had read.
    pub read_count: i64,
    /// The last message number the member read.
    pub last_read: i64,
}

/// Most hits a search in one's messages returns.
pub const MESSAGE_HITS: i64 = 30;

impl Store {
    /// Whether `user_id` takes part in conversation `thread_id`.
    pub async fn takes_part(&self, thread_id: i64, user_id: i64) -> Result<bool, StoreError> {
        takes_part(&self.pool, thread_id, user_id).await
    }

    /// The visibility facts of `row` for `user_id` (whether they take part, looked
    /// up only for a conversation).
    pub async fn thread_facts(
        &self,
        row: &ThreadRow,
        user_id: i64,
    ) -> Result<ThreadFacts, StoreError> {
        let participant = row.private && self.takes_part(row.id, user_id).await?;
        Ok(row.facts_as(participant))
    }

    /// `user_id`'s conversations, most recently active first, older than `before`.
    pub async fn conversations(
        &self,
        user_id: i64,
        before: Option<ListCursor>,
        limit: i64,
    ) -> Result<Vec<ConversationRow>, StoreError> {
        let from = if before.is_some() {
            " AND (t.last_activity_at, t.id) < ($2, $3)"
        } else {
            ""
        };
        let limit_at = if before.is_some() { "$4" } else { "$2" };
        let sql = format!(
            "SELECT t.id, t.title, t.author_id, t.published, t.last_activity_at, \
             t.reply_count, t.last_post_number, COALESCE(r.read_count, 0) AS read_count, \
             COALESCE(r.last_read, 0) AS last_read FROM thread_participants me \
             JOIN threads t ON t.id = me.thread_id \
             LEFT JOIN thread_readers r ON r.user_id = me.user_id AND r.thread_id = t.id \
             WHERE me.user_id = $1 AND {}{from} \
             ORDER BY t.last_activity_at DESC, t.id DESC LIMIT {limit_at}",
            conversation_visible("$1")
        );
        let mut q = sqlx::query_as(&sql).bind(user_id);
        if let Some(c) = before {
            q = q.bind(c.activity).bind(c.id);
        }
        Ok(q.bind(limit).fetch_all(&self.pool).await?)
    }

    /// Display names of the participants of each conversation, in the order they
    /// joined (the author first).
    pub async fn participant_names(
        &self,
        thread_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<String>>, StoreError> {
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        if thread_ids.is_empty() {
            return Ok(out);
        }
        let marks: Vec<String> = (1..=thread_ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT tp.thread_id, u.display_name FROM thread_participants tp \
             JOIN users u ON u.id = tp.user_id WHERE tp.thread_id IN ({}) \
             ORDER BY tp.thread_id, tp.added_at, u.id",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for id in thread_ids {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&self.pool).await? {
            out.entry(r.try_get("thread_id")?)
                .or_default()
                .push(r.try_get("display_name")?);
        }
        Ok(out)
    }

    /// How many of `user_id`'s conversations have messages they have not read.
    pub async fn unread_conversations(&self, user_id: i64) -> Result<i64, StoreError> {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM thread_participants me JOIN threads t ON t.id = me.thread_id \
             LEFT JOIN thread_readers r ON r.user_id = me.user_id AND r.thread_id = t.id \
             WHERE me.user_id = $1 AND {} AND t.last_post_number > COALESCE(r.last_read, 0)",
            conversation_visible("$1")
        );
        Ok(sqlx::query(&sql)
            .bind(user_id)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?)
    }

    /// Published messages in `user_id`'s conversations whose text (or, for an
    /// opening message, the title) contains `needle`, ignoring case; newest first.
    /// Reads only that member's conversations, so its cost is bounded by them.
    pub async fn search_messages(
        &self,
        user_id: i64,
        needle: &str,
    ) -> Result<Vec<MessageHit>, StoreError> {
        let pattern = format!("%{}%", like_escape(&needle.to_lowercase()));
        let sql = format!(
            "SELECT p.id, p.thread_id, t.title, u.display_name, p.body_text, \
             COALESCE(p.published_at, p.created_at) AS at FROM thread_participants me \
             JOIN threads t ON t.id = me.thread_id JOIN posts p ON p.thread_id = t.id \
             JOIN users u ON u.id = p.author_id \
             WHERE me.user_id = $1 AND {} AND p.state = 'published' \
             AND (p.hidden = 0 OR p.author_id = $1) \
             AND (LOWER(p.body_text) LIKE $2 ESCAPE '\\' \
                  OR (p.number = 1 AND LOWER(t.title) LIKE $2 ESCAPE '\\')) \
             ORDER BY p.id DESC LIMIT $3",
            conversation_visible("$1")
        );
        let rows = sqlx::query(&sql)
            .bind(user_id)
            .bind(&pattern)
            .bind(MESSAGE_HITS)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let body: String = r.try_get("body_text")?;
                Ok(MessageHit {
                    thread_id: r.try_get("thread_id")?,
                    title: r.try_get("title")?,
                    post_id: r.try_get("id")?,
                    author: r.try_get("display_name")?,
                    excerpt: domain::models::excerpt_around(&body, needle, 160),
                    created_at: r.try_get("at")?,
                })
            })
            .collect()
    }
}

/// Whether `user_id` takes part in conversation `thread_id`, through the pool or a
/// transaction (one statement of the look-up for both).
async fn takes_part<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    e: E,
    thread_id: i64,
    user_id: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "SELECT 1 AS one FROM thread_participants WHERE thread_id = $1 AND user_id = $2",
    )
    .bind(thread_id)
    .bind(user_id)
    .fetch_optional(e)
    .await?
    .is_some())
}

/// `s` with LIKE's wildcards and the escape character escaped (`ESCAPE '\'`).
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Tx {
    /// Starts a conversation by `d.editor_id` (no category); its participants are
    /// added with [`Tx::add_participants`] in the same transaction.
    pub async fn create_conversation(&mut self, d: &Draft) -> Result<Stored, StoreError> {
        let t = now();
        let thread_id: i64 = sqlx::query(
            "INSERT INTO threads (category_id, author_id, created_at, last_activity_at, private) \
             VALUES (NULL, $1, $2, $2, 1) RETURNING id",
        )
        .bind(d.editor_id)
        .bind(t)
        .fetch_one(self.conn())
        .await?
        .try_get("id")?;
        crate::posting::insert_post(self.conn(), thread_id, Some(1), d, t).await
    }

    /// Adds members to a conversation (once each).
    pub async fn add_participants(
        &mut self,
        thread_id: i64,
        user_ids: &[i64],
    ) -> Result<(), StoreError> {
        let t = now();
        for id in user_ids {
            sqlx::query(
                "INSERT INTO thread_participants (thread_id, user_id, added_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(thread_id)
            .bind(*id)
            .bind(t)
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }

    /// The visibility facts of `row` for `user_id`, read inside the transaction.
    pub async fn thread_facts(
        &mut self,
        row: &ThreadRow,
        user_id: i64,
    ) -> Result<ThreadFacts, StoreError> {
        let participant = row.private && takes_part(self.conn(), row.id, user_id).await?;
        Ok(row.facts_as(participant))
    }

    /// Who takes part in a conversation, read inside the transaction.
    pub async fn participant_ids(&mut self, thread_id: i64) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id FROM thread_participants WHERE thread_id = $1 ORDER BY added_at, user_id",
        )
        .bind(thread_id)
        .fetch_all(self.conn())
        .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("user_id"))
            .collect::<Result<_, _>>()?)
    }
}
