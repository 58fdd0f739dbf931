//! Staff forms: verification decisions (moderators) and moderator grants (admins).
//! Every decision is written to the hash-chained audit log.

use axum::extract::{Request, State};
use axum::response::Response;

use super::{finish, read_or_render, see_other_with_notice, Outcome, Submitted};
use crate::ssr::error::AppError;
use crate::ssr::AppState;
use domain::fields::{self as validate, FieldErrors};
use domain::models::{Role, Status, Viewer};

/// Longest rejection reason, in characters.
const MAX_REASON: usize = 1000;

/// The acting staff member (who must pass `allowed`) and the account the form names.
fn actor_and_target(
    sub: &Submitted,
    allowed: impl Fn(&Viewer) -> bool,
) -> Result<(&Viewer, i64), AppError> {
    let actor = sub
        .ctx
        .viewer
        .as_ref()
        .filter(|v| allowed(v))
        .ok_or(AppError::Forbidden)?;
    let target = sub
        .form
        .get("user_id")
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    Ok((actor, target))
}

/// POST /mod/verification: verify, or reject with a reason.
pub async fn decide(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = decide_inner(&state, &sub).await;
    finish(&state, sub, "decide", out).await
}

async fn decide_inner(state: &AppState, sub: &Submitted) -> Outcome {
    let (actor, target) = actor_and_target(sub, |v| v.can_moderate())?;
    // The queue shows one reason box per applicant, named after them so a rejected
    // form's message and text land on the right card.
    let reason_field = format!("reason_{target}");
    let reason = sub.form.get(&reason_field).trim();
    let (status, action) = match sub.form.get("decision") {
        "verify" => (Status::Verified, "verification.verify"),
        "reject" => (Status::Rejected, "verification.reject"),
        _ => return Err(AppError::BadRequest),
    };
    if status == Status::Rejected {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, &reason_field, reason, true, MAX_REASON);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
    }
    if target == actor.id {
        return Err(AppError::Forbidden);
    }
    if !state
        .store
        .holds_claim("verification", target, actor.id)
        .await?
    {
        return Ok(see_other_with_notice(
            &format!("/mod/verification#applicant-{target}"),
            "notice.claim_first",
            state.config.secure_cookies,
        ));
    }
    let reason_opt = (status == Status::Rejected).then_some(reason);
    if !state.store.decide(target, status, reason_opt).await? {
        return Ok(see_other_with_notice(
            "/mod/verification",
            "notice.already_decided",
            state.config.secure_cookies,
        ));
    }
    state
        .store
        .audit(
            Some(actor.id),
            action,
            "user",
            &target.to_string(),
            reason_opt.unwrap_or(""),
        )
        .await?;
    state.store.release_claim("verification", target).await?;
    tracing::info!(actor = actor.id, target, action, "verification decided");
    let kind = if status == Status::Verified {
        "verified"
    } else {
        "verification_rejected"
    };
    state
        .store
        .notify(target, kind, Some(actor.id), Default::default())
        .await?;
    let notice = if status == Status::Verified {
        "notice.verified"
    } else {
        "notice.rejected"
    };
    Ok(see_other_with_notice(
        "/mod/verification",
        notice,
        state.config.secure_cookies,
    ))
}

/// POST /admin/users: grant or revoke moderator.
pub async fn set_role(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = set_role_inner(&state, &sub).await;
    finish(&state, sub, "role", out).await
}

async fn set_role_inner(state: &AppState, sub: &Submitted) -> Outcome {
    let (actor, target) = actor_and_target(sub, |v| v.is_admin())?;
    let (role, action) = match sub.form.get("role") {
        "moderator" => (Role::Moderator, "role.grant_moderator"),
        "member" => (Role::Member, "role.revoke_moderator"),
        _ => return Err(AppError::BadRequest),
    };
    let user = state
        .store
        .user_by_id(target)
        .await?
        .ok_or(AppError::NotFound)?;
    // Admin accounts are managed from the command line, not demoted from the web.
    if user.role == Role::Admin || target == actor.id {
        return Err(AppError::Forbidden);
    }
    if role == Role::Moderator && user.applicant.status != Status::Verified {
        return Err(AppError::Conflict);
    }
    if user.role != role {
        state.store.set_role(target, role).await?;
        state
            .store
            .audit(Some(actor.id), action, "user", &target.to_string(), "")
            .await?;
        tracing::info!(actor = actor.id, target, action, "role changed");
    }
    Ok(see_other_with_notice(
        "/admin/users",
        "notice.role_changed",
        state.config.secure_cookies,
    ))
}

/// Longest site-list term, in characters.
const MAX_TERM: usize = 100;

/// POST /admin/site-lists: add or remove a term of the detector's site lists. The
/// server reads the lists on every post and the composer loads them with the page.
pub async fn site_lists(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = sub
            .ctx
            .viewer
            .as_ref()
            .filter(|v| v.is_admin())
            .ok_or(AppError::Forbidden)?;
        let list = sub.form.get("list");
        if !matches!(list, "always" | "never") {
            return Err(AppError::BadRequest);
        }
        let term = sub.form.get("term").trim();
        let field = format!("term_{list}");
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, &field, term, true, MAX_TERM);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let action = match sub.form.get("action") {
            "add" => {
                state.store.add_site_term(list, term, actor.id).await?;
                "site_list.add"
            }
            "remove" => {
                state.store.remove_site_term(list, term).await?;
                "site_list.remove"
            }
            _ => return Err(AppError::BadRequest),
        };
        // The term itself may be a facility name: the audit log keeps it (admins
        // only read it), the process log only its length.
        state
            .store
            .audit(Some(actor.id), action, "site_list", list, term)
            .await?;
        tracing::info!(
            actor = actor.id,
            list,
            term_len = term.len(),
            action,
            "site list changed"
        );
        Ok(see_other_with_notice(
            "/admin/site-lists",
            "notice.site_lists_changed",
            state.config.secure_cookies,
        ))
    }
    .await;
    finish(&state, sub, "site_lists", out).await
}
