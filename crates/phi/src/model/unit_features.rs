//! Features of one unit (a character of a kanji run, or a word): the rules that fired
//! over it with the words around each rule's hit, and for kanji the character, its
//! neighbours and where it sits in a dictionary name. Part of [`super::features`].

use super::features::{
    T_BIGRAM_L, T_BIGRAM_R, T_CHAR, T_CHAR_NEXT, T_CHAR_POS, T_CHAR_PREV, T_GIVEN_AT, T_HIT_LEN,
    T_HIT_NEXT, T_HIT_PREV, T_HIT_PREV2, T_POST_HIT, T_RULE, T_RULE_EDGE, T_RULE_KIND,
    T_SURNAME_AT,
};
use super::hashing::{feat, mix};
use super::units::{Class, Segment, Unit};
use crate::hits::Hit;
use crate::lists::Dicts;
use crate::text::Text;

/// What the unit features read of the post besides the units and rules.
pub(super) struct Post<'a> {
    pub t: &'a Text,
    pub segs: &'a [Segment],
    /// Hash of each segment's text.
    pub keys: &'a [u32],
    /// The segment of each character (`u32::MAX`: none).
    pub seg_at_char: &'a [u32],
}

/// The features of every unit: `(unit_feats, unit_at)`, unit `i`'s features being
/// `unit_feats[unit_at[i]..unit_at[i + 1]]`.
pub(super) fn unit_features(
    p: &Post,
    d: &Dicts,
    units: &[Unit],
    rules: &[Hit],
    post_bits: u32,
) -> (Vec<u32>, Vec<u32>) {
    let (t, segs, keys, seg_at_char) = (p.t, p.segs, p.keys, p.seg_at_char);
    let mut unit_feats = Vec::with_capacity(units.len() * 4);
    let mut unit_at = Vec::with_capacity(units.len() + 1);
    let mut sorted: Vec<&Hit> = rules.iter().collect();
    sorted.sort_by_key(|h| (h.s, h.e));
    // Each hit's surroundings: the words before and after it (punctuation skipped).
    let word_before = |pos: usize| -> (u32, u32) {
        let mut found = Vec::with_capacity(2);
        let mut c = pos;
        let mut steps = 0;
        while c > 0 && found.len() < 2 && steps < 12 {
            c -= 1;
            steps += 1;
            let k = seg_at_char[c];
            if k == u32::MAX {
                continue;
            }
            let g = &segs[k as usize];
            c = g.s;
            if g.class == Class::Newline {
                break;
            }
            if g.class != Class::Sym {
                found.push(keys[k as usize]);
            }
        }
        (
            found.first().copied().unwrap_or(0xB2B2),
            found.get(1).copied().unwrap_or(0xB2B2),
        )
    };
    let word_after = |pos: usize| -> u32 {
        let mut c = pos;
        let mut steps = 0;
        while c < t.len() && steps < 12 {
            steps += 1;
            let k = seg_at_char[c];
            if k == u32::MAX {
                c += 1;
                continue;
            }
            let g = &segs[k as usize];
            if g.class == Class::Newline {
                break;
            }
            if g.class != Class::Sym {
                return keys[k as usize];
            }
            c = g.e;
        }
        0xB3B3
    };
    let hit_ctx: Vec<[u32; 4]> = sorted
        .iter()
        .map(|h| {
            let k = h.kind as u32;
            let (p1, p2) = word_before(h.s);
            [
                feat(T_HIT_PREV, mix(k, p1)),
                feat(T_HIT_PREV2, mix(mix(k, p2), p1)),
                feat(T_HIT_NEXT, mix(k, word_after(h.e))),
                feat(T_HIT_LEN, mix(k, (h.e - h.s).min(24) as u32)),
            ]
        })
        .collect();
    let mut first = 0; // first hit that may still overlap
    let sur = kanji_name_marks(t, d, segs);
    for (ui, u) in units.iter().enumerate() {
        unit_at.push(unit_feats.len() as u32);
        while first < sorted.len() && sorted[first].e <= u.s {
            first += 1;
        }
        // Hits are few and short; only those starting before the unit's end overlap.
        for (hi, h) in sorted[first..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.s < u.e)
        {
            if h.e <= u.s {
                continue;
            }
            let edge = if h.s >= u.s { 1 } else { 2 };
            unit_feats.push(feat(T_RULE, str_key(h.rule)));
            unit_feats.push(feat(T_RULE_KIND, h.kind as u32));
            unit_feats.push(feat(T_RULE_EDGE, h.kind as u32 * 4 + edge));
            unit_feats.extend_from_slice(&hit_ctx[first + hi]);
            unit_feats.push(feat(T_POST_HIT, mix(post_bits, h.kind as u32)));
        }
        let g = &segs[u.seg as usize];
        if g.class == Class::Kanji {
            let c = t.c[u.s];
            let prev = t.before(u.s);
            let next = t.at(u.s + 1);
            let len = g.e - g.s;
            let pos = if len == 1 {
                0
            } else if u.s == g.s {
                1
            } else if u.s + 1 == g.e {
                3
            } else {
                2
            };
            unit_feats.push(feat(T_CHAR, c as u32));
            unit_feats.push(feat(T_CHAR_POS, pos * 8 + len.min(7) as u32));
            unit_feats.push(feat(T_CHAR_PREV, prev as u32));
            unit_feats.push(feat(T_CHAR_NEXT, next as u32));
            unit_feats.push(feat(T_BIGRAM_L, mix(prev as u32, c as u32)));
            unit_feats.push(feat(T_BIGRAM_R, mix(c as u32, next as u32)));
            let m = sur[ui.min(sur.len().saturating_sub(1))];
            if m != 0 {
                unit_feats.push(feat(T_SURNAME_AT, m as u32 & 0x0F));
                if m & 0xF0 != 0 {
                    unit_feats.push(feat(T_GIVEN_AT, (m >> 4) as u32));
                }
            }
        }
    }
    unit_at.push(unit_feats.len() as u32);
    (unit_feats, unit_at)
}

fn str_key(s: &str) -> u32 {
    s.bytes().fold(0x811C_9DC5, |h, b| mix(h, b as u32))
}

/// For each unit (in unit order), where its kanji sits in a dictionary name: low nibble
/// 1 = first character of a surname, 2 = inside one; high nibble the same for a given
/// name right after a surname. 0 elsewhere (and for every non-kanji unit).
pub(super) fn kanji_name_marks(t: &Text, d: &Dicts, segs: &[Segment]) -> Vec<u8> {
    let mut marks = Vec::new();
    for g in segs {
        if g.class != Class::Kanji {
            marks.push(0);
            continue;
        }
        let base = marks.len();
        marks.resize(base + (g.e - g.s), 0u8);
        let mut i = g.s;
        while i < g.e {
            let n = t.with_str(i, g.e.min(i + 5), false, |s| d.ja_sur_prefix(s));
            match n {
                Some(n) if n > 0 => {
                    for j in 0..n {
                        marks[base + i - g.s + j] |= if j == 0 { 1 } else { 2 };
                    }
                    // A given name right after: try the longest dictionary given name.
                    let gs = i + n;
                    for len in (1..=3).rev() {
                        if gs + len <= g.e
                            && t.with_str(gs, gs + len, false, |s| d.ja_given.contains(s))
                        {
                            for j in 0..len {
                                marks[base + gs - g.s + j] |= if j == 0 { 0x10 } else { 0x20 };
                            }
                            break;
                        }
                    }
                    i += n;
                }
                _ => i += 1,
            }
        }
    }
    marks
}
