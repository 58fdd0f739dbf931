//! Candidate findings as the recognizers produce them: a kind and a span in character
//! indices of the normalised text, and the rule that fired.

use crate::kinds::Kind;

/// A candidate finding in character indices of the normalised text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub kind: Kind,
    pub s: usize,
    pub e: usize,
    pub rule: &'static str,
}

/// The candidates of one scan.
pub(crate) type Hits = Vec<Hit>;

/// Adds a candidate (empty spans are ignored).
pub(crate) fn push(hits: &mut Hits, kind: Kind, s: usize, e: usize, rule: &'static str) {
    if e > s {
        hits.push(Hit { kind, s, e, rule });
    }
}
