//! Server-side sessions. The cookie holds a random id; the table holds only its
//! SHA-256, so a leaked database does not yield live sessions. A password change ends
//! the account's other sessions in its own transaction.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::tx::Tx;

/// Characters of a session's hash that name it to its member (64 bits: enough to be
/// unique among one member's sessions, and no use for taking one over).
pub const SESSION_KEY_CHARS: usize = 16;

/// The longest a session lives however active it is (30 days): a session left open on
/// a ward computer ends even if someone keeps using it.
pub const SESSION_MAX_SECS: i64 = 30 * 24 * 3600;

/// A live session as its member's list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    /// SHA-256 of the session id.
    pub id_hash: String,
    /// "Firefox on Windows", or "".
    pub device: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// Whose a live session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionUser {
    /// The account.
    pub user_id: i64,
    /// When the account's current suspension ends, if it is suspended.
    pub suspended_until: Option<i64>,
    /// Whether the session's sign-in passed a second factor.
    pub second_factor: bool,
}

impl SessionRow {
    /// The short handle a "sign out" button sends.
    pub fn key(&self) -> &str {
        self.id_hash
            .get(..SESSION_KEY_CHARS)
            .unwrap_or(&self.id_hash)
    }
}

impl Tx {
    /// Ends every session of a user (an admin's "sign out everywhere" for them).
    pub async fn end_user_sessions(&mut self, user_id: i64) -> Result<u64, StoreError> {
        let res = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(self.conn())
            .await?;
        Ok(res.rows_affected())
    }

    /// Replaces a user's password hash and ends every session of the account but
    /// `keep` (the hash of the session that changed it). Returns how many ended.
    pub async fn set_password(
        &mut self,
        user_id: i64,
        password_hash: &str,
        keep: &str,
    ) -> Result<u64, StoreError> {
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now())
            .bind(user_id)
            .execute(self.conn())
            .await?;
        let ended = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(keep)
            .execute(self.conn())
            .await?;
        Ok(ended.rows_affected())
    }
}

impl Store {
    /// Records a new session for `user_id` under the hash of its id.
    /// `second_factor`: the sign-in passed a code as well as the password.
    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        ttl_secs: i64,
        device: &str,
        second_factor: bool,
    ) -> Result<(), StoreError> {
        let t = now();
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, device, \
             second_factor_at) VALUES ($1, $2, $3, $3, $4, $5, $6)",
        )
        .bind(id_hash)
        .bind(user_id)
        .bind(t)
        .bind(t + ttl_secs)
        .bind(device)
        .bind(second_factor.then_some(t))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The user of a live session and the end of their current suspension (if
    /// any), sliding the session's expiry forward at most once a minute.
    pub async fn session_user(
        &self,
        id_hash: &str,
        ttl_secs: i64,
    ) -> Result<Option<SessionUser>, StoreError> {
        let t = now();
        let sql = format!(
            "SELECT user_id, last_seen_at, second_factor_at, {} AS suspended_until FROM sessions \
             WHERE id_hash = $1 AND expires_at > $2 AND created_at > $3",
            crate::suspensions::active_end("sessions.user_id", "$2")
        );
        let row = sqlx::query(&sql)
            .bind(id_hash)
            .bind(t)
            .bind(t - SESSION_MAX_SECS)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let user_id: i64 = row.try_get("user_id")?;
        let last_seen: i64 = row.try_get("last_seen_at")?;
        let suspended_until: Option<i64> = row.try_get("suspended_until")?;
        let second_factor: Option<i64> = row.try_get("second_factor_at")?;
        if t - last_seen >= 60 {
            sqlx::query(
                "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3",
            )
            .bind(t)
            .bind(t + ttl_secs)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        }
        Ok(Some(SessionUser {
            user_id,
            suspended_until,
            second_factor: second_factor.is_some(),
        }))
    }

    /// Ends one session.
    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of a user ("log out everywhere").
    pub async fn delete_user_sessions(&self, user_id: i64) -> Result<u64, StoreError> {
        let res = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected())
    }

    /// A user's live sessions, the most recently active first.
    pub async fn sessions_of(&self, user_id: i64) -> Result<Vec<SessionRow>, StoreError> {
        let rows: Vec<SessionRow> = sqlx::query_as(
            "SELECT id_hash, device, created_at, last_seen_at FROM sessions \
             WHERE user_id = $1 AND expires_at > $2 AND created_at > $3 \
             ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(user_id)
        .bind(now())
        .bind(now() - SESSION_MAX_SECS)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Ends the session of `user_id` whose hash starts with `key` (see
    /// [`SessionRow::key`]); false when the user has no such session.
    pub async fn end_session_of(&self, user_id: i64, key: &str) -> Result<bool, StoreError> {
        if key.len() != SESSION_KEY_CHARS || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        // The key is checked to be hex above, so it holds no LIKE wildcard.
        let res = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash LIKE $2")
            .bind(user_id)
            .bind(format!("{}%", key.to_ascii_lowercase()))
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected() > 0)
    }

    /// How many live sessions a user has.
    pub async fn count_sessions(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM sessions \
             WHERE user_id = $1 AND expires_at > $2 AND created_at > $3",
        )
        .bind(user_id)
        .bind(now())
        .bind(now() - SESSION_MAX_SECS)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("n")?)
    }

    /// Removes expired sessions (run periodically).
    pub async fn purge_expired_sessions(&self) -> Result<u64, StoreError> {
        let t = now();
        let res = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR created_at <= $2")
            .bind(t)
            .bind(t - SESSION_MAX_SECS)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected())
    }
}
