//! The search syntax members know from Discourse, parsed into a plain structure:
//! words, `"phrases"`, `-exclusion`, `OR`, `@displayname`, `#category`, `tag:`,
//! `in:title`, `before:YYYY-MM-DD`, `after:YYYY-MM-DD`, `order:latest`,
//! `status:solved` / `status:unsolved` (questions with or without an answer), and
//! `thread:ID` (search inside one thread). Errors name what to fix; they never
//! echo into logs.

mod errors;

pub use errors::QueryError;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = domain::fields::SEARCH_MAX;

/// A word or a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The text as typed (analysed later).
    pub text: String,
    /// Written in quotes.
    pub phrase: bool,
}

/// Result order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Latest,
}

/// `status:`: questions with an answer, or questions still without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionFilter {
    /// `status:solved`.
    Solved,
    /// `status:unsolved` (or `status:open`).
    Unsolved,
}

/// Which text of a post the words must be in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The thread title or the post's text (the default).
    #[default]
    Everywhere,
    /// `in:title`: the thread title only.
    Title,
    /// `in:body`: the post's text only.
    Body,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Every group must match; a group matches when any of its terms does (`OR`).
    pub groups: Vec<Vec<Term>>,
    /// No result may contain these.
    pub excluded: Vec<Term>,
    /// `@name`: written by one of these members (an underscore may stand for a space).
    pub authors: Vec<String>,
    /// `#slug`: in this category.
    pub category: Option<String>,
    /// `tag:x`: carries every one of these tags.
    pub tags: Vec<String>,
    /// `in:title` / `in:body`: where the words must be.
    pub scope: Scope,
    /// `before:`: published before this day (unix seconds of its start, UTC).
    pub before: Option<i64>,
    /// `after:`: published on or after this day (it includes its own day, as in
    /// Discourse; unix seconds of its start, UTC).
    pub after: Option<i64>,
    /// `order:latest` or `order:relevance`.
    pub order: Option<Order>,
    /// `thread:ID`: only this thread.
    pub thread: Option<i64>,
    /// `status:solved` / `status:unsolved`: questions only, with or without an answer.
    pub status: Option<QuestionFilter>,
}

impl Parsed {
    /// Whether anything narrows the results besides words.
    pub fn has_filter(&self) -> bool {
        !self.authors.is_empty()
            || self.category.is_some()
            || !self.tags.is_empty()
            || self.before.is_some()
            || self.after.is_some()
            || self.status.is_some()
    }
}

/// Splits the query into raw pieces: quoted phrases (with a leading `-` kept) and
/// whitespace-separated words.
fn pieces(q: &str) -> Result<Vec<(String, bool)>, QueryError> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    let mut cur = String::new();
    while let Some(c) = chars.next() {
        if c == '"' || c == '＂' || c == '“' || c == '”' {
            let mut phrase = String::new();
            let mut closed = false;
            for d in chars.by_ref() {
                if d == '"' || d == '＂' || d == '“' || d == '”' {
                    closed = true;
                    break;
                }
                phrase.push(d);
            }
            if !closed {
                return Err(QueryError::UnclosedQuote);
            }
            // `-"phrase"` keeps its minus as the piece's prefix.
            let prefix = std::mem::take(&mut cur);
            out.push((format!("{prefix}{}", phrase.trim()), true));
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), false));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push((cur, false));
    }
    Ok(out)
}

/// Parses `YYYY-MM-DD` into unix seconds at the start of that day (UTC).
pub fn parse_day(s: &str) -> Option<i64> {
    let mut it = s.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1970..=9999).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d < 1 || d > days_in[(m - 1) as usize] {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// Parses a query.
pub fn parse(q: &str) -> Result<Parsed, QueryError> {
    let q = q.trim();
    if q.is_empty() {
        return Err(QueryError::Empty);
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong);
    }
    let mut p = Parsed::default();
    let mut pending_or = false;
    for (raw, quoted) in pieces(q)? {
        if !quoted && raw == "OR" {
            if p.groups.is_empty() || pending_or {
                return Err(QueryError::DanglingOr);
            }
            pending_or = true;
            continue;
        }
        let (negated, body) = match raw.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest.to_string()),
            _ => (false, raw.clone()),
        };
        if !quoted {
            let lower = body.to_lowercase();
            if let Some(name) = body.strip_prefix('@') {
                if name.is_empty() {
                    return Err(QueryError::EmptyFilter);
                }
                // `@Nurse_Kimura` also finds "Nurse Kimura" (see verified_ids_by_names).
                p.authors.push(name.to_string());
                continue;
            }
            if let Some(slug) = body.strip_prefix('#') {
                if slug.is_empty() {
                    return Err(QueryError::EmptyFilter);
                }
                p.category = Some(slug.to_lowercase());
                continue;
            }
            if let Some((key, value)) = lower.split_once(':') {
                let handled = match key {
                    "tag" | "tags" => {
                        if value.is_empty() {
                            return Err(QueryError::EmptyFilter);
                        }
                        p.tags
                            .extend(value.split(',').filter(|t| !t.is_empty()).map(String::from));
                        true
                    }
                    "in" => {
                        p.scope = match (value, p.scope) {
                            ("title", Scope::Body) | ("body", Scope::Title) => Scope::Everywhere,
                            ("title", Scope::Everywhere) => Scope::Title,
                            ("body", Scope::Everywhere) => Scope::Body,
                            ("title" | "body", same) => same,
                            _ => return Err(QueryError::BadIn),
                        };
                        true
                    }
                    "before" => {
                        p.before = Some(parse_day(value).ok_or(QueryError::BadDate("before"))?);
                        true
                    }
                    "after" => {
                        p.after = Some(parse_day(value).ok_or(QueryError::BadDate("after"))?);
                        true
                    }
                    "order" => {
                        p.order = Some(match value {
                            "latest" => Order::Latest,
                            "relevance" => Order::Relevance,
                            _ => return Err(QueryError::BadOrder),
                        });
                        true
                    }
                    "status" => {
                        p.status = Some(match value {
                            "solved" => QuestionFilter::Solved,
                            "unsolved" | "open" => QuestionFilter::Unsolved,
                            _ => return Err(QueryError::BadStatus),
                        });
                        true
                    }
                    "thread" | "topic" => {
                        p.thread = Some(value.parse().map_err(|_| QueryError::BadThread)?);
                        true
                    }
                    // Anything else with a colon (a time, "ratio 1:2") is a word.
                    _ => false,
                };
                if handled {
                    if pending_or {
                        return Err(QueryError::DanglingOr);
                    }
                    continue;
                }
            }
        }
        if body.trim().is_empty() {
            continue;
        }
        let term = Term {
            text: body,
            phrase: quoted,
        };
        if negated {
            if pending_or {
                return Err(QueryError::DanglingOr);
            }
            p.excluded.push(term);
        } else if pending_or {
            if let Some(last) = p.groups.last_mut() {
                last.push(term);
            }
            pending_or = false;
        } else {
            p.groups.push(vec![term]);
        }
    }
    if pending_or {
        return Err(QueryError::DanglingOr);
    }
    if p.groups.is_empty() && !p.has_filter() {
        return Err(QueryError::NothingToFind);
    }
    Ok(p)
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
