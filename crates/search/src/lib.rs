//! Full-text search of published posts (tantivy), in English and Japanese.
//!
//! The index holds published, visible posts only and follows the database's change
//! log ([`store::search_log`]); every result is re-checked against the
//! database before it is shown, so a post hidden a moment ago never appears even
//! while an index catches up. Queries are never logged or stored.

pub mod analyzer;
pub mod exec;
pub mod follow;
pub mod highlight;
pub mod index;
pub mod query;
mod schema;
pub mod sync;

pub use follow::{follow, open_following};
pub use index::{Follows, Opened, SearchError, SearchIndex};
pub use sync::Distrust;

use domain::models::{SearchHit, SearchResults};
use exec::Plan;
use highlight::Marker;
use query::{Order, QueryError};
use store::{pages, Store};

/// Results per page.
pub const RESULTS_PER_PAGE: i64 = 20;
/// Furthest page served (beyond it, narrow the query).
const MAX_PAGE: i64 = 50;

fn failed(key: &str) -> SearchResults {
    SearchResults {
        error: Some(key.to_string()),
        page: 1,
        pages: 1,
        ..SearchResults::default()
    }
}

/// Runs a member's query. `order` from the page's sort control overrides none
/// given in the query; `thread` limits it to one thread.
pub async fn search(
    store: &Store,
    index: &SearchIndex,
    q: &str,
    page: i64,
    order: &str,
    thread: Option<i64>,
) -> SearchResults {
    // Read-your-writes: what was committed before this search is in its results.
    if !index.reach_head(store).await && index.rebuilding() {
        return failed("search.err.rebuilding");
    }
    let mut parsed = match query::parse(q) {
        Ok(p) => p,
        Err(e) => return failed(e.key()),
    };
    if thread.is_some() {
        parsed.thread = thread;
    }
    let order = parsed.order.unwrap_or(match order {
        "latest" => Order::Latest,
        "relevance" => Order::Relevance,
        // A query of filters only has no words to rank by.
        _ if parsed.groups.is_empty() => Order::Latest,
        _ => Order::Relevance,
    });
    match run(store, index, parsed, page, order).await {
        Ok(r) => r,
        Err(Some(e)) => failed(e.key()),
        Err(None) => failed("search.err.unavailable"),
    }
}

/// A query problem (`Some`) or an internal failure (`None`, logged without the query).
type RunError = Option<QueryError>;

async fn run(
    store: &Store,
    index: &SearchIndex,
    parsed: query::Parsed,
    page: i64,
    order: Order,
) -> Result<SearchResults, RunError> {
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "search failed");
        None
    };
    let mut plan = Plan::default();
    if !parsed.authors.is_empty() {
        plan.author_ids = store
            .verified_ids_by_names(&parsed.authors)
            .await
            .map_err(|e| internal(&e))?;
        if plan.author_ids.is_empty() {
            return Err(Some(QueryError::UnknownAuthor));
        }
    }
    if let Some(slug) = &parsed.category {
        let c = store
            .category_by_slug(slug)
            .await
            .map_err(|e| internal(&e))?;
        plan.category_id = Some(c.ok_or(Some(QueryError::UnknownCategory))?.id);
    }
    let thread = match parsed.thread {
        Some(id) => {
            let row = store.thread_row(id).await.map_err(|e| internal(&e))?;
            let row = row.filter(|t| domain::visibility::thread_is_public(&t.facts()));
            Some((id, row.ok_or(Some(QueryError::BadThread))?.title))
        }
        None => None,
    };
    let marker = Marker::for_query(&parsed);
    plan.parsed = parsed;
    let query = exec::build(&index.fields(), &plan).ok_or(Some(QueryError::OnlyCommonWords))?;
    let page = page.clamp(1, MAX_PAGE);
    let offset = ((page - 1) * RESULTS_PER_PAGE) as usize;
    let index2 = index.clone();
    let matches = tokio::task::spawn_blocking(move || {
        index2.run(query.as_ref(), order, offset, RESULTS_PER_PAGE as usize)
    })
    .await
    .map_err(|e| internal(&e))?
    .map_err(|e| internal(&e))?;
    let rows = store
        .search_hits(&matches.post_ids)
        .await
        .map_err(|e| internal(&e))?;
    let hits = rows
        .into_iter()
        .map(|r| SearchHit {
            post_id: r.post_id,
            thread_id: r.thread_id,
            number: r.number,
            page: domain::links::page_of(r.number),
            title: marker.mark_all(&r.title),
            category_slug: r.category_slug,
            category_en: r.category_en,
            category_ja: r.category_ja,
            author: r.author,
            created_at: r.created,
            snippet: marker.snippet(&r.body),
            solved: r.solved,
            answer: r.answer,
        })
        .collect();
    let total = matches.total;
    Ok(SearchResults {
        hits,
        total,
        page,
        pages: pages(total as i64, RESULTS_PER_PAGE).min(MAX_PAGE),
        order: match order {
            Order::Latest => "latest".into(),
            Order::Relevance => "relevance".into(),
        },
        thread,
        error: None,
    })
}

/// Opens the index in `dir` and brings it up to date with the database (a fresh
/// index is rebuilt) before the server takes requests.
pub async fn open_and_catch_up(
    dir: &std::path::Path,
    store: &Store,
) -> Result<SearchIndex, SearchError> {
    let (index, opened) = SearchIndex::open(dir)?;
    let applied = index.catch_up(store).await?;
    // A commit can claim to be current while files were lost (a full disk): compare
    // the documents with the posts before serving.
    index.verify(store).await?;
    tracing::info!(
        ?opened,
        changes = applied,
        seq = index.applied(),
        "search index ready"
    );
    Ok(index)
}
