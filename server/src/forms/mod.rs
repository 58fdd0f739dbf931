//! Form handlers: every state change in Rounds is a plain HTML form post, so it works
//! with JavaScript blocked. Success answers 303 See Other; a rejected form renders the
//! same page again (422) with what the user typed and one message per field.
//! The session middleware has already checked the CSRF token and access.

mod account;
mod admin;
mod credentials;
mod drafts;
mod forum;
mod members;
mod messages;
mod moderation;
mod preferences;
mod reading;
mod recovery;
mod staff;
mod two_factor;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;

use ops::AppError;

pub use crate::form_data::FormData;
use crate::render::{render_error, render_page};
pub use crate::reply::{see_other, see_other_with_notice};
use crate::session::{RequestCtx, MAX_FORM_BYTES};
use crate::state::AppState;

/// The POST routes of every form.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/register", post(account::register))
        .route("/login", post(account::login))
        .route("/login/code", post(two_factor::answer))
        .route("/profile/two-factor", post(two_factor::settings))
        .route("/logout", post(account::logout))
        .route("/logout-all", post(account::logout_all))
        .route("/lang", post(account::lang))
        .route("/pending", post(account::resubmit))
        .route("/profile/password", post(credentials::change_password))
        .route("/profile/sessions", post(credentials::end_session))
        .route("/reset/{token}", post(credentials::reset))
        .route("/forgot", post(recovery::forgot))
        .route("/profile/email", post(recovery::ask))
        .route("/email/confirm/{token}", post(recovery::confirm))
        .route("/profile/notifications", post(preferences::save))
        .route("/profile/name", post(preferences::rename))
        .route("/profile/settings", post(preferences::settings))
        .route("/profile/delete", post(credentials::delete_account))
        .route(
            "/unsubscribe/{user}/{kind}/{key}",
            post(preferences::unsubscribe),
        )
        .route("/mod/verification", post(staff::decide))
        .route("/admin/users", post(staff::set_role))
        .route("/admin/site-lists", post(staff::site_lists))
        .route("/admin/categories", post(admin::categories))
        .route("/new-topic", post(forum::new_thread))
        .route("/new", post(forum::new_thread_old_address))
        .route("/messages/new", post(messages::start))
        .route("/t/{id}/participants", post(messages::add))
        .route("/t/{id}/reply", post(forum::reply))
        .route("/t/{id}/answer", post(forum::answer))
        .route("/p/{id}", post(forum::post_action))
        .route("/p/{id}/report", post(forum::report))
        .route("/p/{id}/helpful", post(forum::helpful))
        .route("/p/{id}/bookmark", post(forum::bookmark))
        .route("/notifications", post(forum::notifications_read))
        .route("/t/{id}/level", post(reading::thread_level))
        .route("/c/{slug}/level", post(reading::category_level))
        .route("/read", post(reading::mark_read))
        .route("/new/dismiss", post(reading::dismiss_new))
        .route("/draft/discard", post(drafts::discard))
        .route("/mod/claim", post(moderation::claim))
        .route("/mod/held/{id}", post(moderation::held))
        .route("/mod/held/{id}/finding", post(moderation::finding))
        .route("/mod/report/{id}", post(moderation::report))
        .route("/mod/thread/{id}", post(moderation::thread))
        .route("/mod/thread/{id}/title", post(moderation::retitle))
        .route("/mod/post/{id}", post(moderation::post))
        .route("/mod/members/{id}", post(members::member))
}

/// A request split into what handlers need.
pub struct Submitted {
    /// Request head (for re-rendering the page).
    pub parts: Parts,
    /// Session, language, token.
    pub ctx: RequestCtx,
    /// The form fields.
    pub form: FormData,
}

/// Reads the form of a request (the middleware put the context in).
pub async fn submitted(req: Request) -> Result<Submitted, (Parts, Option<RequestCtx>, AppError)> {
    let (parts, body) = req.into_parts();
    let ctx = parts.extensions.get::<RequestCtx>().cloned();
    let bytes = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(b) => b,
        Err(e) => return Err((parts, ctx, crate::body_read::read_failure(&e))),
    };
    let Some(ctx) = ctx else {
        return Err((
            parts,
            None,
            AppError::Internal("request context missing".into()),
        ));
    };
    match FormData::parse(&bytes) {
        Ok(form) => Ok(Submitted { parts, ctx, form }),
        Err(e) => Err((parts, Some(ctx), e)),
    }
}

/// Only same-site paths may be redirect targets: one `/` then a path character. A URL
/// parser drops tabs and line breaks and reads `\` as `/` (WHATWG), so `/%09/evil`
/// or `/\evil` would become `//evil` — another site; any control character, space
/// or backslash anywhere, and any `//` or `/` + encoded slash at the start, sends the
/// user home instead.
pub fn safe_return(path: &str) -> String {
    let lower = path.get(..4).unwrap_or("").to_ascii_lowercase();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !lower.starts_with("/%2f")
        && !lower.starts_with("/%5c")
        && !path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ok {
        path.to_string()
    } else {
        "/".to_string()
    }
}

/// What a handler returns: a response, or an error to render as a page.
pub type Outcome = Result<Response, AppError>;

/// Runs a form handler body and turns its errors into pages: validation failures
/// re-render the form with the echo, other errors render an error page.
pub async fn finish(state: &AppState, sub: Submitted, form_name: &str, out: Outcome) -> Response {
    let form_wide = |key: String| BTreeMap::from([("_form".to_string(), key)]);
    let (errors, status) = match out {
        Ok(res) => return res,
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(e @ (AppError::TooManyAttempts(_) | AppError::TooManyApplications(_))) => {
            (form_wide(e.page().key), StatusCode::TOO_MANY_REQUESTS)
        }
        // Too much screening waiting: nothing was done, the form comes back.
        Err(AppError::Busy) => {
            AppError::Busy.log();
            (
                form_wide("err.busy".to_string()),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
        // The database could not take the write (a full disk, an I/O error, an
        // outage): nothing was saved, so the form comes back with what was typed.
        Err(e @ AppError::Store(_)) if e.status().is_server_error() => {
            e.log();
            (
                form_wide("err.cannot_save".to_string()),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
        Err(e) => {
            e.log();
            return render_error(state, sub.parts, sub.ctx, &e).await;
        }
    };
    let echo = sub.form.echo(form_name, errors);
    render_page(state, sub.parts, sub.ctx, Some(echo), None, status).await
}

/// Reads the form or renders the reason it could not be read.
pub async fn read_or_render(state: &AppState, req: Request) -> Result<Submitted, Response> {
    match submitted(req).await {
        Ok(s) => Ok(s),
        Err((parts, Some(ctx), e)) => Err(render_error(state, parts, ctx, &e).await),
        Err((_, None, e)) => {
            e.log();
            Err(Response::builder()
                .status(e.status())
                .body(Body::from("Request context missing"))
                .unwrap_or_default())
        }
    }
}

/// Shorthand used by handlers.
pub type St = State<AppState>;

/// A 303 with a one-time notice, with the operator's cookie setting.
pub fn notice(state: &AppState, to: &str, key: &str) -> Response {
    see_other_with_notice(to, key, state.services.config.secure_cookies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return("/mod/verification"), "/mod/verification");
        assert_eq!(safe_return("//evil.example"), "/");
        assert_eq!(safe_return("https://evil.example"), "/");
        assert_eq!(safe_return("/\\evil.example"), "/");
        for evil in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            "/%2F/evil.example",
            "/%5c/evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "\\\\evil.example",
            "/x\\..\\\\evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_return(evil), "/", "{evil:?}");
        }
        assert_eq!(safe_return("/t/3?page=2#post-9"), "/t/3?page=2#post-9");
    }
}
