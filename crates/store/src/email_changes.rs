//! Changes of sign-in address waiting for confirmation (table `email_changes`): the
//! link goes to the new address and only its token's hash is stored; taking it moves
//! the address over, once, before it expires.

use sqlx::Row;

use crate::error::{unique_violation, StoreError};
use crate::pool::{now, Store};
use crate::tx::Tx;

/// What confirming a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailTaken {
    /// The address moved: the account and its old address.
    Changed { user_id: i64, old_email: String },
    /// The link is unknown, used or expired.
    Unusable,
    /// Another account has the new address (the caller rolls back).
    AddressInUse,
}

impl Tx {
    /// Records a change of `user_id`'s address to `new_email`, valid for `ttl_secs`,
    /// withdrawing the account's earlier unconfirmed ones.
    pub async fn create_email_change(
        &mut self,
        user_id: i64,
        new_email: &str,
        token_hash: &str,
        ttl_secs: i64,
    ) -> Result<(), StoreError> {
        let t = now();
        sqlx::query(
            "DELETE FROM email_changes WHERE (user_id = $1 AND used_at IS NULL) OR expires_at < $2",
        )
        .bind(user_id)
        .bind(t - 86_400)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "INSERT INTO email_changes (token_hash, user_id, new_email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(new_email)
        .bind(t)
        .bind(t + ttl_secs)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Confirms a change: marks the link used and moves the address, atomically.
    pub async fn take_email_change(&mut self, token_hash: &str) -> Result<EmailTaken, StoreError> {
        let t = now();
        let row = sqlx::query(
            "UPDATE email_changes SET used_at = $2 \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
             RETURNING user_id, new_email",
        )
        .bind(token_hash)
        .bind(t)
        .fetch_optional(self.conn())
        .await?;
        let Some(row) = row else {
            return Ok(EmailTaken::Unusable);
        };
        let user_id: i64 = row.try_get("user_id")?;
        let new_email: String = row.try_get("new_email")?;
        let old = sqlx::query("SELECT email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(self.conn())
            .await?;
        let Some(old) = old else {
            return Ok(EmailTaken::Unusable);
        };
        let old_email: String = old.try_get("email")?;
        let taken = sqlx::query("SELECT 1 AS one FROM users WHERE email = $1 AND id <> $2")
            .bind(&new_email)
            .bind(user_id)
            .fetch_optional(self.conn())
            .await?;
        if taken.is_some() {
            return Ok(EmailTaken::AddressInUse);
        }
        // A race with a registration on the same address ends as a conflict.
        sqlx::query("UPDATE users SET email = $1, updated_at = $2 WHERE id = $3")
            .bind(&new_email)
            .bind(t)
            .bind(user_id)
            .execute(self.conn())
            .await
            .map_err(|e| unique_violation(e, &["email"]))?;
        Ok(EmailTaken::Changed { user_id, old_email })
    }
}

impl Store {
    /// Whether a confirmation link exists, is unused and has not expired.
    pub async fn email_change_usable(&self, token_hash: &str) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT 1 AS ok FROM email_changes \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }
}

impl Store {
    /// Deletes one-time links (password resets and address confirmations) that ended
    /// before `before`, used or not: a spent link's hash has nothing left to prove.
    pub async fn purge_spent_links(&self, before: i64) -> Result<u64, StoreError> {
        let mut n = 0;
        for sql in [
            "DELETE FROM password_resets WHERE expires_at < $1",
            "DELETE FROM email_changes WHERE expires_at < $1",
        ] {
            n += sqlx::query(sql)
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected();
        }
        Ok(n)
    }
}
