//! Server functions of direct messages: the viewer's conversations and the search
//! in their own messages. Only conversations the viewer takes part in; the use cases
//! are `ops::messages`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::MessagesPage;

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Verified;

/// The viewer's conversations (`older`: the `activity.id` cursor of the page's
/// start, '' for the newest) and, when `q` is not empty, their messages containing it.
#[server(input = GetUrl, endpoint = "load_messages")]
pub async fn load_messages(older: String, q: String) -> Result<MessagesPage, PageError> {
    let member: Verified = viewer()?;
    let before = domain::models::ListCursor::parse(&older);
    Ok(ops::messages::page(&services()?, &member, before, &q).await?)
}
