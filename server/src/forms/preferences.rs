//! A member's settings: display name, notification settings, and one-click
//! unsubscribe from a letter. The rules live in `ops::profile` and `ops::notices`;
//! these read the form and answer.

use axum::extract::{Path, Request, State};
use axum::response::Response;
use ops::access::Signed;
use ops::notices;

use super::{finish, notice, read_or_render};
use crate::state::AppState;

/// POST /profile/name: another display name (checked as at registration).
pub async fn rename(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::profile::rename(&state.services, &who, sub.form.get("display_name")).await?;
        Ok(notice(&state, "/profile", "notice.renamed"))
    }
    .await;
    finish(&state, sub, "rename", out).await
}

/// POST /profile/settings: page language and time zone.
pub async fn settings(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::profile::save_settings(
            &state.services,
            &who,
            sub.form.get("lang"),
            sub.form.get("time_zone"),
        )
        .await?;
        Ok(notice(&state, "/profile", "notice.settings_saved"))
    }
    .await;
    finish(&state, sub, "settings", out).await
}

/// POST /profile/notifications: the member's choice per kind.
pub async fn save(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let get = |k: &str| sub.form.get(k).to_string();
        notices::set_channels(&state.services, &who, &get).await?;
        Ok(notice(
            &state,
            "/profile/notifications",
            "notice.prefs_saved",
        ))
    }
    .await;
    finish(&state, sub, "prefs", out).await
}

/// POST /unsubscribe/{user}/{kind}/{key}: from the page's button, or straight from a
/// mail client (RFC 8058, body `List-Unsubscribe=One-Click`, no session, no token).
pub async fn unsubscribe(
    Path((user_id, kind, key)): Path<(i64, String, String)>,
    state: State<AppState>,
    req: Request,
) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        notices::unsubscribe(&state.services, user_id, &kind, &key).await?;
        Ok(notice(&state, "/", "notice.unsubscribed"))
    }
    .await;
    finish(&state, sub, "unsubscribe", out).await
}
