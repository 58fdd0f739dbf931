//! Look-alike names, for telling one member's display name from another's: the same
//! folds the gate reads posts with (invisible characters dropped, full-width and
//! Cyrillic/Greek look-alike letters folded to Latin, katakana that look like kanji
//! folded to the kanji), plus case, separators and digits that pass for letters.
//! Two names with one skeleton would look the same on a page.

use crate::text::fold;
use crate::view::{invisible, latin_lookalike, KATA_KANJI};

/// The skeleton of a name: what it looks like, as a comparable key.
pub fn name_skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if invisible(c) || c.is_control() {
            continue;
        }
        let c = fold(c);
        let c = latin_lookalike(c).unwrap_or(c);
        let c = KATA_KANJI
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(c, |(_, j)| *j);
        // Separators: "aoki im", "aoki_im", "aoki.im" and "aoki-im" look alike.
        if c.is_whitespace() || matches!(c, '_' | '.' | '-' | '・' | '･') {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        match c {
            '0' => out.push('o'),
            '1' | '|' => out.push('l'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Why a display name would let its holder pass for someone else, if it would:
/// an invisible or direction-changing character, or a word that mixes Latin letters
/// with Cyrillic or Greek ones.
pub fn name_disguise(name: &str) -> Option<&'static str> {
    if name.chars().any(invisible) {
        return Some("invisible");
    }
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        let lookalike = word
            .chars()
            .any(|c| !c.is_ascii() && (is_greek_or_cyrillic(c) || latin_lookalike(c).is_some()));
        if latin && lookalike {
            return Some("mixed_script");
        }
    }
    None
}

fn is_greek_or_cyrillic(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{052F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_share_a_skeleton() {
        let k = name_skeleton("Aoki Im");
        for other in [
            "aoki_im",
            "ＡＯＫＩ　ＩＭ",
            "Аoki Im",
            "Ao\u{200B}ki  Im",
            "aoki.im",
        ] {
            assert_eq!(name_skeleton(other), k, "{other:?}");
        }
        assert_eq!(name_skeleton("B0b"), name_skeleton("Bob"));
        assert_eq!(name_skeleton("エ藤"), name_skeleton("工藤"));
        assert_ne!(name_skeleton("Aoki"), name_skeleton("Aoko"));
    }

    #[test]
    fn disguises_are_named() {
        assert_eq!(name_disguise("Mod\u{202E}One"), Some("invisible"));
        assert_eq!(name_disguise("Z\u{200D}oe"), Some("invisible"));
        assert_eq!(name_disguise("Pаul"), Some("mixed_script"));
        assert_eq!(name_disguise("Αlex"), Some("mixed_script"));
        assert_eq!(
            name_disguise("Сергей Kim"),
            None,
            "scripts may differ between words"
        );
        assert_eq!(name_disguise("佐藤 Kenji"), None);
        assert_eq!(name_disguise("Zoë Müller"), None);
    }
}
