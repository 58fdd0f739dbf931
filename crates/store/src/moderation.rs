//! The moderation queue's storage: claims that expire, decisions on held revisions,
//! and the purge that deletes text which was never published.

use domain::screening::Draft;
use domain::vocab::QueueKind;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::posting::{discard_unpublished, publish};
use crate::tx::Tx;

/// A held revision as a moderator opens it.
#[derive(Clone, Debug)]
pub struct HeldRevision {
    /// Revision id.
    pub id: i64,
    /// Post id.
    pub post_id: i64,
    /// Thread id.
    pub thread_id: i64,
    /// The post's author.
    pub author_id: i64,
    /// Still waiting (false once decided or replaced).
    pub waiting: bool,
    /// Its author sent it for review, or its post has an open report.
    pub sent: bool,
}

impl HeldRevision {
    /// Whether moderators may open, claim or decide it: a waiting draft its author
    /// has not sent for review (and nobody reported) is the author's alone.
    pub fn open_to_moderators(&self) -> bool {
        !self.waiting || self.sent
    }
}

impl Tx {
    /// Claims a queue item for `moderator_id` until `expires_at`. Succeeds when the
    /// item is unclaimed, the claim has expired, or it is already theirs.
    pub async fn claim(
        &mut self,
        kind: QueueKind,
        item_id: i64,
        moderator_id: i64,
        expires_at: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO claims (kind, item_id, moderator_id, expires_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (kind, item_id) DO UPDATE SET moderator_id = excluded.moderator_id, \
             expires_at = excluded.expires_at \
             WHERE claims.expires_at <= $5 OR claims.moderator_id = excluded.moderator_id",
        )
        .bind(kind.as_str())
        .bind(item_id)
        .bind(moderator_id)
        .bind(expires_at)
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The people a queue item is about (held: the post's author; report: the post's
    /// author and the reporter; verification: the applicant), or `None` when there is
    /// no such item.
    pub async fn queue_item_people(
        &mut self,
        kind: QueueKind,
        item_id: i64,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let sql = match kind {
            QueueKind::Held => {
                "SELECT p.author_id AS a, p.author_id AS b FROM post_revisions r \
                 JOIN posts p ON p.id = r.post_id WHERE r.id = $1"
            }
            QueueKind::Report => {
                "SELECT p.author_id AS a, r.reporter_id AS b FROM reports r \
                 JOIN posts p ON p.id = r.post_id WHERE r.id = $1"
            }
            QueueKind::Verification => "SELECT id AS a, id AS b FROM users WHERE id = $1",
        };
        let row = sqlx::query(sql)
            .bind(item_id)
            .fetch_optional(self.conn())
            .await?;
        row.map(|r| Ok(vec![r.try_get("a")?, r.try_get("b")?]))
            .transpose()
    }

    /// Whether `moderator_id` holds a live claim on the item.
    pub async fn holds_claim(
        &mut self,
        kind: QueueKind,
        item_id: i64,
        moderator_id: i64,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT 1 AS ok FROM claims WHERE kind = $1 AND item_id = $2 AND moderator_id = $3 \
             AND expires_at > $4",
        )
        .bind(kind.as_str())
        .bind(item_id)
        .bind(moderator_id)
        .bind(now())
        .fetch_optional(self.conn())
        .await?;
        Ok(row.is_some())
    }

    /// Releases a claim once the item is decided.
    pub async fn release_claim(&mut self, kind: QueueKind, item_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM claims WHERE kind = $1 AND item_id = $2")
            .bind(kind.as_str())
            .bind(item_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// A revision with what a moderator decision needs to know.
    pub async fn held_revision(&mut self, id: i64) -> Result<Option<HeldRevision>, StoreError> {
        held_revision(self.conn(), id).await
    }
    /// Publishes a held revision. Returns `None` when it is no longer waiting,
    /// otherwise whether this was the post's first publication.
    pub async fn approve(
        &mut self,
        revision_id: i64,
        moderator_id: i64,
    ) -> Result<Option<bool>, StoreError> {
        let t = now();
        let tx = self.conn();
        let claimed = sqlx::query(
            "UPDATE post_revisions SET decided_by = $2 WHERE id = $1 AND state = 'held'",
        )
        .bind(revision_id)
        .bind(moderator_id)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            return Ok(None);
        }
        let first = publish(tx, revision_id, t).await?;
        Ok(Some(first))
    }

    /// Rejects a held revision with a reason; its text is purged after `purge_after`.
    /// A post that was never published becomes rejected. False when no longer waiting.
    pub async fn reject(
        &mut self,
        revision_id: i64,
        moderator_id: i64,
        reason: &str,
        purge_after: i64,
    ) -> Result<bool, StoreError> {
        let t = now();
        let tx = self.conn();
        let done = sqlx::query(
            "UPDATE post_revisions SET state = 'rejected', reason = $2, decided_by = $3, \
             decided_at = $4, purge_after = $5 WHERE id = $1 AND state = 'held'",
        )
        .bind(revision_id)
        .bind(reason)
        .bind(moderator_id)
        .bind(t)
        .bind(purge_after)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE posts SET state = 'rejected' WHERE state = 'held' \
             AND id = (SELECT post_id FROM post_revisions WHERE id = $1)",
        )
        .bind(revision_id)
        .execute(&mut *tx)
        .await?;
        Ok(true)
    }

    /// Edit-and-approve: the moderator's redacted version is published in place of
    /// the held one, whose text is purged after `purge_after`.
    pub async fn redact_and_approve(
        &mut self,
        revision_id: i64,
        redacted: &Draft,
        purge_after: i64,
    ) -> Result<Option<bool>, StoreError> {
        let t = now();
        let findings = serde_json::to_string(&redacted.findings).unwrap_or_else(|_| "{}".into());
        let tx = self.conn();
        let done = sqlx::query(
            "UPDATE post_revisions SET state = 'redacted', decided_by = $2, decided_at = $3, \
             purge_after = $4 WHERE id = $1 AND state = 'held'",
        )
        .bind(revision_id)
        .bind(redacted.editor_id)
        .bind(t)
        .bind(purge_after)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(None);
        }
        let post_id: i64 = sqlx::query("SELECT post_id FROM post_revisions WHERE id = $1")
            .bind(revision_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("post_id")?;
        let new_id: i64 = sqlx::query(
            "INSERT INTO post_revisions (post_id, editor_id, title, tags, body_md, body_html, \
             body_text, state, findings, created_at, decided_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'held', $8, $9, $2) RETURNING id",
        )
        .bind(post_id)
        .bind(redacted.editor_id)
        .bind(redacted.title.as_deref())
        .bind(redacted.tags.as_ref().map(|t| t.join(" ")))
        .bind(&redacted.body_md)
        .bind(&redacted.body_html)
        .bind(&redacted.body_text)
        .bind(findings)
        .bind(t)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        discard_unpublished(tx, post_id, new_id, purge_after).await?;
        let first = publish(tx, new_id, t).await?;
        Ok(Some(first))
    }
}

impl Store {
    /// A revision with what a moderator decision needs to know.
    pub async fn held_revision(&self, id: i64) -> Result<Option<HeldRevision>, StoreError> {
        held_revision(&self.pool, id).await
    }

    /// Deletes the text of every revision whose purge deadline has passed; returns how
    /// many were purged. On SQLite the freed pages are overwritten (`secure_delete`)
    /// and the write-ahead log is truncated, so the text is gone from the files.
    pub async fn purge_due(&self, at: i64) -> Result<u64, StoreError> {
        let mut conn = self.pool.acquire().await?;
        if self.backend == crate::backend::Backend::Sqlite {
            sqlx::query("PRAGMA secure_delete = ON")
                .execute(&mut *conn)
                .await?;
        }
        let done = sqlx::query(
            "UPDATE post_revisions SET title = NULL, tags = NULL, body_md = '', body_html = '', \
             body_text = '', findings = '[]', purged_at = $1 \
             WHERE purge_after IS NOT NULL AND purge_after <= $1 AND purged_at IS NULL",
        )
        .bind(at)
        .execute(&mut *conn)
        .await?;
        let n = done.rows_affected();
        if n > 0 {
            match self.backend {
                crate::backend::Backend::Sqlite => {
                    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                        .execute(&mut *conn)
                        .await?;
                }
                crate::backend::Backend::Postgres => {
                    // Rewrites the table so the old row versions leave the data files.
                    sqlx::query("VACUUM FULL post_revisions")
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
        Ok(n)
    }
}

impl Store {
    /// The live claim on an item: moderator id, name and expiry.
    pub async fn claim_of(
        &self,
        kind: QueueKind,
        item_id: i64,
    ) -> Result<Option<(i64, String, i64)>, StoreError> {
        let row = sqlx::query(
            "SELECT c.moderator_id, u.display_name, c.expires_at FROM claims c \
             JOIN users u ON u.id = c.moderator_id \
             WHERE c.kind = $1 AND c.item_id = $2 AND c.expires_at > $3",
        )
        .bind(kind.as_str())
        .bind(item_id)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some((
            r.try_get("moderator_id")?,
            r.try_get("display_name")?,
            r.try_get("expires_at")?,
        )))
    }
}

async fn held_revision<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
) -> Result<Option<HeldRevision>, StoreError> {
    let row = sqlx::query(
        "SELECT r.id, r.post_id, r.state, r.review_requested, p.thread_id, p.author_id, \
         (SELECT COUNT(*) FROM reports rp WHERE rp.post_id = r.post_id AND rp.state = 'open') \
           AS reports \
         FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(e)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let state: String = r.try_get("state")?;
    Ok(Some(HeldRevision {
        id: r.try_get("id")?,
        post_id: r.try_get("post_id")?,
        thread_id: r.try_get("thread_id")?,
        author_id: r.try_get("author_id")?,
        waiting: state == "held",
        sent: r.try_get::<i64, _>("review_requested")? != 0 || r.try_get::<i64, _>("reports")? > 0,
    }))
}
