//! Rendering a page from a handler: a rejected form comes back as the same page with
//! what the user typed and a message per field; errors render as a full page in the
//! user's language. Both go through the leptos app, so they look like every page.

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use domain::models::FormEcho;
use leptos::prelude::provide_context;
use ops::access::RequestCtx;
use ops::error::ErrorPage;
use ops::AppError;

use crate::state::AppState;

/// A copy of a request's head (method, version, headers and extensions — the page's
/// script nonce rides on those), addressed to `uri`: for rendering a page after the
/// request itself was consumed, or another page in answer to it.
pub fn copy_head(parts: &Parts, uri: axum::http::Uri) -> Option<Parts> {
    let mut head = axum::http::Request::builder()
        .method(parts.method.clone())
        .uri(uri)
        .version(parts.version)
        .body(())
        .ok()?
        .into_parts()
        .0;
    head.headers = parts.headers.clone();
    head.extensions = parts.extensions.clone();
    Some(head)
}

/// Renders the app for `parts.uri` with optional echo or error, with `status`.
pub async fn render_page(
    state: &AppState,
    mut parts: Parts,
    ctx: RequestCtx,
    echo: Option<FormEcho>,
    error: Option<ErrorPage>,
    status: StatusCode,
) -> Response {
    // A re-rendered form answers a POST, perhaps at another address than its page's.
    let answers_form = parts.method == Method::POST && echo.is_some();
    parts.method = Method::GET;
    parts.extensions.insert(ctx);
    let req = axum::http::Request::from_parts(parts, Body::empty());
    let services = state.services.clone();
    let options = state.leptos.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            crate::headers::provide_request_nonce();
            provide_context(services.clone());
            if let Some(e) = echo.clone() {
                provide_context(e);
            }
            if answers_form {
                provide_context(app::page_ctx::AnswersForm);
            }
            if let Some(e) = error.clone() {
                provide_context(e);
            }
        },
        move || app::shell(options.clone()),
    );
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}

/// Renders an error as a full page.
pub async fn render_error(
    state: &AppState,
    parts: Parts,
    ctx: RequestCtx,
    err: &AppError,
) -> Response {
    render_error_page(state, parts, ctx, err.page()).await
}

/// Renders an error page (status and message key) as a full page.
pub async fn render_error_page(
    state: &AppState,
    parts: Parts,
    ctx: RequestCtx,
    page: ErrorPage,
) -> Response {
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    render_page(state, parts, ctx, None, Some(page), status).await
}
