//! The storage layer's one error type.

use crate::rows;

/// Errors from the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed or could not be reached.
    #[error("database error: {0}")]
    Db(#[source] sqlx::Error),
    /// A migration failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The URL names an engine Rounds does not support.
    #[error("unsupported database URL (use sqlite:// or postgres://)")]
    UnsupportedUrl,
    /// A stored value the code does not know (a newer version wrote it, or a hand edit).
    #[error("{0}")]
    Unknown(#[from] rows::UnknownValue),
    /// A sealed secret could not be sealed or opened (no key, another key, or a row
    /// altered by hand).
    #[error("sealed secret: {0}")]
    Sealed(&'static str),
    /// A uniqueness rule was broken; the field it concerns.
    #[error("{0} is already taken")]
    Conflict(&'static str),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        // A database that cannot store data is a fact about the process (see
        // `health`), noted wherever the error came from.
        crate::failing::note(&e);
        StoreError::Db(e)
    }
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
    StoreError::from(err)
}
