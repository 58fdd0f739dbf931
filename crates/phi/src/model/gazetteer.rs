//! Word lists the model reads as features: things that look like names or identifiers
//! but are not patient data (eponyms, drugs, places, public people, institutions,
//! placeholders) and words that say whose a name or a date is (patient and family
//! cues, public-event cues, staff cues). Lists only *inform* the model — it learns how
//! much each is worth in context — so a patient called Parkinson is still found.
//! Sources: `data/gaz/README.md`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short and not attacker-chosen in a way that matters (a slow
/// lookup only slows one scan), and SipHash was a tenth of the detector's time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

use super::units::{Class, Segment};
use crate::text::{is_latin, Text};

/// Bits of the lists (a word may be in several).
pub(crate) const EPONYM: u16 = 1;
pub(crate) const DRUG: u16 = 2;
pub(crate) const PLACE: u16 = 4;
pub(crate) const PUBLIC_PERSON: u16 = 8;
pub(crate) const INSTITUTION: u16 = 16;
pub(crate) const PLACEHOLDER: u16 = 32;
pub(crate) const PATIENT_CUE: u16 = 64;
pub(crate) const EVENT_CUE: u16 = 128;
pub(crate) const STAFF_CUE: u16 = 256;

const LISTS: &[(&str, u16)] = &[
    (include_str!("../../data/gaz/eponyms_en.txt"), EPONYM),
    (include_str!("../../data/gaz/eponyms_ja.txt"), EPONYM),
    (include_str!("../../data/gaz/drugs_en.txt"), DRUG),
    (include_str!("../../data/gaz/drugs_ja.txt"), DRUG),
    (include_str!("../../data/gaz/places.txt"), PLACE),
    (
        include_str!("../../data/gaz/public_people.txt"),
        PUBLIC_PERSON,
    ),
    (include_str!("../../data/gaz/institutions.txt"), INSTITUTION),
    (include_str!("../../data/gaz/placeholders.txt"), PLACEHOLDER),
    (
        include_str!("../../data/gaz/patient_cues_en.txt"),
        PATIENT_CUE,
    ),
    (
        include_str!("../../data/gaz/patient_cues_ja.txt"),
        PATIENT_CUE,
    ),
    (
        include_str!("../../data/gaz/public_event_cues_en.txt"),
        EVENT_CUE,
    ),
    (
        include_str!("../../data/gaz/public_event_cues_ja.txt"),
        EVENT_CUE,
    ),
    (include_str!("../../data/gaz/staff_cues_en.txt"), STAFF_CUE),
    (include_str!("../../data/gaz/staff_cues_ja.txt"), STAFF_CUE),
];

/// What the map knows of a phrase: the lists it is an entry of (0: none) and whether
/// it is a proper prefix of an entry (whole words for Latin, characters for CJK) — a
/// phrase that is not one cannot grow into an entry, so the scan stops there.
#[derive(Clone, Copy, Default)]
struct Known {
    bits: u16,
    grows: bool,
}

/// All lists in one map: entry or entry prefix (Latin lower-cased, words joined by one
/// space) → what it is. One map, so each step of a scan is one look-up.
pub(crate) struct Gazetteer {
    phrases: FastMap<String, Known>,
    /// Longest Latin entry in words, longest CJK entry in characters.
    max_words: usize,
    max_chars: usize,
    /// Bit filter over the first character of CJK entries.
    cjk_first: [u64; 64],
}

static GAZ: OnceLock<Gazetteer> = OnceLock::new();

fn is_cjk_entry(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c >= '\u{3000}')
}

/// The lists, built once.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    GAZ.get_or_init(|| {
        let mut g = Gazetteer {
            phrases: FastMap::default(),
            max_words: 1,
            max_chars: 1,
            cjk_first: [0; 64],
        };
        for (text, bit) in LISTS {
            for line in text.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let key = if is_cjk_entry(line) {
                    let c = line.chars().next().unwrap_or(' ') as u32 & 0xFFF;
                    g.cjk_first[(c >> 6) as usize] |= 1 << (c & 63);
                    g.max_chars = g.max_chars.max(line.chars().count().min(12));
                    let cut: Vec<usize> = line.char_indices().map(|(i, _)| i).skip(1).collect();
                    for i in cut {
                        g.phrases.entry(line[..i].to_string()).or_default().grows = true;
                    }
                    line.to_string()
                } else {
                    let words: Vec<String> = line
                        .split(|c: char| !is_latin(c) && !c.is_ascii_digit())
                        .filter(|w| !w.is_empty())
                        .map(|w| w.to_lowercase())
                        .collect();
                    g.max_words = g.max_words.max(words.len().min(4));
                    for k in 1..words.len() {
                        g.phrases.entry(words[..k].join(" ")).or_default().grows = true;
                    }
                    words.join(" ")
                };
                if !key.is_empty() {
                    g.phrases.entry(key).or_default().bits |= bit;
                }
            }
        }
        g
    })
}

impl Gazetteer {
    fn cjk_may_start(&self, c: char) -> bool {
        let c = c as u32 & 0xFFF;
        self.cjk_first[(c >> 6) as usize] & (1 << (c & 63)) != 0
    }
}

/// For every segment, the bits of the list entries it is part of: Latin phrases of up
/// to four words starting at a word, and CJK entries found anywhere in the text.
/// `seg_at[c]` is the segment of character `c` (`u32::MAX`: none).
pub(crate) fn marks(t: &Text, segs: &[Segment], seg_at: &[u32]) -> Vec<u16> {
    let g = gazetteer();
    let mut out = vec![0u16; segs.len()];
    // Latin: phrases of consecutive words (punctuation between them ends a phrase
    // except an apostrophe or hyphen inside a name).
    let mut phrase = String::with_capacity(48);
    for k in 0..segs.len() {
        if segs[k].class != Class::Word {
            continue;
        }
        phrase.clear();
        let mut x = k;
        let mut words = 0;
        while x < segs.len() && words < g.max_words {
            let s = &segs[x];
            if s.class != Class::Word {
                break;
            }
            if words > 0 {
                phrase.push(' ');
            }
            for c in &t.c[s.s..s.e] {
                phrase.extend(c.to_lowercase());
            }
            words += 1;
            let known = g.phrases.get(phrase.as_str()).copied().unwrap_or_default();
            for m in &mut out[k..=x] {
                *m |= known.bits;
            }
            if !known.grows {
                break;
            }
            x += 1;
            // Skip one joining character between words of a phrase.
            if x < segs.len()
                && segs[x].class == Class::Sym
                && matches!(t.c[segs[x].s], '-' | '\'' | '.')
                && x + 1 < segs.len()
            {
                x += 1;
            }
        }
    }
    // CJK: every entry occurring in the text (bounded length).
    let n = t.len();
    let mut buf = String::with_capacity(48);
    for i in 0..n {
        let c = t.c[i];
        if c < '\u{3000}' || !g.cjk_may_start(c) {
            continue;
        }
        buf.clear();
        for j in i..(i + g.max_chars).min(n) {
            buf.push(t.c[j]);
            let known = g.phrases.get(buf.as_str()).copied().unwrap_or_default();
            if known.bits != 0 {
                for x in i..=j {
                    if seg_at[x] != u32::MAX {
                        out[seg_at[x] as usize] |= known.bits;
                    }
                }
            }
            if !known.grows {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::segments;

    #[test]
    fn lists_mark_their_words_in_both_scripts() {
        let t = Text::new("Foley catheter; John Doe; 橋本病の患者さん");
        let segs = segments(&t);
        let mut seg_at = vec![u32::MAX; t.len()];
        for (k, g) in segs.iter().enumerate() {
            seg_at[g.s..g.e].fill(k as u32);
        }
        let m = marks(&t, &segs, &seg_at);
        let at = |w: &str| m[segs.iter().position(|g| t.string(g.s, g.e) == w).unwrap()];
        assert_ne!(at("Foley") & EPONYM, 0);
        assert_ne!(at("Doe") & PLACEHOLDER, 0);
        assert_ne!(at("患者") & PATIENT_CUE, 0);
    }
}
