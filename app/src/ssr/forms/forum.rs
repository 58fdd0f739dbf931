//! Forum forms: new threads, replies, edits, sending a held post for review,
//! deleting one's own post, and reporting a post. Every text goes through the PHI
//! gate; a held post sends its author to the post's page, where they see what was
//! found.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use super::{finish, read_or_render, see_other_with_notice, Outcome, Submitted};
use crate::ssr::error::AppError;
use crate::ssr::gate::{self, Submission};
use crate::ssr::AppState;
use domain::fields::{self as validate, FieldErrors};
use domain::models::{PostState, Viewer};
use store::{PostRow, Stored, REPORT_REASONS};

/// Longest report note, in characters.
const MAX_NOTE: usize = 2000;

fn verified(sub: &Submitted) -> Result<&Viewer, AppError> {
    sub.ctx
        .viewer
        .as_ref()
        .filter(|v| v.is_verified())
        .ok_or(AppError::Forbidden)
}

fn submission(sub: &Submitted, opening: bool) -> Submission {
    let f = &sub.form;
    Submission {
        title: opening.then(|| f.get("title").to_string()),
        tags: opening.then(|| f.get("tags").to_string()),
        body: f.get("body").to_string(),
        send_for_review: f.get("review") == "1",
    }
}

/// Where the author goes after posting, with the notice that says what happened.
fn after_post(state: &AppState, stored: &Stored, review: bool) -> Response {
    let secure = state.config.secure_cookies;
    if stored.published {
        let to = format!("/t/{}?page=last#post-{}", stored.thread_id, stored.post_id);
        see_other_with_notice(&to, "notice.published", secure)
    } else {
        let notice = if review {
            "notice.sent_for_review"
        } else {
            "notice.held"
        };
        see_other_with_notice(&format!("/p/{}", stored.post_id), notice, secure)
    }
}

/// POST /new: start a thread.
pub async fn new_thread(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = verified(&sub)?;
        let s = submission(&sub, true);
        let category = state
            .store
            .category_by_slug(sub.form.get("category"))
            .await?;
        let mut errors = FieldErrors::new();
        if category.is_none() {
            validate::flag(&mut errors, "category", "err.choose");
        }
        if let Err(AppError::Invalid(more)) = gate::validate(&s) {
            errors.extend(more);
        }
        let Some(category) = category.filter(|_| errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let (draft, _) = gate::prepare(&state, viewer.id, &s).await?;
        let stored = state.store.create_thread(category.id, &draft).await?;
        tracing::info!(
            user_id = viewer.id,
            thread = stored.thread_id,
            held = !stored.published,
            body_len = s.body.len(),
            "thread created"
        );
        if stored.first_publication {
            gate::after_first_publication(&state, &stored, viewer.id).await;
        }
        Ok(after_post(&state, &stored, s.send_for_review))
    }
    .await;
    finish(&state, sub, "compose", out).await
}

/// POST /t/{id}/reply
pub async fn reply(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = verified(&sub)?;
        let thread = state
            .store
            .thread_row(id)
            .await?
            .filter(|t| t.published && t.visible_to(viewer.id, viewer.can_moderate()))
            .ok_or(AppError::NotFound)?;
        if (thread.locked || thread.hidden) && !viewer.can_moderate() {
            return Err(AppError::Forbidden);
        }
        let s = submission(&sub, false);
        gate::validate(&s)?;
        let (draft, _) = gate::prepare(&state, viewer.id, &s).await?;
        let stored = state.store.create_reply(id, &draft).await?;
        tracing::info!(
            user_id = viewer.id,
            thread = id,
            post = stored.post_id,
            held = !stored.published,
            body_len = s.body.len(),
            "reply created"
        );
        if stored.first_publication {
            gate::after_first_publication(&state, &stored, viewer.id).await;
        }
        Ok(after_post(&state, &stored, s.send_for_review))
    }
    .await;
    // A refused reply comes back on the thread's last page, where its composer is,
    // with what was typed.
    let mut sub = sub;
    if let Ok(uri) = format!("/t/{id}?page=last").parse() {
        sub.parts.uri = uri;
    }
    finish(&state, sub, "compose", out).await
}

async fn own_post(state: &AppState, viewer: &Viewer, id: i64) -> Result<PostRow, AppError> {
    state
        .store
        .post_row(id)
        .await?
        .filter(|p| p.author_id == viewer.id)
        .ok_or(AppError::NotFound)
}

/// POST /p/{id}: the author edits, sends for review, or deletes their post.
pub async fn post_action(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = post_action_inner(&state, &sub, id).await;
    finish(&state, sub, "compose", out).await
}

async fn post_action_inner(state: &AppState, sub: &Submitted, id: i64) -> Outcome {
    let viewer = verified(sub)?;
    let post = own_post(state, viewer, id).await?;
    let secure = state.config.secure_cookies;
    if matches!(post.state, PostState::Deleted | PostState::Removed) {
        return Err(AppError::Conflict);
    }
    match sub.form.get("action") {
        "review" => {
            let rev = state
                .store
                .held_revision_of(id)
                .await?
                .ok_or(AppError::Conflict)?;
            state.store.request_review(rev).await?;
            tracing::info!(post = id, revision = rev, "sent for review");
            Ok(see_other_with_notice(
                &format!("/p/{id}"),
                "notice.sent_for_review",
                secure,
            ))
        }
        "delete" => {
            state
                .store
                .delete_post(id, gate::purge_deadline(state))
                .await?;
            tracing::info!(post = id, "post deleted by author");
            let to = if post.number == 1 {
                "/".to_string()
            } else {
                format!("/t/{}", post.thread_id)
            };
            Ok(see_other_with_notice(&to, "notice.deleted", secure))
        }
        "edit" => {
            let s = submission(sub, post.number == 1);
            gate::validate(&s)?;
            let (draft, _) = gate::prepare(state, viewer.id, &s).await?;
            let stored = state
                .store
                .add_revision(id, &draft, gate::purge_deadline(state))
                .await?;
            tracing::info!(
                post = id,
                held = !stored.published,
                body_len = s.body.len(),
                "post edited"
            );
            if stored.first_publication {
                gate::after_first_publication(state, &stored, viewer.id).await;
            }
            Ok(after_post(state, &stored, s.send_for_review))
        }
        _ => Err(AppError::BadRequest),
    }
}

/// POST /p/{id}/report: a member reports a published post they can see.
pub async fn report(State(state): State<AppState>, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = verified(&sub)?;
        let post = state
            .store
            .post_row(id)
            .await?
            .filter(|p| p.state == PostState::Published)
            .ok_or(AppError::NotFound)?;
        let thread = state
            .store
            .thread_row(post.thread_id)
            .await?
            .filter(|t| t.visible_to(viewer.id, viewer.can_moderate()))
            .ok_or(AppError::NotFound)?;
        if post.author_id == viewer.id {
            return Err(AppError::Forbidden);
        }
        let reason = sub.form.get("reason");
        let note = sub.form.get("note").trim();
        let mut errors = FieldErrors::new();
        if !REPORT_REASONS.contains(&reason) {
            validate::flag(&mut errors, "reason", "err.choose");
        }
        if !note.is_empty() {
            validate::multiline(&mut errors, "note", note, MAX_NOTE);
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let report_id = state
            .store
            .create_report(id, viewer.id, reason, note)
            .await?;
        tracing::info!(report = report_id, post = id, reason, "post reported");
        Ok(see_other_with_notice(
            &format!("/t/{}", thread.id),
            "notice.reported",
            state.config.secure_cookies,
        ))
    }
    .await;
    finish(&state, sub, "report", out).await
}

/// POST /notifications: mark all read.
pub async fn notifications_read(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = verified(&sub)?;
        state.store.mark_notifications_read(viewer.id).await?;
        Ok(see_other_with_notice(
            "/notifications",
            "notice.all_read",
            state.config.secure_cookies,
        ))
    }
    .await;
    finish(&state, sub, "notifications", out).await
}
