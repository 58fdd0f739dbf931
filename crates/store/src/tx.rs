//! One database transaction for one use case. A use case (`ops`) begins a [`Tx`],
//! makes its change, its audit entry, its notifications and its search change-log entry
//! through it, and commits once: a decision can never stand without its audit row, and a
//! failure anywhere rolls everything back.
//!
//! The transaction is driven by hand on a pooled connection rather than through
//! `sqlx::Transaction`, because of what a full disk does: SQLite may end a transaction
//! by itself when `COMMIT` fails (`SQLITE_FULL`), sqlx's own `ROLLBACK` then fails too,
//! and sqlx keeps counting the connection as inside a transaction — every later use of
//! it nests in a savepoint that never commits (acknowledged posts lost) or fails until
//! restart. Here a connection goes back to the pool only after a `COMMIT` or
//! `ROLLBACK` that succeeded; otherwise it is closed, and the pool opens a fresh one.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection};

use crate::backend::Backend;
use crate::error::StoreError;
use crate::pool::Store;

/// An open transaction.
pub struct Tx {
    conn: Option<PoolConnection<Any>>,
    /// Anchors audit entries appended through this transaction.
    pub(crate) audit_key: Option<std::sync::Arc<crate::audit_key::AuditKey>>,
}

impl Store {
    /// Begins a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`, waiting on the busy timeout), so a transaction that reads
    /// before it writes never fails to upgrade its lock under concurrent writers.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let begin = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        if let Err(e) = sqlx::query(begin).execute(&mut *conn).await {
            // Whatever state it is in, it does not go back to the pool.
            conn.close_on_drop();
            return Err(e.into());
        }
        Ok(Tx {
            conn: Some(conn),
            audit_key: self.audit_key.clone(),
        })
    }
}

impl Tx {
    /// Commits everything done through this transaction. Returns only once the
    /// database has the change durably; on an error nothing of it stands.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        let Some(mut conn) = self.conn.take() else {
            unreachable!("only commit and rollback take the connection, and both consume the Tx")
        };
        match sqlx::query("COMMIT").execute(&mut *conn).await {
            Ok(_) => {
                crate::failing::committed();
                Ok(())
            }
            Err(e) => {
                // The engine may or may not have rolled back already; ask, and close
                // the connection either way so no later use can land inside it.
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
                conn.close_on_drop();
                Err(e.into())
            }
        }
    }

    /// Rolls back explicitly (dropping a `Tx` does the same, in a task).
    pub async fn rollback(mut self) {
        if let Some(conn) = self.conn.take() {
            rollback_or_close(conn).await;
        }
    }

    /// The connection, for the store's own queries.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        match self.conn.as_mut() {
            Some(c) => c,
            // `conn` is only taken by `commit` and `rollback`, which consume `self`.
            None => unreachable!("a Tx is used after it ended"),
        }
    }
}

async fn rollback_or_close(mut conn: PoolConnection<Any>) {
    if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
        conn.close_on_drop();
    }
}

impl Drop for Tx {
    /// A use case that returns early (an error, a refusal) drops its `Tx` without
    /// ending it: a task rolls it back and returns the connection (closing it if the
    /// rollback fails); outside a runtime, the connection is closed, which ends the
    /// transaction in the engine.
    fn drop(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(rollback_or_close(conn));
                }
                Err(_) => conn.close_on_drop(),
            }
        }
    }
}
