//! Server functions of a member's bookmarks: the form of one post and their list.
//! Only the member's own bookmarks, and only posts they may read.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::{BookmarkEdit, BookmarkView};

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Verified;

/// The bookmark form of a post the viewer may read.
#[server(input = GetUrl, endpoint = "load_bookmark")]
pub async fn load_bookmark(post_id: i64) -> Result<BookmarkEdit, PageError> {
    let member: Verified = viewer()?;
    Ok(ops::bookmarks::edit_view(&services()?, &member, post_id).await?)
}

/// The viewer's bookmarks, newest first.
#[server(input = GetUrl, endpoint = "my_bookmarks")]
pub async fn my_bookmarks() -> Result<Vec<BookmarkView>, PageError> {
    let member: Verified = viewer()?;
    Ok(ops::bookmarks::list(&services()?, &member).await?)
}
