//! Name dictionaries shipped with the code, built once into hash sets.
//!
//! Sources and licences are documented in `data/README.md` and in the module root.  The
//! dictionaries never decide alone for single words (too many names are also words); rules
//! combine them with context.

use super::lex::CharHasher;
use std::collections::HashMap as StdMap;
use std::collections::HashSet as StdSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// String set with a fast FNV-style hasher (keys are short words).
pub(super) type HashSet<T> = StdSet<T, BuildHasherDefault<CharHasher>>;

pub(super) const GIVEN: u8 = 1;
pub(super) const SURNAME: u8 = 2;
pub(super) const COMMON: u8 = 4;

/// All dictionaries; keys are lower-case for English, as written for Japanese.
pub(super) struct Dicts {
    /// The three English lists in one map (one look-up per word): bit `GIVEN` a given name,
    /// `SURNAME` a surname, `COMMON` a frequent English word (capitalised words that are
    /// common words need more evidence to be names).
    pub en_flags: StdMap<&'static str, u8, BuildHasherDefault<CharHasher>>,
    pub ja_sur: HashSet<&'static str>,
    /// Bit filter over the first character of every Japanese surname (4096 bits), so that the
    /// many kanji runs that cannot start a surname are rejected without hashing.
    ja_sur_first: [u64; 64],
    pub ja_given: HashSet<&'static str>,
}

fn set(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

static DICTS: OnceLock<Dicts> = OnceLock::new();

pub(super) fn dicts() -> &'static Dicts {
    DICTS.get_or_init(|| {
        let ja_sur = set(include_str!("../data/ja_surnames.txt"));
        let mut ja_sur_first = [0u64; 64];
        for c in ja_sur.iter().filter_map(|s| s.chars().next()) {
            let h = (c as u32 & 0xFFF) as usize;
            ja_sur_first[h >> 6] |= 1 << (h & 63);
        }
        let en_given = set(include_str!("../data/en_given.txt"));
        let en_sur = set(include_str!("../data/en_surnames.txt"));
        let en_common = set(include_str!("../data/en_common.txt"));
        let mut en_flags = StdMap::default();
        for (list, bit) in [(&en_given, GIVEN), (&en_sur, SURNAME), (&en_common, COMMON)] {
            for w in list.iter() {
                *en_flags.entry(*w).or_insert(0) |= bit;
            }
        }
        Dicts {
            en_flags,
            ja_sur,
            ja_sur_first,
            ja_given: set(include_str!("../data/ja_given.txt")),
        }
    })
}

impl Dicts {
    /// Flags of a lower-case English word (0 when in no list).
    pub fn en(&self, lower: &str) -> u8 {
        self.en_flags.get(lower).copied().unwrap_or(0)
    }

    /// Does the kanji string split into a known surname followed by a known given name?
    pub fn ja_full(&self, s: &str) -> bool {
        s.char_indices()
            .skip(1)
            .any(|(i, _)| self.ja_sur.contains(&s[..i]) && self.ja_given.contains(&s[i..]))
    }

    /// Does the string start with a known surname (returns its length in chars)?
    pub fn ja_sur_prefix(&self, s: &str) -> Option<usize> {
        let h = (s.chars().next()? as u32 & 0xFFF) as usize;
        if self.ja_sur_first[h >> 6] & (1 << (h & 63)) == 0 {
            return None;
        }
        let mut best = None;
        for (n, (i, ch)) in s.char_indices().enumerate() {
            if self.ja_sur.contains(&s[..i + ch.len_utf8()]) {
                best = Some(n + 1);
            }
            if n >= 4 {
                break;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_load() {
        let d = dicts();
        assert!(
            d.en("mary") & GIVEN != 0 && d.en("smith") & SURNAME != 0 && d.en("the") & COMMON != 0
        );
        assert_eq!(d.en("zzqx"), 0);
        assert!(d.ja_sur.contains("佐藤") && d.ja_given.len() > 1000);
        assert!(d.ja_full("佐藤太郎"));
        assert!(!d.ja_full("心不全"));
        assert_eq!(d.ja_sur_prefix("佐藤さん"), Some(2));
    }
}
