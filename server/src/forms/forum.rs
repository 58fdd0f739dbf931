//! Forum forms: new threads, replies, edits, sending a held post for review, deleting
//! one's own post, reporting a post, marking a post helpful, marking notifications
//! read. The rules live in `ops::posting` and `ops::reactions`; a held post sends its author to the post's page, where they see
//! what was found. "Preview" in any composer answers with the same page, the text as
//! typed and the body as readers will see it, and posts nothing.

use std::collections::BTreeMap;

use axum::extract::{Path, Request};
use axum::http::StatusCode;
use axum::response::Response;
use ops::access::Verified;
use ops::posting;
use ops::AppError;
use store::Stored;

use super::{finish, notice, read_or_render, see_other, St, Submitted};
use crate::render::render_page;
use crate::state::AppState;

/// Whether the composer's "Preview" button sent the form (without JavaScript; with it,
/// the composer asks `preview_post` and stays on the page).
pub(super) fn wants_preview(sub: &Submitted) -> bool {
    sub.form.get("preview") == "1"
}

/// The composer's page again, with what was typed and the body rendered as readers
/// will see it (or the body's message when it cannot be). Nothing is stored.
pub(super) async fn preview(state: &AppState, sub: Submitted) -> Response {
    match posting::preview(sub.form.get("body")) {
        Ok(html) => {
            let mut echo = sub.form.echo("compose", BTreeMap::new());
            echo.values.remove("preview");
            echo.preview = Some(html);
            render_page(state, sub.parts, sub.ctx, Some(echo), None, StatusCode::OK).await
        }
        Err(e) => finish(state, sub, "compose", Err(e)).await,
    }
}

/// Where the author goes after posting. Published: the post in its thread, with the
/// notice. Held: the post's own page, whose held panel is the one message (what was
/// found, who can see it, whether it went to the moderators) — a banner saying the same
/// above it would be a second notice for one outcome.
pub(super) fn after_post(state: &AppState, stored: &Stored) -> Response {
    if stored.published {
        let to = format!("/t/{}?page=last#post-{}", stored.thread_id, stored.post_id);
        notice(state, &to, "notice.published")
    } else {
        see_other(&format!("/p/{}", stored.post_id))
    }
}

/// POST /new: the composer's address before it moved to `/new-topic` (GET `/new` is
/// now the list of new threads). Forms, scripts and bookmarks that still post here
/// start a thread the same way, through the same gate; a refused or previewed form
/// comes back on the composer's page.
pub async fn new_thread_old_address(author: Verified, state: St, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    if let Ok(uri) = "/new-topic".parse() {
        parts.uri = uri;
    }
    new_thread(author, state, Request::from_parts(parts, body)).await
}

/// POST /new-topic: start a thread.
pub async fn new_thread(author: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if wants_preview(&sub) {
        return preview(&state, sub).await;
    }
    if super::drafts::wants_draft(&sub) {
        return super::drafts::save(&state, &author, sub, 0).await;
    }
    let out = async {
        let form = sub.form.post_form(true);
        let category = sub.form.get("category");
        let question = sub.form.get("question") == "1";
        let stored =
            posting::start_thread(&state.services, &author, category, &form, question).await?;
        Ok(after_post(&state, &stored))
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
    // A refused or previewed reply comes back on the thread's last page, where its
    // composer is, with what was typed.
    let mut sub = sub;
    if let Ok(uri) = format!("/t/{id}?page=last").parse() {
        sub.parts.uri = uri;
    }
    if wants_preview(&sub) {
        // The thread must be one the member may reply in, as for posting.
        return match posting::may_reply_in(&state.services, &author, id).await {
            Ok(()) => preview(&state, sub).await,
            Err(e) => finish(&state, sub, "compose", Err(e)).await,
        };
    }
    if super::drafts::wants_draft(&sub) {
        return super::drafts::save(&state, &author, sub, id).await;
    }
    let out = async {
        let form = sub.form.post_form(false);
        let stored = posting::reply(&state.services, &author, id, &form).await?;
        Ok(after_post(&state, &stored))
    }
    .await;
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
    if sub.form.get("action") == "edit" && wants_preview(&sub) {
        return match posting::own_post(&state.services, &author, id).await {
            Ok(_) => preview(&state, sub).await,
            Err(e) => finish(&state, sub, "compose", Err(e)).await,
        };
    }
    let out = async {
        let s = &state.services;
        let post = posting::own_post(s, &author, id).await?;
        match sub.form.get("action") {
            "review" => {
                posting::send_for_review(s, &post).await?;
                // The held panel says it went to the moderators (one notice).
                Ok(see_other(&format!("/p/{id}")))
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
                Ok(after_post(&state, &stored))
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

/// POST /p/{id}/helpful: a member marks a colleague's post helpful, or takes the mark
/// back, and lands on the post again.
pub async fn helpful(member: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let (post, _) = ops::reactions::toggle_helpful(&state.services, &member, id).await?;
        Ok(see_other(&domain::links::post_in_thread(
            post.thread_id,
            post.number,
            post.id,
        )))
    }
    .await;
    finish(&state, sub, "helpful", out).await
}

/// POST /t/{id}/answer: the question's author or a moderator marks a reply as the
/// answer (`post` = its id) or takes the mark off (`post` empty).
pub async fn answer(who: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let post = match sub.form.get("post") {
            "" => None,
            _ => Some(sub.form.id("post")?),
        };
        let to = ops::answers::choose(&state.services, &who, id, post).await?;
        Ok(see_other(&to))
    }
    .await;
    finish(&state, sub, "answer", out).await
}

/// POST /p/{id}/bookmark: `action` = `save` (with `note` and `remind`) or `remove`;
/// back to the post with a notice.
pub async fn bookmark(member: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let s = &state.services;
        let (post, key) = match sub.form.get("action") {
            "save" => {
                let (note, remind) = (sub.form.get("note"), sub.form.get("remind"));
                let post = ops::bookmarks::save(s, &member, id, note, remind).await?;
                (post, "notice.bookmarked")
            }
            "remove" => (
                ops::bookmarks::remove(s, &member, id).await?,
                "notice.bookmark_removed",
            ),
            _ => return Err(AppError::BadRequest),
        };
        let to = domain::links::post_in_thread(post.thread_id, post.number, post.id);
        Ok(notice(&state, &to, key))
    }
    .await;
    finish(&state, sub, "bookmark", out).await
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
