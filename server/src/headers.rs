//! Security headers on every response: no MIME sniffing, no framing, no plugins, no
//! `<base>` tricks, forms post only to Rounds, referrers kept inside the site, HSTS
//! when served over HTTPS, and `Cache-Control: no-store` on everything but the
//! static bundle (pages and API answers may carry held text or a member's data; a
//! shared computer's cache must not keep them).
//!
//! The policy does not yet restrict scripts (`script-src` with the nonce leptos puts
//! on its scripts): that is left to the hardening issue's CSP work.

use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The part of the Content-Security-Policy that holds whatever the page's scripts do.
const CSP: &str = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// Adds the headers to every response.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let static_asset = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    if state.services.config.secure_cookies {
        h.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !static_asset {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}
