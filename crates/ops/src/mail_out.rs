//! Queuing a letter to an account inside a use case's transaction: the letter is
//! written in the account's language and lands in the outbox with the change it
//! reports, or not at all. The sender is woken after every form post (the router's
//! write middleware), and polls besides.

use domain::i18n::Lang;
use mail::Letter;
use store::outbox::NewMail;
use store::UserRecord;

use crate::error::AppError;
use crate::services::Services;

/// The language mail to `user` is written in: the one they chose, else `fallback`
/// (the language of the page that asked for the letter, or the site's).
pub fn lang_of(user: &UserRecord, fallback: Lang) -> Lang {
    user.lang.unwrap_or(fallback)
}

/// A time as the member's pages show it: in their zone, else their language's.
pub fn time_for(user: &UserRecord, lang: Lang, unix: i64) -> String {
    let zone = user
        .time_zone
        .as_deref()
        .and_then(domain::zones::zone)
        .unwrap_or_else(|| domain::zones::default_for(lang == Lang::Ja));
    domain::time::format_in(unix, zone)
}

/// Queues `letter` to `to` (an account's address, current or new) in `tx`.
pub async fn queue(
    s: &Services,
    tx: &mut store::Tx,
    user_id: i64,
    to: &str,
    letter: &Letter,
) -> Result<(), AppError> {
    let message = s
        .mail
        .message(letter, to)
        .map_err(|e| AppError::Internal(format!("composing {} mail failed: {e}", letter.kind)))?;
    tx.enqueue_mail(NewMail {
        kind: letter.kind,
        user_id: Some(user_id),
        to_addr: to,
        message: &message,
    })
    .await?;
    Ok(())
}

/// Where mail goes and how the outbox stands, for the admin page.
pub async fn status(s: &Services) -> Result<domain::models::MailStatus, AppError> {
    let counts = s.store.outbox_counts().await?;
    let (smtp_host, file_dir) = match s.mail.delivery() {
        mail::Delivery::Smtp { host } => (Some(host.clone()), None),
        mail::Delivery::Files { dir } => (None, Some(dir.clone())),
    };
    Ok(domain::models::MailStatus {
        smtp_host,
        file_dir,
        waiting: counts.waiting,
        sent_day: counts.sent_day,
        failed_week: counts.failed_week,
    })
}
