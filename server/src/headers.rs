//! Security headers on every response: no MIME sniffing, no framing, no plugins, no
//! `<base>` tricks, forms post only to Rounds, referrers kept inside the site, HSTS
//! when served over HTTPS, and `Cache-Control: no-store` on everything but the
//! static bundle (pages and API answers may carry held text or a member's data; a
//! shared computer's cache must not keep them).
//!
//! Scripts run only with this response's nonce: the middleware makes a fresh one per
//! request, the page's renderer hands it to leptos (which puts it on the hydration
//! scripts), and the policy allows nothing else inline. `'strict-dynamic'` lets the
//! nonce'd loader import the bundle; `'wasm-unsafe-eval'` lets it compile the wasm.

use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

use crate::state::AppState;

/// The policy's fixed part: no plugins, no framing, no `<base>`, forms post here.
const CSP_FIXED: &str =
    "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// This request's script nonce (a request extension the renderers read).
#[derive(Clone, Debug)]
pub struct CspNonce(pub std::sync::Arc<str>);

/// The Content-Security-Policy of a response whose scripts carry `nonce`.
pub fn policy(nonce: &str) -> String {
    format!("script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; {CSP_FIXED}")
}

/// Hands this request's nonce to leptos, in a rendering context (leptos_axum has
/// provided the request's parts and a nonce of its own, which this replaces so the
/// header and the scripts agree).
pub fn provide_request_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<CspNonce>().cloned());
    if let Some(n) = nonce {
        provide_context(Nonce::from_value(n.0));
    }
}

/// Adds the headers to every response.
pub async fn security_headers(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let static_asset = req.uri().path().starts_with("/pkg/");
    let nonce = Nonce::new().as_inner().clone();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if let Ok(v) = HeaderValue::from_str(&policy(&nonce)) {
        h.insert(CONTENT_SECURITY_POLICY, v);
    }
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
