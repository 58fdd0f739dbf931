//! The browser bundle under `/pkg`: the bundle step (`frontend/bundle`) writes the
//! script, wasm and CSS under content-hashed names with `.br` and `.gz` copies and
//! the hash in `pkg/hash.txt`. Pages link the hashed names, which are served
//! pre-compressed to browsers that accept it and cached as immutable (a new build
//! has new names); anything else under `/pkg` must be revalidated.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;

/// The stem of the bundle's files: `rounds.<hash>` when the bundle recorded a hash,
/// else `rounds` (a bundle from before hashing, or none: pages then still render).
pub fn output_name(site_root: &Path) -> String {
    let hash = std::fs::read_to_string(site_root.join("pkg").join("hash.txt")).unwrap_or_default();
    let hash = hash.trim();
    if !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit()) {
        format!("rounds.{hash}")
    } else {
        "rounds".to_string()
    }
}

/// The `/pkg` service: files (pre-compressed forms preferred) and their caching.
pub fn service(site_root: &Path) -> Router {
    let files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(cache_control))
}

/// Whether a file name under `/pkg` carries a content hash (`rounds.<hex>.js`).
fn hashed(name: &str) -> bool {
    let mut parts = name.split('.');
    parts.next() == Some("rounds")
        && parts.next().is_some_and(|h| {
            let h = h.strip_suffix("_bg").unwrap_or(h);
            h.len() == 16 && h.chars().all(|c| c.is_ascii_hexdigit())
        })
}

async fn cache_control(req: Request, next: Next) -> Response {
    let name = req.uri().path().rsplit('/').next().unwrap_or_default();
    let immutable = hashed(name);
    let mut res = next.run(req).await;
    if res.status().is_success() {
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::hashed;

    #[test]
    fn only_content_hashed_names_are_immutable() {
        assert!(hashed("rounds.0123456789abcdef.js"));
        assert!(hashed("rounds.0123456789abcdef_bg.wasm"));
        assert!(hashed("rounds.0123456789abcdef.css"));
        for name in [
            "rounds.js",
            "rounds_bg.wasm",
            "rounds.css",
            "rounds.abc.js",
            "other.0123456789abcdef.js",
        ] {
            assert!(!hashed(name), "{name}");
        }
    }
}
