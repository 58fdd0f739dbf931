//! The audit chain's keyed anchor: an HMAC key kept outside the database signs the
//! chain's head (position and hash) with every append. Rows rewritten with database
//! access alone, hashes recomputed, still fail `rounds audit verify`, which checks
//! the anchor with the key. The database records which key anchored it (`key_id`, an
//! HMAC of a fixed label, never the key), so a node started with another key stops
//! with a clear message instead of forking the anchor.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;

/// The secret that anchors the audit chain (32 bytes from the key file).
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    /// A key from its bytes.
    pub fn new(bytes: [u8; 32]) -> AuditKey {
        AuditKey(bytes)
    }

    fn mac(&self, parts: &[&str]) -> String {
        // HMAC accepts keys of any length: construction cannot fail.
        let mut m = match <Hmac<Sha256> as Mac>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        for p in parts {
            m.update(&(p.len() as u64).to_be_bytes());
            m.update(p.as_bytes());
        }
        hex::encode(m.finalize().into_bytes())
    }

    /// Names this key without revealing it.
    pub fn id(&self) -> String {
        self.mac(&["rounds audit key id"])
    }

    /// The anchor of a chain whose last entry is `seq` with hash `hash`.
    pub fn anchor(&self, seq: i64, hash: &str) -> String {
        self.mac(&["rounds audit anchor", &seq.to_string(), hash])
    }
}

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
