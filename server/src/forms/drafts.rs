//! Drafts without JavaScript: the composer's "Save draft" button posts the form to
//! its own address with `draft=1` (handled here instead of posting), and "Discard
//! draft" posts to `POST /draft/discard`. Both land back on the composer, where the
//! page restores the draft. With JavaScript the composer saves through the
//! `save_draft` server function instead. The rules are `ops::saved_drafts`.

use axum::extract::Request;
use axum::response::Response;
use domain::models::SavedDraft;
use ops::access::Verified;

use super::{finish, notice, read_or_render, St, Submitted};
use crate::state::AppState;

/// Whether the composer's "Save draft" button sent the form.
pub fn wants_draft(sub: &Submitted) -> bool {
    sub.form.get("draft") == "1"
}

/// Saves the submitted composer as `who`'s draft for `thread_id` (0: a new thread),
/// then back to the composer with a notice. Too long a text comes back with the form
/// as typed and the field's message.
pub async fn save(state: &AppState, who: &Verified, sub: Submitted, thread_id: i64) -> Response {
    let draft = SavedDraft {
        thread_id,
        category: sub.form.get("category").to_string(),
        title: sub.form.get("title").to_string(),
        tags: sub.form.get("tags").to_string(),
        body: sub.form.get("body").to_string(),
        question: sub.form.get("question") == "1",
        ..Default::default()
    };
    let out = async {
        let saved = ops::saved_drafts::save(
            &state.services,
            who,
            draft,
            ops::saved_drafts::Saved::ByHand,
        )
        .await?;
        let key = match (saved.updated_at, saved.flagged) {
            (0, _) => "notice.draft_discarded",
            (_, true) => "notice.draft_saved_flagged",
            (_, false) => "notice.draft_saved",
        };
        Ok(notice(
            state,
            &ops::saved_drafts::composer_path(thread_id),
            key,
        ))
    }
    .await;
    finish(state, sub, "compose", out).await
}

/// POST /draft/discard: `thread` = the thread's id, or 0 for a new thread.
pub async fn discard(who: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let thread = sub.form.id("thread")?;
        ops::saved_drafts::discard(&state.services, &who, thread).await?;
        Ok(notice(
            &state,
            &ops::saved_drafts::composer_path(thread),
            "notice.draft_discarded",
        ))
    }
    .await;
    finish(&state, sub, "compose", out).await
}
