//! The cookies Rounds sets: names, reading one from a request, and writing one
//! (`HttpOnly`, `SameSite`, `Secure` behind HTTPS).

use axum::http::{header, HeaderMap, HeaderValue};

/// Session cookie name.
pub const SESSION_COOKIE: &str = "rounds_session";
/// Anti-CSRF cookie name (double-submit: forms carry the same value in `_csrf`).
pub const CSRF_COOKIE: &str = "rounds_csrf";
/// Language chosen with the header switcher.
pub const LANG_COOKIE: &str = "rounds_lang";
/// One-time notice after a successful form post (a message key, never user text).
pub const FLASH_COOKIE: &str = "rounds_flash";

/// Reads one cookie from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Builds a `Set-Cookie` value. `max_age` None = session cookie; Some(0) = delete.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    secure: bool,
    same_site: &str,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}
