//! The daily digest: members who chose it for a kind of notification get, at most
//! once a day, one letter listing what happened since the last one — who did what
//! in which published thread, never post text — with a link to their notifications
//! and a one-click unsubscribe that turns the digest back into "in Rounds only".
//! Several processes may run this; a conditional claim sends each digest once.

use domain::i18n::tf;

use crate::error::AppError;
use crate::mail_out::{lang_of, queue};
use crate::notices::digest_unsubscribe_path;
use crate::services::Services;

/// Lines a digest lists before "and N more".
pub const DIGEST_LINES: usize = 20;
/// Members one run handles (the rest wait for the next run).
const PER_RUN: i64 = 100;

/// Sends every digest that is due: the member's last one went out a day ago or
/// more, and something has waited `min_wait_secs` (so a burst of replies lands in
/// one letter). Returns how many letters were queued.
pub async fn send_due(s: &Services, min_wait_secs: i64) -> Result<usize, AppError> {
    let now = store::now();
    let mut sent = 0;
    for user_id in s
        .store
        .digest_due(now, now - min_wait_secs, PER_RUN)
        .await?
    {
        let Some(user) = s.store.user_by_id(user_id).await? else {
            continue;
        };
        let mut tx = s.store.begin().await?;
        if !tx.claim_digest(user_id, now).await? {
            continue;
        }
        // What was read in the app meanwhile needs no letter.
        let unread: Vec<_> = tx
            .take_digest(user_id)
            .await?
            .into_iter()
            .filter(|l| l.read_at.is_none())
            .collect();
        if !unread.is_empty() {
            let lang = lang_of(&user, s.config.default_lang);
            let lines = unread
                .iter()
                .take(DIGEST_LINES)
                .map(|l| {
                    tf(
                        lang,
                        &format!("mail.note.{}.subject", l.kind),
                        &[("actor", &l.actor), ("title", &l.title)],
                    )
                })
                .collect();
            let key = tx.mail_key(user_id, &crate::tokens::new_token()).await?;
            let letter = mail::letters::digest(
                lang,
                &user.applicant.display_name,
                lines,
                unread.len().saturating_sub(DIGEST_LINES),
                &s.mail.url("/notifications"),
                &s.mail.url(&digest_unsubscribe_path(user_id, &key)),
            );
            queue(s, &mut tx, user_id, &user.applicant.email, &letter).await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    if sent > 0 {
        tracing::info!(letters = sent, "daily digests queued");
    }
    Ok(sent)
}
