//! The mail outbox (table `mail_outbox`): messages a use case queued in its own
//! transaction, claimed in batches by a sender, then marked sent, retried later or
//! given up. A claim is a lease: several processes on one database each claim rows no
//! other claim holds, so no message is sent twice while its claim lasts.

use sqlx::{FromRow, Row};

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::tx::Tx;

/// A message as queued.
pub struct NewMail<'a> {
    /// What it is (`password_reset`, `email_confirm`, …), for logs and the admin page.
    pub kind: &'a str,
    /// The account it is for, if any (ids in logs, never the address).
    pub user_id: Option<i64>,
    /// The envelope recipient.
    pub to_addr: &'a str,
    /// The whole RFC 5322 message.
    pub message: &'a str,
}

/// A claimed message, ready to send.
#[derive(Clone, Debug, FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub kind: String,
    pub user_id: Option<i64>,
    pub to_addr: String,
    pub message: String,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// How the outbox stands, for the admin page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting to be sent (including retries).
    pub waiting: i64,
    /// Sent in the last 24 hours.
    pub sent_day: i64,
    /// Given up in the last 7 days.
    pub failed_week: i64,
}

impl Tx {
    /// Queues a message, to be sent once this transaction commits.
    pub async fn enqueue_mail(&mut self, mail: NewMail<'_>) -> Result<i64, StoreError> {
        let t = now();
        let row = sqlx::query(
            "INSERT INTO mail_outbox (kind, user_id, to_addr, message, created_at, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(mail.kind)
        .bind(mail.user_id)
        .bind(mail.to_addr)
        .bind(mail.message)
        .bind(t)
        .fetch_one(self.conn())
        .await?;
        Ok(row.try_get("id")?)
    }
}

impl Store {
    /// Claims up to `limit` due messages for `lease_secs` under the claim `claim`
    /// (unique per sender) and returns them, oldest first. A row another live claim
    /// holds is never taken: the update re-checks the lease on each row it changes.
    pub async fn claim_mail(
        &self,
        claim: &str,
        limit: i64,
        lease_secs: i64,
    ) -> Result<Vec<OutboxMail>, StoreError> {
        let t = now();
        sqlx::query(
            "UPDATE mail_outbox SET claim = $1, claimed_until = $2 \
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3 \
               AND claimed_until <= $3 \
               AND id IN (SELECT id FROM mail_outbox \
                          WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3 \
                            AND claimed_until <= $3 ORDER BY id LIMIT $4)",
        )
        .bind(claim)
        .bind(t + lease_secs)
        .bind(t)
        .bind(limit)
        .execute(&self.pool)
        .await?;
        let rows = sqlx::query_as::<_, OutboxMail>(
            "SELECT id, kind, user_id, to_addr, message, attempts FROM mail_outbox \
             WHERE claim = $1 AND claimed_until > $2 AND sent_at IS NULL AND failed_at IS NULL \
             ORDER BY id",
        )
        .bind(claim)
        .bind(t)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Marks a message sent and blanks its text (it may hold a one-time link).
    pub async fn mail_sent(&self, id: i64, claim: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE mail_outbox SET sent_at = $1, message = '', claimed_until = 0, \
             attempts = attempts + 1, last_error = NULL WHERE id = $2 AND claim = $3",
        )
        .bind(now())
        .bind(id)
        .bind(claim)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: tried again at `retry_at`, or given up (`retry_at` =
    /// `None`, text blanked). `error` is a short kind, never the server's words.
    pub async fn mail_failed(
        &self,
        id: i64,
        claim: &str,
        retry_at: Option<i64>,
        error: &str,
    ) -> Result<(), StoreError> {
        let t = now();
        let sql = if retry_at.is_some() {
            "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1, \
             claimed_until = 0, last_error = $2 WHERE id = $3 AND claim = $4"
        } else {
            "UPDATE mail_outbox SET attempts = attempts + 1, failed_at = $1, message = '', \
             claimed_until = 0, last_error = $2 WHERE id = $3 AND claim = $4"
        };
        sqlx::query(sql)
            .bind(retry_at.unwrap_or(t))
            .bind(error)
            .bind(id)
            .bind(claim)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Gives back every message `claim` still holds (the server went away mid-batch):
    /// they are due again at once, their attempt not counted.
    pub async fn release_mail(&self, claim: &str) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE mail_outbox SET claimed_until = 0 \
             WHERE claim = $1 AND sent_at IS NULL AND failed_at IS NULL",
        )
        .bind(claim)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// How the outbox stands.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let t = now();
        let row = sqlx::query(
            "SELECT \
               (SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL) AS waiting, \
               (SELECT COUNT(*) FROM mail_outbox WHERE sent_at > $1) AS sent_day, \
               (SELECT COUNT(*) FROM mail_outbox WHERE failed_at > $2) AS failed_week",
        )
        .bind(t - 86_400)
        .bind(t - 7 * 86_400)
        .fetch_one(&self.pool)
        .await?;
        Ok(OutboxCounts {
            waiting: row.try_get("waiting")?,
            sent_day: row.try_get("sent_day")?,
            failed_week: row.try_get("failed_week")?,
        })
    }

    /// Deletes the rows of messages sent or given up before `before` (they hold ids
    /// and times only).
    pub async fn prune_mail(&self, before: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < $1) \
             OR (failed_at IS NOT NULL AND failed_at < $1)",
        )
        .bind(before)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}
