//! The audit chain's keyed anchor: an HMAC key kept outside the database signs the
//! chain's head (position and hash) with every append. Rows rewritten with database
//! access alone, hashes recomputed, still fail `rounds audit verify`, which checks
//! the anchor with the key. The database records which key anchored it (`key_id`, an
//! HMAC of a fixed label, never the key), so a node started with another key stops
//! with a clear message instead of forking the anchor (`audit_anchor` binds a key to
//! a store).

use hmac::{Hmac, Mac};
use sha2::Sha256;

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

    fn mac_bytes(&self, parts: &[&str]) -> [u8; 32] {
        // HMAC accepts keys of any length: construction cannot fail.
        let mut m = match <Hmac<Sha256> as Mac>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        for p in parts {
            m.update(&(p.len() as u64).to_be_bytes());
            m.update(p.as_bytes());
        }
        m.finalize().into_bytes().into()
    }

    fn mac(&self, parts: &[&str]) -> String {
        hex::encode(self.mac_bytes(parts))
    }

    /// A key for another purpose, derived from this one (HMAC of a fixed label), so
    /// one file keeps both and neither reveals the other.
    pub(crate) fn derive(&self, label: &str) -> [u8; 32] {
        self.mac_bytes(&[label])
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
