//! Redirect answers: 303 See Other, optionally with a one-time notice shown on the
//! next page (a message key in a short-lived cookie, never user text).

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::Response;

use crate::cookies::{set_cookie, FLASH_COOKIE};

/// 303 See Other to `to`.
pub fn see_other(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .unwrap_or_default()
}

/// 303 with a one-time notice shown on the next page.
pub fn see_other_with_notice(to: &str, notice: &str, secure: bool) -> Response {
    let mut res = see_other(to);
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(FLASH_COOKIE, notice, Some(60), secure, "Lax"),
    );
    res
}
