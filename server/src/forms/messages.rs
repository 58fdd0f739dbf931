//! Direct messages without JavaScript (and with it: the composer is a plain form):
//! `POST /messages/new` starts a conversation; `POST /t/{id}/participants` adds a
//! member to one. Replies, edits and reports of
//! messages go through the forum's forms, as in any thread. The rules are
//! `ops::messages`; a refused form comes back with what was typed and a message on
//! each field it got wrong.

use axum::extract::{Path, Request};
use axum::response::Response;
use ops::access::Verified;

use super::forum::{after_post, preview, wants_preview};
use super::{finish, notice, read_or_render, St};

/// POST /messages/new
pub async fn start(author: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if wants_preview(&sub) {
        return preview(&state, sub).await;
    }
    let out = async {
        let form = sub.form.post_form(true);
        let stored =
            ops::messages::start(&state.services, &author, sub.form.get("to"), &form).await?;
        Ok(after_post(&state, &stored))
    }
    .await;
    finish(&state, sub, "compose", out).await
}

/// POST /t/{id}/participants: `name` = the display name of the member to add.
pub async fn add(who: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    // A refused name comes back on the conversation, where its form is.
    let mut sub = sub;
    if let Ok(uri) = format!("/t/{id}").parse() {
        sub.parts.uri = uri;
    }
    let out = async {
        ops::messages::add(&state.services, &who, id, sub.form.get("name")).await?;
        Ok(notice(
            &state,
            &format!("/t/{id}"),
            "notice.participant_added",
        ))
    }
    .await;
    finish(&state, sub, "participants", out).await
}
