//! The two reading addresses a page links to: the image a thread page carries inside
//! `<noscript>` (`GET /t/:id/read?upto=N`), which records reading when JavaScript is
//! off (with it on, posts are marked as they scroll into view through the
//! `mark_read` server function, and the browser never loads the image), and "jump to
//! the first unread post" (`GET /t/:id/unread`). The rules are `ops::reading`.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use ops::access::Verified;
use ops::AppError;
use serde::Deserialize;

use crate::reply::see_other;
use crate::state::AppState;

/// The beacon's query.
#[derive(Deserialize)]
pub struct Upto {
    upto: Option<String>,
}

/// GET /t/:id/read?upto=N: records reading up to post N, answers 204. Only this site's
/// own pages may ask (Fetch Metadata): an image on another site must not mark a
/// member's threads read.
pub async fn beacon(
    who: Verified,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Upto>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("same-origin");
    if !matches!(site, "same-origin" | "none") {
        return Err(AppError::Forbidden);
    }
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let upto: i64 = q
        .upto
        .as_deref()
        .and_then(|s| s.parse().ok())
        .ok_or(AppError::BadRequest)?;
    ops::reading::mark_read(&state.services, &who, id, upto).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::CACHE_CONTROL, "no-store")],
    )
        .into_response())
}

/// GET /t/:id/unread: 303 to the first post the member has not read.
pub async fn jump(
    who: Verified,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(see_other(
        &ops::reading::first_unread(&state.services, &who, id).await?,
    ))
}
