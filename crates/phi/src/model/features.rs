//! Features of the model: for every segment, what it is (shape, word, dictionaries),
//! its neighbours (two segments on each side), and which rules fired over it; for every
//! character of a kanji run, the character, its neighbours and where it sits in a
//! dictionary surname. Each feature is a 32-bit hash of a template number and a value,
//! so nothing is allocated per feature and the model is a table from hash to weights.

use super::context::context;
use super::gazetteer::{self, EVENT_CUE, PATIENT_CUE, STAFF_CUE};
use super::hashing::{feat, mix, text_key};
use super::shape::{case_class, digit_class, en_flags, line_start, sentence_initial, shape};
use super::unit_features::{unit_features, Post};
use super::units::{segments, units, Class, Segment, Unit};
use crate::hits::Hit;
use crate::lists::Dicts;
use crate::text::Text;

// Template numbers (stable: they are part of the trained model).
pub(super) const T_BIAS: u32 = 1;
pub(super) const T_CLASS: u32 = 2;
pub(super) const T_WORD: u32 = 3;
pub(super) const T_SHAPE: u32 = 4;
pub(super) const T_PRE3: u32 = 5;
pub(super) const T_SUF3: u32 = 6;
pub(super) const T_DICT: u32 = 7;
pub(super) const T_INITIAL: u32 = 8;
pub(super) const T_PREV1: u32 = 9;
pub(super) const T_PREV2: u32 = 10;
pub(super) const T_NEXT1: u32 = 11;
pub(super) const T_NEXT2: u32 = 12;
pub(super) const T_PREV_SHAPE: u32 = 13;
pub(super) const T_NEXT_SHAPE: u32 = 14;
pub(super) const T_PREV1_SHAPE: u32 = 15;
pub(super) const T_SHAPE_NEXT1: u32 = 16;
pub(super) const T_DIGITS: u32 = 17;
pub(super) const T_LINE_START: u32 = 18;
pub(super) const T_RULE: u32 = 19;
pub(super) const T_RULE_KIND: u32 = 20;
pub(super) const T_RULE_EDGE: u32 = 21;
pub(super) const T_CHAR: u32 = 22;
pub(super) const T_CHAR_POS: u32 = 23;
pub(super) const T_CHAR_PREV: u32 = 24;
pub(super) const T_CHAR_NEXT: u32 = 25;
pub(super) const T_BIGRAM_L: u32 = 26;
pub(super) const T_BIGRAM_R: u32 = 27;
pub(super) const T_SURNAME_AT: u32 = 28;
pub(super) const T_GIVEN_AT: u32 = 29;
pub(super) const T_PREV1_NEXT1: u32 = 30;
pub(super) const T_LEN: u32 = 31;
pub(super) const T_DICT_PREV: u32 = 32;
pub(super) const T_DICT_NEXT: u32 = 33;
pub(super) const T_SPACE: u32 = 34;
pub(super) const T_WPREV1: u32 = 35;
pub(super) const T_WPREV2: u32 = 36;
pub(super) const T_WNEXT1: u32 = 37;
pub(super) const T_WNEXT2: u32 = 38;
pub(super) const T_WINDOW: u32 = 39;
pub(super) const T_COLUMN: u32 = 40;
pub(super) const T_LINE_LABEL: u32 = 41;
pub(super) const T_HIT_PREV: u32 = 42;
pub(super) const T_HIT_PREV2: u32 = 43;
pub(super) const T_HIT_NEXT: u32 = 44;
pub(super) const T_HIT_LEN: u32 = 45;
pub(super) const T_GAZ: u32 = 46;
pub(super) const T_GAZ_NEAR: u32 = 47;
pub(super) const T_GAZ_WINDOW: u32 = 48;
pub(super) const T_POST: u32 = 49;
pub(super) const T_POST_HIT: u32 = 50;
pub(super) const T_GAZ_PREV: u32 = 51;
pub(super) const T_GAZ_NEXT: u32 = 52;
pub(super) const T_P1_LOOK: u32 = 53;
pub(super) const T_LOOK_N1: u32 = 54;
pub(super) const T_P2P1_LOOK: u32 = 55;
pub(super) const T_SUF2: u32 = 56;
pub(super) const T_SUF4: u32 = 57;

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
            f.push(feat(T_SUF2, text_key(t, g.e - 2, g.e)));
            if g.e - g.s >= 6 {
                f.push(feat(T_SUF4, text_key(t, g.e - 4, g.e)));
            }
        }
        if g.class == Class::Word {
            let initial = sentence_initial(t, &segs, k);
            f.push(feat(T_DICT, flags[k] as u32 * 2 + initial as u32));
            f.push(feat(T_INITIAL, mix(shapes[k], initial as u32)));
        }
        // Whether a kana word is a name in the Japanese lists (surname 1, given name 2).
        let kana_names = (g.class == Class::Kata || g.class == Class::Hira).then(|| {
            t.with_str(g.s, g.e, false, |s| {
                (d.ja_sur.contains(s) as u32) | ((d.ja_given.contains(s) as u32) << 1)
            })
        });
        if let Some(whole) = kana_names {
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
        // Conjunctions a linear model cannot build from its parts: which word stands
        // before (or after) a word that the lists do not know as common, in lower case
        // or capitals ("pt ramesh", "bed 7 gaz", "dot's husband").
        let look = match g.class {
            Class::Word => Some(flags[k] as u32 * 8 + case_class(t, g)),
            Class::Kata | Class::Hira => kana_names.map(|n| 64 + g.class as u32 * 4 + n),
            _ => None,
        };
        if let Some(look) = look {
            f.push(feat(T_P1_LOOK, mix(p1, look)));
            f.push(feat(T_LOOK_N1, mix(look, n1)));
            f.push(feat(T_P2P1_LOOK, mix(mix(p2, p1), look)));
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
    let post = Post {
        t,
        segs: &segs,
        keys: &keys,
        seg_at_char: &seg_at_char,
    };
    let (unit_feats, unit_at) = unit_features(&post, d, &units, rules, post_bits);
    Featurized {
        segs,
        units,
        seg_feats,
        seg_at,
        unit_feats,
        unit_at,
    }
}

#[cfg(test)]
mod tests;
