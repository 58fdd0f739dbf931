//! Two-factor sign-in rows: each account's TOTP key (enrolling or on), its recovery
//! codes (hashes only), and the sign-ins waiting for their code. Keys are sealed at
//! rest (`crate::sealed`): rows hold ciphertext, and these functions seal and open. Accepting a code
//! moves `last_step` forward in one conditional update, so two requests can never
//! both spend the same code.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::sealed;
use crate::tx::Tx;

/// An account's TOTP key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TwoFactorRow {
    /// The key, base32.
    pub secret: String,
    /// When a code first confirmed it (`None`: still enrolling).
    pub enabled_at: Option<i64>,
    /// The last accepted 30-second step.
    pub last_step: i64,
}

/// A sign-in waiting for its code.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChallengeRow {
    /// Whose password was right.
    pub user_id: i64,
    /// Where the sign-in goes afterwards.
    pub next_path: String,
    /// The device label for the session.
    pub device: String,
    /// Wrong codes so far.
    pub failures: i64,
}

impl Store {
    /// The account's key, if it has one (enrolling or on).
    pub async fn two_factor(&self, user_id: i64) -> Result<Option<TwoFactorRow>, StoreError> {
        let row: Option<TwoFactorRow> = sqlx::query_as(
            "SELECT secret, enabled_at, last_step FROM two_factor WHERE user_id = $1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|mut r| {
            r.secret = sealed::open(self.audit_key.as_deref(), user_id, &r.secret)?;
            Ok(r)
        })
        .transpose()
    }

    /// Seals every key stored before keys were sealed; returns how many. Each row is
    /// rewritten only if it still holds the value read, so a concurrent change wins.
    pub async fn seal_two_factor_keys(&self) -> Result<u64, StoreError> {
        let key = self
            .audit_key
            .as_deref()
            .ok_or(StoreError::Sealed("this process has no key"))?;
        let rows = sqlx::query("SELECT user_id, secret FROM two_factor WHERE secret NOT LIKE $1")
            .bind(format!("{}%", sealed::PREFIX))
            .fetch_all(&self.pool)
            .await?;
        let mut done = 0;
        for r in rows {
            let (user_id, plain): (i64, String) = (r.try_get("user_id")?, r.try_get("secret")?);
            let res =
                sqlx::query("UPDATE two_factor SET secret = $1 WHERE user_id = $2 AND secret = $3")
                    .bind(sealed::seal(key, user_id, &plain)?)
                    .bind(user_id)
                    .bind(&plain)
                    .execute(&self.pool)
                    .await?;
            done += res.rows_affected();
        }
        Ok(done)
    }

    /// Unused recovery codes of the account.
    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// A live sign-in challenge by the hash of its token.
    pub async fn challenge(&self, token_hash: &str) -> Result<Option<ChallengeRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT user_id, next_path, device, failures FROM sign_in_challenges \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Starts a sign-in challenge (the password was right).
    pub async fn create_challenge(
        &self,
        token_hash: &str,
        user_id: i64,
        next_path: &str,
        device: &str,
        ttl_secs: i64,
    ) -> Result<(), StoreError> {
        let t = now();
        // Expired challenges of anyone go with each new one: the table stays small.
        sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
            .bind(t)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO sign_in_challenges (token_hash, user_id, next_path, device, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(next_path)
        .bind(device)
        .bind(t + ttl_secs)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Counts a wrong code against a challenge; returns the failures so far.
    pub async fn fail_challenge(&self, token_hash: &str) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "UPDATE sign_in_challenges SET failures = failures + 1 WHERE token_hash = $1 \
             RETURNING failures",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some(r) => r.try_get("failures")?,
            None => i64::MAX,
        })
    }
}

impl Tx {
    /// The account's key, read inside the transaction (a use case that spends a code
    /// must not read through the pool while it holds SQLite's write lock).
    pub async fn two_factor(&mut self, user_id: i64) -> Result<Option<TwoFactorRow>, StoreError> {
        let row: Option<TwoFactorRow> = sqlx::query_as(
            "SELECT secret, enabled_at, last_step FROM two_factor WHERE user_id = $1",
        )
        .bind(user_id)
        .fetch_optional(self.conn())
        .await?;
        let key = self.audit_key.clone();
        row.map(|mut r| {
            r.secret = sealed::open(key.as_deref(), user_id, &r.secret)?;
            Ok(r)
        })
        .transpose()
    }
}

impl Tx {
    /// Gives the account a key to set up, unless it has one (enrolling or on): two
    /// set-up pages opened at once show the same key.
    pub async fn begin_two_factor(&mut self, user_id: i64, secret: &str) -> Result<(), StoreError> {
        let key = self
            .audit_key
            .as_deref()
            .ok_or(StoreError::Sealed("this process has no key"))?;
        let secret = sealed::seal(key, user_id, secret)?;
        sqlx::query(
            "INSERT INTO two_factor (user_id, secret, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(secret)
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Turns the key on (a code confirmed it).
    pub async fn enable_two_factor(&mut self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE two_factor SET enabled_at = $2 WHERE user_id = $1")
            .bind(user_id)
            .bind(now())
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Removes the key and the recovery codes.
    pub async fn end_two_factor(&mut self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(self.conn())
            .await?;
        sqlx::query("DELETE FROM two_factor WHERE user_id = $1")
            .bind(user_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Spends the code of 30-second `step`: true only if no code of this or a later
    /// step was accepted before (so a code works once, even under a race).
    pub async fn spend_step(&mut self, user_id: i64, step: i64) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE two_factor SET last_step = $2 WHERE user_id = $1 AND last_step < $2",
        )
        .bind(user_id)
        .bind(step)
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Replaces the account's recovery codes with these hashes.
    pub async fn set_recovery_codes(
        &mut self,
        user_id: i64,
        hashes: &[String],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(self.conn())
            .await?;
        for h in hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user_id)
                .bind(h)
                .execute(self.conn())
                .await?;
        }
        Ok(())
    }

    /// Spends an unused recovery code by its hash: true if it was one.
    pub async fn spend_recovery_code(
        &mut self,
        user_id: i64,
        hash: &str,
    ) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE recovery_codes SET used_at = $3 \
             WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        )
        .bind(user_id)
        .bind(hash)
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Ends a sign-in challenge (answered).
    pub async fn end_challenge(&mut self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sign_in_challenges WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Marks a session as having passed the second factor now.
    pub async fn mark_second_factor(&mut self, session_hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET second_factor_at = $2 WHERE id_hash = $1")
            .bind(session_hash)
            .bind(now())
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
