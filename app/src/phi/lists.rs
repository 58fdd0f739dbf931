//! Name dictionaries shipped with the code, built once into hash sets.
//!
//! Sources and licences are documented in `data/README.md` and in the module root.  The
//! dictionaries never decide alone for single words (too many names are also words); rules
//! combine them with context.

use super::lex::CharHasher;
use std::collections::HashSet as StdSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// String set with a fast FNV-style hasher (keys are short words).
pub(super) type HashSet<T> = StdSet<T, BuildHasherDefault<CharHasher>>;

/// All dictionaries; keys are lower-case for English, as written for Japanese.
pub(super) struct Dicts {
    pub en_given: HashSet<&'static str>,
    pub en_sur: HashSet<&'static str>,
    /// Frequent English words (capitalised words in this set need more evidence to be names).
    pub en_common: HashSet<&'static str>,
    pub ja_sur: HashSet<&'static str>,
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
    DICTS.get_or_init(|| Dicts {
        en_given: set(include_str!("data/en_given.txt")),
        en_sur: set(include_str!("data/en_surnames.txt")),
        en_common: set(include_str!("data/en_common.txt")),
        ja_sur: set(include_str!("data/ja_surnames.txt")),
        ja_given: set(include_str!("data/ja_given.txt")),
    })
}

impl Dicts {
    pub fn is_en_name(&self, lower: &str) -> bool {
        self.en_given.contains(lower) || self.en_sur.contains(lower)
    }

    /// Does the kanji string split into a known surname followed by a known given name?
    pub fn ja_full(&self, s: &str) -> bool {
        s.char_indices()
            .skip(1)
            .any(|(i, _)| self.ja_sur.contains(&s[..i]) && self.ja_given.contains(&s[i..]))
    }

    /// Does the string start with a known surname (returns its length in chars)?
    pub fn ja_sur_prefix(&self, s: &str) -> Option<usize> {
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
            d.en_given.contains("mary")
                && d.en_sur.contains("smith")
                && d.en_common.contains("the")
        );
        assert!(d.ja_sur.contains("佐藤") && d.ja_given.len() > 1000);
        assert!(d.ja_full("佐藤太郎"));
        assert!(!d.ja_full("心不全"));
        assert_eq!(d.ja_sur_prefix("佐藤さん"), Some(2));
    }
}
