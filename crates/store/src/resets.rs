//! One-time password-reset links (table `password_resets`): made by an admin or the
//! command line, taken once within their lifetime. Only the token's hash is stored.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::tx::Tx;

impl Tx {
    /// Records a new link for `user_id` valid for `ttl_secs`, withdrawing the account's
    /// unused ones (only the newest link works).
    pub async fn create_reset(
        &mut self,
        user_id: i64,
        token_hash: &str,
        ttl_secs: i64,
        created_by: Option<i64>,
    ) -> Result<(), StoreError> {
        let t = now();
        // Unused links of this account, and anyone's links a day past their end.
        sqlx::query(
            "DELETE FROM password_resets WHERE (user_id = $1 AND used_at IS NULL) OR expires_at < $2",
        )
        .bind(user_id)
        .bind(t - 86_400)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(created_by)
        .bind(t)
        .bind(t + ttl_secs)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Uses a link: its account if the link exists, is unused and has not expired
    /// (it is then marked used, so a second use finds nothing).
    pub async fn take_reset(&mut self, token_hash: &str) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query(
            "UPDATE password_resets SET used_at = $2 \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(self.conn())
        .await?;
        row.map(|r| r.try_get("user_id"))
            .transpose()
            .map_err(Into::into)
    }
}

impl Store {
    /// Whether a link exists, is unused and has not expired (a cheap look before the
    /// slow password hash; [`Tx::take_reset`] still decides, atomically).
    pub async fn reset_usable(&self, token_hash: &str) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT 1 AS ok FROM password_resets \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }
}
