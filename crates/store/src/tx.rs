//! One database transaction for one use case. A use case (`ops`) begins a [`Tx`],
//! makes its change, its audit entry, its notifications and its search change-log entry
//! through it, and commits once: a decision can never stand without its audit row, and a
//! failure anywhere rolls everything back (dropping a `Tx` without committing rolls back
//! and returns the connection to the pool clean).

use sqlx::{AnyConnection, Transaction};

use crate::backend::Backend;
use crate::error::StoreError;
use crate::pool::Store;

/// An open transaction.
pub struct Tx {
    tx: Transaction<'static, sqlx::Any>,
}

impl Store {
    /// Begins a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`, waiting on the busy timeout), so a transaction that reads
    /// before it writes never fails to upgrade its lock under concurrent writers.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx { tx })
    }
}

impl Tx {
    /// Commits everything done through this transaction.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }

    /// The connection, for the store's own queries.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}
