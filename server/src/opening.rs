//! Opening a notification (`GET /n/:id`), from the notifications page or from a
//! letter: it is marked read and the member lands on what it is about — a reply on
//! the page of its thread it is on, with or without JavaScript (`ops::notices::open`).

use axum::extract::{Path, State};
use axum::response::Response;
use ops::access::Signed;
use ops::AppError;

use crate::reply::see_other;
use crate::state::AppState;

/// GET /n/:id: 303 to where the notification leads; someone else's is not found.
pub async fn notification(
    who: Signed,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let to = ops::notices::open(&state.services, &who, id).await?;
    Ok(see_other(&to))
}
