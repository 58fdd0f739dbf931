//! Forms that send a letter or finish what one started: a forgotten password, a
//! change of e-mail address and its confirmation. The rules live in
//! `ops::recovery` and `ops::email_change`; these read the form and answer.

use axum::extract::{Path, Request, State};
use axum::response::Response;
use ops::access::Signed;
use ops::{email_change, recovery};

use super::{finish, notice, read_or_render};
use crate::state::AppState;

/// POST /forgot: a reset link to the address, if it has an account. The same
/// answer either way.
pub async fn forgot(state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        recovery::request_reset(
            &state.services,
            sub.form.get("email"),
            &sub.ctx.client,
            sub.ctx.lang,
        )
        .await?;
        // Without SMTP the letter is only written to the mail directory: the member
        // is told to ask the site's administrator instead of to watch their inbox.
        let key = match state.services.mail.delivery() {
            mail::Delivery::Files { .. } => "notice.reset_made",
            mail::Delivery::Smtp { .. } => "notice.reset_sent",
        };
        Ok(notice(&state, "/login", key))
    }
    .await;
    finish(&state, sub, "forgot", out).await
}

/// POST /profile/email: a signed-in member asks to move to another address.
pub async fn ask(who: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        email_change::ask(
            &state.services,
            &who,
            sub.form.get("email"),
            sub.form.get("password").to_string(),
            sub.ctx.lang,
        )
        .await?;
        Ok(notice(&state, "/profile", "notice.email_change_sent"))
    }
    .await;
    finish(&state, sub, "email", out).await
}

/// POST /email/confirm/{token}: the new address is confirmed from its letter.
pub async fn confirm(Path(token): Path<String>, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        email_change::confirm(&state.services, &token, sub.ctx.lang).await?;
        // Signed in or not, the profile (or the sign-in page on the way) says so.
        let next = if sub.ctx.viewer.is_some() {
            "/profile"
        } else {
            "/login"
        };
        Ok(notice(&state, next, "notice.email_changed"))
    }
    .await;
    finish(&state, sub, "email_confirm", out).await
}
