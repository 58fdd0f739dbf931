//! Two-factor sign-in (TOTP, RFC 6238, with `totp-rs`): setting up a key from a QR
//! code drawn on the server, recovery codes, the code step of a sign-in, and turning
//! it off (members only: moderators and admins must keep it, because their pages
//! show held patient data — `domain::access` refuses them those pages from a
//! session that has not passed a code). A code is accepted once (RFC 6238 §5.2),
//! wrong codes are throttled per account, and every change is audited (ids only)
//! and told to the account's address.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use domain::fields::FieldErrors;
use domain::models::{Role, TwoFactorSetup, TwoFactorState, Viewer, RECOVERY_CODES};
use domain::vocab::AuditAction;
use store::UserRecord;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::error::AppError;
use crate::services::Services;
use crate::tokens::{new_token, token_hash};

/// How long the code step of a sign-in waits, in seconds.
pub const CHALLENGE_SECS: i64 = 300;
/// Wrong codes one sign-in may try before the password is asked again.
pub const CHALLENGE_TRIES: i64 = 5;
/// Wrong codes per account (over all sign-ins) before each further try waits.
const ACCOUNT_FREE_FAILURES: i64 = 10;
/// The name authenticator apps show.
const ISSUER: &str = "Rounds";
/// Seconds per code.
const STEP: u64 = 30;

fn invalid(field: &str, key: &str) -> AppError {
    AppError::Invalid(FieldErrors::from([(field.to_string(), key.to_string())]))
}

/// The TOTP of a base32 key, labelled with the account's address.
fn totp(secret: &str, account: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret.to_string())
        .to_bytes()
        .map_err(|_| AppError::Internal("a stored two-factor key is not base32".into()))?;
    // Labels may not hold ':'; an address never does, but a key must never fail on it.
    let account = account.replace(':', "");
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP,
        bytes,
        Some(ISSUER.into()),
        account,
    )
    .map_err(|e| AppError::Internal(format!("two-factor key refused: {e}")))
}

/// The 30-second step whose code `code` is, among the current one and its two
/// neighbours (clock drift), if it is later than `last_step`.
fn matching_step(t: &TOTP, code: &str, now: i64, last_step: i64) -> Option<i64> {
    let current = now / STEP as i64;
    (current - 1..=current + 1)
        .filter(|step| *step > last_step)
        .find(|step| {
            let expected = t.generate((*step as u64) * STEP);
            subtle_eq(expected.as_bytes(), code.as_bytes())
        })
}

/// Constant-time equality (a code's digits must not leak through timing).
fn subtle_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What was typed, without spaces or hyphens, lower-cased (codes are read aloud and
/// copied with either).
fn normalized(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Fresh recovery codes: ten of ten base32 letters, shown as `xxxxx-xxxxx`.
fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 7];
            OsRng.fill_bytes(&mut bytes);
            let s = Secret::Raw(bytes.to_vec())
                .to_encoded()
                .to_string()
                .to_lowercase();
            let s: String = s
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(10)
                .collect();
            format!("{}-{}", &s[..5], &s[5..])
        })
        .collect()
}

/// Gives the account a fresh set of recovery codes (their hashes replace the old
/// ones) and returns them, to be shown once.
async fn replace_recovery_codes(tx: &mut store::Tx, user_id: i64) -> Result<Vec<String>, AppError> {
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| token_hash(&normalized(c))).collect();
    tx.set_recovery_codes(user_id, &hashes).await?;
    Ok(codes)
}

/// The key in groups of four letters, as people type it.
fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The QR code of `uri` as an SVG element (no XML prolog: it sits inside the page).
fn qr_svg(uri: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(uri.as_bytes())
        .map_err(|e| AppError::Internal(format!("QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(match svg.find("<svg") {
        Some(at) => svg[at..].to_string(),
        None => svg,
    })
}

async fn account(s: &Services, user_id: i64) -> Result<UserRecord, AppError> {
    s.store.user_by_id(user_id).await?.ok_or(AppError::NotFound)
}

/// Whether the account signs in with a code as well as its password.
pub async fn is_on(s: &Services, user_id: i64) -> Result<bool, AppError> {
    Ok(s.store
        .two_factor(user_id)
        .await?
        .is_some_and(|r| r.enabled_at.is_some()))
}

/// The viewer's two-factor state for the set-up page. While it is off, a key to set
/// up is made (once: reloading shows the same key until it is confirmed).
pub async fn state(s: &Services, viewer: &Viewer) -> Result<TwoFactorState, AppError> {
    let required = viewer.role.can_moderate();
    let row = match s.store.two_factor(viewer.id).await? {
        Some(row) => row,
        None => {
            let mut bytes = [0u8; 20];
            OsRng.fill_bytes(&mut bytes);
            let secret = Secret::Raw(bytes.to_vec()).to_encoded().to_string();
            let mut tx = s.store.begin().await?;
            tx.begin_two_factor(viewer.id, &secret).await?;
            tx.commit().await?;
            s.store
                .two_factor(viewer.id)
                .await?
                .ok_or_else(|| AppError::Internal("two-factor key vanished".into()))?
        }
    };
    if let Some(enabled_at) = row.enabled_at {
        return Ok(TwoFactorState {
            enabled_at: Some(enabled_at),
            codes_left: s.store.recovery_codes_left(viewer.id).await?,
            required,
            setup: None,
        });
    }
    let user = account(s, viewer.id).await?;
    let uri = totp(&row.secret, &user.applicant.email)?.get_url();
    Ok(TwoFactorState {
        enabled_at: None,
        codes_left: 0,
        required,
        setup: Some(TwoFactorSetup {
            secret: grouped(&row.secret),
            qr_svg: qr_svg(&uri)?,
            uri,
        }),
    })
}

/// Checks a TOTP code of the viewer's key (on, or being set up) and spends it.
async fn spend_code(tx: &mut store::Tx, user: &UserRecord, code: &str) -> Result<bool, AppError> {
    // Through the transaction, never the pool: see `Tx::user_by_id`.
    let Some(row) = tx.two_factor(user.id).await? else {
        return Ok(false);
    };
    let t = totp(&row.secret, &user.applicant.email)?;
    match matching_step(&t, &normalized(code), store::now(), row.last_step) {
        Some(step) => Ok(tx.spend_step(user.id, step).await?),
        None => Ok(false),
    }
}

async fn tell(
    s: &Services,
    tx: &mut store::Tx,
    user: &UserRecord,
    on: bool,
) -> Result<(), AppError> {
    let letter = mail::letters::two_factor_changed(
        crate::mail_out::lang_of(user, s.config.default_lang),
        &user.applicant.display_name,
        on,
        &s.mail.site(),
    );
    crate::mail_out::queue(s, tx, user.id, &user.applicant.email, &letter).await
}

/// Turns two-factor sign-in on with the first code from the app; returns the
/// recovery codes (shown once). This session counts as having passed a code.
pub async fn enable(
    s: &Services,
    viewer: &Viewer,
    session_hash: Option<&str>,
    code: &str,
) -> Result<Vec<String>, AppError> {
    let user = account(s, viewer.id).await?;
    if is_on(s, viewer.id).await? {
        return Err(AppError::Conflict);
    }
    let mut tx = s.store.begin().await?;
    if !spend_code(&mut tx, &user, code).await? {
        return Err(invalid("code", "err.code_wrong"));
    }
    tx.enable_two_factor(viewer.id).await?;
    let codes = replace_recovery_codes(&mut tx, viewer.id).await?;
    if let Some(h) = session_hash {
        tx.mark_second_factor(h).await?;
    }
    tx.audit(
        Some(viewer.id),
        AuditAction::TwoFactorOn,
        "user",
        &viewer.id.to_string(),
        "",
    )
    .await?;
    tell(s, &mut tx, &user, true).await?;
    tx.commit().await?;
    tracing::info!(user_id = viewer.id, "two-factor sign-in turned on");
    Ok(codes)
}

/// Replaces the recovery codes (a current code from the app is needed).
pub async fn renew_codes(
    s: &Services,
    viewer: &Viewer,
    code: &str,
) -> Result<Vec<String>, AppError> {
    let user = account(s, viewer.id).await?;
    if !is_on(s, viewer.id).await? {
        return Err(AppError::Conflict);
    }
    let mut tx = s.store.begin().await?;
    if !spend_code(&mut tx, &user, code).await? {
        return Err(invalid("code", "err.code_wrong"));
    }
    let codes = replace_recovery_codes(&mut tx, viewer.id).await?;
    tx.audit(
        Some(viewer.id),
        AuditAction::RecoveryCodesRenewed,
        "user",
        &viewer.id.to_string(),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(codes)
}

/// Turns two-factor sign-in off (members only; a current code is needed).
pub async fn disable(s: &Services, viewer: &Viewer, code: &str) -> Result<(), AppError> {
    if viewer.role != Role::Member {
        return Err(AppError::Forbidden);
    }
    let user = account(s, viewer.id).await?;
    let mut tx = s.store.begin().await?;
    if !spend_code(&mut tx, &user, code).await? {
        return Err(invalid("code", "err.code_wrong"));
    }
    tx.end_two_factor(viewer.id).await?;
    tx.audit(
        Some(viewer.id),
        AuditAction::TwoFactorOff,
        "user",
        &viewer.id.to_string(),
        "",
    )
    .await?;
    tell(s, &mut tx, &user, false).await?;
    tx.commit().await?;
    tracing::info!(user_id = viewer.id, "two-factor sign-in turned off");
    Ok(())
}

/// Starts the code step of a sign-in whose password was right; returns the token
/// the browser keeps (a cookie) until it sends the code.
pub async fn challenge(
    s: &Services,
    user_id: i64,
    next: &str,
    device: &str,
) -> Result<String, AppError> {
    let token = new_token();
    s.store
        .create_challenge(&token_hash(&token), user_id, next, device, CHALLENGE_SECS)
        .await?;
    Ok(token)
}

/// A sign-in that passed its code: start a session for it.
#[derive(Debug)]
pub struct Passed {
    /// The account.
    pub user_id: i64,
    /// Where the sign-in was going.
    pub next_path: String,
    /// The device label.
    pub device: String,
}

/// Answers the code step of a sign-in with a code from the app or a recovery code.
pub async fn answer(s: &Services, token: &str, code: &str) -> Result<Passed, AppError> {
    let hash = token_hash(token);
    let challenge = s
        .store
        .challenge(&hash)
        .await?
        .filter(|c| c.failures < CHALLENGE_TRIES)
        .ok_or_else(|| invalid("_form", "err.sign_in_again"))?;
    let throttle_key = format!("2fa:{}", challenge.user_id);
    let wait = s.store.throttle_state(&throttle_key).await?.wait_secs;
    if wait > 0 {
        return Err(AppError::TooManyAttempts(wait));
    }
    let user = account(s, challenge.user_id).await?;
    let typed = normalized(code);
    let mut tx = s.store.begin().await?;
    let by_recovery = typed.len() == 10 && !typed.bytes().all(|b| b.is_ascii_digit());
    let ok = if by_recovery {
        tx.spend_recovery_code(user.id, &token_hash(&typed)).await?
    } else {
        spend_code(&mut tx, &user, &typed).await?
    };
    if !ok {
        // Nothing was written: end the transaction before counting the failure.
        tx.commit().await?;
        s.store.fail_challenge(&hash).await?;
        s.store
            .throttle_fail(&throttle_key, |n| {
                crate::accounts::delay_after(n, ACCOUNT_FREE_FAILURES)
            })
            .await?;
        tracing::info!(user_id = user.id, "wrong sign-in code");
        return Err(invalid("code", "err.code_wrong"));
    }
    tx.end_challenge(&hash).await?;
    if by_recovery {
        tx.audit(
            Some(user.id),
            AuditAction::RecoveryCodeUsed,
            "user",
            &user.id.to_string(),
            "",
        )
        .await?;
    }
    tx.commit().await?;
    s.store.throttle_clear(&throttle_key).await?;
    Ok(Passed {
        user_id: user.id,
        next_path: challenge.next_path,
        device: challenge.device,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_and_its_neighbours_once() {
        let t = totp("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "a@example.jp").expect("key");
        let now = 1_800_000_015;
        let step = now / 30;
        let code = t.generate(now as u64);
        assert_eq!(matching_step(&t, &code, now, 0), Some(step));
        assert_eq!(matching_step(&t, &code, now, step), None, "spent");
        assert_eq!(
            matching_step(&t, &code, now + 30, 0),
            Some(step),
            "a step late"
        );
        assert_eq!(matching_step(&t, &code, now + 90, 0), None, "too late");
        assert_eq!(matching_step(&t, "000000x", now, 0), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        assert!(codes
            .iter()
            .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'));
        assert_eq!(normalized(" ABCDE-fghij "), "abcdefghij");
    }

    #[test]
    fn the_qr_code_is_an_svg_element_without_prolog() {
        let svg = qr_svg("otpauth://totp/Rounds:a%40example.jp?secret=JBSWY3DP&issuer=Rounds")
            .expect("svg");
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("<script"));
    }
}
