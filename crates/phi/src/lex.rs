//! Fast case-insensitive matching of short word lists at a position of the normalised text.
//!
//! Every rule family checks word lists (labels, titles, facility heads …) at many positions;
//! scanning each list linearly made the detector several times too slow for keystroke use.
//! A `Lex` indexes its patterns by first character (for forward matches) and by last
//! character (for "label just before here" matches), so a miss costs one table look-up.

use super::text::{is_alnum, Text};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Trivial hasher for `char` keys (the default SipHash is needlessly slow here).
#[derive(Default)]
pub(super) struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (v as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type CharMap<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;

/// Patterns grouped by a key character; ASCII keys use a direct table.
struct Index {
    ascii: Vec<Vec<usize>>,
    other: CharMap<Vec<usize>>,
}

impl Index {
    fn new() -> Index {
        Index {
            ascii: vec![Vec::new(); 128],
            other: CharMap::default(),
        }
    }
    fn add(&mut self, key: char, id: usize) {
        if (key as u32) < 128 {
            self.ascii[key as usize].push(id);
        } else {
            self.other.entry(key).or_default().push(id);
        }
    }
    fn get(&self, key: char) -> &[usize] {
        if (key as u32) < 128 {
            &self.ascii[key as usize]
        } else {
            self.other.get(&key).map_or(&[], |v| v.as_slice())
        }
    }
}

/// An indexed word list (patterns lower-cased; matching folds ASCII case only).
pub(super) struct Lex {
    pats: Vec<Vec<char>>,
    /// Bloom-style filters over first and last characters (4096 bits each), so that the
    /// common miss costs one bit test instead of a hash look-up.
    first_bits: [u64; 64],
    last_bits: [u64; 64],
    /// Filter over the first two characters (only used when no pattern has one character).
    pair_bits: Option<Box<[u64; 64]>>,
    first: Index,
    last: Index,
}

fn fold(c: char) -> char {
    c.to_ascii_lowercase()
}

fn set_bit(bits: &mut [u64; 64], c: char) {
    let h = (c as u32 & 0xFFF) as usize;
    bits[h >> 6] |= 1 << (h & 63);
}

/// Mixes two characters into one filter key.
#[inline]
fn pair(a: char, b: char) -> char {
    char::from_u32(((a as u32).wrapping_mul(31) ^ (b as u32).wrapping_mul(0x9E37)) & 0xFFF)
        .unwrap_or('\0')
}

#[inline]
fn has_bit(bits: &[u64; 64], c: char) -> bool {
    let h = (c as u32 & 0xFFF) as usize;
    bits[h >> 6] & (1 << (h & 63)) != 0
}

impl Lex {
    pub fn new(words: &[&str]) -> Lex {
        let mut pats: Vec<Vec<char>> = words
            .iter()
            .map(|w| w.chars().map(fold).collect::<Vec<char>>())
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first, so the first hit in a bucket is the longest match.
        pats.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut first = Index::new();
        let mut last = Index::new();
        let mut first_bits = [0u64; 64];
        let mut last_bits = [0u64; 64];
        for (id, p) in pats.iter().enumerate() {
            if let (Some(&f), Some(&l)) = (p.first(), p.last()) {
                first.add(f, id);
                last.add(l, id);
                set_bit(&mut first_bits, f);
                set_bit(&mut last_bits, l);
            }
        }
        let pair_bits = if pats.iter().all(|p| p.len() >= 2) {
            let mut b = Box::new([0u64; 64]);
            for p in &pats {
                set_bit(&mut b, pair(p[0], p[1]));
            }
            Some(b)
        } else {
            None
        };
        Lex {
            pats,
            first_bits,
            last_bits,
            pair_bits,
            first,
            last,
        }
    }

    fn eq_at(t: &Text, i: usize, p: &[char]) -> bool {
        i + p.len() <= t.len()
            && t.c[i..i + p.len()]
                .iter()
                .zip(p)
                .all(|(a, b)| fold(*a) == *b)
    }

    /// Length (in chars) of the longest pattern starting at `i`.
    #[inline]
    fn may_start(&self, t: &Text, i: usize) -> bool {
        let c = fold(t.at(i));
        has_bit(&self.first_bits, c)
            && self
                .pair_bits
                .as_ref()
                .is_none_or(|b| has_bit(b, pair(c, fold(t.at(i + 1)))))
    }

    pub fn at(&self, t: &Text, i: usize) -> Option<usize> {
        if !self.may_start(t, i) {
            return None;
        }
        let c = fold(t.at(i));
        self.first
            .get(c)
            .iter()
            .map(|&id| &self.pats[id])
            .find(|p| Self::eq_at(t, i, p))
            .map(|p| p.len())
    }

    /// Like `at`, but a pattern ending in a Latin letter or digit must end a word.
    pub fn word_at(&self, t: &Text, i: usize) -> Option<usize> {
        if !self.may_start(t, i) {
            return None;
        }
        let c = fold(t.at(i));
        self.first
            .get(c)
            .iter()
            .map(|&id| &self.pats[id])
            .find(|p| {
                Self::eq_at(t, i, p)
                    && !(p.last().is_some_and(|l| is_alnum(*l)) && is_alnum(t.at(i + p.len())))
            })
            .map(|p| p.len())
    }

    /// Does the whole token `s..e` equal a pattern?
    pub fn is(&self, t: &Text, s: usize, e: usize) -> bool {
        if !self.may_start(t, s) {
            return false;
        }
        let c = fold(t.at(s));
        self.first
            .get(c)
            .iter()
            .any(|&id| self.pats[id].len() == e - s && Self::eq_at(t, s, &self.pats[id]))
    }

    /// Length of the longest pattern ending exactly at `end`; a pattern starting with a Latin
    /// letter or digit must start a word.
    pub fn before(&self, t: &Text, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        let c = fold(t.at(end - 1));
        if !has_bit(&self.last_bits, c) {
            return None;
        }
        self.last
            .get(c)
            .iter()
            .map(|&id| &self.pats[id])
            .find(|p| {
                p.len() <= end
                    && Self::eq_at(t, end - p.len(), p)
                    && !(p.first().is_some_and(|f| is_alnum(*f))
                        && is_alnum(t.before(end - p.len())))
            })
            .map(|p| p.len())
    }

    /// Does any pattern occur in `a..e` (bounded window)?
    pub fn any_in(&self, t: &Text, a: usize, e: usize) -> bool {
        let e = e.min(t.len());
        (a..e).any(|i| self.at(t, i).is_some_and(|n| i + n <= e))
    }
}

/// Declares a lazily built, shared `Lex` from a word list: `lex!(fn heads = HEADS);`.
macro_rules! lex {
    ($name:ident, $list:expr) => {
        fn $name() -> &'static super::lex::Lex {
            static L: std::sync::OnceLock<super::lex::Lex> = std::sync::OnceLock::new();
            L.get_or_init(|| super::lex::Lex::new($list))
        }
    };
}
pub(super) use lex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_longest_and_boundaries() {
        let l = Lex::new(&["id", "patient id", "mrn", "電話"]);
        let t = Text::new("Patient ID: 5, PMID 7, 電話 x");
        assert_eq!(l.at(&t, 0), Some(10));
        assert_eq!(l.before(&t, 10), Some(10));
        assert_eq!(l.before(&t, 19), None);
        assert_eq!(l.before(&t, 25), Some(2));
        assert!(l.is(&t, 8, 10));
        assert!(l.any_in(&t, 0, 30));
        assert_eq!(Lex::new(&["in"]).word_at(&Text::new("inside"), 0), None);
    }
}
