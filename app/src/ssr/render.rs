//! Rendering a page from a handler: a rejected form comes back as the same page with
//! what the user typed and a message per field; errors render as a full page in the
//! user's language. Both go through the leptos app, so they look like every page.

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

use super::error::AppError;
use super::session::RequestCtx;
use super::AppState;
use domain::models::{FormEcho, PageCtx};

/// An error page to render instead of the route's content.
#[derive(Clone, Debug)]
pub struct PageError {
    /// HTTP status.
    pub status: u16,
    /// Message key.
    pub key: String,
}

/// Renders the app for `parts.uri` with optional echo or error, with `status`.
pub async fn render_page(
    state: &AppState,
    mut parts: Parts,
    ctx: RequestCtx,
    echo: Option<FormEcho>,
    error: Option<PageError>,
    status: StatusCode,
) -> Response {
    parts.method = Method::GET;
    parts.extensions.insert(ctx);
    let req = axum::http::Request::from_parts(parts, Body::empty());
    let st = state.clone();
    let options = state.leptos.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(st.clone());
            if let Some(e) = echo.clone() {
                provide_context(e);
            }
            if let Some(e) = error.clone() {
                provide_context(e);
            }
        },
        move || crate::shell(options.clone()),
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
    let status = err.status();
    let mut key = err.message_key().to_string();
    if let AppError::TooManyAttempts(secs) = err {
        key = format!("{key}|secs={secs}");
    }
    render_page(
        state,
        parts,
        ctx,
        None,
        Some(PageError {
            status: status.as_u16(),
            key,
        }),
        status,
    )
    .await
}

/// What the page needs to know, computed from the request on the server.
pub fn page_ctx() -> PageCtx {
    let parts = leptos::prelude::use_context::<Parts>();
    let ctx = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<RequestCtx>().cloned());
    let echo = leptos::prelude::use_context::<FormEcho>();
    let error = leptos::prelude::use_context::<PageError>();
    let path = parts
        .as_ref()
        .and_then(|p| p.uri.path_and_query().map(|pq| pq.as_str().to_string()))
        .unwrap_or_else(|| "/".into());
    match ctx {
        Some(c) => PageCtx {
            lang: c.lang,
            csrf: c.csrf,
            viewer: c.viewer,
            notice: c.notice,
            path,
            echo,
            error: error.map(|e| (e.status, e.key)),
        },
        None => PageCtx {
            path,
            echo,
            error: error.map(|e| (e.status, e.key)),
            ..PageCtx::default()
        },
    }
}
