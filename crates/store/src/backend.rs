//! What differs between SQLite and PostgreSQL: connection set-up and migrations.

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::time::Duration;

use crate::error::StoreError;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// The database engine behind a [`crate::pool::Store`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded, one machine.
    Sqlite,
    /// Server, several nodes.
    Postgres,
}

impl Backend {
    /// Picks the engine from a database URL.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    pub(super) async fn connect(self, url: &str) -> Result<AnyPool, sqlx::Error> {
        sqlx::any::install_default_drivers();
        match self {
            Backend::Sqlite => {
                let url = if url.contains("mode=") {
                    url.to_string()
                } else if url.contains('?') {
                    format!("{url}&mode=rwc")
                } else {
                    format!("{url}?mode=rwc")
                };
                AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // WAL lets readers run beside the writer; the busy timeout
                            // makes concurrent writers wait instead of failing.
                            conn.execute("PRAGMA journal_mode = WAL").await?;
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            conn.execute("PRAGMA busy_timeout = 5000").await?;
                            conn.execute("PRAGMA synchronous = NORMAL").await?;
                            // Deleted and overwritten text is zeroed in the file, so a
                            // purge of unpublished posts leaves nothing behind.
                            conn.execute("PRAGMA secure_delete = ON").await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await
            }
        }
    }

    pub(super) async fn migrate(self, pool: &AnyPool) -> Result<(), StoreError> {
        match self {
            Backend::Sqlite => sqlite_migrate(pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }
}

/// SQLite's migrations run on one connection with foreign keys off, as SQLite's own
/// procedure for rebuilding a table asks (a `DROP TABLE` with them on would cascade
/// into the rows that refer to it); every reference is checked before they are
/// turned back on, and a broken one fails the start.
async fn sqlite_migrate(pool: &AnyPool) -> Result<(), StoreError> {
    let mut conn = pool.acquire().await?;
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    // `run_direct`: `run` with a borrowed connection makes this future Send only for
    // one lifetime, which callers that spawn it cannot use.
    let ran = SQLITE_MIGRATIONS.run_direct(&mut *conn).await;
    let broken = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut *conn)
        .await
        .map(|rows| rows.len());
    conn.execute("PRAGMA foreign_keys = ON").await?;
    ran?;
    match broken? {
        0 => Ok(()),
        n => Err(StoreError::Db(sqlx::Error::Protocol(format!(
            "{n} rows refer to rows that are gone after the migrations"
        )))),
    }
}

#[cfg(test)]
mod tests;
