//! The process's "database writes are failing" flag: set by any database error that
//! says the database cannot store data, cleared by a commit that succeeds. A leaf
//! module (the error type and the transaction call it; `health` reads it).

use std::sync::atomic::{AtomicBool, Ordering};

static FAILING: AtomicBool = AtomicBool::new(false);

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
    if cannot_store(e) && !FAILING.swap(true, Ordering::SeqCst) {
        tracing::error!(error = %e, "database writes are failing");
    }
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
