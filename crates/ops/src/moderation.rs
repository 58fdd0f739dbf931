//! Moderators' use cases: claim a queue item; approve, reject or redact a held post;
//! decide a report; hide a post; open held text (whole threads: [`crate::threads`]). Four eyes:
//! nobody acts on their own post or on a report they filed or that concerns them.
//! Each decision, its audit entry, the release of its claim and its notifications are
//! one transaction.

use domain::fields::{PostForm, Reason};
use domain::vocab::{AuditAction, NotificationKind, QueueKind, ReportDecision, ReportReason};
use store::notify::Target;
use store::Stored;

use crate::access::Moderator;
use crate::error::AppError;
use crate::gate::{notify_publication, prepare, screen_line};
use crate::services::Services;

/// How a decision ended when it could not be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decided {
    /// Applied.
    Done,
    /// Someone decided first (or the item is no longer waiting).
    AlreadyDecided,
    /// The moderator must claim the item first.
    ClaimFirst,
}

/// Claims a queue item for the claim period. False when another moderator holds it.
pub async fn claim(
    s: &Services,
    actor: &Moderator,
    kind: QueueKind,
    id: i64,
) -> Result<bool, AppError> {
    let until = store::now() + s.config.claim_ttl_secs;
    let mut tx = s.store.begin().await?;
    let people = tx
        .queue_item_people(kind, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Four eyes: nobody claims an item about their own post, report or account.
    if people.contains(&actor.id()) {
        return Err(AppError::Forbidden);
    }
    // A draft its author has not sent for review is not in anyone's queue.
    if kind == QueueKind::Held
        && !tx
            .held_revision(id)
            .await?
            .is_some_and(|r| r.open_to_moderators())
    {
        return Err(AppError::NotFound);
    }
    if !tx.claim(kind, id, actor.id(), until).await? {
        return Ok(false);
    }
    tx.audit(
        Some(actor.id()),
        AuditAction::QueueClaim,
        kind.as_str(),
        &id.to_string(),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// What a moderator decides about a held revision.
#[derive(Clone, Debug)]
pub enum HeldDecision {
    /// Publish it as it is.
    Approve,
    /// Turn it down; the author reads the reason.
    Reject(String),
    /// Publish the moderator's redacted version instead (its title and tags count
    /// only when the post opens its thread). The gate runs on it again: if it still
    /// finds something, the moderator must change it or confirm (`true`) that every
    /// remaining finding is not patient data.
    Redact(PostForm, bool),
}

/// Decides a held revision the moderator has claimed.
pub async fn decide_held(
    s: &Services,
    actor: &Moderator,
    id: i64,
    decision: HeldDecision,
) -> Result<Decided, AppError> {
    // Validation and screening happen before the transaction (no lock held while the
    // detector runs); a rejected form changes nothing.
    let redaction = match &decision {
        HeldDecision::Redact(form, confirmed) => {
            let rev = s
                .store
                .held_revision(id)
                .await?
                .filter(|r| r.open_to_moderators())
                .ok_or(AppError::NotFound)?;
            let opening = s
                .store
                .post_row(rev.post_id)
                .await?
                .is_some_and(|p| p.number == 1);
            let mut form = form.clone();
            if !opening {
                form.title = None;
                form.tags = None;
            }
            let draft = prepare(&s.store, actor.id(), &form).await?;
            if draft.held && !confirmed {
                // Pressing "publish" without editing must not publish the name unchanged.
                return Err(AppError::Invalid(
                    [("body".to_string(), "err.still_patient_data".to_string())].into(),
                ));
            }
            Some(draft)
        }
        _ => None,
    };
    // What the moderator confirmed, for the audit row: kinds only, never the text.
    let confirmed_kinds = redaction
        .as_ref()
        .filter(|d| d.held)
        .map(|d| {
            let mut kinds: Vec<&str> = d.findings.all().map(|f| f.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            format!("confirmed findings: {}", kinds.join(","))
        })
        .unwrap_or_default();
    let reason = match &decision {
        HeldDecision::Reject(reason) => Some(
            Reason::parse(reason)
                .map_err(|k| AppError::Invalid([("reason".to_string(), k)].into()))?,
        ),
        _ => None,
    };
    // The author reads the reason: it must not repeat what was held.
    if let Some(r) = &reason {
        if !screen_line(&s.store, r.as_str()).await?.is_empty() {
            return Err(AppError::Invalid(
                [("reason".to_string(), "err.field_patient_data".to_string())].into(),
            ));
        }
    }
    let mut tx = s.store.begin().await?;
    let rev = tx
        .held_revision(id)
        .await?
        .filter(|r| r.open_to_moderators())
        .ok_or(AppError::NotFound)?;
    if rev.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    if !rev.waiting {
        return Ok(Decided::AlreadyDecided);
    }
    if !tx.holds_claim(QueueKind::Held, id, actor.id()).await? {
        return Ok(Decided::ClaimFirst);
    }
    let target = Target {
        thread_id: Some(rev.thread_id),
        post_id: Some(rev.post_id),
        revision_id: Some(id),
    };
    let purge_after = s.purge_deadline();
    let (first, action) = match (&decision, reason, redaction) {
        (HeldDecision::Reject(_), Some(reason), _) => {
            if !tx
                .reject(id, actor.id(), reason.as_str(), purge_after)
                .await?
            {
                return Ok(Decided::AlreadyDecided);
            }
            crate::notices::notify(
                s,
                &mut tx,
                rev.author_id,
                NotificationKind::Rejected,
                Some(actor.id()),
                target,
            )
            .await?;
            tx.audit(
                Some(actor.id()),
                AuditAction::HeldReject,
                "revision",
                &id.to_string(),
                reason.as_str(),
            )
            .await?;
            tx.release_claim(QueueKind::Held, id).await?;
            tx.commit().await?;
            tracing::info!(actor = actor.id(), revision = id, "held post rejected");
            return Ok(Decided::Done);
        }
        (HeldDecision::Redact(..), _, Some(draft)) => (
            tx.redact_and_approve(id, &draft, purge_after).await?,
            AuditAction::HeldRedact,
        ),
        _ => (tx.approve(id, actor.id()).await?, AuditAction::HeldApprove),
    };
    let Some(first) = first else {
        return Ok(Decided::AlreadyDecided);
    };
    tx.audit(
        Some(actor.id()),
        action,
        "revision",
        &id.to_string(),
        &confirmed_kinds,
    )
    .await?;
    tx.release_claim(QueueKind::Held, id).await?;
    crate::notices::notify(
        s,
        &mut tx,
        rev.author_id,
        NotificationKind::Approved,
        Some(actor.id()),
        target,
    )
    .await?;
    if first {
        let stored = Stored {
            thread_id: rev.thread_id,
            post_id: rev.post_id,
            revision_id: id,
            published: true,
            first_publication: true,
        };
        notify_publication(s, &mut tx, &stored, rev.author_id).await?;
    }
    tx.commit().await?;
    tracing::info!(actor = actor.id(), revision = id, action = %action, "held post published");
    Ok(Decided::Done)
}

/// Decides an open report the moderator has claimed.
pub async fn decide_report(
    s: &Services,
    actor: &Moderator,
    id: i64,
    decision: ReportDecision,
) -> Result<Decided, AppError> {
    let mut tx = s.store.begin().await?;
    let report = tx.report(id).await?.ok_or(AppError::NotFound)?;
    if report.reporter_id == actor.id() || report.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    if report.state != domain::vocab::ReportState::Open {
        return Ok(Decided::AlreadyDecided);
    }
    if !tx.holds_claim(QueueKind::Report, id, actor.id()).await? {
        return Ok(Decided::ClaimFirst);
    }
    if !tx.decide_report(id, decision.outcome(), actor.id()).await? {
        return Ok(Decided::AlreadyDecided);
    }
    if decision == ReportDecision::Remove {
        // Removed text goes on the unpublished-text schedule; patient data at once.
        let when = if report.reason == ReportReason::PatientData {
            store::retention::Retire::Now
        } else {
            store::retention::Retire::After(s.purge_deadline())
        };
        tx.retire_post_text(report.post_id, when).await?;
    }
    if decision == ReportDecision::Dismiss && report.reason == ReportReason::PatientData {
        // The report hid the post at once; a moderator who finds no patient data
        // gives it back to readers.
        tx.set_post_hidden(report.post_id, false).await?;
        tx.audit(
            Some(actor.id()),
            AuditAction::PostUnhide,
            "post",
            &report.post_id.to_string(),
            "patient-data report dismissed",
        )
        .await?;
    }
    tx.audit(
        Some(actor.id()),
        decision.action(),
        "report",
        &id.to_string(),
        "",
    )
    .await?;
    tx.release_claim(QueueKind::Report, id).await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), report = id, outcome = %decision.outcome(), "report decided");
    Ok(Decided::Done)
}

/// Hides or shows one post (not the moderator's own). Returns its thread.
pub async fn set_post_hidden(
    s: &Services,
    actor: &Moderator,
    post_id: i64,
    on: bool,
) -> Result<i64, AppError> {
    let mut tx = s.store.begin().await?;
    let post = tx.post_row(post_id).await?.ok_or(AppError::NotFound)?;
    if post.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    tx.set_post_hidden(post_id, on).await?;
    let action = if on {
        AuditAction::PostHide
    } else {
        AuditAction::PostUnhide
    };
    tx.audit(Some(actor.id()), action, "post", &post_id.to_string(), "")
        .await?;
    tx.commit().await?;
    Ok(post.thread_id)
}

/// Records that a moderator read text that may never have been published (a held
/// revision, or someone else's revision history). Call before sending the text.
pub async fn record_reading(
    s: &Services,
    actor: &Moderator,
    action: AuditAction,
    target_kind: &str,
    id: i64,
) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    tx.audit(Some(actor.id()), action, target_kind, &id.to_string(), "")
        .await?;
    tx.commit().await?;
    Ok(())
}
