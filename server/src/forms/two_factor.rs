//! Two-factor forms: the code step of a sign-in (`/login/code`) and the set-up page
//! (`/profile/two-factor`: turn on with a first code, renew recovery codes, turn
//! off). Recovery codes are shown once, on the page this post renders. The rules
//! live in `ops::two_factor`.

use std::collections::BTreeMap;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::access::SUSPENDED_PATH;
use domain::models::FormEcho;
use ops::access::Signed;
use ops::{two_factor, AppError};

use super::account::{start_session, with_cookies};
use super::{finish, notice, read_or_render, see_other, St};
use crate::render::render_page;
use crate::session::{cookie, set_cookie, CHALLENGE_COOKIE};
use crate::state::AppState;

/// POST /login/code: the code (or a recovery code) of a sign-in whose password was
/// right; starts the session.
pub async fn answer(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let secure = state.services.config.secure_cookies;
    let out = async {
        let token = cookie(&sub.parts.headers, CHALLENGE_COOKIE, secure).unwrap_or_default();
        let passed = two_factor::answer(&state.services, &token, sub.form.get("code")).await?;
        let started = start_session(
            &state,
            passed.user_id,
            sub.ctx.session_hash.as_deref(),
            &passed.device,
            true,
        )
        .await?;
        let to = if state
            .services
            .store
            .suspended_until(passed.user_id)
            .await?
            .is_some()
        {
            SUSPENDED_PATH.to_string()
        } else {
            passed.next_path
        };
        let mut cookies = started.cookies.clone();
        cookies.push(set_cookie(CHALLENGE_COOKIE, "", Some(0), secure, "Lax"));
        // Text carried from a composer through sign-in: the composer with it.
        let session = crate::kept::NewSession {
            user_id: passed.user_id,
            session_hash: &started.session_hash,
            csrf: &started.csrf,
            second_factor: true,
        };
        if let Some(res) =
            crate::kept::restore_for_session(&state, &sub.parts, &sub.ctx, session, &sub.form, &to)
                .await?
        {
            return Ok(with_cookies(res, cookies));
        }
        Ok(with_cookies(see_other(&to), cookies))
    }
    .await;
    finish(&state, sub, "code", out).await
}

/// POST /profile/two-factor: `action` = `enable` or `renew` (with `code`; the page
/// then shows the new recovery codes once) or `disable` (members only).
pub async fn settings(Signed(viewer): Signed, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let code = sub.form.get("code").to_string();
    // Each action's card echoes its own refusal (`two_factor_<action>`).
    let form = match sub.form.get("action") {
        "enable" => "two_factor_enable",
        "renew" => "two_factor_renew",
        "disable" => "two_factor_disable",
        _ => "two_factor",
    };
    let made = match sub.form.get("action") {
        "enable" => {
            two_factor::enable(
                &state.services,
                &viewer,
                sub.ctx.session_hash.as_deref(),
                &code,
            )
            .await
        }
        "renew" => two_factor::renew_codes(&state.services, &viewer, &code).await,
        "disable" => {
            let out = two_factor::disable(&state.services, &viewer, &code)
                .await
                .map(|()| {
                    notice(
                        &state,
                        domain::access::TWO_FACTOR_PATH,
                        "notice.two_factor_off",
                    )
                });
            return finish(&state, sub, form, out).await;
        }
        _ => Err(AppError::BadRequest),
    };
    match made {
        Ok(codes) => {
            let echo = FormEcho {
                form: "recovery_codes".to_string(),
                values: BTreeMap::from([("codes".to_string(), codes.join(" "))]),
                errors: BTreeMap::new(),
                preview: None,
            };
            // The session may just have passed its second factor: render with that.
            let mut ctx = sub.ctx;
            if let Some(v) = ctx.viewer.as_mut() {
                v.second_factor = true;
            }
            render_page(&state, sub.parts, ctx, Some(echo), None, StatusCode::OK).await
        }
        Err(e) => finish(&state, sub, form, Err(e)).await,
    }
}
