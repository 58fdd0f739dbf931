//! Moderation forms: claiming queue items, deciding held posts (approve, reject with
//! a reason, redact and approve) and reports (dismiss, hide, remove), and pinning,
//! locking, hiding or retitling threads. The rules and the audit live in `ops::moderation`;
//! these handlers read the form and say where to go next.

use axum::extract::{Path, Request};
use axum::response::Response;
use domain::models::{FindingField, FindingRef};
use domain::vocab::{QueueKind, ReportDecision, ThreadFlag};
use ops::access::Moderator;
use ops::moderation::{self, Decided, HeldDecision};
use ops::teaching::{self, Verdict};
use ops::threads;
use ops::AppError;

use super::{finish, notice, read_or_render, safe_return, St};
use crate::state::AppState;

/// Where a decision that could not be applied sends the moderator.
fn not_applied(state: &AppState, decided: Decided, item_page: &str) -> Response {
    match decided {
        Decided::ClaimFirst => notice(state, item_page, "notice.claim_first"),
        Decided::AlreadyDecided | Decided::Done => {
            notice(state, "/mod/queue", "notice.already_decided_item")
        }
    }
}

/// POST /mod/claim: claim a queue item (`kind`, `id`) for the claim period.
pub async fn claim(actor: Moderator, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let kind = QueueKind::parse(sub.form.get("kind")).ok_or(AppError::BadRequest)?;
        let id = sub.form.id("id")?;
        let to = safe_return(sub.form.get("return_to"));
        let claimed = moderation::claim(&state.services, &actor, kind, id).await?;
        let key = if claimed {
            "notice.claimed"
        } else {
            "notice.claim_taken"
        };
        Ok(notice(&state, &to, key))
    }
    .await;
    finish(&state, sub, "claim", out).await
}

/// POST /mod/held/{id}: approve, reject or redact-and-approve a held revision.
pub async fn held(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let decision = match sub.form.get("decision") {
            "approve" => HeldDecision::Approve,
            "reject" => HeldDecision::Reject(sub.form.get("reason").to_string()),
            "redact" => HeldDecision::Redact(
                sub.form.post_form(true),
                sub.form.get("confirm_findings") == "1",
            ),
            _ => return Err(AppError::BadRequest),
        };
        let rejecting = matches!(decision, HeldDecision::Reject(_));
        match moderation::decide_held(&state.services, &actor, id, decision).await? {
            Decided::Done if rejecting => Ok(notice(&state, "/mod/queue", "notice.held_rejected")),
            Decided::Done => Ok(notice(&state, "/mod/queue", "notice.held_approved")),
            other => Ok(not_applied(&state, other, &format!("/mod/held/{id}"))),
        }
    }
    .await;
    // A redaction is typed into the composer; a rejection reason into its own box.
    let form = if sub.form.get("decision") == "redact" {
        "compose"
    } else {
        "held"
    };
    finish(&state, sub, form, out).await
}

/// POST /mod/held/{id}/finding: mark one finding (`field`, `position`) "not patient
/// data" (`verdict` = `not_phi`, or `never` to add its text to the never-hold list
/// too), or take the mark back (`undo`). Back to the held post either way.
pub async fn finding(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let field = FindingField::parse(sub.form.get("field")).ok_or(AppError::BadRequest)?;
        let position = sub
            .form
            .get("position")
            .parse::<usize>()
            .map_err(|_| AppError::BadRequest)?;
        let verdict = match sub.form.get("verdict") {
            "not_phi" => Verdict::NotPhi { never: false },
            "never" => Verdict::NotPhi { never: true },
            "undo" => Verdict::Undo,
            _ => return Err(AppError::BadRequest),
        };
        let back = format!("/mod/held/{id}");
        let finding = FindingRef { field, position };
        match teaching::judge_finding(&state.services, &actor, id, finding, verdict).await? {
            Decided::Done => {
                let key = match verdict {
                    Verdict::NotPhi { never: true } => "notice.finding_never",
                    Verdict::NotPhi { never: false } => "notice.finding_not_phi",
                    Verdict::Undo => "notice.finding_undone",
                };
                Ok(notice(&state, &format!("{back}#findings"), key))
            }
            other => Ok(not_applied(&state, other, &back)),
        }
    }
    .await;
    finish(&state, sub, "held", out).await
}

/// POST /mod/report/{id}: dismiss the report, hide the post, or remove it.
pub async fn report(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let decision =
            ReportDecision::parse(sub.form.get("decision")).ok_or(AppError::BadRequest)?;
        match moderation::decide_report(&state.services, &actor, id, decision).await? {
            Decided::Done => Ok(notice(&state, "/mod/queue", "notice.report_decided")),
            other => Ok(not_applied(&state, other, &format!("/mod/report/{id}"))),
        }
    }
    .await;
    finish(&state, sub, "report_decision", out).await
}

/// POST /mod/thread/{id}: set `flag` (pinned, locked, hidden) to `on` (1 or 0).
pub async fn thread(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let flag = ThreadFlag::parse(sub.form.get("flag")).ok_or(AppError::BadRequest)?;
        let on = sub.form.get("on") == "1";
        threads::set_thread_flag(&state.services, &actor, id, flag, on).await?;
        Ok(notice(&state, &format!("/t/{id}"), "notice.thread_updated"))
    }
    .await;
    finish(&state, sub, "thread_flags", out).await
}

/// POST /mod/thread/{id}/title: give the thread a new `title`.
pub async fn retitle(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        threads::retitle(&state.services, &actor, id, sub.form.get("title")).await?;
        Ok(notice(
            &state,
            &format!("/t/{id}"),
            "notice.thread_retitled",
        ))
    }
    .await;
    // A refused title comes back on the thread's page, in its own form.
    let mut sub = sub;
    if let Ok(uri) = format!("/t/{id}").parse() {
        sub.parts.uri = uri;
    }
    finish(&state, sub, "retitle", out).await
}

/// POST /mod/post/{id}: hide or show one post (`on` = 1 hides).
pub async fn post(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let on = sub.form.get("on") == "1";
        let thread = moderation::set_post_hidden(&state.services, &actor, id, on).await?;
        Ok(notice(
            &state,
            &format!("/t/{thread}"),
            "notice.thread_updated",
        ))
    }
    .await;
    finish(&state, sub, "post_flags", out).await
}
