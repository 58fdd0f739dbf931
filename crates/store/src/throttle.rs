//! Login throttling state: failures per key (an account and address pair, an
//! account, an address; all hashed) with a block that grows with each failure past a
//! free allowance, and the addresses each account has signed in from before.

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

    /// Takes an attempt on `key`, atomically: if the key is not blocked, the attempt
    /// is counted as a failure at once and the block it would earn is set in the same
    /// statement (a success clears it), so parallel guesses cannot slip between the
    /// check and the count. Returns `None` when the attempt may go ahead, or the
    /// seconds to wait. `delay` maps a failure count to a block in seconds and must
    /// stop growing after `free + 8` failures.
    pub async fn throttle_take(
        &self,
        key: &str,
        free: i64,
        delay: impl Fn(i64) -> i64,
    ) -> Result<Option<i64>, StoreError> {
        // The block for the new count, written out as SQL from `delay` itself. A row
        // whose last delay was 0 (`blocked_until = last_failure_at`) blocks nothing:
        // comparing times alone refused a request whose clock reading came a second
        // before a concurrent one's (seen as a 429 among parallel registrations).
        let mut case = String::from("CASE");
        for n in 1..=free + 8 {
            case.push_str(&format!(
                " WHEN login_throttle.failures + 1 = {n} THEN {}",
                delay(n)
            ));
        }
        case.push_str(&format!(" ELSE {} END", delay(free + 9)));
        let t = now();
        let sql = format!(
            "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) \
             VALUES ($1, 1, $2, $2 + {first}) \
             ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, \
             last_failure_at = excluded.last_failure_at, \
             blocked_until = excluded.last_failure_at + {case} \
             WHERE (login_throttle.blocked_until <= excluded.last_failure_at \
             OR login_throttle.blocked_until = login_throttle.last_failure_at) \
             RETURNING failures",
            first = delay(1)
        );
        let taken = sqlx::query(&sql)
            .bind(key)
            .bind(t)
            .fetch_optional(&self.pool)
            .await?;
        if taken.is_some() {
            return Ok(None);
        }
        Ok(Some(self.throttle_state(key).await?.wait_secs.max(1)))
    }

    /// Whether `account` has signed in from `addr` before (both hashed).
    pub async fn sign_in_known(&self, account: &str, addr: &str) -> Result<bool, StoreError> {
        let row =
            sqlx::query("SELECT 1 AS one FROM sign_in_known WHERE account = $1 AND addr = $2")
                .bind(account)
                .bind(addr)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// Remembers that `account` signed in from `addr`.
    pub async fn remember_sign_in(&self, account: &str, addr: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sign_in_known (account, addr, last_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account, addr) DO UPDATE SET last_at = excluded.last_at",
        )
        .bind(account)
        .bind(addr)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
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
        // Known addresses are kept for a year after their last use.
        sqlx::query("DELETE FROM sign_in_known WHERE last_at < $1")
            .bind(now() - 365 * 24 * 3600)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
