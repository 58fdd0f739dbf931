//! Cutting a post into the units the model labels. Latin words, digit runs, katakana
//! words and hiragana segments are one unit each; a kanji run is one *segment* whose
//! characters are labelled one by one (a name is often only part of a run: 田中入院中),
//! sharing the segment's context. Spaces are skipped; a line break is a unit of its own
//! (it separates table cells and list items). Linear in the text.

use crate::text::{is_hira, is_kanji, is_kata, is_latin, Text};

/// What a segment is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Letters of an alphabetic script, possibly with digits (`Okafor`, `P0012876`).
    Word,
    /// ASCII digits only.
    Digits,
    /// A run of kanji (labelled per character).
    Kanji,
    /// A katakana word (with `ー` and the middle dot inside it).
    Kata,
    /// A hiragana segment (cut before an honorific: `たなか|さん`).
    Hira,
    /// One other character (punctuation, symbol, emoji).
    Sym,
    /// A line break.
    Newline,
}

/// A maximal run of one class, in character indices of the normalised text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Segment {
    pub s: usize,
    pub e: usize,
    pub class: Class,
    /// A space or tab right before it.
    pub space_before: bool,
}

/// What the model labels: a segment, or one character of a kanji segment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub s: usize,
    pub e: usize,
    /// The segment it belongs to.
    pub seg: u32,
}

/// Honorifics and titles written after a Japanese name; a hiragana run is cut before
/// them so the name and the honorific are separate units.
pub(crate) const HONORIFICS_HIRA: &[&str] = &["さん", "ちゃん", "くん", "さま", "どの"];

fn class_of(c: char) -> Option<Class> {
    if c.is_ascii_digit() {
        Some(Class::Digits)
    } else if is_latin(c) {
        Some(Class::Word)
    } else if is_kanji(c) {
        Some(Class::Kanji)
    } else if is_kata(c) {
        Some(Class::Kata)
    } else if is_hira(c) {
        Some(Class::Hira)
    } else if c == '\n' {
        Some(Class::Newline)
    } else if c == ' ' || c == '\t' || c == '\r' || c.is_whitespace() {
        None
    } else {
        Some(Class::Sym)
    }
}

/// Whether `c` continues a segment of class `k` that contains `prev` last.
fn continues(k: Class, c: char, prev: char) -> bool {
    match k {
        Class::Word => c.is_ascii_digit() || is_latin(c),
        Class::Digits => c.is_ascii_digit() || (is_latin(c) && prev.is_ascii_digit()),
        Class::Kanji => is_kanji(c),
        Class::Kata => is_kata(c) || (c == '・' && prev != '・'),
        Class::Hira => is_hira(c),
        Class::Sym | Class::Newline => false,
    }
}

/// Cuts the text into segments.
pub(crate) fn segments(t: &Text) -> Vec<Segment> {
    let n = t.len();
    let mut out = Vec::with_capacity(n / 3 + 1);
    let mut i = 0;
    let mut space = false;
    while i < n {
        let c = t.c[i];
        let Some(k) = class_of(c) else {
            space = true;
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < n && continues(k, t.c[j], t.c[j - 1]) {
            j += 1;
        }
        // A digit run followed by letters is one alphanumeric word (P0012876 starts
        // with a letter; 93F and 2F start with digits).
        let k = if k == Class::Digits && (i..j).any(|x| is_latin(t.c[x])) {
            Class::Word
        } else {
            k
        };
        if k == Class::Hira {
            cut_hiragana(t, i, j, space, &mut out);
        } else {
            out.push(Segment {
                s: i,
                e: j,
                class: k,
                space_before: space,
            });
        }
        space = false;
        i = j;
    }
    out
}

/// Pushes a hiragana run, cut before each honorific it contains.
fn cut_hiragana(t: &Text, s: usize, e: usize, space: bool, out: &mut Vec<Segment>) {
    let mut start = s;
    let mut i = s;
    while i < e {
        let hit = HONORIFICS_HIRA
            .iter()
            .find(|h| i > s && t.starts_ci(i, h) && i + h.chars().count() <= e);
        if let Some(h) = hit {
            if i > start {
                out.push(Segment {
                    s: start,
                    e: i,
                    class: Class::Hira,
                    space_before: space && start == s,
                });
            }
            let he = i + h.chars().count();
            out.push(Segment {
                s: i,
                e: he,
                class: Class::Hira,
                space_before: false,
            });
            start = he;
            i = he;
        } else {
            i += 1;
        }
    }
    if start < e {
        out.push(Segment {
            s: start,
            e,
            class: Class::Hira,
            space_before: space && start == s,
        });
    }
}

/// The units of the segments: kanji segments give one unit per character.
pub(crate) fn units(segs: &[Segment]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(segs.len() + 8);
    for (k, g) in segs.iter().enumerate() {
        if g.class == Class::Kanji {
            for i in g.s..g.e {
                out.push(Unit {
                    s: i,
                    e: i + 1,
                    seg: k as u32,
                });
            }
        } else {
            out.push(Unit {
                s: g.s,
                e: g.e,
                seg: k as u32,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let t = Text::new(s);
        segments(&t).iter().map(|g| t.string(g.s, g.e)).collect()
    }

    #[test]
    fn cuts_by_script_and_keeps_names_apart_from_honorifics() {
        assert_eq!(
            texts("Mr. O'Neill, 93F"),
            ["Mr", ".", "O", "'", "Neill", ",", "93F"]
        );
        assert_eq!(
            texts("おおたけきよしさんが"),
            ["おおたけきよし", "さん", "が"]
        );
        assert_eq!(texts("佐藤花子様"), ["佐藤花子様"]);
        assert_eq!(texts("ジョン・スミス氏"), ["ジョン・スミス", "氏"]);
        assert_eq!(texts("０９０－１２３４"), ["090", "-", "1234"]);
        let t = Text::new("田中入院\nOK");
        let segs = segments(&t);
        assert_eq!(units(&segs).len(), 4 + 1 + 1);
    }
}
