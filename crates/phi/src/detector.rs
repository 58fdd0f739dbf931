//! The detector: runs every recognizer over the normalised text, applies the site's
//! lists, resolves overlaps and reports findings in UTF-8 byte offsets of the original.

use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

use crate::hits::{push, Hit, Hits};
use crate::kinds::Kind;
use crate::model::weights::Weights;
use crate::model::{self, ModelError};
use crate::{facilities, facilities_ja, lists, recognizers, text, view};

/// One piece of identifiable data found in a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// UTF-8 byte offset of the first character (always on a char boundary).
    pub start: usize,
    /// UTF-8 byte offset just past the last character (always on a char boundary).
    pub end: usize,
    /// Which rule fired (for moderators and debugging), e.g. `"name.honorific_ja"`.
    pub rule: String,
    /// Suggested neutral text for one-click redaction (`[name]`, `〇〇`, `[日付]`, …).
    pub replacement: String,
}

/// The result of scanning one post.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Scan {
    /// True when the post must be held for moderation (any finding).
    pub hold: bool,
    /// Findings sorted by start, then end; non-overlapping.
    pub findings: Vec<Finding>,
}

/// Admin-supplied extra terms for one deployment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SiteLists {
    /// Terms that always produce a finding (kind FACILITY), e.g. the local hospitals' names.
    pub always_hold: Vec<String>,
    /// Terms that suppress any finding lying inside an occurrence (a drug brand taken for a name).
    pub never_hold: Vec<String>,
    /// Display names of the site's members that occur in the text: a colleague
    /// addressed or mentioned by name (`Nurse Kimura`, `@Nurse_Kimura`) is not a
    /// patient, so a name finding inside an occurrence is dropped. Only a member's whole
    /// display name counts: a bare surname a member happens to share may be a patient's.
    #[serde(default)]
    pub members: Vec<String>,
}

/// A configured detector.  Cheap to build: the dictionaries and the model are shared
/// and built once.
#[derive(Debug, Clone)]
pub struct Detector {
    always: Vec<Vec<char>>,
    never: Vec<Vec<char>>,
    members: Vec<Vec<char>>,
    /// A model other than the embedded one (the trainer evaluates candidates with it).
    model: Option<Arc<Weights>>,
}

fn fold_term(s: &str) -> Vec<char> {
    text::Text::new(s.trim())
        .c
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Detector {
    /// Builds a detector with the site's extra lists (empty terms are ignored).
    pub fn new(lists: SiteLists) -> Detector {
        let conv = |v: &[String]| {
            v.iter()
                .map(|s| fold_term(s))
                .filter(|t| !t.is_empty())
                .collect()
        };
        Detector {
            always: conv(&lists.always_hold),
            never: conv(&lists.never_hold),
            // `@Nurse_Kimura` is how a name with spaces is mentioned.
            members: conv(
                &lists
                    .members
                    .iter()
                    .flat_map(|m| [m.clone(), format!("@{}", m.trim().replace(' ', "_"))])
                    .collect::<Vec<_>>(),
            ),
            model: None,
        }
    }

    /// The hand-written recognizers alone, without the model (the baseline that
    /// benchmarks and the trainer compare with).
    pub fn rules_only(lists: SiteLists) -> Detector {
        Detector {
            model: Some(Arc::new(Weights::empty())),
            ..Detector::new(lists)
        }
    }

    /// Builds a detector that uses the weights file `model` instead of the embedded one.
    pub fn with_model(lists: SiteLists, model: &[u8]) -> Result<Detector, ModelError> {
        let weights = Weights::parse(model)?;
        Ok(Detector {
            model: Some(Arc::new(weights)),
            ..Detector::new(lists)
        })
    }

    /// Scans one post as a reader reads it: disguises (invisible characters,
    /// look-alike letters, spelled-out digits and addresses) are undone first, and the
    /// findings point back into `input`. Never panics; linear in the length of the text.
    pub fn scan(&self, input: &str) -> Scan {
        if !view::needed(input) {
            return self.scan_plain(input);
        }
        let v = view::build(input);
        let mut scan = self.scan_plain(&v.text);
        let view_chars = text::byte_offsets(&v.text);
        let orig_bytes = text::byte_offsets(input);
        let char_of = |b: usize| view_chars.partition_point(|x| *x < b);
        for f in &mut scan.findings {
            let (s, e) = (char_of(f.start), char_of(f.end));
            // Min and max, not first and last: a reversed (right-to-left override)
            // run maps backwards.
            let Some(run) = v.orig.get(s..e.min(v.orig.len())) else {
                continue;
            };
            let (Some(&os), Some(&oe)) = (run.iter().min(), run.iter().max()) else {
                continue;
            };
            f.start = orig_bytes[os];
            f.end = orig_bytes[oe + 1];
        }
        // A reversed run can map findings out of order or onto each other: sort again
        // and keep the first of any overlap (the post is held either way).
        scan.findings
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Finding> = Vec::with_capacity(scan.findings.len());
        for f in scan.findings.drain(..) {
            if kept.last().is_none_or(|l| f.start >= l.end) {
                kept.push(f);
            }
        }
        scan.findings = kept;
        scan
    }

    fn scan_plain(&self, input: &str) -> Scan {
        let t = text::Text::new(input);
        let d = lists::dicts();
        let mut rules: Hits = Vec::new();
        recognizers::run_all(&t, d, &mut rules);
        let weights = self.model.as_deref().unwrap_or_else(|| model::embedded());
        let mut hits = model::tag(weights, &t, d, &rules);
        // The model alone never turns part of a facility-type word into a facility.
        hits.retain(|h| {
            !(h.rule.starts_with("model.") && facilities_ja::inside_type_word(&t, h.s, h.e))
        });
        for term in &self.always {
            for (s, e) in occurrences(&t, term) {
                push(&mut hits, Kind::Facility, s, e, "site.always_hold");
            }
        }
        if !self.never.is_empty() {
            let spans: Vec<(usize, usize)> = self
                .never
                .iter()
                .flat_map(|term| occurrences(&t, term))
                .collect();
            hits.retain(|h| !spans.iter().any(|&(s, e)| s <= h.s && h.e <= e));
        }
        if !self.members.is_empty() && hits.iter().any(|h| h.kind == Kind::Name) {
            // Only where a name was found, so thousands of members cost little.
            hits.retain(|h| {
                h.kind != Kind::Name || !self.members.iter().any(|m| covers(&t, m, h.s, h.e))
            });
        }
        let hits = resolve(hits);
        let b = if hits.is_empty() {
            Vec::new()
        } else {
            text::byte_offsets(input)
        };
        let findings: Vec<Finding> = hits
            .iter()
            .map(|h| Finding {
                kind: h.kind,
                start: b[h.s],
                end: b[h.e],
                rule: h.rule.to_string(),
                replacement: replacement(&t, h),
            })
            .collect();
        Scan {
            hold: !findings.is_empty(),
            findings,
        }
    }
}

/// Whether the site term `term` occurs at `i` (case-insensitive; an ASCII term must
/// sit on word boundaries).
fn occurs_at(t: &text::Text, term: &[char], i: usize) -> bool {
    let n = term.len();
    let ascii_edges = term.first().is_some_and(|c| c.is_ascii_alphanumeric());
    n > 0
        && i + n <= t.len()
        && t.c[i..i + n]
            .iter()
            .zip(term)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
        && !(ascii_edges && (text::is_alnum(t.before(i)) || text::is_alnum(t.at(i + n))))
}

/// Case-insensitive occurrences of a site term, left to right, not overlapping.
fn occurrences(t: &text::Text, term: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = term.len();
    if n == 0 || n > t.len() {
        return out;
    }
    let mut i = 0;
    while i + n <= t.len() {
        if occurs_at(t, term, i) {
            out.push((i, i + n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether an occurrence of `term` covers the characters `s..e`.
fn covers(t: &text::Text, term: &[char], s: usize, e: usize) -> bool {
    let n = term.len();
    n >= e.saturating_sub(s) && (e.saturating_sub(n)..=s).any(|i| occurs_at(t, term, i))
}

/// Sorts candidates and removes overlaps: the earliest start wins, then the longest span.
fn resolve(mut hits: Hits) -> Hits {
    hits.sort_by(|a, b| a.s.cmp(&b.s).then(b.e.cmp(&a.e)));
    let mut out: Hits = Vec::with_capacity(hits.len());
    for h in hits {
        match out.last() {
            Some(last) if h.s < last.e => {}
            _ => out.push(h),
        }
    }
    out
}

/// A neutral replacement in the language of the surrounding text.
fn replacement(t: &text::Text, h: &Hit) -> String {
    // Japanese when the span itself, or the nearest non-space character on either side, is
    // kana or kanji ("佐藤さん" → 〇〇さん; "。Mr. Okafor" stays English).
    let kana_kanji = |c: char| text::is_kanji(c) || text::is_kata(c) || text::is_hira(c);
    let punct = |c: char| {
        matches!(
            c,
            ' ' | '('
                | ')'
                | '['
                | ']'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | ':'
                | '、'
                | '。'
                | ','
                | '.'
                | '・'
                | '-'
        )
    };
    let before = t.before(t.run_start(h.s, 3, punct));
    let after = t.at(t.run_end(h.e, punct).min(h.e + 3));
    let ja = (h.s..h.e).any(|i| kana_kanji(t.c[i])) || kana_kanji(before) || kana_kanji(after);
    if h.kind == Kind::Facility && ja {
        return facilities::ja_replacement(&t.string(h.s, h.e)).to_string();
    }
    let (latin, japanese) = h.kind.replacements();
    if ja { japanese } else { latin }.to_string()
}

static DEFAULT: OnceLock<Detector> = OnceLock::new();

/// Scans with the default detector (no site lists), built once on first use.
pub fn scan(text: &str) -> Scan {
    DEFAULT
        .get_or_init(|| Detector::new(SiteLists::default()))
        .scan(text)
}

/// Scans with the recognizers alone (the rule modules' tests test the rules, not the
/// model that weighs them).
#[cfg(test)]
pub(crate) fn scan_rules(text: &str) -> Scan {
    Detector::rules_only(SiteLists::default()).scan(text)
}

/// The texts of the findings of one kind, by the recognizers alone (for the rule
/// modules' tests).
#[cfg(test)]
pub(crate) fn texts_of_kind(text: &str, kind: Kind) -> Vec<String> {
    scan_rules(text)
        .findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[cfg(test)]
mod tests;
