//! Server functions of reading: the thread page's tracker records what scrolled into
//! view, and a thread page reads the viewer's level and what they had read. The
//! rules are `domain::reading`, the use cases `ops::reading`.

use leptos::prelude::*;

use crate::error::PageError;

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Verified;

/// Records that the viewer read a thread up to post number `upto` (the thread page
/// calls it as posts scroll into view; without JavaScript the page's image beacon
/// does the same through `GET /t/{id}/read`).
#[server(endpoint = "mark_read")]
pub async fn mark_read(thread: i64, upto: i64) -> Result<(), PageError> {
    let viewer: Verified = viewer()?;
    let s = services()?;
    ops::reading::mark_read(&s, &viewer, thread, upto).await?;
    Ok(())
}

/// The viewer's level for a thread (`domain::reading::level_for`) and what they had
/// read before this page.
#[cfg(feature = "ssr")]
pub(super) async fn reading_of(
    s: &ops::Services,
    viewer_id: i64,
    row: &store::threads::ThreadRow,
) -> Result<domain::models::ThreadReading, PageError> {
    let reader = s.store.reader(viewer_id, row.id).await?;
    // A conversation has no category: its participants hear of every message anyway.
    let category = match row.category_id {
        Some(c) => s.store.category_level(viewer_id, c).await?,
        None => domain::models::FollowLevel::Normal,
    };
    let follow = reader.map(|r| r.follow());
    Ok(domain::models::ThreadReading {
        level: domain::reading::level_for(follow, category),
        chosen: follow.is_some_and(|f| f.1),
        last_read: reader.map_or(0, |r| r.last_read),
    })
}
