//! Login throttling state: failures per key (an account's email hash, a client
//! address) with a block that grows with each failure past a free allowance.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;

/// Where a throttle key stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleState {
    /// Consecutive failures recorded.
    pub failures: i64,
    /// Seconds until another attempt is allowed (0 = allowed now).
    pub wait_secs: i64,
}

impl Store {
    /// The current state of a key.
    pub async fn throttle_state(&self, key: &str) -> Result<ThrottleState, StoreError> {
        let row = sqlx::query("SELECT failures, blocked_until FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            None => ThrottleState {
                failures: 0,
                wait_secs: 0,
            },
            Some(r) => {
                let blocked: i64 = r.try_get("blocked_until")?;
                ThrottleState {
                    failures: r.try_get("failures")?,
                    wait_secs: (blocked - now()).max(0),
                }
            }
        })
    }

    /// Records a failure; `delay` maps the new failure count to a block in seconds.
    pub async fn throttle_fail(
        &self,
        key: &str,
        delay: impl Fn(i64) -> i64,
    ) -> Result<ThrottleState, StoreError> {
        let t = now();
        let row = sqlx::query(
            "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, $2, $2) \
             ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = excluded.last_failure_at \
             RETURNING failures",
        )
        .bind(key)
        .bind(t)
        .fetch_one(&self.pool)
        .await?;
        let failures: i64 = row.try_get("failures")?;
        let wait = delay(failures);
        sqlx::query("UPDATE login_throttle SET blocked_until = $1 WHERE key = $2")
            .bind(t + wait)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(ThrottleState {
            failures,
            wait_secs: wait,
        })
    }

    /// Clears a key after a successful login.
    pub async fn throttle_clear(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_throttle WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets failures older than `age_secs` (run periodically).
    pub async fn throttle_forget(&self, age_secs: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_throttle WHERE last_failure_at < $1 AND blocked_until < $2")
            .bind(now() - age_secs)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
