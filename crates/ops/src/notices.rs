//! Telling a member something happened: in the app and, as they chose per kind
//! (`Channel`), by e-mail too — in the transaction of the change itself, so a notice
//! exists exactly when its cause does. A letter names the actor, a published thread
//! title and a link; never post text, never a reason a moderator typed (it may quote
//! what was held). Each carries a one-click unsubscribe link for its kind.

use domain::vocab::{Channel, NotificationKind};
use store::notify::Target;
use store::Tx;

use crate::error::AppError;
use crate::mail_out::{lang_of, queue};
use crate::services::Services;

/// The path of a one-click unsubscribe link: account, kind and the account's secret.
pub fn unsubscribe_path(user_id: i64, kind: NotificationKind, key: &str) -> String {
    format!("/unsubscribe/{user_id}/{}/{key}", kind.as_str())
}

/// What a digest's unsubscribe link names instead of a kind.
pub const DIGEST: &str = "digest";

/// The path of the daily digest's one-click unsubscribe link.
pub fn digest_unsubscribe_path(user_id: i64, key: &str) -> String {
    format!("/unsubscribe/{user_id}/{DIGEST}/{key}")
}

/// Notifies `user_id` of `kind` (never the actor themself) as they chose.
pub async fn notify(
    s: &Services,
    tx: &mut Tx,
    user_id: i64,
    kind: NotificationKind,
    actor_id: Option<i64>,
    target: Target,
) -> Result<(), AppError> {
    if actor_id == Some(user_id) {
        return Ok(());
    }
    let channel = tx.channel(user_id, kind).await?;
    if channel == Channel::Off {
        return Ok(());
    }
    let id = tx
        .notify(user_id, kind, actor_id, target, channel == Channel::Digest)
        .await?;
    if let (Channel::Email, Some(id)) = (channel, id) {
        mail_notice(s, tx, user_id, id, kind, actor_id, target).await?;
    }
    Ok(())
}

/// Opens notification `id` for `who`: marks it read and returns where it leads
/// (`NotificationView::destination`). Someone else's, or one that is gone, is not
/// found.
pub async fn open(s: &Services, who: &crate::access::Signed, id: i64) -> Result<String, AppError> {
    let mut tx = s.store.begin().await?;
    let view = tx
        .open_notification(who.id(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(view.destination())
}

async fn mail_notice(
    s: &Services,
    tx: &mut Tx,
    user_id: i64,
    id: i64,
    kind: NotificationKind,
    actor_id: Option<i64>,
    target: Target,
) -> Result<(), AppError> {
    // Read through the transaction, never the pool: see `Tx::user_by_id`.
    let Some(user) = tx.user_by_id(user_id).await? else {
        return Ok(());
    };
    let actor = match actor_id {
        Some(id) => tx
            .user_by_id(id)
            .await?
            .map(|u| u.applicant.display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let title = match target.thread_id {
        Some(id) => tx
            .thread_row(id)
            .await?
            .filter(|t| t.published)
            .map(|t| t.title)
            .unwrap_or_default(),
        None => String::new(),
    };
    // The letter opens the notification: it is read once followed, and leads on
    // to the post on the page it is on (worked out when opened, so it is current).
    let path = domain::links::open_notification(id);
    let key = tx.mail_key(user_id, &crate::tokens::new_token()).await?;
    let letter = mail::letters::notification(
        lang_of(&user, s.config.default_lang),
        &user.applicant.display_name,
        kind.as_str(),
        &[("actor", &actor), ("title", &title)],
        &s.mail.url(&path),
        &s.mail.url(&unsubscribe_path(user_id, kind, &key)),
    );
    queue(s, tx, user_id, &user.applicant.email, &letter).await
}

/// How `who` hears of each kind, for their settings page.
pub async fn channels(
    s: &Services,
    who: &crate::access::Signed,
) -> Result<Vec<(NotificationKind, Channel)>, AppError> {
    Ok(s.store.channels(who.id()).await?)
}

/// Saves `who`'s choices; a kind left out keeps its setting. `get` reads a form field
/// (`kind.<kind>` = `email` | `in_app` | `off`); an unknown value is a bad request.
pub async fn set_channels(
    s: &Services,
    who: &crate::access::Signed,
    get: &(dyn Fn(&str) -> String + Sync),
) -> Result<(), AppError> {
    let mut chosen = Vec::new();
    for kind in NotificationKind::ALL {
        let v = get(&format!("kind.{}", kind.as_str()));
        if v.is_empty() {
            continue;
        }
        chosen.push((*kind, Channel::parse(&v).ok_or(AppError::BadRequest)?));
    }
    let mut tx = s.store.begin().await?;
    for (kind, channel) in &chosen {
        tx.set_channel(who.id(), *kind, *channel).await?;
    }
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        kinds = chosen.len(),
        "notification settings saved"
    );
    Ok(())
}

/// One-click unsubscribe (RFC 8058): the link's account, kind and secret turn that
/// kind's e-mail off (the app still shows it); the digest's link (`kind` =
/// [`DIGEST`]) turns every kind sent in the digest to "in Rounds only". Works
/// without a session.
pub async fn unsubscribe(
    s: &Services,
    user_id: i64,
    kind: &str,
    key: &str,
) -> Result<(), AppError> {
    let invalid = || {
        let mut errors = domain::fields::FieldErrors::new();
        domain::fields::flag(&mut errors, "_form", "err.unsubscribe_link");
        AppError::Invalid(errors)
    };
    let (kinds, from): (Vec<NotificationKind>, Channel) = if kind == DIGEST {
        (NotificationKind::ALL.to_vec(), Channel::Digest)
    } else {
        (
            vec![NotificationKind::parse(kind).ok_or_else(invalid)?],
            Channel::Email,
        )
    };
    if !s.store.user_by_mail_key(user_id, key).await? {
        tracing::info!("unsubscribe with an unknown link");
        return Err(invalid());
    }
    let mut tx = s.store.begin().await?;
    for k in kinds {
        if tx.channel(user_id, k).await? == from {
            tx.set_channel(user_id, k, Channel::InApp).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(user_id, what = kind, "unsubscribed from e-mail");
    Ok(())
}
