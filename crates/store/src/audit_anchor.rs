//! Binding the audit key to a store: a database never anchored is anchored at once;
//! one anchored with another key is refused (see [`crate::audit_key`]).

use sqlx::Row;

use crate::audit_key::AuditKey;
use crate::error::StoreError;
use crate::pool::Store;

/// Why a database and a key do not go together.
#[derive(Debug, thiserror::Error)]
pub enum KeyMismatch {
    /// The database was anchored with another key.
    #[error("the audit log was anchored with another key: copy audit.key from the node that first started on this database (ROUNDS_AUDIT_KEY_FILE)")]
    OtherKey,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Binds the audit key to this store. A database never anchored is anchored now
    /// (its chain as it stands); one anchored with another key is refused.
    pub async fn with_audit_key(mut self, key: AuditKey) -> Result<Store, KeyMismatch> {
        let row = sqlx::query("SELECT seq, hash, key_id FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(StoreError::from)?;
        let stored: Option<String> = row.try_get("key_id").map_err(StoreError::from)?;
        match stored {
            Some(id) if id == key.id() => {}
            Some(_) => return Err(KeyMismatch::OtherKey),
            None => {
                let seq: i64 = row.try_get("seq").map_err(StoreError::from)?;
                let hash: String = row.try_get("hash").map_err(StoreError::from)?;
                sqlx::query(
                    "UPDATE audit_head SET key_id = $1, anchor = $2 WHERE id = 1 AND key_id IS NULL",
                )
                .bind(key.id())
                .bind(key.anchor(seq, &hash))
                .execute(&self.pool)
                .await
                .map_err(StoreError::from)?;
            }
        }
        self.audit_key = Some(std::sync::Arc::new(key));
        Ok(self)
    }
}
