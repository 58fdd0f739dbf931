//! Moderation forms: claiming queue items, deciding held posts (approve, reject with
//! a reason, redact and approve) and reports (dismiss, hide, remove), and pinning,
//! locking or hiding threads. Every action is written to the audit log. Four eyes:
//! nobody acts on their own post or on a report they filed or that concerns them.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use super::{finish, read_or_render, safe_return, see_other_with_notice, Outcome, Submitted};
use crate::ssr::error::AppError;
use crate::ssr::gate::{self, Submission};
use crate::ssr::AppState;
use domain::fields::{self as validate, FieldErrors};
use domain::models::Viewer;
use store::notify::Target;
use store::Stored;

/// Longest reason, in characters.
const MAX_REASON: usize = 1000;

fn moderator(sub: &Submitted) -> Result<&Viewer, AppError> {
    sub.ctx
        .viewer
        .as_ref()
        .filter(|v| v.can_moderate())
        .ok_or(AppError::Forbidden)
}

fn notice(state: &AppState, to: &str, key: &str) -> Response {
    see_other_with_notice(to, key, state.config.secure_cookies)
}

/// POST /mod/claim: claim a queue item (`kind`, `id`) for the claim period.
pub async fn claim(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = moderator(&sub)?;
        let kind = sub.form.get("kind");
        if !matches!(kind, "held" | "report" | "verification") {
            return Err(AppError::BadRequest);
        }
        let id: i64 = sub
            .form
            .get("id")
            .parse()
            .map_err(|_| AppError::BadRequest)?;
        let to = safe_return(sub.form.get("return_to"));
        let until = store::now() + state.config.claim_ttl_secs;
        if state.store.claim(kind, id, actor.id, until).await? {
            state
                .store
                .audit(Some(actor.id), "queue.claim", kind, &id.to_string(), "")
                .await?;
            Ok(notice(&state, &to, "notice.claimed"))
        } else {
            Ok(notice(&state, &to, "notice.claim_taken"))
        }
    }
    .await;
    finish(&state, sub, "claim", out).await
}

/// POST /mod/held/{id}: approve, reject or redact-and-approve a held revision.
pub async fn held(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = held_inner(&state, &sub, id).await;
    // A redaction is typed into the composer; a rejection reason into its own box.
    let form = if sub.form.get("decision") == "redact" {
        "compose"
    } else {
        "held"
    };
    finish(&state, sub, form, out).await
}

async fn held_inner(state: &AppState, sub: &Submitted, id: i64) -> Outcome {
    let actor = moderator(sub)?;
    let rev = state
        .store
        .held_revision(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if rev.author_id == actor.id {
        return Err(AppError::Forbidden);
    }
    let back = format!("/mod/held/{id}");
    if !rev.waiting {
        return Ok(notice(state, "/mod/queue", "notice.already_decided_item"));
    }
    if !state.store.holds_claim("held", id, actor.id).await? {
        return Ok(notice(state, &back, "notice.claim_first"));
    }
    let purge_after = gate::purge_deadline(state);
    let target = Target {
        thread_id: Some(rev.thread_id),
        post_id: Some(rev.post_id),
        revision_id: Some(id),
    };
    let decision = sub.form.get("decision");
    let first = match decision {
        "approve" => state.store.approve(id, actor.id).await?,
        "reject" => {
            let reason = sub.form.get("reason").trim();
            let mut errors = FieldErrors::new();
            validate::multiline(&mut errors, "reason", reason, MAX_REASON);
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            if !state
                .store
                .reject(id, actor.id, reason, purge_after)
                .await?
            {
                return Ok(notice(state, "/mod/queue", "notice.already_decided_item"));
            }
            state
                .store
                .notify(rev.author_id, "rejected", Some(actor.id), target)
                .await?;
            state
                .store
                .audit(
                    Some(actor.id),
                    "held.reject",
                    "revision",
                    &id.to_string(),
                    reason,
                )
                .await?;
            state.store.release_claim("held", id).await?;
            tracing::info!(actor = actor.id, revision = id, "held post rejected");
            return Ok(notice(state, "/mod/queue", "notice.held_rejected"));
        }
        "redact" => {
            let opening = state.store.post_number(rev.post_id).await? == 1;
            let s = Submission {
                title: opening.then(|| sub.form.get("title").to_string()),
                tags: opening.then(|| sub.form.get("tags").to_string()),
                body: sub.form.get("body").to_string(),
                send_for_review: false,
            };
            gate::validate(&s)?;
            // The moderator's redaction is published on their authority; what the
            // detector still finds is recorded with it.
            let (draft, _) = gate::prepare(state, actor.id, &s).await?;
            state
                .store
                .redact_and_approve(id, &draft, purge_after)
                .await?
        }
        _ => return Err(AppError::BadRequest),
    };
    let Some(first) = first else {
        return Ok(notice(state, "/mod/queue", "notice.already_decided_item"));
    };
    let action = if decision == "redact" {
        "held.redact"
    } else {
        "held.approve"
    };
    state
        .store
        .audit(Some(actor.id), action, "revision", &id.to_string(), "")
        .await?;
    state.store.release_claim("held", id).await?;
    state
        .store
        .notify(rev.author_id, "approved", Some(actor.id), target)
        .await?;
    if first {
        let stored = Stored {
            thread_id: rev.thread_id,
            post_id: rev.post_id,
            revision_id: id,
            published: true,
            first_publication: true,
        };
        gate::after_first_publication(state, &stored, rev.author_id).await;
    }
    tracing::info!(
        actor = actor.id,
        revision = id,
        action,
        "held post published"
    );
    Ok(notice(state, "/mod/queue", "notice.held_approved"))
}

/// POST /mod/report/{id}: dismiss the report, hide the post, or remove it.
pub async fn report(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = moderator(&sub)?;
        let report = state.store.report(id).await?.ok_or(AppError::NotFound)?;
        if report.reporter_id == actor.id || report.author_id == actor.id {
            return Err(AppError::Forbidden);
        }
        if report.state != "open" {
            return Ok(notice(&state, "/mod/queue", "notice.already_decided_item"));
        }
        if !state.store.holds_claim("report", id, actor.id).await? {
            return Ok(notice(
                &state,
                &format!("/mod/report/{id}"),
                "notice.claim_first",
            ));
        }
        let outcome = match sub.form.get("decision") {
            "dismiss" => "dismissed",
            "hide" => "hidden",
            "remove" => "removed",
            _ => return Err(AppError::BadRequest),
        };
        if !state.store.decide_report(id, outcome, actor.id).await? {
            return Ok(notice(&state, "/mod/queue", "notice.already_decided_item"));
        }
        state
            .store
            .audit(
                Some(actor.id),
                &format!("report.{outcome}"),
                "report",
                &id.to_string(),
                "",
            )
            .await?;
        state.store.release_claim("report", id).await?;
        tracing::info!(actor = actor.id, report = id, outcome, "report decided");
        Ok(notice(&state, "/mod/queue", "notice.report_decided"))
    }
    .await;
    finish(&state, sub, "report_decision", out).await
}

/// POST /mod/thread/{id}: set `flag` (pinned, locked, hidden) to `on` (1 or 0).
pub async fn thread(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = moderator(&sub)?;
        let flag = sub.form.get("flag");
        if !matches!(flag, "pinned" | "locked" | "hidden") {
            return Err(AppError::BadRequest);
        }
        let on = sub.form.get("on") == "1";
        state
            .store
            .thread_row(id)
            .await?
            .ok_or(AppError::NotFound)?;
        state.store.set_thread_flag(id, flag, on).await?;
        let action = format!("thread.{}{flag}", if on { "" } else { "un" });
        state
            .store
            .audit(Some(actor.id), &action, "thread", &id.to_string(), "")
            .await?;
        tracing::info!(actor = actor.id, thread = id, action, "thread flag set");
        Ok(notice(&state, &format!("/t/{id}"), "notice.thread_updated"))
    }
    .await;
    finish(&state, sub, "thread_flags", out).await
}

/// POST /mod/post/{id}: hide or show one post (`on` = 1 hides).
pub async fn post(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = moderator(&sub)?;
        let post = state.store.post_row(id).await?.ok_or(AppError::NotFound)?;
        if post.author_id == actor.id {
            return Err(AppError::Forbidden);
        }
        let on = sub.form.get("on") == "1";
        state.store.set_post_hidden(id, on).await?;
        let action = if on { "post.hide" } else { "post.unhide" };
        state
            .store
            .audit(Some(actor.id), action, "post", &id.to_string(), "")
            .await?;
        Ok(notice(
            &state,
            &format!("/t/{}", post.thread_id),
            "notice.thread_updated",
        ))
    }
    .await;
    finish(&state, sub, "post_flags", out).await
}
