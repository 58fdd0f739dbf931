//! The cookies Rounds sets: names, reading one from a request, and writing one
//! (`HttpOnly`, `SameSite`; behind HTTPS also `Secure` and the `__Host-` prefix, so a
//! browser refuses the cookie from another host of the domain, another path, or
//! plain HTTP — a neighbouring site cannot plant a session or CSRF token).

use axum::http::{header, HeaderMap, HeaderValue};

/// Session cookie name.
pub const SESSION_COOKIE: &str = "rounds_session";
/// Anti-CSRF cookie name (double-submit: forms carry the same value in `_csrf`).
pub const CSRF_COOKIE: &str = "rounds_csrf";
/// Language chosen with the header switcher.
pub const LANG_COOKIE: &str = "rounds_lang";
/// The code step of a sign-in: the token of a sign-in whose password was right.
pub const CHALLENGE_COOKIE: &str = "rounds_sign_in";
/// The time zone the browser reports (set by the page's script; only zones of
/// `domain::zones` are read). Not `HttpOnly`: the script writes it.
pub const ZONE_COOKIE: &str = "rounds_tz";
/// One-time notice after a successful form post (a message key, never user text).
pub const FLASH_COOKIE: &str = "rounds_flash";

/// The name a cookie travels under: `__Host-` + `name` behind HTTPS.
pub fn cookie_name(name: &str, secure: bool) -> String {
    if secure {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

/// Reads one cookie from the request headers (behind HTTPS, only its `__Host-` form).
pub fn cookie(headers: &HeaderMap, name: &str, secure: bool) -> Option<String> {
    let name = cookie_name(name, secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name.as_str())
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
    let name = cookie_name(name, secure);
    // `__Host-` requires Path=/, Secure and no Domain: all three hold here.
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_cookies_carry_the_host_prefix_and_are_read_only_so() {
        let set = set_cookie(SESSION_COOKIE, "abc", None, true, "Lax");
        let set = set.to_str().unwrap_or_default();
        assert!(
            set.starts_with("__Host-rounds_session=abc; Path=/;"),
            "{set}"
        );
        assert!(set.ends_with("; Secure"));
        assert!(!set.contains("Domain"));
        let plain = set_cookie(SESSION_COOKIE, "abc", None, false, "Lax");
        assert!(plain
            .to_str()
            .unwrap_or_default()
            .starts_with("rounds_session=abc;"));

        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("rounds_session=planted"),
        );
        assert_eq!(
            cookie(&headers, SESSION_COOKIE, true),
            None,
            "an unprefixed cookie is ignored on HTTPS"
        );
        assert_eq!(
            cookie(&headers, SESSION_COOKIE, false).as_deref(),
            Some("planted")
        );
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("__Host-rounds_session=real"),
        );
        assert_eq!(
            cookie(&headers, SESSION_COOKIE, true).as_deref(),
            Some("real")
        );
    }
}
