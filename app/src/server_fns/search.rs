//! The search server function. It is a POST (the default), so the words a member
//! searches for travel in the request body rather than in URLs that proxies log.

use leptos::prelude::*;

use crate::error::PageError;
use domain::models::SearchResults;

/// Searches published posts for a verified member. `page` is 1-based, `order` is
/// `relevance`, `latest` or "" (the query's own `order:` wins), `thread` is a
/// thread id or "" for the whole forum. Query problems come back as a message key
/// in [`SearchResults::error`], never as a failure.
#[server(endpoint = "search_posts")]
pub async fn search_posts(
    q: String,
    page: String,
    order: String,
    thread: String,
) -> Result<SearchResults, PageError> {
    let _: ops::access::Verified = super::viewer()?;
    let s = super::services()?;
    let page = page.trim().parse::<i64>().unwrap_or(1);
    let thread = thread.trim().parse::<i64>().ok();
    Ok(search::search(&s.store, &s.search, &q, page, &order, thread).await)
}
