//! Server functions of the staff's member pages, the suspension notice and the
//! member's two-factor set-up.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::{MemberFile, MemberHit, Suspension};

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Moderator;

/// Accounts whose display name starts with `q` (moderators and admins).
#[server(input = GetUrl, endpoint = "find_members")]
pub async fn find_members(q: String) -> Result<Vec<MemberHit>, PageError> {
    let moderator: Moderator = viewer()?;
    Ok(ops::suspension::find_members(&services()?, &moderator, &q).await?)
}

/// One account's record for staff: role, status, sessions, suspensions.
#[server(input = GetUrl, endpoint = "load_member")]
pub async fn load_member(id: i64) -> Result<MemberFile, PageError> {
    let moderator: Moderator = viewer()?;
    Ok(ops::suspension::member_file(&services()?, &moderator, id).await?)
}

/// The signed-in viewer's own current suspension (`None` when there is none, or
/// nobody is signed in): the one thing a suspended member may read.
#[server(input = GetUrl, endpoint = "my_suspension")]
pub async fn my_suspension() -> Result<Option<Suspension>, PageError> {
    let ctx = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ops::access::RequestCtx>().cloned());
    let viewer = ctx.and_then(|c| c.viewer);
    Ok(ops::suspension::own_suspension(&services()?, viewer.as_ref()).await?)
}

/// The viewer's two-factor sign-in, with a key to set up while it is off.
#[server(input = GetUrl, endpoint = "two_factor_state")]
pub async fn two_factor_state() -> Result<domain::models::TwoFactorState, PageError> {
    let ops::access::Signed(viewer) = viewer()?;
    Ok(ops::two_factor::state(&services()?, &viewer).await?)
}

/// A member's public profile by display name (verified members; 404 when no
/// verified member has that name).
#[server(input = GetUrl, endpoint = "load_profile")]
pub async fn load_profile(name: String) -> Result<domain::models::PublicProfile, PageError> {
    let _: ops::access::Verified = viewer()?;
    services()?
        .store
        .public_profile(&name, domain::models::PROFILE_RECENT_POSTS)
        .await?
        .ok_or_else(super::not_found)
}
