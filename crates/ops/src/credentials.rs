//! Passwords after registration. A member changes their own: the current one proves it
//! is them (a session left open on a ward computer is not enough), the new one must pass
//! the strength rules, and every other session of the account ends in the same
//! transaction — so a password changed because it leaked also logs out whoever used it.
//! A member who forgot theirs gets a one-time link from an admin (or the command line):
//! it works once, for 30 minutes, and setting a password through it ends every session.
//! An admin can also end every session of any account (a lost phone, a shared login).

use domain::fields::{flag, FieldErrors};
use domain::vocab::AuditAction;

use crate::access::{Admin, Signed};
use crate::accounts::delay_after;
use crate::error::AppError;
use crate::passwords;
use crate::services::Services;
use crate::tokens::{new_token, token_hash};

/// Wrong current passwords allowed per account before each further try waits.
const FREE_WRONG_CURRENT: i64 = 5;

/// Whether `password` is the member's own (`hash`), for a change that needs it
/// (password, e-mail address, deleting the account). Every try is counted under
/// `key` (per account and purpose) atomically before the slow check, as sign-ins
/// are; after five wrong ones each further try waits. A right one clears the count.
pub(crate) async fn own_password_matches(
    s: &Services,
    key: &str,
    password: String,
    hash: &str,
) -> Result<bool, AppError> {
    if let Some(wait) = s
        .store
        .throttle_take(key, FREE_WRONG_CURRENT, |n| {
            delay_after(n, FREE_WRONG_CURRENT)
        })
        .await?
    {
        return Err(AppError::TooManyAttempts(wait));
    }
    let ok = passwords::verify(password, Some(hash.to_string())).await?;
    if ok {
        s.store.throttle_clear(key).await?;
    }
    Ok(ok)
}

/// A password-change form as submitted.
pub struct PasswordChange {
    /// The password the account has now.
    pub current: String,
    /// The new password, typed twice.
    pub new: String,
    pub confirm: String,
}

/// Changes `who`'s password and ends every other session of the account (the one
/// whose hash is `keep_session` stays signed in). Returns how many sessions ended.
/// Wrong current passwords are throttled per account, as sign-ins are.
pub async fn change_password(
    s: &Services,
    who: &Signed,
    form: PasswordChange,
    keep_session: &str,
) -> Result<u64, AppError> {
    let user = s
        .store
        .user_by_id(who.id())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let mut errors = FieldErrors::new();
    if form.new != form.confirm {
        flag(&mut errors, "new_password_confirm", "err.password_mismatch");
    }
    if let Some(key) = passwords::weakness(
        &form.new,
        &[&user.applicant.email, &user.applicant.display_name],
    ) {
        flag(&mut errors, "new_password", key);
    }
    if form.new == form.current && !form.new.is_empty() {
        flag(&mut errors, "new_password", "err.password_unchanged");
    }
    let key = format!("pwchange:{}", who.id());
    if !own_password_matches(s, &key, form.current, &user.password_hash).await? {
        tracing::info!(
            user_id = who.id(),
            "password change: wrong current password"
        );
        flag(&mut errors, "current_password", "err.password_wrong");
        return Err(AppError::Invalid(errors));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hash = passwords::hash(form.new).await?;
    let mut tx = s.store.begin().await?;
    let ended = tx.set_password(who.id(), &hash, keep_session).await?;
    tell_password_changed(s, &mut tx, &user).await?;
    audit_account(
        &mut tx,
        Some(who.id()),
        AuditAction::PasswordChanged,
        who.id(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        sessions_ended = ended,
        "password changed"
    );
    Ok(ended)
}

/// How long a reset link works.
pub const RESET_LINK_SECS: i64 = 30 * 60;

/// The path of a reset link (the token is its last segment).
pub fn reset_path(token: &str) -> String {
    format!("/reset/{token}")
}

/// Makes a one-time reset link for account `user_id` and returns its token (shown
/// once to whoever made it; only its hash is stored). `by` is the admin, or `None`
/// for the command line. Audited by ids.
pub async fn reset_link(
    store: &store::Store,
    by: Option<&Admin>,
    user_id: i64,
) -> Result<String, AppError> {
    if store.user_by_id(user_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let token = new_token();
    let by_id = by.map(Admin::id);
    let mut tx = store.begin().await?;
    tx.create_reset(user_id, &token_hash(&token), RESET_LINK_SECS, by_id)
        .await?;
    audit_account(&mut tx, by_id, AuditAction::PasswordResetLink, user_id).await?;
    tx.commit().await?;
    tracing::info!(user_id, by = ?by_id, "password reset link made");
    Ok(token)
}

/// Sets a new password through a reset link and ends every session of the account.
/// A used, expired or unknown link is refused the same way. Returns the account.
pub async fn reset_password(
    s: &Services,
    token: &str,
    new: String,
    confirm: &str,
) -> Result<i64, AppError> {
    let mut errors = FieldErrors::new();
    if new != confirm {
        flag(&mut errors, "new_password_confirm", "err.password_mismatch");
    }
    if let Some(key) = passwords::weakness(&new, &[]) {
        flag(&mut errors, "new_password", key);
    }
    // The page is public: a made-up or spent link must not cost an argon2 hash.
    if !s.store.reset_usable(&token_hash(token)).await? {
        tracing::info!("password reset with an unusable link");
        flag(&mut errors, "_form", "err.reset_link_unusable");
        return Err(AppError::Invalid(errors));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hash = passwords::hash(new).await?;
    let mut tx = s.store.begin().await?;
    // Taken in the transaction: of two uses at once, one wins.
    let Some(user_id) = tx.take_reset(&token_hash(token)).await? else {
        tracing::info!("password reset with an unusable link");
        flag(&mut errors, "_form", "err.reset_link_unusable");
        return Err(AppError::Invalid(errors));
    };
    // No session survives: whoever knew the old password is signed out too.
    let ended = tx.set_password(user_id, &hash, "").await?;
    if let Some(user) = tx.user_by_id(user_id).await? {
        tell_password_changed(s, &mut tx, &user).await?;
    }
    audit_account(&mut tx, None, AuditAction::PasswordReset, user_id).await?;
    tx.commit().await?;
    tracing::info!(
        user_id,
        sessions_ended = ended,
        "password reset through a link"
    );
    Ok(user_id)
}

/// An admin signs `user_id` out everywhere (a lost phone, a shared login). Audited by
/// ids. Returns how many sessions ended.
pub async fn end_sessions(s: &Services, admin: &Admin, user_id: i64) -> Result<u64, AppError> {
    if s.store.user_by_id(user_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let mut tx = s.store.begin().await?;
    let ended = tx.end_user_sessions(user_id).await?;
    audit_account(
        &mut tx,
        Some(admin.id()),
        AuditAction::SessionsEnded,
        user_id,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        user_id,
        by = admin.id(),
        sessions_ended = ended,
        "sessions ended by an admin"
    );
    Ok(ended)
}

/// Tells the account's address that its password changed (whoever holds the mailbox
/// learns of a change they did not make).
async fn tell_password_changed(
    s: &Services,
    tx: &mut store::Tx,
    user: &store::UserRecord,
) -> Result<(), AppError> {
    let letter = mail::letters::password_changed(
        crate::mail_out::lang_of(user, s.config.default_lang),
        &user.applicant.display_name,
        &s.mail.site(),
    );
    crate::mail_out::queue(s, tx, user.id, &user.applicant.email, &letter).await
}

/// Records a change to an account's credentials: who did it (`None`: the command line
/// or the link's holder), what, and to which account — ids only, never a password.
pub(crate) async fn audit_account(
    tx: &mut store::Tx,
    actor: Option<i64>,
    action: AuditAction,
    user_id: i64,
) -> Result<(), AppError> {
    tx.audit(actor, action, "user", &user_id.to_string(), "")
        .await?;
    Ok(())
}
