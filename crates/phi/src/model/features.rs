//! Features of the model: for every segment, what it is (shape, word, dictionaries),
//! its neighbours (two segments on each side), and which rules fired over it; for every
//! character of a kanji run, the character, its neighbours and where it sits in a
//! dictionary surname. Each feature is a 32-bit hash of a template number and a value,
//! so nothing is allocated per feature and the model is a table from hash to weights.

use super::context::context;
use super::gazetteer::{self, EVENT_CUE, PATIENT_CUE, STAFF_CUE};
use super::units::{segments, units, Class, Segment, Unit};
use crate::hits::Hit;
use crate::lists::Dicts;
use crate::text::Text;

/// Mixes a value into a hash (multiplicative, as FxHash does).
#[inline]
pub(crate) fn mix(h: u32, v: u32) -> u32 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x2722_0A95)
}

/// The feature `template` with value `v`.
#[inline]
fn feat(template: u32, v: u32) -> u32 {
    mix(mix(0x9E37_79B9, template), v)
}

/// Hash of characters (ASCII lower-cased), at most 16 of them.
pub(crate) fn text_key(t: &Text, s: usize, e: usize) -> u32 {
    let mut h = 0x811C_9DC5u32;
    for &c in &t.c[s..e.min(s + 16)] {
        h = mix(h, c.to_ascii_lowercase() as u32);
    }
    mix(h, (e - s).min(17) as u32)
}

// Template numbers (stable: they are part of the trained model).
const T_BIAS: u32 = 1;
const T_CLASS: u32 = 2;
const T_WORD: u32 = 3;
const T_SHAPE: u32 = 4;
const T_PRE3: u32 = 5;
const T_SUF3: u32 = 6;
const T_DICT: u32 = 7;
const T_INITIAL: u32 = 8;
const T_PREV1: u32 = 9;
const T_PREV2: u32 = 10;
const T_NEXT1: u32 = 11;
const T_NEXT2: u32 = 12;
const T_PREV_SHAPE: u32 = 13;
const T_NEXT_SHAPE: u32 = 14;
const T_PREV1_SHAPE: u32 = 15;
const T_SHAPE_NEXT1: u32 = 16;
const T_DIGITS: u32 = 17;
const T_LINE_START: u32 = 18;
const T_RULE: u32 = 19;
const T_RULE_KIND: u32 = 20;
const T_RULE_EDGE: u32 = 21;
const T_CHAR: u32 = 22;
const T_CHAR_POS: u32 = 23;
const T_CHAR_PREV: u32 = 24;
const T_CHAR_NEXT: u32 = 25;
const T_BIGRAM_L: u32 = 26;
const T_BIGRAM_R: u32 = 27;
const T_SURNAME_AT: u32 = 28;
const T_GIVEN_AT: u32 = 29;
const T_PREV1_NEXT1: u32 = 30;
const T_LEN: u32 = 31;
const T_DICT_PREV: u32 = 32;
const T_DICT_NEXT: u32 = 33;
const T_SPACE: u32 = 34;
const T_WPREV1: u32 = 35;
const T_WPREV2: u32 = 36;
const T_WNEXT1: u32 = 37;
const T_WNEXT2: u32 = 38;
const T_WINDOW: u32 = 39;
const T_COLUMN: u32 = 40;
const T_LINE_LABEL: u32 = 41;
const T_HIT_PREV: u32 = 42;
const T_HIT_PREV2: u32 = 43;
const T_HIT_NEXT: u32 = 44;
const T_HIT_LEN: u32 = 45;
const T_GAZ: u32 = 46;
const T_GAZ_NEAR: u32 = 47;
const T_GAZ_WINDOW: u32 = 48;
const T_POST: u32 = 49;
const T_POST_HIT: u32 = 50;
const T_GAZ_PREV: u32 = 51;
const T_GAZ_NEXT: u32 = 52;

/// Words on each side whose presence is a feature of a segment.
const WINDOW: usize = 5;

/// A post ready for the model: its segments and units, and the features of each.
pub(crate) struct Featurized {
    pub segs: Vec<Segment>,
    pub units: Vec<Unit>,
    /// Features shared by every unit of a segment: `seg_feats[seg_at[k]..seg_at[k + 1]]`.
    pub seg_feats: Vec<u32>,
    pub seg_at: Vec<u32>,
    /// Features of one unit only (kanji characters, rules over part of a segment).
    pub unit_feats: Vec<u32>,
    pub unit_at: Vec<u32>,
}

/// Shape of a word: runs of X (upper), x (lower), d (digit), at most 4 runs.
fn shape(t: &Text, g: &Segment) -> u32 {
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

/// What a Latin word is in the dictionaries (given name, surname, common word).
fn en_flags(t: &Text, d: &Dicts, g: &Segment) -> u8 {
    if g.class != Class::Word || g.e - g.s > 20 {
        return 0;
    }
    t.with_str(g.s, g.e, true, |w| d.en(w))
}

/// Value class of a digit run: its length, and for short runs whether it can be an
/// age of 90+, a day, a month, a year.
fn digit_class(t: &Text, g: &Segment) -> u32 {
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
fn line_start(segs: &[Segment], k: usize) -> bool {
    k == 0 || segs[k - 1].class == Class::Newline
}

/// Whether a capitalised word opens a sentence (after `.`, `!`, `?`, `:`, a line start,
/// a list marker or a quote).
fn sentence_initial(t: &Text, segs: &[Segment], k: usize) -> bool {
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

/// Builds the features of a post, given the rules' candidate findings.
///
/// `symbols`: whether symbols and line breaks get features too. The detector never
/// scores them (they only join findings: `model::bridge_only`), so it skips them; the
/// trainer keeps them, because as examples they teach the shared features what is
/// *not* an identifier.
pub(crate) fn featurize(t: &Text, d: &Dicts, rules: &[Hit], symbols: bool) -> Featurized {
    let segs = segments(t);
    let units = units(&segs);
    let keys: Vec<u32> = segs.iter().map(|g| text_key(t, g.s, g.e)).collect();
    let shapes: Vec<u32> = segs.iter().map(|g| shape(t, g)).collect();
    let flags: Vec<u8> = segs.iter().map(|g| en_flags(t, d, g)).collect();
    let ctx = context(t, &segs);
    // Which segment each character belongs to (u32::MAX: none), shared by the word
    // lists and the rules' surroundings below.
    let mut seg_at_char = vec![u32::MAX; t.len() + 1];
    for (k, g) in segs.iter().enumerate() {
        seg_at_char[g.s..g.e].fill(k as u32);
    }
    let gaz = gazetteer::marks(t, &segs, &seg_at_char);
    // What the whole post is about: how many patient and family cues, and whether it
    // speaks of public events or of staff.
    let patient_cues = gaz.iter().filter(|m| **m & PATIENT_CUE != 0).count().min(3) as u32;
    let post_bits = patient_cues * 4
        + gaz.iter().any(|m| m & EVENT_CUE != 0) as u32 * 2
        + gaz.iter().any(|m| m & STAFF_CUE != 0) as u32;
    let mut seg_feats = Vec::with_capacity(segs.len() * 32);
    let mut seg_at = Vec::with_capacity(segs.len() + 1);
    let key_of = |k: isize| -> u32 {
        if k < 0 || k as usize >= segs.len() {
            0xB0B0
        } else {
            keys[k as usize]
        }
    };
    let shape_of = |k: isize| -> u32 {
        if k < 0 || k as usize >= segs.len() {
            0xE0E0
        } else {
            shapes[k as usize]
        }
    };
    for (k, g) in segs.iter().enumerate() {
        seg_at.push(seg_feats.len() as u32);
        if !symbols && matches!(g.class, Class::Sym | Class::Newline) {
            continue;
        }
        let ki = k as isize;
        let f = &mut seg_feats;
        f.push(feat(T_BIAS, 0));
        f.push(feat(T_CLASS, g.class as u32));
        f.push(feat(T_SHAPE, shapes[k]));
        f.push(feat(
            T_LEN,
            (g.e - g.s).min(12) as u32 * 16 + g.class as u32,
        ));
        if g.class != Class::Digits {
            f.push(feat(T_WORD, keys[k]));
        } else {
            f.push(feat(T_DIGITS, digit_class(t, g)));
        }
        if g.class == Class::Word && g.e - g.s >= 4 {
            f.push(feat(T_PRE3, text_key(t, g.s, g.s + 3)));
            f.push(feat(T_SUF3, text_key(t, g.e - 3, g.e)));
        }
        if g.class == Class::Word {
            let initial = sentence_initial(t, &segs, k);
            f.push(feat(T_DICT, flags[k] as u32 * 2 + initial as u32));
            f.push(feat(T_INITIAL, mix(shapes[k], initial as u32)));
        }
        if g.class == Class::Kata || g.class == Class::Hira {
            let whole = t.with_str(g.s, g.e, false, |s| {
                (d.ja_sur.contains(s) as u32) | ((d.ja_given.contains(s) as u32) << 1)
            });
            f.push(feat(T_DICT, 16 + whole));
        }
        if line_start(&segs, k) {
            f.push(feat(T_LINE_START, g.class as u32));
        }
        f.push(feat(T_SPACE, g.class as u32 * 2 + g.space_before as u32));
        let (p1, p2, n1, n2) = (
            key_of(ki - 1),
            key_of(ki - 2),
            key_of(ki + 1),
            key_of(ki + 2),
        );
        f.push(feat(T_PREV1, p1));
        f.push(feat(T_PREV2, p2));
        f.push(feat(T_NEXT1, n1));
        f.push(feat(T_NEXT2, n2));
        f.push(feat(T_PREV_SHAPE, shape_of(ki - 1)));
        f.push(feat(T_NEXT_SHAPE, shape_of(ki + 1)));
        f.push(feat(T_PREV1_SHAPE, mix(p1, shapes[k])));
        f.push(feat(T_SHAPE_NEXT1, mix(shapes[k], n1)));
        f.push(feat(T_PREV1_NEXT1, mix(p1, n1)));
        if k > 0 && segs[k - 1].class == Class::Word {
            f.push(feat(T_DICT_PREV, flags[k - 1] as u32));
        }
        if let Some(wp) = ctx.word_pos[k] {
            let wp = wp as usize;
            let word_key = |x: isize| -> u32 {
                if x < 0 || x as usize >= ctx.words.len() {
                    0xB1B1
                } else {
                    keys[ctx.words[x as usize] as usize]
                }
            };
            let w = wp as isize;
            f.push(feat(T_WPREV1, word_key(w - 1)));
            f.push(feat(T_WPREV2, mix(word_key(w - 2), word_key(w - 1))));
            f.push(feat(T_WNEXT1, word_key(w + 1)));
            f.push(feat(T_WNEXT2, mix(word_key(w + 1), word_key(w + 2))));
            let lo = wp.saturating_sub(WINDOW);
            let hi = (wp + WINDOW + 1).min(ctx.words.len());
            for x in lo..hi {
                if x != wp {
                    f.push(feat(T_WINDOW, keys[ctx.words[x] as usize]));
                }
            }
        }
        let cues = PATIENT_CUE | EVENT_CUE | STAFF_CUE;
        f.push(feat(
            T_GAZ,
            mix(gaz[k] as u32 & !(cues as u32), g.class as u32),
        ));
        f.push(feat(T_POST, mix(post_bits, g.class as u32)));
        if let Some(wp) = ctx.word_pos[k] {
            let wp = wp as usize;
            let bits_at = |x: usize| gaz[ctx.words[x] as usize];
            if wp > 0 {
                f.push(feat(T_GAZ_PREV, bits_at(wp - 1) as u32));
            }
            if wp + 1 < ctx.words.len() {
                f.push(feat(T_GAZ_NEXT, bits_at(wp + 1) as u32));
            }
            let near = (wp.saturating_sub(2)..(wp + 3).min(ctx.words.len()))
                .filter(|x| *x != wp)
                .fold(0u16, |a, x| a | bits_at(x));
            let window = (wp.saturating_sub(WINDOW)..(wp + WINDOW + 1).min(ctx.words.len()))
                .filter(|x| *x != wp)
                .fold(0u16, |a, x| a | bits_at(x));
            f.push(feat(T_GAZ_NEAR, mix((near & cues) as u32, g.class as u32)));
            f.push(feat(T_GAZ_WINDOW, mix((window & cues) as u32, shapes[k])));
        }
        if ctx.column_head[k] != 0 {
            f.push(feat(T_COLUMN, mix(ctx.column_head[k], g.class as u32)));
            f.push(feat(T_COLUMN, ctx.column_head[k]));
        }
        if ctx.line_label[k] != 0 {
            f.push(feat(T_LINE_LABEL, mix(ctx.line_label[k], g.class as u32)));
        }
        if k + 1 < segs.len() && segs[k + 1].class == Class::Word {
            f.push(feat(T_DICT_NEXT, flags[k + 1] as u32));
        }
    }
    seg_at.push(seg_feats.len() as u32);

    // Unit features: the rules over each unit, and the characters of kanji runs.
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
    let sur = kanji_name_marks(t, d, &segs);
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
    Featurized {
        segs,
        units,
        seg_feats,
        seg_at,
        unit_feats,
        unit_at,
    }
}

fn str_key(s: &str) -> u32 {
    s.bytes().fold(0x811C_9DC5, |h, b| mix(h, b as u32))
}

/// For each unit (in unit order), where its kanji sits in a dictionary name: low nibble
/// 1 = first character of a surname, 2 = inside one; high nibble the same for a given
/// name right after a surname. 0 elsewhere (and for every non-kanji unit).
fn kanji_name_marks(t: &Text, d: &Dicts, segs: &[Segment]) -> Vec<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lists::dicts;

    #[test]
    fn every_unit_has_features_and_offsets_are_monotone() {
        let t = Text::new("Mr. Smith (93) was seen by 佐藤花子さん on 3/2.\n| Bed | Name |");
        let f = featurize(&t, dicts(), &[], true);
        assert_eq!(f.seg_at.len(), f.segs.len() + 1);
        assert_eq!(f.unit_at.len(), f.units.len() + 1);
        assert!(f.seg_at.windows(2).all(|w| w[0] <= w[1]));
        assert!(f.unit_at.windows(2).all(|w| w[0] <= w[1]));
        let okafor = f
            .segs
            .iter()
            .position(|g| t.string(g.s, g.e) == "Smith")
            .unwrap();
        let g = f.segs[okafor];
        assert_ne!(en_flags(&t, dicts(), &g), 0);
    }

    #[test]
    fn kanji_surnames_are_marked() {
        let t = Text::new("佐藤花子");
        let segs = segments(&t);
        let m = kanji_name_marks(&t, dicts(), &segs);
        assert_eq!(m[0] & 0x0F, 1, "{m:?}");
    }
}
