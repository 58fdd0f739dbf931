//! What is wrong with a query, and the message key of each mistake.

/// What is wrong with a query; each has a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing was typed.
    Empty,
    /// Longer than [`super::MAX_QUERY_CHARS`].
    TooLong,
    /// A `"` without its partner.
    UnclosedQuote,
    /// `before:`/`after:` without a valid date; the filter's name.
    BadDate(&'static str),
    /// `order:` with something other than `latest` or `relevance`.
    BadOrder,
    /// `in:` with something other than `title` or `body`.
    BadIn,
    /// `thread:` without a number.
    BadThread,
    /// `status:` with something other than `solved` or `unsolved`.
    BadStatus,
    /// `OR` with nothing on one side.
    DanglingOr,
    /// `@`, `#` or `tag:` with nothing after it.
    EmptyFilter,
    /// Only exclusions or `in:title`: nothing to look for.
    NothingToFind,
    /// Every word is too common to search for ("the", "of").
    OnlyCommonWords,
    /// `@name` names no verified member.
    UnknownAuthor,
    /// `#slug` names no category.
    UnknownCategory,
}

impl QueryError {
    /// Message key (see `i18n::search_messages`).
    pub fn key(&self) -> &'static str {
        match self {
            QueryError::Empty => "search.err.empty",
            QueryError::TooLong => "search.err.too_long",
            QueryError::UnclosedQuote => "search.err.quote",
            QueryError::BadDate("before") => "search.err.before",
            QueryError::BadDate(_) => "search.err.after",
            QueryError::BadOrder => "search.err.order",
            QueryError::BadIn => "search.err.in",
            QueryError::BadThread => "search.err.thread",
            QueryError::BadStatus => "search.err.status",
            QueryError::DanglingOr => "search.err.or",
            QueryError::EmptyFilter => "search.err.filter",
            QueryError::NothingToFind => "search.err.nothing",
            QueryError::OnlyCommonWords => "search.err.common",
            QueryError::UnknownAuthor => "search.err.author",
            QueryError::UnknownCategory => "search.err.category",
        }
    }
}
