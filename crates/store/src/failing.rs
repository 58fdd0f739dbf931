//! The process's "database writes are failing" flag: set by any database error that
//! says the database cannot store data, cleared by a commit that succeeds. A leaf
//! module (the error type and the transaction call it; `health` reads it).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

static FAILING: AtomicBool = AtomicBool::new(false);
/// When a write last failed (milliseconds since the epoch).
static LAST_FAILURE_MS: AtomicU64 = AtomicU64::new(0);

/// After a failed write, how long the process stays not-ready before a probe may
/// say otherwise: space freed for a moment (the search index rolling back its own
/// files on the same disk) must not make a balancer flap between ready and not.
pub(crate) const HOLD_DOWN: Duration = Duration::from_secs(5);

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Whether `e` says the database cannot store data (rather than refusing a row).
pub(crate) fn cannot_store(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // SQLite reports its result code (extended codes keep the primary
            // code in the low byte); PostgreSQL its SQLSTATE.
            match code.parse::<i64>() {
                Ok(n) if code.len() < 5 => matches!(n & 0xff, 10 | 13),
                _ => code.starts_with("53") || code.starts_with("58"),
            }
        }
        sqlx::Error::Io(_) => true,
        _ => false,
    }
}

/// Records a failed database call (called for every error the store sees).
pub(crate) fn note(e: &sqlx::Error) {
    if !cannot_store(e) {
        return;
    }
    LAST_FAILURE_MS.store(now_ms(), Ordering::SeqCst);
    if !FAILING.swap(true, Ordering::SeqCst) {
        tracing::error!(error = %e, "database writes are failing");
    }
}

/// Whether a write failed within [`HOLD_DOWN`] and no commit has succeeded since.
pub(crate) fn failed_recently() -> bool {
    is_failing()
        && now_ms().saturating_sub(LAST_FAILURE_MS.load(Ordering::SeqCst))
            < HOLD_DOWN.as_millis() as u64
}

/// Records a commit that succeeded.
pub(crate) fn committed() {
    if FAILING.swap(false, Ordering::SeqCst) {
        tracing::info!("database writes work again");
    }
}

/// Whether writes have been failing since the last commit that succeeded.
pub(crate) fn is_failing() -> bool {
    FAILING.load(Ordering::SeqCst)
}
