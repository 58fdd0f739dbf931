//! Files a member downloads: their data export (`GET /profile/export`), a ZIP made
//! on request by `ops::export` for the signed-in member only, never cached.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::Response;
use ops::access::Signed;
use ops::AppError;

use crate::state::AppState;

/// GET /profile/export: the member's data as a ZIP attachment.
pub async fn export(who: Signed, State(state): State<AppState>) -> Result<Response, AppError> {
    let bytes = ops::export::export(&state.services, &who).await?;
    let day = domain::time::format_time(store::now());
    let day = day.get(..10).unwrap_or("export");
    let name = format!("rounds-export-{}-{day}.zip", who.id());
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/zip")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .body(axum::body::Body::from(bytes))
        .map_err(|e| AppError::Internal(format!("export response: {e}")))
}
