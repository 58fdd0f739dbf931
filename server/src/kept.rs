//! Nothing typed is lost. A post refused before its handler runs comes back with
//! what its author typed, never as a bare error page:
//! - its form token is missing or stale (the CSRF cookie was cleared, or a sign-in in
//!   another tab rotated it): the composer's page again, with the text and a fresh
//!   token, "nothing was posted, send it again";
//! - its session ended: the sign-in page, carrying the text in hidden fields; signing in
//!   there opens the composer with the text back in it ([`restore_after_sign_in`]); an
//!   account with two-factor sign-in carries it on through the code page
//!   ([`code_step`]) and gets it back after the code.
//!
//! The text goes back only to the browser that sent it; nothing is stored or logged,
//! and it reaches the PHI gate when it is sent again, like any post.

use std::collections::BTreeMap;

use axum::http::request::Parts;
use axum::http::{header, StatusCode, Uri};
use axum::response::Response;
use domain::access::SIGN_IN_CODE_PATH;
use domain::models::{FormEcho, Viewer};

use ops::access::RequestCtx;
use ops::AppError;

use crate::cookies::{set_cookie, CSRF_COOKIE};
use crate::form_data::FormData;
use crate::render::{copy_head, render_page};
use crate::state::AppState;

/// The composer's fields carried through sign-in, under these names on the login form.
const KEPT: [(&str, &str); 3] = [
    ("title", "kept_title"),
    ("tags", "kept_tags"),
    ("body", "kept_body"),
];

/// The page whose composer posts to `path` (new thread, reply, edit), or `None` for
/// every other form.
pub fn composer_page(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0);
    match parts.as_slice() {
        ["new-topic"] => Some("/new-topic".to_string()),
        ["t", t, "reply"] => id(t).map(|t| format!("/t/{t}?page=last")),
        ["p", p] => id(p).map(|p| format!("/p/{p}")),
        _ => None,
    }
}

/// The form post's head, addressed to `page` (rendered as that page, answering it).
fn at(parts: &Parts, page: &str) -> Option<Parts> {
    copy_head(parts, page.parse::<Uri>().ok()?)
}

/// A compose form whose token was missing or stale: its page again, with the text
/// and the form-wide reason. `set_csrf` when the browser had no token cookie (the
/// page carries the new one, so the cookie must come with it).
pub async fn token_refused(
    state: &AppState,
    parts: &Parts,
    ctx: &RequestCtx,
    body: &[u8],
    set_csrf: bool,
) -> Option<Response> {
    let page = composer_page(parts.uri.path())?;
    let form = FormData::parse(body).ok()?;
    if !matches!(form.get("action"), "" | "edit") {
        return None;
    }
    let errors = BTreeMap::from([("_form".to_string(), "err.token_kept".to_string())]);
    let echo = form.echo("compose", errors);
    let token = ctx.csrf.clone();
    let mut res = render_page(
        state,
        at(parts, &page)?,
        ctx.clone(),
        Some(echo),
        None,
        StatusCode::FORBIDDEN,
    )
    .await;
    if set_csrf {
        let secure = state.services.config.secure_cookies;
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, &token, Some(400 * 24 * 3600), secure, "Lax"),
        );
    }
    Some(res)
}

/// A compose form sent after the session ended: the sign-in page, with the text in
/// hidden fields and the composer's page as where to go next.
pub async fn signed_out(
    state: &AppState,
    parts: &Parts,
    ctx: &RequestCtx,
    body: &[u8],
) -> Option<Response> {
    let page = composer_page(parts.uri.path())?;
    let form = FormData::parse(body).ok()?;
    if form.get("body").is_empty() && form.get("title").is_empty() {
        return None;
    }
    let mut values = BTreeMap::from([("next".to_string(), page)]);
    for (field, kept) in KEPT {
        values.insert(kept.to_string(), form.get(field).to_string());
    }
    let echo = FormEcho {
        form: "login".to_string(),
        values,
        errors: BTreeMap::from([("_form".to_string(), "err.session_kept".to_string())]),
        preview: None,
    };
    Some(
        render_page(
            state,
            at(parts, "/login")?,
            ctx.clone(),
            Some(echo),
            None,
            StatusCode::UNAUTHORIZED,
        )
        .await,
    )
}

/// After a successful sign-in that carried kept text: the composer's page (`next`,
/// already checked to be ours) with the text back in it, rendered for the new session
/// (`ctx`). `None` when the sign-in carried nothing.
pub async fn restore_after_sign_in(
    state: &AppState,
    parts: &Parts,
    ctx: RequestCtx,
    form: &FormData,
    next: &str,
) -> Option<Response> {
    composer_page_of(next)?;
    let values: BTreeMap<String, String> = KEPT
        .iter()
        .map(|(field, kept)| (field.to_string(), form.get(kept).to_string()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if values.is_empty() {
        return None;
    }
    let echo = FormEcho {
        form: "compose".to_string(),
        values,
        errors: BTreeMap::from([("_form".to_string(), "err.signed_in_kept".to_string())]),
        preview: None,
    };
    Some(
        render_page(
            state,
            at(parts, next)?,
            ctx,
            Some(echo),
            None,
            StatusCode::OK,
        )
        .await,
    )
}

/// Whether a sign-in form carries text from a composer.
pub fn carries_text(form: &FormData) -> bool {
    KEPT.iter().any(|(_, kept)| !form.get(kept).is_empty())
}

/// The code step of a sign-in that carries composer text: the code page, with the
/// text in its hidden fields (nothing is stored), so it comes back after the code.
pub async fn code_step(
    state: &AppState,
    parts: &Parts,
    ctx: &RequestCtx,
    form: &FormData,
) -> Option<Response> {
    let values: BTreeMap<String, String> = KEPT
        .iter()
        .map(|(_, kept)| (kept.to_string(), form.get(kept).to_string()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let echo = FormEcho {
        form: "code".to_string(),
        values,
        errors: BTreeMap::new(),
        preview: None,
    };
    Some(
        render_page(
            state,
            at(parts, SIGN_IN_CODE_PATH)?,
            ctx.clone(),
            Some(echo),
            None,
            StatusCode::OK,
        )
        .await,
    )
}

/// A session a sign-in just started.
pub struct NewSession<'a> {
    /// Whose it is.
    pub user_id: i64,
    /// Its hash (the cookie's token hashed).
    pub session_hash: &'a str,
    /// Its anti-CSRF token.
    pub csrf: &'a str,
    /// Whether the sign-in passed a code too.
    pub second_factor: bool,
}

/// After a sign-in started a session: the composer with the text the sign-in carried,
/// rendered for the new session (`before` is the request's context before it);
/// `None` when it carried none or `next` is not a composer page.
pub async fn restore_for_session(
    state: &AppState,
    parts: &Parts,
    before: &RequestCtx,
    session: NewSession<'_>,
    form: &FormData,
    next: &str,
) -> Result<Option<Response>, AppError> {
    if composer_page_of(next).is_none() || !carries_text(form) {
        return Ok(None);
    }
    let store = &state.services.store;
    let Some(user) = store.user_by_id(session.user_id).await? else {
        return Ok(None);
    };
    let ctx = RequestCtx {
        session_hash: Some(session.session_hash.to_string()),
        viewer: Some(Viewer {
            id: user.id,
            display_name: user.applicant.display_name.clone(),
            role: user.role,
            status: user.applicant.status,
            unread: store.unread_count(user.id).await?,
            suspended_until: None,
            second_factor: session.second_factor,
        }),
        csrf: session.csrf.to_string(),
        lang: user.lang.unwrap_or(before.lang),
        zone: user.time_zone.clone().or(before.zone.clone()),
        client: before.client.clone(),
        notice: None,
    };
    Ok(restore_after_sign_in(state, parts, ctx, form, next).await)
}

/// Whether `page` is one of the composer pages [`composer_page`] names.
fn composer_page_of(page: &str) -> Option<()> {
    let path = page.split('?').next().unwrap_or(page);
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let ok = match parts.as_slice() {
        ["new"] => true,
        ["t", t] | ["p", t] => t.parse::<i64>().is_ok(),
        _ => false,
    };
    ok.then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_compose_forms_have_a_composer_page() {
        assert_eq!(composer_page("/new-topic").as_deref(), Some("/new-topic"));
        assert_eq!(
            composer_page("/t/12/reply").as_deref(),
            Some("/t/12?page=last")
        );
        assert_eq!(composer_page("/p/7").as_deref(), Some("/p/7"));
        for other in [
            "/login",
            "/t/x/reply",
            "/p/7/report",
            "/mod/held/3",
            "/t/0/reply",
        ] {
            assert_eq!(composer_page(other), None, "{other}");
        }
        assert!(composer_page_of("/t/12?page=last").is_some());
        assert!(composer_page_of("/admin/users").is_none());
    }
}
