//! Reminding authors of held posts they left: a day (by default) after a post was
//! held, if its author has neither changed it nor sent it to the moderators, they are
//! told once — in Rounds, and by e-mail as they chose — never with the post's text.
//! Nobody else can see a held post, so without this it would wait unseen for ever.

use domain::vocab::NotificationKind;
use store::notify::Target;

use crate::error::AppError;
use crate::services::Services;

/// Most reminders one run sends (the next run takes the rest).
const PER_RUN: i64 = 100;

/// Sends the reminders due: held posts waiting `wait_secs` or longer. Returns how
/// many were sent. Safe with several processes (each reminder is claimed once).
pub async fn send_due(s: &Services, wait_secs: i64) -> Result<usize, AppError> {
    let now = store::now();
    let mut sent = 0;
    for unsent in s
        .store
        .unsent_held(now.saturating_sub(wait_secs), PER_RUN)
        .await?
    {
        let mut tx = s.store.begin().await?;
        if !tx.claim_reminder(unsent.revision_id, now).await? {
            continue;
        }
        crate::notices::notify(
            s,
            &mut tx,
            unsent.author_id,
            NotificationKind::HeldWaiting,
            None,
            Target {
                thread_id: Some(unsent.thread_id),
                post_id: Some(unsent.post_id),
                revision_id: Some(unsent.revision_id),
            },
        )
        .await?;
        tx.commit().await?;
        sent += 1;
    }
    if sent > 0 {
        tracing::info!(reminders = sent, "held-post reminders sent");
    }
    Ok(sent)
}
