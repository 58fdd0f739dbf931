//! Suspending accounts: a moderator keeps a member out for a number of days with a
//! reason the member reads, or lifts that early. Each decision ends the member's
//! sessions (suspending), writes its audit entry (ids only) and its letter (the end,
//! never the reason) in one transaction. Who may suspend whom is
//! [`domain::access::may_suspend`]; the staff's member page reads through here too.

use domain::access::{may_suspend, SUSPENDED_PATH};
use domain::fields::{check, FieldErrors, Reason, SuspensionDays};
use domain::models::{MemberFile, MemberHit, Role, Suspension, Viewer, MEMBER_HITS};
use domain::vocab::AuditAction;
use store::UserRecord;

use crate::access::Moderator;
use crate::error::AppError;
use crate::services::Services;

/// The account `target` if `actor` may suspend it (and lift its suspension).
async fn suspendable(s: &Services, actor: &Moderator, target: i64) -> Result<UserRecord, AppError> {
    let user = s
        .store
        .user_by_id(target)
        .await?
        .ok_or(AppError::NotFound)?;
    if target == actor.id() || !may_suspend(actor.0.role, user.role) {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

/// Suspends `target` for `days` (the form's value) with `reason`, replacing any
/// current suspension. Returns when it ends.
pub async fn suspend(
    s: &Services,
    actor: &Moderator,
    target: i64,
    reason: &str,
    days: &str,
) -> Result<i64, AppError> {
    let mut errors = FieldErrors::new();
    let reason = check(&mut errors, "reason", Reason::parse(reason));
    let days = check(&mut errors, "days", SuspensionDays::parse(days));
    let (Some(reason), Some(days)) = (reason, days) else {
        return Err(AppError::Invalid(errors));
    };
    let user = suspendable(s, actor, target).await?;
    let now = store::now();
    let ends_at = now + days.seconds();
    let mut tx = s.store.begin().await?;
    // A new suspension replaces the current one: lifted now, by the same moderator.
    tx.lift_suspensions(target, actor.id(), now).await?;
    tx.suspend(target, actor.id(), reason.as_str(), now, ends_at)
        .await?;
    let ended = tx.end_user_sessions(target).await?;
    tx.audit(
        Some(actor.id()),
        AuditAction::AccountSuspended,
        "user",
        &target.to_string(),
        "",
    )
    .await?;
    let lang = crate::mail_out::lang_of(&user, s.config.default_lang);
    let letter = mail::letters::suspended(
        lang,
        &user.applicant.display_name,
        &crate::mail_out::time_for(&user, lang, ends_at),
        &s.mail.url(SUSPENDED_PATH),
    );
    crate::mail_out::queue(s, &mut tx, target, &user.applicant.email, &letter).await?;
    tx.commit().await?;
    tracing::info!(
        actor = actor.id(),
        target,
        seconds = days.seconds(),
        sessions_ended = ended,
        "account suspended"
    );
    Ok(ends_at)
}

/// Lifts the current suspension of `target`. `false` when there was none (it had
/// ended, or another moderator lifted it first): nothing is written.
pub async fn lift(s: &Services, actor: &Moderator, target: i64) -> Result<bool, AppError> {
    let user = suspendable(s, actor, target).await?;
    let mut tx = s.store.begin().await?;
    if tx
        .lift_suspensions(target, actor.id(), store::now())
        .await?
        == 0
    {
        return Ok(false);
    }
    tx.audit(
        Some(actor.id()),
        AuditAction::AccountUnsuspended,
        "user",
        &target.to_string(),
        "",
    )
    .await?;
    let letter = mail::letters::unsuspended(
        crate::mail_out::lang_of(&user, s.config.default_lang),
        &user.applicant.display_name,
        &s.mail.site(),
    );
    crate::mail_out::queue(s, &mut tx, target, &user.applicant.email, &letter).await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), target, "suspension lifted");
    Ok(true)
}

/// The staff's page of one account: who they are (never licence or workplace),
/// their suspensions, and what the viewer may do about them.
pub async fn member_file(
    s: &Services,
    viewer: &Moderator,
    target: i64,
) -> Result<MemberFile, AppError> {
    let user = s
        .store
        .user_by_id(target)
        .await?
        .ok_or(AppError::NotFound)?;
    let created_at = s.store.user_created_at(target).await?.unwrap_or(0);
    let suspensions = s.store.suspensions_of(target).await?;
    let now = store::now();
    Ok(MemberFile {
        id: user.id,
        display_name: user.applicant.display_name,
        role: user.role,
        status: user.applicant.status,
        profession: user.applicant.profession,
        created_at,
        sessions: s.store.count_sessions(target).await?,
        may_suspend: target != viewer.id() && may_suspend(viewer.0.role, user.role),
        may_end_sessions: viewer.0.role == Role::Admin,
        current: suspensions.iter().find(|x| x.is_active(now)).cloned(),
        suspensions,
    })
}

/// Accounts whose display name starts with `prefix` (at most [`MEMBER_HITS`]).
pub async fn find_members(
    s: &Services,
    _viewer: &Moderator,
    prefix: &str,
) -> Result<Vec<MemberHit>, AppError> {
    let prefix = prefix.trim();
    if prefix.is_empty() || prefix.chars().any(char::is_control) {
        return Ok(Vec::new());
    }
    let prefix: String = prefix
        .chars()
        .take(domain::fields::DisplayName::MAX)
        .collect();
    Ok(s.store
        .find_members(&prefix, MEMBER_HITS, store::now())
        .await?)
}

/// The viewer's own current suspension, for their notice; `None` when they are not
/// suspended (or nobody is signed in).
pub async fn own_suspension(
    s: &Services,
    viewer: Option<&Viewer>,
) -> Result<Option<Suspension>, AppError> {
    let Some(v) = viewer else { return Ok(None) };
    let now = store::now();
    Ok(s.store
        .suspensions_of(v.id)
        .await?
        .into_iter()
        .find(|x| x.is_active(now)))
}
