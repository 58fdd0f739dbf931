//! Account forms: register, sign in and out, language, and the applicant's
//! resubmission (passwords and sessions after sign-in: `credentials`).

use axum::extract::{Request, State};
use axum::http::header;
use axum::response::Response;
use domain::i18n::Lang;
use domain::models::Status;
use ops::access::Signed;
use ops::accounts::{self, Registration};
use ops::AppError;

use super::{finish, notice, read_or_render, safe_return, see_other, Outcome, Submitted};
use crate::session::{
    hash_token, random_token, set_cookie, CHALLENGE_COOKIE, CSRF_COOKIE, LANG_COOKIE,
    SESSION_COOKIE,
};
use crate::state::AppState;

/// A new session: its cookies, and the session's hash and CSRF token (for a page
/// rendered in this same response).
pub(super) struct Started {
    pub(super) cookies: Vec<header::HeaderValue>,
    pub(super) session_hash: String,
    pub(super) csrf: String,
}

/// Starts a session for `user_id` (ending `old`, the browser's earlier one);
/// `second_factor`: the sign-in passed a code as well as the password.
pub(super) async fn start_session(
    state: &AppState,
    user_id: i64,
    old: Option<&str>,
    device: &str,
    second_factor: bool,
) -> Result<Started, AppError> {
    if let Some(old) = old {
        state.services.store.delete_session(old).await?;
    }
    // A fresh id at every sign-in defeats session fixation; the CSRF token rotates too.
    let token = random_token();
    state
        .services
        .store
        .create_session(
            &hash_token(&token),
            user_id,
            state.services.config.session_ttl_secs,
            device,
            second_factor,
        )
        .await?;
    let secure = state.services.config.secure_cookies;
    let csrf = random_token();
    Ok(Started {
        cookies: vec![
            set_cookie(
                SESSION_COOKIE,
                &token,
                Some(state.services.config.session_ttl_secs),
                secure,
                "Lax",
            ),
            set_cookie(CSRF_COOKIE, &csrf, Some(400 * 24 * 3600), secure, "Lax"),
        ],
        session_hash: hash_token(&token),
        csrf,
    })
}

pub(super) fn with_cookies(mut res: Response, cookies: Vec<header::HeaderValue>) -> Response {
    for c in cookies {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

/// POST /register
pub async fn register(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = register_inner(&state, &sub).await;
    finish(&state, sub, "register", out).await
}

async fn register_inner(state: &AppState, sub: &Submitted) -> Outcome {
    let get = |name: &str| sub.form.get(name).to_string();
    let registration = Registration {
        get: &get,
        lang: sub.ctx.lang,
        client: &sub.ctx.client,
    };
    accounts::register(&state.services, registration).await?;
    // The same answer whether or not the address already had an account, so the
    // form reveals nobody's membership: no session is started here; the applicant
    // signs in to follow their application.
    Ok(notice(state, "/login", "notice.registered"))
}

/// POST /login
pub async fn login(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = login_inner(&state, &sub).await;
    finish(&state, sub, "login", out).await
}

async fn login_inner(state: &AppState, sub: &Submitted) -> Outcome {
    let user = accounts::sign_in(
        &state.services,
        sub.form.get("email"),
        sub.form.get("password").to_string(),
        &sub.ctx.client,
    )
    .await?;
    let agent = sub
        .parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let device = domain::devices::device_label(agent);
    if ops::two_factor::is_on(&state.services, user.id).await? {
        // The password was right; the session starts once the code is.
        let next = safe_return(sub.form.get("next"));
        let token = ops::two_factor::challenge(&state.services, user.id, &next, &device).await?;
        let secure = state.services.config.secure_cookies;
        let ttl = ops::two_factor::CHALLENGE_SECS;
        let challenge = vec![set_cookie(
            CHALLENGE_COOKIE,
            &token,
            Some(ttl),
            secure,
            "Lax",
        )];
        // Text carried from a composer goes on through the code page.
        if crate::kept::carries_text(&sub.form) {
            if let Some(res) = crate::kept::code_step(state, &sub.parts, &sub.ctx, &sub.form).await
            {
                return Ok(with_cookies(res, challenge));
            }
        }
        return Ok(with_cookies(
            see_other(domain::access::SIGN_IN_CODE_PATH),
            challenge,
        ));
    }
    let started = start_session(
        state,
        user.id,
        sub.ctx.session_hash.as_deref(),
        &device,
        false,
    )
    .await?;
    let suspended = state
        .services
        .store
        .suspended_until(user.id)
        .await?
        .is_some();
    let verified = user.applicant.status == Status::Verified && !suspended;
    let to = if suspended {
        domain::access::SUSPENDED_PATH.to_string()
    } else if verified {
        safe_return(sub.form.get("next"))
    } else {
        "/pending".to_string()
    };
    if verified {
        // Signed in again after a session ended mid-post: the composer with the text.
        let session = crate::kept::NewSession {
            user_id: user.id,
            session_hash: &started.session_hash,
            csrf: &started.csrf,
            second_factor: false,
        };
        if let Some(res) =
            crate::kept::restore_for_session(state, &sub.parts, &sub.ctx, session, &sub.form, &to)
                .await?
        {
            return Ok(with_cookies(res, started.cookies));
        }
    }
    Ok(with_cookies(see_other(&to), started.cookies))
}

/// POST /logout
pub async fn logout(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        if let Some(h) = &sub.ctx.session_hash {
            state.services.store.delete_session(h).await?;
        }
        let res = notice(&state, "/", "notice.signed_out");
        Ok(with_cookies(
            res,
            vec![set_cookie(
                SESSION_COOKIE,
                "",
                Some(0),
                state.services.config.secure_cookies,
                "Lax",
            )],
        ))
    }
    .await;
    finish(&state, sub, "logout", out).await
}

/// POST /logout-all: ends every session of the account.
pub async fn logout_all(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = sub.ctx.viewer.as_ref().ok_or(AppError::Unauthorized)?;
        let n = state.services.store.delete_user_sessions(viewer.id).await?;
        tracing::info!(user_id = viewer.id, sessions = n, "signed out everywhere");
        let res = notice(&state, "/login", "notice.signed_out_everywhere");
        Ok(with_cookies(
            res,
            vec![set_cookie(
                SESSION_COOKIE,
                "",
                Some(0),
                state.services.config.secure_cookies,
                "Lax",
            )],
        ))
    }
    .await;
    finish(&state, sub, "logout_all", out).await
}

/// POST /lang: the header switcher.
pub async fn lang(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let lang = Lang::parse(sub.form.get("lang")).ok_or(AppError::BadRequest)?;
        if let Some(v) = &sub.ctx.viewer {
            accounts::set_lang(&state.services, v.id, lang).await?;
        }
        let res = see_other(&safe_return(sub.form.get("return_to")));
        let cookie = set_cookie(
            LANG_COOKIE,
            lang.code(),
            Some(400 * 24 * 3600),
            state.services.config.secure_cookies,
            "Lax",
        );
        Ok(with_cookies(res, vec![cookie]))
    }
    .await;
    finish(&state, sub, "lang", out).await
}

/// POST /pending: an applicant corrects their licence details and resubmits.
pub async fn resubmit(applicant: Signed, state: State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let get = |name: &str| sub.form.get(name).to_string();
        accounts::resubmit(&state.services, &applicant, &get).await?;
        Ok(notice(&state, "/pending", "notice.resubmitted"))
    }
    .await;
    finish(&state, sub, "resubmit", out).await
}
