//! Server functions that pages read their data through. They run on the server
//! during rendering and answer the browser after hydration; each checks access
//! itself, because its URL can be called directly.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use domain::models::{Applicant, ClaimState, Profile, UserRow};

mod forum;
mod search;

pub use forum::*;
pub use search::*;

#[cfg(feature = "ssr")]
fn viewer_with(
    need: domain::access::Need,
) -> Result<(crate::ssr::AppState, domain::models::Viewer), ServerFnError> {
    use crate::ssr::error::AppError;
    let state = crate::ssr::app_state().map_err(AppError::into_server_fn)?;
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::Internal("request parts missing".into()).into_server_fn())?;
    let viewer = parts
        .extensions
        .get::<crate::ssr::session::RequestCtx>()
        .and_then(|c| c.viewer.clone());
    match domain::access::allows(need, viewer.as_ref()) {
        Ok(()) => viewer
            .map(|v| (state, v))
            .ok_or_else(|| AppError::Unauthorized.into_server_fn()),
        Err(domain::access::Denied::SignIn) => Err(AppError::Unauthorized.into_server_fn()),
        Err(_) => Err(AppError::Forbidden.into_server_fn()),
    }
}

/// Pending applicants, oldest first, with who has claimed each (moderators and admins).
#[server(input = GetUrl, endpoint = "verification_queue")]
pub async fn verification_queue() -> Result<Vec<(Applicant, ClaimState)>, ServerFnError> {
    use crate::ssr::error::AppError;
    let (state, viewer) = viewer_with(domain::access::Need::Moderator)?;
    let list = state
        .store
        .pending_applicants()
        .await
        .map_err(|e| AppError::from(e).into_server_fn())?;
    let mut out = Vec::with_capacity(list.len());
    for a in list {
        let claim = match state
            .store
            .claim_of("verification", a.id)
            .await
            .map_err(|e| AppError::from(e).into_server_fn())?
        {
            Some((mid, name, until)) => ClaimState {
                by: Some(name),
                mine: mid == viewer.id,
                until,
            },
            None => ClaimState::default(),
        };
        out.push((a, claim));
    }
    Ok(out)
}

/// Every account (admins).
#[server(input = GetUrl, endpoint = "list_users")]
pub async fn list_users() -> Result<Vec<UserRow>, ServerFnError> {
    use crate::ssr::error::AppError;
    let (state, _) = viewer_with(domain::access::Need::Admin)?;
    state
        .store
        .list_users()
        .await
        .map_err(|e| AppError::from(e).into_server_fn())
}

/// The signed-in user's own profile (any signed-in account).
#[server(input = GetUrl, endpoint = "my_profile")]
pub async fn my_profile() -> Result<Profile, ServerFnError> {
    use crate::ssr::error::AppError;
    let (state, viewer) = viewer_with(domain::access::Need::SignedIn)?;
    let user = state
        .store
        .user_by_id(viewer.id)
        .await
        .map_err(|e| AppError::from(e).into_server_fn())?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let sessions = state
        .store
        .count_sessions(viewer.id)
        .await
        .map_err(|e| AppError::from(e).into_server_fn())?;
    Ok(Profile {
        applicant: user.applicant,
        role: user.role,
        lang: user.lang,
        sessions,
    })
}
