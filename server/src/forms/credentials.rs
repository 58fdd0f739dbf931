//! Credential forms: a member changes their password, sets one through a one-time
//! reset link, signs out one of their sessions, or deletes their account. The rules
//! live in `ops::credentials` and `ops::deletion`; these read the form and answer.

use axum::extract::{Path, Request, State};
use axum::response::Response;
use ops::access::Signed;
use ops::credentials::{self, PasswordChange};
use ops::AppError;

use super::{finish, notice, read_or_render};
use crate::state::AppState;

/// POST /profile/password: the signed-in member changes their password; their other
/// sessions end, this one stays.
pub async fn change_password(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let keep = sub.ctx.session_hash.clone().unwrap_or_default();
        let form = PasswordChange {
            current: sub.form.get("current_password").to_string(),
            new: sub.form.get("new_password").to_string(),
            confirm: sub.form.get("new_password_confirm").to_string(),
        };
        credentials::change_password(&state.services, &who, form, &keep).await?;
        Ok(notice(&state, "/profile", "notice.password_changed"))
    }
    .await;
    finish(&state, sub, "password", out).await
}

/// POST /profile/delete: the member deletes their account (password and a choice
/// for their published posts); they leave signed out, on the front page.
pub async fn delete_account(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::deletion::delete_account(
            &state.services,
            &who,
            sub.form.get("password").to_string(),
            sub.form.get("posts"),
        )
        .await?;
        let secure = state.services.config.secure_cookies;
        Ok(super::account::with_cookies(
            notice(&state, "/", "notice.account_deleted"),
            vec![crate::session::set_cookie(
                crate::session::SESSION_COOKIE,
                "",
                Some(0),
                secure,
                "Lax",
            )],
        ))
    }
    .await;
    finish(&state, sub, "delete", out).await
}

/// POST /reset/{token}: a new password through a one-time link; every session of the
/// account ends, and the member signs in with the new password.
pub async fn reset(Path(token): Path<String>, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        credentials::reset_password(
            &state.services,
            &token,
            sub.form.get("new_password").to_string(),
            sub.form.get("new_password_confirm"),
        )
        .await?;
        Ok(notice(&state, "/login", "notice.password_reset"))
    }
    .await;
    finish(&state, sub, "reset", out).await
}

/// POST /profile/sessions: the member signs out one of their other sessions.
pub async fn end_session(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        if !state
            .services
            .store
            .end_session_of(who.id(), sub.form.get("session"))
            .await?
        {
            return Err(AppError::NotFound);
        }
        tracing::info!(user_id = who.id(), "one session signed out");
        Ok(notice(&state, "/profile", "notice.session_ended"))
    }
    .await;
    finish(&state, sub, "sessions", out).await
}
