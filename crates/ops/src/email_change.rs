//! Moving an account to another e-mail address. The member asks with their password;
//! a confirmation link goes to the new address (only its hash is stored, 24 hours,
//! single use) and a notice to the old one. Opening the link and confirming moves the
//! address, and the old address hears that it happened. Until then nothing changes:
//! a typo in the new address cannot lock anyone out.

use domain::fields::{flag, Email, FieldErrors};
use domain::i18n::Lang;
use domain::vocab::AuditAction;
use store::email_changes::EmailTaken;

use crate::access::Signed;
use crate::credentials::audit_account;
use crate::error::AppError;
use crate::mail_out::{lang_of, queue};
use crate::services::Services;
use crate::tokens::{new_token, token_hash};

/// How long a confirmation link works.
pub const CONFIRM_SECS: i64 = 24 * 3600;

/// The path of a confirmation link.
pub fn confirm_path(token: &str) -> String {
    format!("/email/confirm/{token}")
}

/// `who` asks to sign in with `new_email` from now on, proving it with `password`;
/// `lang` is the page's language (for an account that never chose one).
pub async fn ask(
    s: &Services,
    who: &Signed,
    new_email: &str,
    password: String,
    lang: Lang,
) -> Result<(), AppError> {
    let user = s
        .store
        .user_by_id(who.id())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let mut errors = FieldErrors::new();
    let new_email = match Email::parse(new_email) {
        Ok(e) if e.as_str() == user.applicant.email => {
            flag(&mut errors, "email", "err.email_same");
            None
        }
        Ok(e) => Some(e),
        Err(key) => {
            flag(&mut errors, "email", &key);
            None
        }
    };
    let key = format!("emailchange:{}", who.id());
    if !crate::credentials::own_password_matches(s, &key, password, &user.password_hash).await? {
        tracing::info!(user_id = who.id(), "e-mail change: wrong password");
        flag(&mut errors, "password", "err.password_wrong");
        return Err(AppError::Invalid(errors));
    }
    let Some(new_email) = new_email else {
        return Err(AppError::Invalid(errors));
    };
    let lang = lang_of(&user, lang);
    let name = &user.applicant.display_name;
    let token = new_token();
    // An address another account uses gets no link (the change could never be
    // confirmed), and the answer does not say so: no probing for members' addresses.
    let free = s.store.user_by_email(new_email.as_str()).await?.is_none();
    let mut tx = s.store.begin().await?;
    if free {
        tx.create_email_change(
            user.id,
            new_email.as_str(),
            &token_hash(&token),
            CONFIRM_SECS,
        )
        .await?;
        let url = s.mail.url(&confirm_path(&token));
        let confirm = mail::letters::email_confirm(lang, name, &url);
        queue(s, &mut tx, user.id, new_email.as_str(), &confirm).await?;
    } else {
        tracing::info!(user_id = user.id, "e-mail change to an address in use");
    }
    let notice = mail::letters::email_change_notice(lang, name, false, &s.mail.site());
    queue(s, &mut tx, user.id, &user.applicant.email, &notice).await?;
    audit_account(
        &mut tx,
        Some(user.id),
        AuditAction::EmailChangeAsked,
        user.id,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "e-mail change asked");
    Ok(())
}

/// Whether a confirmation link can still be used (for the page that shows it).
pub async fn usable(s: &Services, token: &str) -> Result<bool, AppError> {
    Ok(s.store.email_change_usable(&token_hash(token)).await?)
}

/// Confirms a change through its link (`lang`: the page's). Returns the account.
pub async fn confirm(s: &Services, token: &str, lang: Lang) -> Result<i64, AppError> {
    let unusable = |key: &str| {
        let mut errors = FieldErrors::new();
        flag(&mut errors, "_form", key);
        AppError::Invalid(errors)
    };
    let mut tx = s.store.begin().await?;
    let (user_id, old_email) = match tx.take_email_change(&token_hash(token)).await? {
        EmailTaken::Changed { user_id, old_email } => (user_id, old_email),
        EmailTaken::Unusable => {
            tracing::info!("e-mail change with an unusable link");
            return Err(unusable("err.email_link_unusable"));
        }
        // Dropping the transaction rolls the link's use back too.
        EmailTaken::AddressInUse => return Err(unusable("err.email_taken")),
    };
    let user = s
        .store
        .user_by_id(user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let notice = mail::letters::email_change_notice(
        lang_of(&user, lang),
        &user.applicant.display_name,
        true,
        &s.mail.site(),
    );
    queue(s, &mut tx, user_id, &old_email, &notice).await?;
    audit_account(&mut tx, Some(user_id), AuditAction::EmailChanged, user_id).await?;
    tx.commit().await?;
    tracing::info!(user_id, "e-mail address changed");
    Ok(user_id)
}
