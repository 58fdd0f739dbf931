//! What a segment looks like, for the model's features: its shape (runs of upper,
//! lower and digits), whether the English name lists know it, what kind of number it
//! is, and whether it starts a line or a sentence. Values only; the templates that
//! hash them are in [`super::features`].

use super::hashing::mix;
use super::units::{Class, Segment};
use crate::lists::Dicts;
use crate::text::Text;

/// Shape of a word: runs of X (upper), x (lower), d (digit), at most 4 runs.
pub(super) fn shape(t: &Text, g: &Segment) -> u32 {
    let mut h = g.class as u32 + 1;
    let mut last = ' ';
    let mut runs = 0;
    for &c in &t.c[g.s..g.e] {
        let k = if c.is_ascii_digit() {
            'd'
        } else if c.is_uppercase() {
            'X'
        } else {
            'x'
        };
        if k != last {
            runs += 1;
            if runs > 4 {
                break;
            }
            h = mix(h, k as u32);
            last = k;
        }
    }
    h
}

/// Case of a Latin word: 0 lower case, 1 capitalised, 2 capitals, 3 mixed.
pub(super) fn case_class(t: &Text, g: &Segment) -> u32 {
    let w = &t.c[g.s..g.e];
    let upper = w.iter().filter(|c| c.is_uppercase()).count();
    match upper {
        0 => 0,
        1 if w.first().is_some_and(|c| c.is_uppercase()) => 1,
        n if n == w.len() && n > 1 => 2,
        _ => 3,
    }
}

/// What a Latin word is in the dictionaries (given name, surname, common word).
pub(super) fn en_flags(t: &Text, d: &Dicts, g: &Segment) -> u8 {
    if g.class != Class::Word || g.e - g.s > 20 {
        return 0;
    }
    t.with_str(g.s, g.e, true, |w| d.en(w))
}

/// Value class of a digit run: its length, and for short runs whether it can be an
/// age of 90+, a day, a month, a year.
pub(super) fn digit_class(t: &Text, g: &Segment) -> u32 {
    let n = g.e - g.s;
    if n > 4 {
        return 100 + n.min(20) as u32;
    }
    let v = crate::text::num(t, g.s, g.e);
    let band = match v {
        0 => 0,
        1..=12 => 1,
        13..=31 => 2,
        32..=89 => 3,
        90..=120 => 4,
        121..=1899 => 5,
        1900..=2100 => 6,
        _ => 7,
    };
    n as u32 * 10 + band
}

/// A line starts right before the segment (or the post does).
pub(super) fn line_start(segs: &[Segment], k: usize) -> bool {
    k == 0 || segs[k - 1].class == Class::Newline
}

/// Whether a capitalised word opens a sentence (after `.`, `!`, `?`, `:`, a line start,
/// a list marker or a quote).
pub(super) fn sentence_initial(t: &Text, segs: &[Segment], k: usize) -> bool {
    if line_start(segs, k) {
        return true;
    }
    let p = &segs[k - 1];
    p.class == Class::Sym
        && matches!(
            t.c[p.s],
            '.' | '!' | '?' | ':' | '-' | '*' | '>' | '"' | '“' | '(' | '#'
        )
}
