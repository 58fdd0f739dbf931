//! Secrets the server must read back — each account's TOTP key — sealed at rest, so a
//! copy of the database (a backup, a replica, a stolen dump) does not give away second
//! factors. ChaCha20-Poly1305 under a key derived from the server's key file (the one
//! that anchors the audit chain, through HMAC with a fixed label), a fresh random
//! nonce per value, and the account's id as associated data, so a sealed value moved to
//! another account's row does not open. Values stored before sealing (plain base32)
//! still read, and `Store::seal_two_factor_keys` seals them at start-up.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};

use crate::audit_key::AuditKey;
use crate::error::StoreError;

/// How a sealed value starts (anything else is a value from before sealing).
pub const PREFIX: &str = "sealed1:";

const LABEL: &str = "rounds totp seal";

fn key(k: &AuditKey) -> Result<LessSafeKey, StoreError> {
    UnboundKey::new(&CHACHA20_POLY1305, &k.derive(LABEL))
        .map(LessSafeKey::new)
        .map_err(|_| StoreError::Sealed("key"))
}

/// Seals `plain` for the account `user_id`.
pub fn seal(k: &AuditKey, user_id: i64, plain: &str) -> Result<String, StoreError> {
    let mut nonce = [0u8; NONCE_LEN];
    SystemRandom::new()
        .fill(&mut nonce)
        .map_err(|_| StoreError::Sealed("no randomness"))?;
    let mut data = plain.as_bytes().to_vec();
    key(k)?
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(user_id.to_be_bytes()),
            &mut data,
        )
        .map_err(|_| StoreError::Sealed("sealing failed"))?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&data);
    Ok(format!("{PREFIX}{}", hex::encode(out)))
}

/// Opens a stored value of the account `user_id`: a sealed one with the key, one
/// from before sealing as it is.
pub fn open(k: Option<&AuditKey>, user_id: i64, stored: &str) -> Result<String, StoreError> {
    let Some(hexed) = stored.strip_prefix(PREFIX) else {
        return Ok(stored.to_string());
    };
    let k = k.ok_or(StoreError::Sealed("this process has no key"))?;
    let bytes = hex::decode(hexed).map_err(|_| StoreError::Sealed("not hex"))?;
    if bytes.len() < NONCE_LEN {
        return Err(StoreError::Sealed("too short"));
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| StoreError::Sealed("nonce"))?;
    let mut data = sealed.to_vec();
    let plain = key(k)?
        .open_in_place(nonce, Aad::from(user_id.to_be_bytes()), &mut data)
        .map_err(|_| StoreError::Sealed("does not open with this key for this account"))?;
    String::from_utf8(plain.to_vec()).map_err(|_| StoreError::Sealed("not text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_key_opens_only_with_its_key_for_its_account() {
        let k = AuditKey::new([7; 32]);
        let sealed = seal(&k, 42, "JBSWY3DPEHPK3PXP").unwrap();
        assert!(sealed.starts_with(PREFIX));
        assert!(!sealed.contains("JBSWY3DP"));
        assert_ne!(
            sealed,
            seal(&k, 42, "JBSWY3DPEHPK3PXP").unwrap(),
            "a fresh nonce each time"
        );
        assert_eq!(open(Some(&k), 42, &sealed).unwrap(), "JBSWY3DPEHPK3PXP");
        assert!(
            open(Some(&k), 43, &sealed).is_err(),
            "moved to another account"
        );
        assert!(
            open(Some(&AuditKey::new([8; 32])), 42, &sealed).is_err(),
            "another key"
        );
        assert!(open(None, 42, &sealed).is_err(), "no key");
        let mut altered = sealed.clone();
        altered.pop();
        altered.push(if sealed.ends_with('0') { '1' } else { '0' });
        assert!(open(Some(&k), 42, &altered).is_err(), "altered by hand");
        // A value from before sealing reads as it is.
        assert_eq!(
            open(None, 42, "JBSWY3DPEHPK3PXP").unwrap(),
            "JBSWY3DPEHPK3PXP"
        );
    }
}
