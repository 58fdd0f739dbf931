//! Turning a parsed query (with its `@name` and `#category` resolved to ids) into a
//! tantivy query, and running it: one page of post ids, best or newest first, and
//! the total number of matches.

use std::ops::Bound;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Order as SortOrder, Term};

use super::analyzer::{analyze, lone_cjk, Mode};
use super::index::{Fields, SearchError, SearchIndex};
use super::query::{Order, Parsed, QuestionFilter, Scope, Term as QTerm};

/// How much more a word in the title counts than a word in the body.
const TITLE_BOOST: f32 = 3.0;

/// A parsed query with names resolved to ids.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The parsed query.
    pub parsed: Parsed,
    /// Ids of the `@name` members (empty: no author filter).
    pub author_ids: Vec<i64>,
    /// Id of the `#category` (None: every category).
    pub category_id: Option<i64>,
}

/// One page of matches.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    /// Post ids in result order.
    pub post_ids: Vec<i64>,
    /// All matches (for pagination).
    pub total: usize,
}

/// The query for one word or phrase in one field; None when nothing is left of
/// it after analysis (stop words only).
fn field_query(field: Field, term: &QTerm) -> Option<Box<dyn Query>> {
    let toks = analyze(&term.text, Mode::Query);
    match toks.as_slice() {
        [] => None,
        [t] => match lone_cjk(&t.text) {
            // One Japanese character: it starts a bigram, or stands alone at the end
            // of a run (see the analyser's index mode).
            Some(c) => {
                let pattern = format!("{}.?", regex_escape(c));
                RegexQuery::from_pattern(&pattern, field)
                    .ok()
                    .map(|q| Box::new(q) as Box<dyn Query>)
            }
            None => Some(Box::new(TermQuery::new(
                Term::from_field_text(field, &t.text),
                IndexRecordOption::WithFreqs,
            ))),
        },
        many => {
            let first = many[0].pos;
            let terms = many
                .iter()
                .map(|t| (t.pos - first, Term::from_field_text(field, &t.text)))
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

fn regex_escape(c: char) -> String {
    if c.is_alphanumeric() {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

/// The query for a word across the searched fields (title counts more).
fn word_query(f: &Fields, term: &QTerm, scope: Scope) -> Option<Box<dyn Query>> {
    let fields = match scope {
        Scope::Everywhere => vec![(f.title, TITLE_BOOST), (f.body, 1.0)],
        Scope::Title => vec![(f.title, TITLE_BOOST)],
        Scope::Body => vec![(f.body, 1.0)],
    };
    let clauses: Vec<(Occur, Box<dyn Query>)> = fields
        .into_iter()
        .filter_map(|(field, boost)| {
            field_query(field, term).map(|q| {
                let q: Box<dyn Query> = if boost == 1.0 {
                    q
                } else {
                    Box::new(BoostQuery::new(q, boost))
                };
                (Occur::Should, q)
            })
        })
        .collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

fn u64_term(field: Field, id: i64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(field, id as u64),
        IndexRecordOption::Basic,
    ))
}

/// Builds the tantivy query; None when every word was a stop word and no filter
/// is left to search by.
pub fn build(f: &Fields, plan: &Plan) -> Option<Box<dyn Query>> {
    let p = &plan.parsed;
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut words = 0;
    for group in &p.groups {
        let alts: Vec<(Occur, Box<dyn Query>)> = group
            .iter()
            .filter_map(|t| word_query(f, t, p.scope))
            .map(|q| (Occur::Should, q))
            .collect();
        if !alts.is_empty() {
            words += 1;
            must.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
        }
    }
    if words == 0 && !p.has_filter() && p.thread.is_none() {
        return None;
    }
    for t in &p.excluded {
        if let Some(q) = word_query(f, t, Scope::Everywhere) {
            must.push((Occur::MustNot, q));
        }
    }
    if !plan.author_ids.is_empty() {
        let alts = plan
            .author_ids
            .iter()
            .map(|id| (Occur::Should, u64_term(f.author_id, *id)))
            .collect();
        must.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
    }
    if let Some(id) = plan.category_id {
        must.push((Occur::Must, u64_term(f.category_id, id)));
    }
    if let Some(id) = p.thread {
        must.push((Occur::Must, u64_term(f.thread_id, id)));
    }
    if let Some(status) = p.status {
        let value = match status {
            QuestionFilter::Solved => 2,
            QuestionFilter::Unsolved => 1,
        };
        must.push((Occur::Must, u64_term(f.status, value)));
    }
    for tag in &p.tags {
        let term = Term::from_field_text(f.tags, &tag.to_lowercase());
        must.push((
            Occur::Must,
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
        ));
    }
    if p.before.is_some() || p.after.is_some() {
        let lower = p.after.map_or(Bound::Unbounded, |t| {
            Bound::Included(Term::from_field_i64(f.created, t))
        });
        let upper = p.before.map_or(Bound::Unbounded, |t| {
            Bound::Excluded(Term::from_field_i64(f.created, t))
        });
        must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    Some(Box::new(BooleanQuery::new(must)))
}

impl SearchIndex {
    /// Runs `query`: `limit` post ids from `offset`, best match first (or newest
    /// first with `order:latest`), and how many match in all.
    pub fn run(
        &self,
        query: &dyn Query,
        order: Order,
        offset: usize,
        limit: usize,
    ) -> Result<Matches, SearchError> {
        let searcher = self.reader().searcher();
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (addrs, total): (Vec<DocAddress>, usize) = match order {
            Order::Relevance => {
                let (hits, total) = searcher.search(query, &(top.order_by_score(), Count))?;
                (hits.into_iter().map(|h| h.1).collect(), total)
            }
            Order::Latest => {
                let by_date = top.order_by_fast_field::<i64>("created", SortOrder::Desc);
                let (hits, total) = searcher.search(query, &(by_date, Count))?;
                (hits.into_iter().map(|h| h.1).collect(), total)
            }
        };
        self.ids(&searcher, addrs, total)
    }

    fn ids(
        &self,
        searcher: &tantivy::Searcher,
        addrs: Vec<DocAddress>,
        total: usize,
    ) -> Result<Matches, SearchError> {
        let mut post_ids = Vec::with_capacity(addrs.len());
        for a in addrs {
            let column = searcher
                .segment_reader(a.segment_ord)
                .fast_fields()
                .u64("post_id")?;
            if let Some(id) = column.first(a.doc_id) {
                post_ids.push(id as i64);
            }
        }
        Ok(Matches { post_ids, total })
    }
}
