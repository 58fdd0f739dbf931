//! What the search page receives: result rows with their highlighting as plain text
//! pieces (a piece is marked or not), so no HTML from a post ever reaches the page.

use serde::{Deserialize, Serialize};

/// A piece of text, highlighted or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// The text (rendered escaped, like every text node).
    pub text: String,
    /// Whether it matched the query.
    pub mark: bool,
}

/// One result: a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Post id.
    pub post_id: i64,
    /// Thread id.
    pub thread_id: i64,
    /// Position in the thread.
    pub number: i64,
    /// The page of the thread the post is on.
    pub page: i64,
    /// Thread title, highlighted.
    pub title: Vec<Piece>,
    /// Category slug.
    pub category_slug: String,
    /// Category name, English.
    pub category_en: String,
    /// Category name, Japanese.
    pub category_ja: String,
    /// Author's display name.
    pub author: String,
    /// First publication (unix seconds).
    pub created_at: i64,
    /// The best passage of the post, highlighted; "…" pieces mark cuts.
    pub snippet: Vec<Piece>,
    /// The thread is a question with an answer.
    #[serde(default)]
    pub solved: bool,
    /// This post is that answer.
    #[serde(default)]
    pub answer: bool,
}

/// A page of results, or the reason there are none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Results of this page.
    pub hits: Vec<SearchHit>,
    /// All matches.
    pub total: usize,
    /// This page (1-based).
    pub page: i64,
    /// Number of pages.
    pub pages: i64,
    /// `latest` or `relevance`, as applied.
    pub order: String,
    /// The thread searched in, with its title (`thread:ID`).
    pub thread: Option<(i64, String)>,
    /// Message key when the query could not be run.
    pub error: Option<String>,
}
