//! The learned part of the detector: a linear model that labels every unit of a post
//! (a word, a katakana word, a hiragana segment, a kanji character) as "not PHI" or as
//! one kind of identifier, from features of the unit, its neighbours and the rules that
//! fired over it. The rules propose (they know structure: check digits, date formats,
//! titles, honorifics); the model decides in context, so a rule's false alarm in a
//! citation or a public date is dropped, and a name with no cue the rules know is found.
//!
//! Trained by `cargo run -p phi-train --release` (averaged perceptron, deterministic),
//! which writes `crates/phi/model/weights.bin`; embedded here, the same in the server and
//! in the browser.

pub(crate) mod context;
pub(crate) mod features;
pub(crate) mod gazetteer;
mod hashing;
mod measures;
mod shape;
mod unit_features;
pub(crate) mod units;
pub(crate) mod weights;

use std::sync::OnceLock;

use crate::hits::{push, Hits};
use crate::kinds::Kind;
use crate::lists::Dicts;
use crate::text::Text;
use features::{featurize, Featurized};
use weights::{Weights, LABELS};

pub use weights::ModelError;

static EMBEDDED: &[u8] = include_bytes!("../../model/weights.bin");
static DEFAULT: OnceLock<Weights> = OnceLock::new();

/// The embedded model (empty if the file is empty or unreadable, which a test forbids).
pub(crate) fn embedded() -> &'static Weights {
    DEFAULT.get_or_init(|| Weights::parse(EMBEDDED).unwrap_or_else(|_| Weights::empty()))
}

/// The kind of label `l` (1..=10).
pub(crate) fn kind_of(l: usize) -> Option<Kind> {
    l.checked_sub(1).and_then(|i| Kind::ALL.get(i).copied())
}

/// The label of `kind`.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) fn label_of(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .map_or(0, |i| i + 1)
}

/// How many features ahead of the one being added the table is prefetched: far enough
/// for a load from memory to land, near enough that the lines are still in cache.
const AHEAD: usize = 24;

/// Scores of every unit, per label.
pub(crate) fn scores(w: &Weights, f: &Featurized) -> Vec<[i32; LABELS]> {
    let mut seg_scores = Vec::with_capacity(f.segs.len());
    for k in 0..f.segs.len() {
        let mut s = [0i32; LABELS];
        let (from, to) = (f.seg_at[k] as usize, f.seg_at[k + 1] as usize);
        // A symbol has no features: never scored.
        for j in from..to {
            if let Some(&next) = f.seg_feats.get(j + AHEAD) {
                w.prefetch(next);
            }
            w.add(f.seg_feats[j], &mut s);
        }
        seg_scores.push(s);
    }
    let mut out = Vec::with_capacity(f.units.len());
    for (i, u) in f.units.iter().enumerate() {
        if is_symbol(f, i) {
            out.push([0i32; LABELS]);
            continue;
        }
        let mut s = seg_scores[u.seg as usize];
        for j in f.unit_at[i] as usize..f.unit_at[i + 1] as usize {
            if let Some(&next) = f.unit_feats.get(j + AHEAD) {
                w.prefetch(next);
            }
            w.add(f.unit_feats[j], &mut s);
        }
        out.push(s);
    }
    out
}

/// The label of a unit: the best kind when it beats "not PHI" by the threshold.
pub(crate) fn decide(s: &[i32; LABELS], threshold: i32) -> usize {
    let (best, score) = s
        .iter()
        .enumerate()
        .skip(1)
        .max_by_key(|(_, v)| **v)
        .map(|(l, v)| (l, *v))
        .unwrap_or((0, i32::MIN));
    if score.saturating_sub(s[0]) > threshold {
        best
    } else {
        0
    }
}

/// Labels the post and returns the model's findings; without a model, the rules'.
pub(crate) fn tag(w: &Weights, t: &Text, d: &Dicts, rules: &Hits) -> Hits {
    if w.len() == 0 {
        return rules.clone();
    }
    let f = featurize(t, d, rules, false);
    let mut labels: Vec<usize> = scores(w, &f)
        .iter()
        .map(|s| decide(s, w.threshold))
        .collect();
    bridge_only(&f, &mut labels);
    let mut hits = spans(&f, &labels);
    // Where a rule of the same kind agrees, its name says better why (the explanation
    // shown to authors and moderators comes from it).
    // Both in text order, so one pass (a search per hit was quadratic on a post of
    // thousands of names).
    let mut by_start: Vec<&crate::hits::Hit> = rules.iter().collect();
    by_start.sort_by_key(|r| r.s);
    // The longest rule span seen so far bounds how far back an overlap can start.
    let longest = rules.iter().map(|r| r.e - r.s).max().unwrap_or(0);
    let mut from = 0;
    for h in &mut hits {
        while from < by_start.len() && by_start[from].s + longest < h.s {
            from += 1;
        }
        if let Some(r) = by_start[from..]
            .iter()
            .take_while(|r| r.s < h.e)
            .find(|r| r.kind == h.kind && h.s < r.e)
        {
            h.rule = r.rule;
        }
    }
    hits.retain(|h| !measures::is_quantity(t, h));
    hits
}

/// Whether unit `i` is one symbol or a line break (it carries no identifier itself).
pub(crate) fn is_symbol(f: &Featurized, i: usize) -> bool {
    let class = f.segs[f.units[i].seg as usize].class;
    matches!(class, units::Class::Sym | units::Class::Newline)
}

/// A symbol is never scored: it takes the kind of its neighbours when both sides have
/// the same kind (the `-` inside a phone number, the `:` inside a link), else none. A
/// line break never joins.
pub(crate) fn bridge_only(f: &Featurized, labels: &mut [usize]) {
    let n = labels.len();
    let newline = |j: usize| f.segs[f.units[j].seg as usize].class == units::Class::Newline;
    // The label of the nearest unit on each side that is a word or a line break
    // (linear: one pass each way, however long a run of symbols is).
    let mut left = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        left[i] = last;
        if !is_symbol(f, i) {
            last = Some(labels[i]);
        } else if newline(i) {
            last = Some(0);
        }
    }
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        let right = next;
        if !is_symbol(f, i) {
            next = Some(labels[i]);
            continue;
        }
        if newline(i) {
            next = Some(0);
            labels[i] = 0;
            continue;
        }
        labels[i] = match (left[i], right) {
            (Some(l), Some(r)) if l != 0 && l == r => l,
            _ => 0,
        };
    }
}

/// Joins runs of units with the same label (spaces between them included) into hits.
pub(crate) fn spans(f: &Featurized, labels: &[usize]) -> Hits {
    let mut hits: Hits = Vec::new();
    let mut i = 0;
    while i < f.units.len() {
        let l = labels[i];
        let Some(kind) = kind_of(l).filter(|_| l != 0) else {
            i += 1;
            continue;
        };
        let s = f.units[i].s;
        let mut j = i + 1;
        while j < f.units.len() && labels[j] == l {
            j += 1;
        }
        push(&mut hits, kind, s, f.units[j - 1].e, rule_name(kind));
        i = j;
    }
    hits
}

fn rule_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Name => "model.name",
        Kind::Date => "model.date",
        Kind::AgeOver89 => "model.age",
        Kind::Phone => "model.phone",
        Kind::Email => "model.email",
        Kind::Address => "model.address",
        Kind::Id => "model.id",
        Kind::Url => "model.url",
        Kind::Facility => "model.facility",
        Kind::Other => "model.other",
    }
}

/// For training and evaluation: a post cut into units with each unit's features and,
/// from gold spans in character indices, each unit's label.
#[cfg(feature = "train")]
pub mod train;

#[cfg(test)]
mod tests {
    use crate::detector::{scan, scan_rules};

    #[test]
    fn the_embedded_model_is_present_and_judges_in_context() {
        assert!(
            super::embedded().len() > 1000,
            "model/weights.bin is missing or empty"
        );
        // A lone symbol never becomes a finding.
        assert!(scan("Ratio 3:1 - see table / notes").findings.is_empty());
        // Public dates and eponyms in a clinical sentence pass; a patient's details do not.
        assert!(!scan("We switched to the Braden scale and Foley catheters on the ward.").hold);
        assert!(scan("Mrs Okonkwo, 94, was admitted on 3 March from Riverside Lodge.").hold);
        // A kind of facility is not a named one.
        assert!(!scan("特別養護老人ホームで働いています。").hold);
        // The model decides, but structured identifiers the rules find stay found.
        let s = "Call her daughter on 090-1234-5678.";
        assert!(scan_rules(s).hold && scan(s).hold);
    }
}
