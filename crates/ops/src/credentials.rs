//! A member changes their own password: the current one proves it is them (a session
//! left open on a ward computer is not enough), the new one must pass the strength
//! rules, and every other session of the account ends in the same transaction — so a
//! password changed because it leaked also logs out whoever used it.

use domain::fields::{flag, FieldErrors};
use domain::vocab::AuditAction;

use crate::access::Signed;
use crate::accounts::delay_after;
use crate::error::AppError;
use crate::passwords;
use crate::services::Services;

/// Wrong current passwords allowed per account before each further try waits.
const FREE_WRONG_CURRENT: i64 = 5;

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
    // Counted before the (slow) check, atomically, like a sign-in.
    let key = format!("pwchange:{}", who.id());
    if let Some(wait) = s
        .store
        .throttle_take(&key, FREE_WRONG_CURRENT, |n| {
            delay_after(n, FREE_WRONG_CURRENT)
        })
        .await?
    {
        return Err(AppError::TooManyAttempts(wait));
    }
    if !passwords::verify(form.current, Some(user.password_hash.clone())).await? {
        tracing::info!(
            user_id = who.id(),
            "password change: wrong current password"
        );
        flag(&mut errors, "current_password", "err.password_wrong");
        return Err(AppError::Invalid(errors));
    }
    s.store.throttle_clear(&key).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hash = passwords::hash(form.new).await?;
    let mut tx = s.store.begin().await?;
    let ended = tx.set_password(who.id(), &hash, keep_session).await?;
    tx.audit(
        Some(who.id()),
        AuditAction::PasswordChanged,
        "user",
        &who.id().to_string(),
        "",
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
