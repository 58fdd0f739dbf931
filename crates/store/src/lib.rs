//! The storage interface: one [`Store`] over a shared `sqlx::Any` pool, backed by
//! SQLite (the embedded default) or PostgreSQL (several nodes), chosen by the
//! database URL. SQL is shared wherever both engines accept it (`$1` placeholders,
//! `RETURNING`, `ON CONFLICT`); what differs per engine — connection pragmas,
//! migrations, the append-only trigger — lives in [`backend`].
//!
//! Reads are methods of [`Store`] on the pool. Every change is a method of [`Tx`]: a use
//! case begins one transaction, makes all its writes (the change, its audit entry, its
//! notifications, its search change-log entry) through it and commits once. Who may see
//! what is stated once for SQL in [`visibility`].

mod accounts;
mod audit;
pub mod backend;
mod categories;
mod counts;
pub mod forum;
mod moderation;
pub mod notify;
pub mod posting;
pub mod queue;
pub mod reports;
mod revisions;
mod rows;
pub mod search_log;
mod sessions;
mod site_terms;
mod throttle;
mod tx;
pub mod visibility;

pub use accounts::{NewUser, UserRecord};
pub use audit::{AuditEntry, ChainError};
pub use backend::Backend;
pub use forum::{PostRow, ThreadRow};
pub use moderation::HeldRevision;
pub use posting::Stored;
pub use queue::QueueFilter;
pub use reports::ReportRow;
pub use throttle::ThrottleState;
pub use tx::Tx;

use sqlx::AnyPool;

/// Everything Rounds keeps in its database, behind one pool shared by the process.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// Errors from the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed or could not be reached.
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The URL names an engine Rounds does not support.
    #[error("unsupported database URL (use sqlite:// or postgres://)")]
    UnsupportedUrl,
    /// A stored value the code does not know (a newer version wrote it, or a hand edit).
    #[error("{0}")]
    Unknown(#[from] rows::UnknownValue),
    /// A uniqueness rule was broken; the field it concerns.
    #[error("{0} is already taken")]
    Conflict(&'static str),
}

impl Store {
    /// Opens the pool for `url` (creating a SQLite file if needed) without migrating.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let backend = Backend::from_url(url).ok_or(StoreError::UnsupportedUrl)?;
        let pool = backend.connect(url).await?;
        Ok(Store { pool, backend })
    }

    /// Applies the migrations for this backend.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.backend.migrate(&self.pool).await
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The shared pool (tests and maintenance commands).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Whether the database answers a trivial query.
    pub async fn healthy(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Refreshes the query planner's statistics. Bulk loads call it as they go: with
    /// stale statistics PostgreSQL plans publishing as a scan of every revision (seen
    /// where autovacuum is off), which makes each post slower than the last.
    pub async fn analyze(&self) -> Result<(), StoreError> {
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes the pool (graceful shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Current unix time in seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Maps a unique-constraint violation to the field it concerns, so callers can show
/// "already taken" next to that field; other errors pass through.
pub(crate) fn unique_violation(err: sqlx::Error, fields: &[&'static str]) -> StoreError {
    if let sqlx::Error::Database(db) = &err {
        if db.is_unique_violation() {
            // PostgreSQL names the constraint (users_email_key); SQLite names the
            // column in its message (UNIQUE constraint failed: users.email).
            let hay = format!("{} {}", db.constraint().unwrap_or_default(), db.message());
            for field in fields {
                if hay.contains(field) {
                    return StoreError::Conflict(field);
                }
            }
        }
    }
    StoreError::Db(err)
}
