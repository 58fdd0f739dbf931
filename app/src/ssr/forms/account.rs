//! Account forms: register, sign in and out, language, and the applicant's resubmission.

use axum::extract::{Request, State};
use axum::http::header;
use axum::response::Response;

use super::{
    finish, read_or_render, safe_return, see_other, see_other_with_notice, Outcome, Submitted,
};
use crate::i18n::Lang;
use crate::ssr::error::{conflict_to_field, AppError};
use crate::ssr::session::{
    hash_token, random_token, set_cookie, CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE,
};
use crate::ssr::{passwords, AppState};
use domain::fields::{self as validate, FieldErrors};
use domain::models::{Role, Status};
use store::NewUser;

/// Free failed sign-ins per account before delays start.
const ACCOUNT_FREE_FAILURES: i64 = 5;
/// Free failed sign-ins per client address (hospital networks share addresses).
const CLIENT_FREE_FAILURES: i64 = 20;

/// Delay after `failures` failures: none within the allowance, then 30 s doubling
/// with each further failure, capped at one hour.
pub fn delay_after(failures: i64, free: i64) -> i64 {
    if failures < free {
        0
    } else {
        let steps = (failures - free).min(7) as u32;
        (30i64 << steps).min(3600)
    }
}

fn licence_fields(f: &super::FormData, errors: &mut FieldErrors) -> Option<String> {
    validate::profession(errors, f.get("profession"));
    validate::text(errors, "licence_number", f.get("licence_number"), true, 64);
    validate::text(errors, "jurisdiction", f.get("jurisdiction"), true, 80);
    validate::text(errors, "specialty", f.get("specialty"), false, 80);
    validate::text(
        errors,
        "workplace",
        f.get("workplace"),
        false,
        validate::MAX_SHORT,
    );
    validate::npi(errors, f.get("npi"))
}

async fn start_session(
    state: &AppState,
    user_id: i64,
    old: Option<&str>,
) -> Result<Vec<header::HeaderValue>, AppError> {
    if let Some(old) = old {
        state.store.delete_session(old).await?;
    }
    // A fresh id at every sign-in defeats session fixation; the CSRF token rotates too.
    let token = random_token();
    state
        .store
        .create_session(&hash_token(&token), user_id, state.config.session_ttl_secs)
        .await?;
    let secure = state.config.secure_cookies;
    Ok(vec![
        set_cookie(
            SESSION_COOKIE,
            &token,
            Some(state.config.session_ttl_secs),
            secure,
            "Lax",
        ),
        set_cookie(
            CSRF_COOKIE,
            &random_token(),
            Some(400 * 24 * 3600),
            secure,
            "Lax",
        ),
    ])
}

fn with_cookies(mut res: Response, cookies: Vec<header::HeaderValue>) -> Response {
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
    let f = &sub.form;
    let mut errors = FieldErrors::new();
    validate::email(&mut errors, f.get("email"));
    validate::text(&mut errors, "display_name", f.get("display_name"), true, 40);
    let npi = licence_fields(f, &mut errors);
    let email = validate::normalize_email(f.get("email"));
    if let Some(key) = passwords::weakness(f.get("password"), &[&email, f.get("display_name")]) {
        validate::flag(&mut errors, "password", key);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let password_hash = passwords::hash(f.get("password").to_string()).await?;
    let user = NewUser {
        email,
        password_hash,
        display_name: f.get("display_name").trim().to_string(),
        profession: f.get("profession").to_string(),
        licence_number: f.get("licence_number").trim().to_string(),
        jurisdiction: f.get("jurisdiction").trim().to_string(),
        npi,
        specialty: f.get("specialty").trim().to_string(),
        workplace: f.get("workplace").trim().to_string(),
        role: Role::Member,
        status: Status::Pending,
    };
    let id = state
        .store
        .create_user(&user)
        .await
        .map_err(conflict_to_field)?;
    tracing::info!(user_id = id, "account registered");
    if sub.ctx.lang != state.config.default_lang {
        state.store.set_lang(id, sub.ctx.lang).await?;
    }
    let cookies = start_session(state, id, sub.ctx.session_hash.as_deref()).await?;
    Ok(with_cookies(
        see_other_with_notice("/pending", "notice.registered", state.config.secure_cookies),
        cookies,
    ))
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
    let email = validate::normalize_email(sub.form.get("email"));
    let account_key = format!("acct:{}", hash_token(&email));
    let client_key = format!("addr:{}", sub.ctx.client);
    let a = state.store.throttle_state(&account_key).await?;
    let c = state.store.throttle_state(&client_key).await?;
    let wait = a.wait_secs.max(c.wait_secs);
    if wait > 0 {
        return Err(AppError::TooManyAttempts(wait));
    }
    let user = state.store.user_by_email(&email).await?;
    let ok = passwords::verify(
        sub.form.get("password").to_string(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(user) = user.filter(|_| ok) else {
        let a = state
            .store
            .throttle_fail(&account_key, |n| delay_after(n, ACCOUNT_FREE_FAILURES))
            .await?;
        let c = state
            .store
            .throttle_fail(&client_key, |n| delay_after(n, CLIENT_FREE_FAILURES))
            .await?;
        tracing::info!(failures = a.failures.max(c.failures), "sign-in failed");
        // The same message whether or not the email is registered.
        let errors = FieldErrors::from([("_form".to_string(), "err.login_failed".to_string())]);
        return Err(AppError::Invalid(errors));
    };
    state.store.throttle_clear(&account_key).await?;
    let cookies = start_session(state, user.id, sub.ctx.session_hash.as_deref()).await?;
    tracing::info!(user_id = user.id, "signed in");
    let next = safe_return(sub.form.get("next"));
    let to = if user.applicant.status == Status::Verified {
        next
    } else {
        "/pending".to_string()
    };
    Ok(with_cookies(see_other(&to), cookies))
}

/// POST /logout
pub async fn logout(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        if let Some(h) = &sub.ctx.session_hash {
            state.store.delete_session(h).await?;
        }
        let res = see_other_with_notice("/", "notice.signed_out", state.config.secure_cookies);
        Ok(with_cookies(
            res,
            vec![set_cookie(
                SESSION_COOKIE,
                "",
                Some(0),
                state.config.secure_cookies,
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
        let n = state.store.delete_user_sessions(viewer.id).await?;
        tracing::info!(user_id = viewer.id, sessions = n, "signed out everywhere");
        let res = see_other_with_notice(
            "/login",
            "notice.signed_out_everywhere",
            state.config.secure_cookies,
        );
        Ok(with_cookies(
            res,
            vec![set_cookie(
                SESSION_COOKIE,
                "",
                Some(0),
                state.config.secure_cookies,
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
            state.store.set_lang(v.id, lang).await?;
        }
        let res = see_other(&safe_return(sub.form.get("return_to")));
        let cookie = set_cookie(
            LANG_COOKIE,
            lang.code(),
            Some(400 * 24 * 3600),
            state.config.secure_cookies,
            "Lax",
        );
        Ok(with_cookies(res, vec![cookie]))
    }
    .await;
    finish(&state, sub, "lang", out).await
}

/// POST /pending: an applicant corrects their licence details and resubmits.
pub async fn resubmit(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let viewer = sub.ctx.viewer.as_ref().ok_or(AppError::Unauthorized)?;
        let f = &sub.form;
        let mut errors = FieldErrors::new();
        let npi = licence_fields(f, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ok = state
            .store
            .resubmit(
                viewer.id,
                f.get("profession"),
                f.get("licence_number").trim(),
                f.get("jurisdiction").trim(),
                npi.as_deref(),
                f.get("specialty").trim(),
                f.get("workplace").trim(),
            )
            .await?;
        if !ok {
            return Err(AppError::Conflict);
        }
        tracing::info!(user_id = viewer.id, "application resubmitted");
        Ok(see_other_with_notice(
            "/pending",
            "notice.resubmitted",
            state.config.secure_cookies,
        ))
    }
    .await;
    finish(&state, sub, "resubmit", out).await
}

#[cfg(test)]
mod tests {
    use super::delay_after;

    #[test]
    fn delays_grow_after_the_allowance_and_are_capped() {
        assert_eq!(delay_after(4, 5), 0);
        assert_eq!(delay_after(5, 5), 30);
        assert_eq!(delay_after(6, 5), 60);
        assert_eq!(delay_after(7, 5), 120);
        assert_eq!(delay_after(50, 5), 3600);
    }
}
