//! Moderators' actions on whole threads: pin, lock or hide one (or undo it), and give
//! one a new title — the way back for a thread whose opening post was removed for
//! patient data, hidden with the title that went with it. A new title passes the PHI
//! gate like any text members read. Four eyes: on a thread they started, a moderator
//! may restrict but never lift a restriction, promote it or retitle it.

use domain::fields::{FieldErrors, Title};
use domain::vocab::{AuditAction, ThreadFlag};

use crate::access::Moderator;
use crate::error::AppError;
use crate::gate::screen_line;
use crate::services::Services;

/// Pins, locks or hides a thread (or undoes it).
pub async fn set_thread_flag(
    s: &Services,
    actor: &Moderator,
    thread_id: i64,
    flag: ThreadFlag,
    on: bool,
) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    // A conversation is not the forum's: moderators act on a message through its
    // report (hide or remove the message), never on the conversation unseen.
    let thread = tx
        .thread_row(thread_id)
        .await?
        .filter(|t| !t.private)
        .ok_or(AppError::NotFound)?;
    // Four eyes: on a thread they started, a moderator may restrict it but never
    // lift a restriction or promote it; another moderator does.
    if flag.lifts(on) && thread.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    tx.set_thread_flag(thread_id, flag, on).await?;
    let action = flag.action(on);
    tx.audit(
        Some(actor.id()),
        action,
        "thread",
        &thread_id.to_string(),
        "",
    )
    .await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), thread = thread_id, action = %action, "thread flag set");
    Ok(())
}

/// Gives a published thread a new title (shown again if it was hidden because its
/// title went with its removed opening post). A title that may identify a patient is
/// refused with the form kept; the audit row records lengths, never the text.
pub async fn retitle(
    s: &Services,
    actor: &Moderator,
    thread_id: i64,
    title: &str,
) -> Result<(), AppError> {
    let title = Title::parse(title)
        .map_err(|k| AppError::Invalid(FieldErrors::from([("title".to_string(), k)])))?;
    let thread = s
        .store
        .thread_row(thread_id)
        .await?
        .filter(|t| t.published && !t.deleted)
        .ok_or(AppError::NotFound)?;
    if thread.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    if !screen_line(&s.store, title.as_str()).await?.is_empty() {
        return Err(AppError::Invalid(FieldErrors::from([(
            "title".to_string(),
            "err.field_patient_data".to_string(),
        )])));
    }
    let mut tx = s.store.begin().await?;
    let shown = tx.retitle_thread(thread_id, title.as_str()).await?;
    let note = format!(
        "title {} chars{}",
        title.as_str().chars().count(),
        if shown { "; shown again" } else { "" }
    );
    tx.audit(
        Some(actor.id()),
        AuditAction::ThreadRetitled,
        "thread",
        &thread_id.to_string(),
        &note,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        actor = actor.id(),
        thread = thread_id,
        shown,
        "thread retitled"
    );
    Ok(())
}
