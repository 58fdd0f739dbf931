//! One-time tokens of links sent to a member (a password reset, an e-mail
//! confirmation, an unsubscribe secret): 256 random bits, hex; tables keep only the
//! SHA-256 of a link's token, so a leaked database yields no working link.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// A fresh token: 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a token (links carry the token, the table its hash).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
