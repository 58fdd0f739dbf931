//! The search syntax members know from Discourse, parsed into a plain structure:
//! words, `"phrases"`, `-exclusion`, `OR`, `@displayname`, `#category`, `tag:`,
//! `in:title`, `before:YYYY-MM-DD`, `after:YYYY-MM-DD`, `order:latest`, and
//! `thread:ID` (search inside one thread). Errors name what to fix; they never
//! echo into logs.

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

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

/// A parsed query.
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
    /// `in:title`: words must be in the thread title.
    pub in_title: bool,
    /// `before:`: published before this day (unix seconds of its start, UTC).
    pub before: Option<i64>,
    /// `after:`: published on or after the day after this one (Discourse's meaning).
    pub after: Option<i64>,
    /// `order:latest` or `order:relevance`.
    pub order: Option<Order>,
    /// `thread:ID`: only this thread.
    pub thread: Option<i64>,
}

impl Parsed {
    /// Whether anything narrows the results besides words.
    pub fn has_filter(&self) -> bool {
        !self.authors.is_empty()
            || self.category.is_some()
            || !self.tags.is_empty()
            || self.before.is_some()
            || self.after.is_some()
    }
}

/// What is wrong with a query; each has a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing was typed.
    Empty,
    /// Longer than [`MAX_QUERY_CHARS`].
    TooLong,
    /// A `"` without its partner.
    UnclosedQuote,
    /// `before:`/`after:` without a valid date; the filter's name.
    BadDate(&'static str),
    /// `order:` with something other than `latest` or `relevance`.
    BadOrder,
    /// `thread:` without a number.
    BadThread,
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
            QueryError::BadThread => "search.err.thread",
            QueryError::DanglingOr => "search.err.or",
            QueryError::EmptyFilter => "search.err.filter",
            QueryError::NothingToFind => "search.err.nothing",
            QueryError::OnlyCommonWords => "search.err.common",
            QueryError::UnknownAuthor => "search.err.author",
            QueryError::UnknownCategory => "search.err.category",
        }
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
                    "in" if value == "title" => {
                        p.in_title = true;
                        true
                    }
                    "before" => {
                        p.before = Some(parse_day(value).ok_or(QueryError::BadDate("before"))?);
                        true
                    }
                    "after" => {
                        let day = parse_day(value).ok_or(QueryError::BadDate("after"))?;
                        p.after = Some(day + 86_400);
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
mod tests {
    use super::*;

    fn word(s: &str) -> Term {
        Term {
            text: s.into(),
            phrase: false,
        }
    }

    #[test]
    fn words_phrases_and_exclusions_are_separated() {
        let p = parse(r#"vancomycin "trough level" -children"#).unwrap();
        assert_eq!(p.groups.len(), 2);
        assert!(p.groups[1][0].phrase);
        assert_eq!(p.groups[1][0].text, "trough level");
        assert_eq!(p.excluded, vec![word("children")]);
    }

    #[test]
    fn or_joins_neighbouring_words_into_one_group() {
        let p = parse("delirium haloperidol OR quetiapine").unwrap();
        assert_eq!(
            p.groups,
            vec![
                vec![word("delirium")],
                vec![word("haloperidol"), word("quetiapine")]
            ]
        );
    }

    #[test]
    fn filters_are_recognised() {
        let p = parse("@Nurse_Kimura #nursing tag:falls in:title after:2024-01-31 before:2024-03-01 order:latest thread:7 転倒").unwrap();
        assert_eq!(p.authors, vec!["Nurse_Kimura".to_string()]);
        assert_eq!(p.category.as_deref(), Some("nursing"));
        assert_eq!(p.tags, vec!["falls".to_string()]);
        assert!(p.in_title);
        assert_eq!(p.after, Some(parse_day("2024-02-01").unwrap()));
        assert_eq!(p.before, parse_day("2024-03-01"));
        assert_eq!(p.order, Some(Order::Latest));
        assert_eq!(p.thread, Some(7));
        assert_eq!(p.groups, vec![vec![word("転倒")]]);
    }

    #[test]
    fn a_filter_alone_is_a_query() {
        assert!(parse("#nursing").is_ok());
        assert!(parse("tag:falls order:latest").is_ok());
    }

    #[test]
    fn malformed_queries_name_the_problem() {
        assert_eq!(parse("  "), Err(QueryError::Empty));
        assert_eq!(parse(r#""trough"#), Err(QueryError::UnclosedQuote));
        assert_eq!(
            parse("before:2024-13-01 x"),
            Err(QueryError::BadDate("before"))
        );
        assert_eq!(
            parse("after:yesterday x"),
            Err(QueryError::BadDate("after"))
        );
        assert_eq!(parse("order:random x"), Err(QueryError::BadOrder));
        assert_eq!(parse("OR x"), Err(QueryError::DanglingOr));
        assert_eq!(parse("x OR"), Err(QueryError::DanglingOr));
        assert_eq!(parse("-x"), Err(QueryError::NothingToFind));
        assert_eq!(parse("in:title"), Err(QueryError::NothingToFind));
        assert_eq!(parse("@ x"), Err(QueryError::EmptyFilter));
        assert_eq!(parse(&"a ".repeat(400)), Err(QueryError::TooLong));
        assert_eq!(parse("thread:abc x"), Err(QueryError::BadThread));
    }

    #[test]
    fn dates_are_days_since_the_epoch() {
        assert_eq!(parse_day("1970-01-02"), Some(86_400));
        assert_eq!(parse_day("2024-02-29"), Some(1_709_164_800));
        assert_eq!(parse_day("2023-02-29"), None);
    }

    #[test]
    fn a_colon_in_an_ordinary_word_is_kept_as_a_word() {
        let p = parse("ratio 1:2").unwrap();
        assert_eq!(p.groups[1], vec![word("1:2")]);
    }
}
