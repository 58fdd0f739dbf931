//! Password hashing (argon2id, OWASP parameters, through [`crate::cpu`]) and the
//! strength rules for new passwords.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;

/// Minimum length of a new password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;

fn hasher() -> Result<Argon2<'static>, AppError> {
    // OWASP: argon2id, 19 MiB, 2 iterations, 1 lane.
    let params =
        Params::new(19 * 1024, 2, 1, None).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password off the async runtime.
pub async fn hash(password: String) -> Result<String, AppError> {
    crate::cpu::run(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()?
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(e.to_string()))
    })
    .await?
}

/// Checks a password against a stored hash off the async runtime. With no stored
/// hash it still does the same work against a dummy, so timing does not reveal
/// whether an account exists.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    crate::cpu::run(move || {
        let dummy;
        let stored = match &stored {
            Some(s) => s.as_str(),
            None => {
                dummy = dummy_hash();
                dummy.as_str()
            }
        };
        let parsed = PasswordHash::new(stored).map_err(|e| AppError::Internal(e.to_string()))?;
        let ok = hasher()?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && !stored.is_empty())
    })
    .await?
}

fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            hasher()
                .ok()
                .and_then(|h| h.hash_password(b"rounds-dummy-password", &salt).ok())
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}

/// Why a new password is refused, as a message key; `None` = acceptable.
/// Refuses short passwords and those in zxcvbn's lists of common passwords, words
/// and names, or built from the user's own email or name.
pub fn weakness(password: &str, user_inputs: &[&str]) -> Option<&'static str> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Some("err.password_short");
    }
    if password.chars().count() > 1024 {
        return Some("err.too_long");
    }
    let entropy = zxcvbn::zxcvbn(password, user_inputs);
    // Score 0–1 means guessable within ~10^6 tries: a common password, a dictionary
    // word with digits, a keyboard pattern or the user's own details.
    if (entropy.score() as u8) < 2 {
        return Some("err.password_common");
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    if lower.chars().all(|c| Some(c) == first) {
        return Some("err.password_common");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(weakness("short", &[]), Some("err.password_short"));
        assert_eq!(weakness("password1234", &[]), Some("err.password_common"));
        assert_eq!(weakness("123456789012", &[]), Some("err.password_common"));
        assert_eq!(weakness("qwertyuiop12", &[]), Some("err.password_common"));
        assert_eq!(
            weakness("aaaaaaaaaaaaaaa", &[]),
            Some("err.password_common")
        );
        assert_eq!(weakness("correct horse battery staple", &[]), None);
        assert_eq!(weakness("Vanco-trough-7-Kyoto!", &[]), None);
    }

    #[tokio::test]
    async fn hashes_verify_and_wrong_passwords_fail() {
        let h = hash("correct horse battery staple".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("correct horse battery staple".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse battery staple".into(), Some(h))
            .await
            .unwrap());
        assert!(!verify("anything at all here".into(), None).await.unwrap());
    }
}
