//! Tests of the query parser.

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
    assert_eq!(p.scope, Scope::Title);
    // after: includes its own day (Discourse's meaning).
    assert_eq!(p.after, Some(parse_day("2024-01-31").unwrap()));
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
    assert_eq!(parse("in:likes x"), Err(QueryError::BadIn));
    assert_eq!(parse("status:maybe x"), Err(QueryError::BadStatus));
    assert_eq!(
        parse("status:solved delirium").unwrap().status,
        Some(QuestionFilter::Solved)
    );
    assert_eq!(
        parse("status:open").unwrap().status,
        Some(QuestionFilter::Unsolved),
        "a filter alone is a search"
    );
    assert_eq!(parse("in:body x").unwrap().scope, Scope::Body);
    assert_eq!(
        parse("in:title in:body x").unwrap().scope,
        Scope::Everywhere
    );
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
