//! Forum forms: new threads, replies, edits, sending a held post for review, deleting
//! one's own post, reporting a post, marking notifications read. The rules live in
//! `ops::posting`; a held post sends its author to the post's page, where they see
//! what was found.

use axum::extract::{Path, Request};
use axum::response::Response;
use ops::access::Verified;
use ops::posting;
use ops::AppError;
use store::Stored;

use super::{finish, notice, read_or_render, St};
use crate::state::AppState;

/// Where the author goes after posting, with the notice that says what happened.
fn after_post(state: &AppState, stored: &Stored, review: bool) -> Response {
    if stored.published {
        let to = format!("/t/{}?page=last#post-{}", stored.thread_id, stored.post_id);
        notice(state, &to, "notice.published")
    } else {
        let key = if review {
            "notice.sent_for_review"
        } else {
            "notice.held"
        };
        notice(state, &format!("/p/{}", stored.post_id), key)
    }
}

/// POST /new: start a thread.
pub async fn new_thread(author: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let form = sub.form.post_form(true);
        let category = sub.form.get("category");
        let stored = posting::start_thread(&state.services, &author, category, &form).await?;
        Ok(after_post(&state, &stored, form.send_for_review))
    }
    .await;
    finish(&state, sub, "compose", out).await
}

/// POST /t/{id}/reply
pub async fn reply(author: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let form = sub.form.post_form(false);
        let stored = posting::reply(&state.services, &author, id, &form).await?;
        Ok(after_post(&state, &stored, form.send_for_review))
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

/// POST /p/{id}: the author edits, sends for review, or deletes their post.
pub async fn post_action(
    author: Verified,
    state: St,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let s = &state.services;
        let post = posting::own_post(s, &author, id).await?;
        match sub.form.get("action") {
            "review" => {
                posting::send_for_review(s, &post).await?;
                Ok(notice(
                    &state,
                    &format!("/p/{id}"),
                    "notice.sent_for_review",
                ))
            }
            "delete" => {
                posting::delete(s, &post).await?;
                let to = if post.number == 1 {
                    "/".to_string()
                } else {
                    format!("/t/{}", post.thread_id)
                };
                Ok(notice(&state, &to, "notice.deleted"))
            }
            "edit" => {
                let form = sub.form.post_form(post.number == 1);
                let stored = posting::edit(s, &author, &post, &form).await?;
                Ok(after_post(&state, &stored, form.send_for_review))
            }
            _ => Err(AppError::BadRequest),
        }
    }
    .await;
    finish(&state, sub, "compose", out).await
}

/// POST /p/{id}/report: a member reports a published post they can see.
pub async fn report(reporter: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let (reason, note) = (sub.form.get("reason"), sub.form.get("note"));
        let thread = posting::report(&state.services, &reporter, id, reason, note).await?;
        Ok(notice(&state, &format!("/t/{thread}"), "notice.reported"))
    }
    .await;
    finish(&state, sub, "report", out).await
}

/// POST /notifications: mark all read.
pub async fn notifications_read(member: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        posting::mark_notifications_read(&state.services, &member).await?;
        Ok(notice(&state, "/notifications", "notice.all_read"))
    }
    .await;
    finish(&state, sub, "notifications", out).await
}
