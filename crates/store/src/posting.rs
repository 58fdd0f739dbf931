//! Writing posts: new threads, replies and edits each become a revision; a clean
//! revision is published in the same transaction, a revision with findings is held
//! and nothing of it reaches the published columns until a moderator approves it.

use domain::screening::Draft;
use sqlx::AnyConnection;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::search_log::log_change;
use crate::tx::Tx;

/// Where a stored draft ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Thread id.
    pub thread_id: i64,
    /// Post id.
    pub post_id: i64,
    /// Revision id.
    pub revision_id: i64,
    /// Whether it was published now (false: held).
    pub published: bool,
    /// Whether this was the post's first publication (notifications are sent once).
    pub first_publication: bool,
}

async fn insert_revision(
    conn: &mut AnyConnection,
    post_id: i64,
    d: &Draft,
    t: i64,
) -> Result<i64, sqlx::Error> {
    let state = if d.held { "held" } else { "published" };
    let findings = serde_json::to_string(&d.findings).unwrap_or_else(|_| "{}".into());
    let row = sqlx::query(
        "INSERT INTO post_revisions (post_id, editor_id, title, tags, body_md, body_html, \
         body_text, state, findings, review_requested, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(post_id)
    .bind(d.editor_id)
    .bind(d.title.as_deref())
    .bind(d.tags.as_ref().map(|t| t.join(" ")))
    .bind(&d.body_md)
    .bind(&d.body_html)
    .bind(&d.body_text)
    .bind(state)
    .bind(findings)
    .bind(i64::from(d.review_requested && d.held))
    .bind(t)
    .fetch_one(&mut *conn)
    .await?;
    let id = row.try_get("id")?;
    if d.held {
        crate::detector_record::record_held(conn, id, d).await?;
    }
    Ok(id)
}

/// Makes `revision_id` the live version of its post: copies its text to the post,
/// keeps the previous live version as history and, for an opening post, publishes
/// the thread's title and tags. Returns whether this was the first publication.
/// A post its author deleted or a moderator removed is never published again (a
/// held edit queued before the removal, approved later): `Conflict("post")`.
pub(super) async fn publish(
    conn: &mut AnyConnection,
    revision_id: i64,
    t: i64,
) -> Result<bool, StoreError> {
    let r = sqlx::query(
        "SELECT r.post_id, r.title, r.tags, p.thread_id, p.number, p.published_at \
         FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE r.id = $1",
    )
    .bind(revision_id)
    .fetch_one(&mut *conn)
    .await?;
    let post_id: i64 = r.try_get("post_id")?;
    let thread_id: i64 = r.try_get("thread_id")?;
    let number: i64 = r.try_get("number")?;
    let first = r.try_get::<Option<i64>, _>("published_at")?.is_none();
    // The post row first: its guard is checked under the row's write lock, so a
    // removal committed a moment ago is seen (PostgreSQL re-reads the row).
    let live = sqlx::query(
        "UPDATE posts SET state = 'published', \
         body_md = (SELECT body_md FROM post_revisions WHERE id = $2), \
         body_html = (SELECT body_html FROM post_revisions WHERE id = $2), \
         body_text = (SELECT body_text FROM post_revisions WHERE id = $2), \
         edited_at = CASE WHEN published_at IS NULL THEN NULL ELSE $3 END, \
         published_at = COALESCE(published_at, $3) \
         WHERE id = $1 AND state NOT IN ('deleted', 'removed')",
    )
    .bind(post_id)
    .bind(revision_id)
    .bind(t)
    .execute(&mut *conn)
    .await?;
    if live.rows_affected() != 1 {
        return Err(StoreError::Conflict("post"));
    }
    sqlx::query(
        "UPDATE post_revisions SET state = 'superseded' \
         WHERE post_id = $1 AND state = 'published' AND id <> $2",
    )
    .bind(post_id)
    .bind(revision_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE post_revisions SET state = 'published', decided_at = $2 WHERE id = $1")
        .bind(revision_id)
        .bind(t)
        .execute(&mut *conn)
        .await?;
    if number == 1 {
        let title: Option<String> = r.try_get("title")?;
        let tags: Option<String> = r.try_get("tags")?;
        sqlx::query("UPDATE threads SET title = $2, published = 1 WHERE id = $1")
            .bind(thread_id)
            .bind(title.unwrap_or_default())
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM thread_tags WHERE thread_id = $1")
            .bind(thread_id)
            .execute(&mut *conn)
            .await?;
        for tag in tags.unwrap_or_default().split_whitespace() {
            sqlx::query(
                "INSERT INTO thread_tags (thread_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(thread_id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
        }
    }
    if first {
        sqlx::query("UPDATE threads SET last_activity_at = $2 WHERE id = $1")
            .bind(thread_id)
            .bind(t)
            .execute(&mut *conn)
            .await?;
    }
    // An opening post carries the thread's title and tags: the whole thread changes.
    let scope = (number != 1).then_some(post_id);
    log_change(conn, thread_id, scope).await?;
    Ok(first)
}

/// Sets the purge deadline of every never-published revision of a post that is no
/// longer current (`keep` is the one that stays).
pub(super) async fn discard_unpublished(
    conn: &mut AnyConnection,
    post_id: i64,
    keep: i64,
    purge_after: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE post_revisions SET state = 'discarded', purge_after = $3 \
         WHERE post_id = $1 AND id <> $2 AND state = 'held'",
    )
    .bind(post_id)
    .bind(keep)
    .bind(purge_after)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Tx {
    /// Starts a thread with its opening post.
    pub async fn create_thread(
        &mut self,
        category_id: i64,
        d: &Draft,
    ) -> Result<Stored, StoreError> {
        let t = now();
        let conn = self.conn();
        let thread_id: i64 = sqlx::query(
            "INSERT INTO threads (category_id, author_id, created_at, last_activity_at) \
             VALUES ($1, $2, $3, $3) RETURNING id",
        )
        .bind(category_id)
        .bind(d.editor_id)
        .bind(t)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")?;
        insert_post(conn, thread_id, Some(1), d, t).await
    }

    /// Adds a reply at the end of a thread. The first statement locks the thread's
    /// row, so replies to one thread take their numbers one after another on
    /// PostgreSQL (SQLite holds its write lock from the start of the transaction).
    pub async fn create_reply(&mut self, thread_id: i64, d: &Draft) -> Result<Stored, StoreError> {
        let t = now();
        let conn = self.conn();
        sqlx::query("UPDATE threads SET last_activity_at = last_activity_at WHERE id = $1")
            .bind(thread_id)
            .execute(&mut *conn)
            .await?;
        insert_post(conn, thread_id, None, d, t).await
    }

    /// Adds an edit of a post. A held edit leaves the published version live; an
    /// edit of a post that was never published replaces the waiting version, whose
    /// text is purged after `purge_after`.
    pub async fn add_revision(
        &mut self,
        post_id: i64,
        d: &Draft,
        purge_after: i64,
    ) -> Result<Stored, StoreError> {
        let t = now();
        let conn = self.conn();
        let row = sqlx::query("SELECT thread_id, state FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(&mut *conn)
            .await?;
        let thread_id: i64 = row.try_get("thread_id")?;
        // A deleted or removed post takes no new versions (not even held ones).
        if matches!(
            row.try_get::<String, _>("state")?.as_str(),
            "deleted" | "removed"
        ) {
            return Err(StoreError::Conflict("post"));
        }
        let revision_id = insert_revision(conn, post_id, d, t).await?;
        discard_unpublished(conn, post_id, revision_id, purge_after).await?;
        let mut first_publication = false;
        if !d.held {
            first_publication = publish(conn, revision_id, t).await?;
        }
        Ok(Stored {
            thread_id,
            post_id,
            revision_id,
            published: !d.held,
            first_publication,
        })
    }

    /// The author sends their held version to moderators as it is.
    pub async fn request_review(&mut self, revision_id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE post_revisions SET review_requested = 1 WHERE id = $1 AND state = 'held'",
        )
        .bind(revision_id)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// Inserts a post at `number`, or after the thread's last post when `None`.
pub(crate) async fn insert_post(
    conn: &mut AnyConnection,
    thread_id: i64,
    number: Option<i64>,
    d: &Draft,
    t: i64,
) -> Result<Stored, StoreError> {
    let post_id: i64 = sqlx::query(
        "INSERT INTO posts (thread_id, author_id, number, state, created_at) \
         SELECT $1, $2, COALESCE($3, (SELECT COALESCE(MAX(number), 0) + 1 FROM posts \
         WHERE thread_id = $1)), 'held', $4 RETURNING id",
    )
    .bind(thread_id)
    .bind(d.editor_id)
    .bind(number)
    .bind(t)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    let revision_id = insert_revision(conn, post_id, d, t).await?;
    let mut first_publication = false;
    if !d.held {
        first_publication = publish(conn, revision_id, t).await?;
    }
    Ok(Stored {
        thread_id,
        post_id,
        revision_id,
        published: !d.held,
        first_publication,
    })
}
