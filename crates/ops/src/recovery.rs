//! A forgotten password: a member gives their address on the sign-in page and, if it
//! belongs to an account, a one-time link goes to it by e-mail. The answer is the same
//! whether or not the address has an account (no enumeration), and requests are
//! throttled per address typed and per client, so the page cannot be used to flood an
//! inbox or probe addresses quickly. The link itself is the admin's kind of link
//! (`credentials`): single use, 30 minutes, only its hash stored.

use domain::fields::{flag, Email, FieldErrors};
use domain::i18n::Lang;
use domain::vocab::AuditAction;

use crate::accounts::delay_after;
use crate::credentials::{audit_account, reset_path, RESET_LINK_SECS};
use crate::error::AppError;
use crate::mail_out::{lang_of, queue};
use crate::services::Services;
use crate::tokens::{new_token, token_hash};

/// Requests per address typed before each further one waits (30 s, doubling).
const FREE_PER_ADDRESS: i64 = 3;
/// Requests per client before each further one waits.
const FREE_PER_CLIENT: i64 = 10;

/// Sends a reset link to `email` if it belongs to an account. `client` is the real
/// client address; `lang` the page's language (for an account that never chose one).
/// Ok(()) whether or not the account exists.
pub async fn request_reset(
    s: &Services,
    email: &str,
    client: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|key| {
        let mut errors = FieldErrors::new();
        flag(&mut errors, "email", &key);
        AppError::Invalid(errors)
    })?;
    // Keyed on what was typed, so a throttled answer says nothing about accounts.
    for (key, free) in [
        (
            format!("forgot:{}", token_hash(email.as_str())),
            FREE_PER_ADDRESS,
        ),
        (
            format!("forgot-client:{}", token_hash(client)),
            FREE_PER_CLIENT,
        ),
    ] {
        if let Some(wait) = s
            .store
            .throttle_take(&key, free, |n| delay_after(n, free))
            .await?
        {
            tracing::info!("password reset request throttled");
            return Err(AppError::TooManyAttempts(wait));
        }
    }
    let Some(user) = s.store.user_by_email(email.as_str()).await? else {
        tracing::info!("password reset asked for an address with no account");
        return Ok(());
    };
    let token = new_token();
    let url = s.mail.url(&reset_path(&token));
    let letter =
        mail::letters::password_reset(lang_of(&user, lang), &user.applicant.display_name, &url);
    let mut tx = s.store.begin().await?;
    tx.create_reset(user.id, &token_hash(&token), RESET_LINK_SECS, None)
        .await?;
    queue(s, &mut tx, user.id, &user.applicant.email, &letter).await?;
    audit_account(&mut tx, None, AuditAction::PasswordResetMailed, user.id).await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "password reset link mailed");
    Ok(())
}
