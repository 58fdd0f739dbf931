//! In-app notifications. Rows hold ids only; the text shown is looked up when the
//! recipient reads them, through the same visibility rules as every page.

use domain::models::NotificationView;
use domain::visibility::{thread_visible, Looker, ThreadFacts};
use domain::vocab::NotificationKind;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::tx::Tx;

/// Notifications shown on the notifications page.
pub const NOTIFICATIONS_SHOWN: i64 = 50;

/// What a new notification points at.
#[derive(Clone, Copy, Debug, Default)]
pub struct Target {
    /// Thread.
    pub thread_id: Option<i64>,
    /// Post.
    pub post_id: Option<i64>,
    /// Revision (decisions on held posts).
    pub revision_id: Option<i64>,
}

impl Tx {
    /// Notifies `user_id` (never the actor themself) and returns the new
    /// notification's id. `digest`: it also waits for the member's next daily digest.
    pub async fn notify(
        &mut self,
        user_id: i64,
        kind: NotificationKind,
        actor_id: Option<i64>,
        target: Target,
        digest: bool,
    ) -> Result<Option<i64>, StoreError> {
        if actor_id == Some(user_id) {
            return Ok(None);
        }
        let row = sqlx::query(
            "INSERT INTO notifications (user_id, kind, actor_id, thread_id, post_id, revision_id, \
             created_at, in_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(actor_id)
        .bind(target.thread_id)
        .bind(target.post_id)
        .bind(target.revision_id)
        .bind(now())
        .bind(i64::from(digest))
        .fetch_one(self.conn())
        .await?;
        Ok(Some(row.try_get("id")?))
    }

    /// Marks all of a user's notifications read.
    pub async fn mark_notifications_read(&mut self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
            .bind(user_id)
            .bind(now())
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Account ids of verified members by display name (for @mentions).
    pub async fn verified_ids_by_names(
        &mut self,
        names: &[String],
    ) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::new();
        for name in names.iter().take(MAX_MENTIONS) {
            if let Some(id) = verified_id_by_name(self.conn(), name).await? {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }
}

/// Most @mentions of one post that notify anyone.
pub const MAX_MENTIONS: usize = 20;

async fn verified_id_by_name<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name: &str,
) -> Result<Option<i64>, StoreError> {
    // `@Nurse_Kimura` mentions "Nurse Kimura": names with spaces are written with
    // underscores after the @.
    let key = super::accounts::display_key(name);
    let row =
        sqlx::query("SELECT id FROM users WHERE display_key IN ($1, $2) AND status = 'verified'")
            .bind(&key)
            .bind(key.replace('_', " "))
            .fetch_optional(e)
            .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

impl Store {
    /// Unread notifications of a user (the header's count).
    pub async fn unread_count(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// A user's latest notifications. The thread title is the published one, or
    /// the recipient's own waiting title when they wrote the thread; a rejection's
    /// reason comes from its revision.
    pub async fn notifications(&self, user_id: i64) -> Result<Vec<NotificationView>, StoreError> {
        let rows: Vec<NoticeRow> = sqlx::query_as(&format!(
            "{NOTICE_SELECT} WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2"
        ))
        .bind(user_id)
        .bind(NOTIFICATIONS_SHOWN)
        .fetch_all(&self.pool)
        .await?;
        let recipient = Looker {
            id: user_id,
            moderator: false,
        };
        // Rows of a kind this version does not know are skipped, not an error.
        Ok(rows
            .into_iter()
            .filter_map(|r| r.into_view(recipient))
            .collect())
    }
}

/// What a notification row shows, with the thread and post it concerns and the reason
/// of a rejection (one statement for the list and for opening one).
const NOTICE_SELECT: &str =
    "SELECT n.id, n.kind, n.thread_id, n.post_id, p.number AS post_number, \
     n.created_at, n.read_at, a.display_name AS actor, t.title, t.published, t.author_id, \
     t.hidden, t.deleted, t.private, (SELECT COUNT(*) FROM thread_participants tp \
     WHERE tp.thread_id = n.thread_id AND tp.user_id = n.user_id) AS participant, \
     r.reason FROM notifications n \
     LEFT JOIN users a ON a.id = n.actor_id \
     LEFT JOIN threads t ON t.id = n.thread_id \
     LEFT JOIN posts p ON p.id = n.post_id \
     LEFT JOIN post_revisions r ON r.id = n.revision_id";

impl Tx {
    /// Opens notification `id` of `user_id`: marks it read and returns it as its
    /// recipient may see it (`None`: not theirs, or no longer there).
    pub async fn open_notification(
        &mut self,
        user_id: i64,
        id: i64,
    ) -> Result<Option<NotificationView>, StoreError> {
        let row: Option<NoticeRow> = sqlx::query_as(&format!(
            "{NOTICE_SELECT} WHERE n.user_id = $1 AND n.id = $2"
        ))
        .bind(user_id)
        .bind(id)
        .fetch_optional(self.conn())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 \
             AND read_at IS NULL",
        )
        .bind(id)
        .bind(user_id)
        .bind(now())
        .execute(self.conn())
        .await?;
        let recipient = Looker {
            id: user_id,
            moderator: false,
        };
        Ok(row.into_view(recipient))
    }
}

/// A notification as the query returns it (thread columns are NULL without a thread).
#[derive(sqlx::FromRow)]
struct NoticeRow {
    id: i64,
    kind: String,
    thread_id: Option<i64>,
    post_id: Option<i64>,
    post_number: Option<i64>,
    created_at: i64,
    read_at: Option<i64>,
    actor: Option<String>,
    title: Option<String>,
    published: Option<i64>,
    author_id: Option<i64>,
    hidden: Option<i64>,
    deleted: Option<i64>,
    private: Option<i64>,
    participant: i64,
    reason: Option<String>,
}

impl NoticeRow {
    fn into_view(self, recipient: Looker) -> Option<NotificationView> {
        let kind = NotificationKind::parse(&self.kind)?;
        let facts = ThreadFacts {
            author_id: self.author_id.unwrap_or(0),
            published: self.published.unwrap_or(0) != 0,
            hidden: self.hidden.unwrap_or(0) != 0,
            deleted: self.deleted.unwrap_or(0) != 0,
            private: self.private.unwrap_or(0) != 0,
            participant: self.participant > 0,
        };
        // The title only when the recipient may read it; their own waiting thread is
        // linked without one.
        let title = self.title;
        let thread = self
            .thread_id
            .filter(|_| thread_visible(&facts, recipient))
            .map(|id| {
                let title = if facts.published {
                    title.unwrap_or_default()
                } else {
                    String::new()
                };
                (id, title)
            });
        Some(NotificationView {
            id: self.id,
            kind,
            actor: self.actor,
            thread,
            post_id: self.post_id,
            post_number: self.post_number,
            reason: self.reason.unwrap_or_default(),
            created_at: self.created_at,
            read: self.read_at.is_some(),
        })
    }
}

impl Store {
    /// Account ids of verified members by display name (the search's `@name`).
    pub async fn verified_ids_by_names(&self, names: &[String]) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::new();
        for name in names.iter().take(MAX_MENTIONS) {
            if let Some(id) = verified_id_by_name(&self.pool, name).await? {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }
}
