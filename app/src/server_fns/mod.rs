//! Server functions that pages read their data through. They run on the server
//! during rendering and answer the browser after hydration; each states the access
//! it needs with a typed extractor (`ops::access`), because its URL can be called
//! directly, and returns [`PageError`] on failure.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::{Applicant, ClaimState, Profile, UserPage};

mod bookmarks;
mod drafts;
mod forum;
mod members;
mod messages;
mod reading;
mod search;
mod staff;
mod suggest;

pub use bookmarks::*;
pub use drafts::*;
pub use forum::*;
pub use members::*;
pub use messages::*;
pub use reading::*;
pub use search::*;
pub use staff::*;
pub use suggest::*;

/// The services of the use cases, provided to every render and server function.
#[cfg(feature = "ssr")]
pub(crate) fn services() -> Result<ops::Services, PageError> {
    use_context::<ops::Services>()
        .ok_or_else(|| ops::AppError::Internal("services missing".into()).into())
}

/// The viewer as access type `T` (`Verified`, `Moderator`, …), or 401/403.
#[cfg(feature = "ssr")]
pub(crate) fn viewer<T: ops::access::Access>() -> Result<T, PageError> {
    let parts = use_context::<http::request::Parts>()
        .ok_or_else(|| PageError::from(ops::AppError::Internal("request parts missing".into())))?;
    Ok(T::from_parts(&parts)?)
}

/// The viewer as access type `T` when they qualify; `None` otherwise (no error, no
/// status: for pages that show more to staff).
#[cfg(feature = "ssr")]
pub(crate) fn viewer_if<T: ops::access::Access>() -> Option<T> {
    use_context::<http::request::Parts>().and_then(|p| T::from_parts(&p).ok())
}

/// Refuses a read that would be audited in the viewer's name when the request came
/// from another site (Fetch Metadata `Sec-Fetch-Site`): a link or an image on
/// another page must not record that a moderator read held text. The page then
/// offers a link to open it from here. A typed address or bookmark (`none`) and
/// this site's own pages (`same-origin`) read as usual.
#[cfg(feature = "ssr")]
pub(crate) fn refuse_cross_site_read() -> Result<(), PageError> {
    let site = use_context::<http::request::Parts>().and_then(|p| {
        p.headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
    });
    match site.as_deref() {
        None | Some("same-origin") | Some("none") => Ok(()),
        Some(_) => Err(PageError::confirm_read()),
    }
}

/// Who holds the claim on a queue item, as the viewer sees it.
#[cfg(feature = "ssr")]
pub(crate) async fn claim_state(
    s: &ops::Services,
    kind: domain::vocab::QueueKind,
    id: i64,
    viewer_id: i64,
) -> Result<ClaimState, PageError> {
    Ok(match s.store.claim_of(kind, id).await? {
        Some((mid, name, until)) => ClaimState {
            by: Some(name),
            mine: mid == viewer_id,
            until,
        },
        None => ClaimState::default(),
    })
}

/// Pending applicants, oldest first, with who has claimed each (moderators and admins).
#[server(input = GetUrl, endpoint = "verification_queue")]
pub async fn verification_queue() -> Result<Vec<(Applicant, ClaimState)>, PageError> {
    let ops::access::Moderator(viewer) = viewer()?;
    let s = services()?;
    let mut out = Vec::new();
    for a in s.store.pending_applicants().await? {
        let claim =
            claim_state(&s, domain::vocab::QueueKind::Verification, a.id, viewer.id).await?;
        out.push((a, claim));
    }
    Ok(out)
}

/// One page of the accounts, newest first (admins): the first page, or the page
/// `older` or `newer` than an account (`created_at.id`).
#[server(input = GetUrl, endpoint = "list_users")]
pub async fn list_users(older: String, newer: String) -> Result<UserPage, PageError> {
    let _: ops::access::Admin = viewer()?;
    let page = domain::models::ListPage::from_query(&older, &newer);
    Ok(services()?.store.list_users(page).await?)
}

/// The signed-in user's own profile (any signed-in account).
#[server(input = GetUrl, endpoint = "my_profile")]
pub async fn my_profile() -> Result<Profile, PageError> {
    let ops::access::Signed(viewer) = viewer()?;
    let s = services()?;
    let user = s
        .store
        .user_by_id(viewer.id)
        .await?
        .ok_or(ops::AppError::NotFound)
        .map_err(PageError::from)?;
    Ok(Profile {
        applicant: user.applicant,
        role: user.role,
        lang: user.lang,
        time_zone: user.time_zone,
        sessions: sessions_of(&s.store, viewer.id).await?,
    })
}

/// The viewer's sessions for their profile, the one of this request marked.
#[cfg(feature = "ssr")]
async fn sessions_of(
    store: &ops::Store,
    user_id: i64,
) -> Result<Vec<domain::models::SessionInfo>, PageError> {
    let current = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ops::access::RequestCtx>().cloned())
        .and_then(|c| c.session_hash);
    Ok(store
        .sessions_of(user_id)
        .await?
        .into_iter()
        .map(|r| domain::models::SessionInfo {
            key: r.key().to_string(),
            current: current.as_deref() == Some(r.id_hash.as_str()),
            device: r.device,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
        })
        .collect())
}

/// How the signed-in member hears of each kind of notification, as
/// (kind, channel) pairs of stored names.
#[server(input = GetUrl, endpoint = "my_channels")]
pub async fn my_channels() -> Result<Vec<(String, String)>, PageError> {
    let who: ops::access::Signed = viewer()?;
    Ok(ops::notices::channels(&services()?, &who)
        .await?
        .into_iter()
        .map(|(k, c)| (k.as_str().to_string(), c.as_str().to_string()))
        .collect())
}
