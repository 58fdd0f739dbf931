//! Sessions, cookies and CSRF. A middleware resolves the session cookie to the
//! signed-in user, picks the page language, issues the anti-CSRF token, and
//! refuses state-changing requests whose token or origin is wrong — one check for
//! every form, with or without JavaScript.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use domain::access;
use domain::i18n::Lang;
use domain::models::Viewer;
pub use ops::access::RequestCtx;
use ops::error::ErrorPage;
use ops::AppError;

pub use crate::cookies::{
    cookie, cookie_name, set_cookie, CHALLENGE_COOKIE, CSRF_COOKIE, FLASH_COOKIE, LANG_COOKIE,
    SESSION_COOKIE, ZONE_COOKIE,
};
use crate::render::{render_error, render_error_page};
use crate::state::AppState;

/// Largest form body read, in bytes. A 30,000-character Japanese post is about
/// 270 KB once percent-encoded; the room beyond that lets text pasted far past a
/// field's limit (200,000 Japanese characters) come back with "too long by N"
/// instead of being lost to a bare 413.
pub const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// A fresh random token (256 bits, base64url).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a session id.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn well_formed_token(t: &str) -> bool {
    t.len() == 43
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The signed-in member: session hash, viewer, and their chosen language and zone.
type Loaded = (Option<String>, Option<Viewer>, Option<Lang>, Option<String>);

async fn load_viewer(state: &AppState, headers: &HeaderMap) -> Result<Loaded, AppError> {
    let secure = state.services.config.secure_cookies;
    let Some(token) = cookie(headers, SESSION_COOKIE, secure).filter(|t| well_formed_token(t))
    else {
        return Ok((None, None, None, None));
    };
    let hash = hash_token(&token);
    let Some(session) = state
        .services
        .store
        .session_user(&hash, state.services.config.session_ttl_secs)
        .await?
    else {
        return Ok((None, None, None, None));
    };
    let Some(user) = state.services.store.user_by_id(session.user_id).await? else {
        return Ok((None, None, None, None));
    };
    let suspended = session.suspended_until.is_some();
    let unread = if user.applicant.status == domain::models::Status::Verified && !suspended {
        state.services.store.unread_count(user.id).await?
    } else {
        0
    };
    let viewer = Viewer {
        id: user.id,
        display_name: user.applicant.display_name.clone(),
        role: user.role,
        status: user.applicant.status,
        unread,
        suspended_until: session.suspended_until,
        second_factor: session.second_factor,
    };
    Ok((Some(hash), Some(viewer), user.lang, user.time_zone))
}

fn same_origin(headers: &HeaderMap) -> bool {
    // Browsers send Origin on every cross-origin POST; when present it must name us.
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) != Some("cross-site");
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
    origin != "null" && !host.is_empty() && origin_host == host
}

/// The middleware: session, language, CSRF token and check, access rules.
pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match handle(state.clone(), req, next).await {
        Ok(res) => res,
        Err((err, ctx, parts)) => {
            err.log();
            render_error(&state, parts, ctx, &err).await
        }
    }
}

type Failure = (AppError, RequestCtx, axum::http::request::Parts);

async fn handle(state: AppState, req: Request, next: Next) -> Result<Response, Failure> {
    let (mut parts, body) = req.into_parts();
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let client =
        crate::client::client_address(peer, &parts.headers, &state.services.config.trusted_proxies);
    let secure = state.services.config.secure_cookies;
    let existing_csrf =
        cookie(&parts.headers, CSRF_COOKIE, secure).filter(|t| well_formed_token(t));
    let csrf = existing_csrf.clone().unwrap_or_else(random_token);
    let notice = cookie(&parts.headers, FLASH_COOKIE, secure)
        .filter(|k| k.len() < 64 && k.starts_with("notice."));
    let mut ctx = RequestCtx {
        session_hash: None,
        viewer: None,
        csrf,
        lang: state.services.config.default_lang,
        zone: None,
        client,
        notice,
    };

    let loaded = load_viewer(&state, &parts.headers).await;
    let user_lang = match loaded {
        Ok((hash, viewer, lang, zone)) => {
            ctx.session_hash = hash;
            ctx.viewer = viewer;
            // The member's zone, else the one their browser reported.
            ctx.zone = zone
                .or_else(|| cookie(&parts.headers, ZONE_COOKIE, secure))
                .filter(|z| domain::zones::zone(z).is_some());
            lang
        }
        Err(e) => return Err((e, ctx, parts)),
    };
    ctx.lang = user_lang
        .or_else(|| cookie(&parts.headers, LANG_COOKIE, secure).and_then(|l| Lang::parse(&l)))
        .or_else(|| {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(state.services.config.default_lang);

    let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let mut body = body;
    let mut form_bytes = None;
    // A one-click unsubscribe (RFC 8058) is posted by the member's mail client, from
    // no page of ours: its link is the permission, and all it can do is stop mail.
    let one_click = parts.uri.path().starts_with("/unsubscribe/");
    if !safe && !one_click {
        if !same_origin(&parts.headers) {
            return Err((AppError::Csrf, ctx, parts));
        }
        if !parts.uri.path().starts_with("/api/") {
            // Form posts: the body must be urlencoded and carry the token.
            let ct = parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !ct.starts_with("application/x-www-form-urlencoded") {
                return Err((AppError::UnsupportedMediaType, ctx, parts));
            }
            let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
                Ok(b) => b,
                Err(e) => return Err((crate::body_read::read_failure(&e), ctx, parts)),
            };
            let sent = form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == "_csrf")
                .map(|(_, v)| v.into_owned());
            let ok = match (&sent, &existing_csrf) {
                (Some(s), Some(c)) => bool::from(s.as_bytes().ct_eq(c.as_bytes())),
                _ => false,
            };
            if !ok {
                // A composer's text comes back with a fresh token, not an error page.
                let fresh = existing_csrf.is_none();
                if let Some(res) =
                    crate::kept::token_refused(&state, &parts, &ctx, &bytes, fresh).await
                {
                    return Ok(res);
                }
                return Err((AppError::Csrf, ctx, parts));
            }
            form_bytes = Some(bytes.clone());
            body = Body::from(bytes);
        }
    }

    if let Err(e) = access::check(parts.uri.path(), ctx.viewer.as_ref()) {
        return match e {
            access::Denied::SignIn => {
                // A composer's text sent after the session ended goes through sign-in.
                if let Some(bytes) = &form_bytes {
                    if let Some(res) = crate::kept::signed_out(&state, &parts, &ctx, bytes).await {
                        return Ok(res);
                    }
                }
                let next_path = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let to = format!(
                    "/login?next={}",
                    form_urlencoded::byte_serialize(next_path.as_bytes()).collect::<String>()
                );
                Ok(crate::reply::see_other(&to))
            }
            access::Denied::Pending => Ok(crate::reply::see_other("/pending")),
            access::Denied::Suspended => Ok(crate::reply::see_other(access::SUSPENDED_PATH)),
            access::Denied::SecondFactor => Ok(crate::reply::see_other(access::TWO_FACTOR_PATH)),
            access::Denied::Forbidden => Err((AppError::Forbidden, ctx, parts)),
        };
    }

    let new_csrf = existing_csrf.is_none().then(|| ctx.csrf.clone());
    let had_notice = ctx.notice.is_some();
    parts.extensions.insert(ctx);
    let page_parts = error_page_parts(&parts);
    let mut res = next.run(Request::from_parts(parts, body)).await;
    // An extractor's rejection (ops::AppError) comes back bare: show it as a page in
    // the member's language, like every other error.
    if let Some(page) = res.extensions().get::<ErrorPage>().cloned() {
        if let Some((parts, ctx)) = page_parts {
            res = render_error_page(&state, parts, ctx, page).await;
        }
    }
    if let Some(token) = new_csrf {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, &token, Some(400 * 24 * 3600), secure, "Lax"),
        );
    }
    if had_notice
        && !res.headers().get_all(header::SET_COOKIE).iter().any(|v| {
            v.as_bytes()
                .starts_with(cookie_name(FLASH_COOKIE, secure).as_bytes())
        })
    {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(FLASH_COOKIE, "", Some(0), secure, "Lax"),
        );
    }
    Ok(res.into_response())
}

/// A copy of the request head (with its context) kept to render an error page after
/// the handler ran; only for page and form requests (server functions answer JSON).
fn error_page_parts(
    parts: &axum::http::request::Parts,
) -> Option<(axum::http::request::Parts, RequestCtx)> {
    if parts.uri.path().starts_with("/api/") {
        return None;
    }
    let ctx = parts.extensions.get::<RequestCtx>()?.clone();
    Some((crate::render::copy_head(parts, parts.uri.clone())?, ctx))
}
