//! The pool: one [`Store`] over a shared `sqlx::Any` pool, opened for SQLite or
//! PostgreSQL by URL, and the clock every row's times come from.

use sqlx::AnyPool;

use crate::backend::Backend;
use crate::error::StoreError;

/// Everything Rounds keeps in its database, behind one pool shared by the process.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// The key that anchors the audit chain (see `audit_key`); None for tools that
    /// never append to it.
    pub(crate) audit_key: Option<std::sync::Arc<crate::audit_key::AuditKey>>,
}

impl Store {
    /// Opens the pool for `url` (creating a SQLite file if needed) without migrating.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let backend = Backend::from_url(url).ok_or(StoreError::UnsupportedUrl)?;
        let pool = backend.connect(url).await?;
        Ok(Store {
            pool,
            backend,
            audit_key: None,
        })
    }

    /// Applies the migrations for this backend, then brings derived keys up to
    /// date with the code that makes them (display names' look-alike keys).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.backend.migrate(&self.pool).await?;
        self.rekey_display_names().await
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

    /// Lets the database refresh the planner's statistics where they are missing or
    /// stale, cheaply: SQLite's `PRAGMA optimize` with a bounded sample; on
    /// PostgreSQL, `ANALYZE` of each table changed by more than a tenth since its last
    /// analysis, by the rule autovacuum uses — a server run with autovacuum off (or a
    /// fresh database before its first autoanalyze) otherwise plans searches as
    /// nested loops over every thread. Run at start and hourly.
    pub async fn optimize(&self) -> Result<(), StoreError> {
        if self.backend() == crate::backend::Backend::Sqlite {
            let mut conn = self.pool.acquire().await?;
            sqlx::query("PRAGMA analysis_limit = 400")
                .execute(&mut *conn)
                .await?;
            sqlx::query("PRAGMA optimize").execute(&mut *conn).await?;
            return Ok(());
        }
        let stale: Vec<(String,)> = sqlx::query_as(
            "SELECT relname::text FROM pg_stat_user_tables \
             WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup \
             OR (last_analyze IS NULL AND last_autoanalyze IS NULL)",
        )
        .fetch_all(&self.pool)
        .await?;
        for (table,) in stale {
            // Our own tables' names; anything else is left to autovacuum.
            if table
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                sqlx::query(&format!("ANALYZE {table}"))
                    .execute(&self.pool)
                    .await?;
            }
        }
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
