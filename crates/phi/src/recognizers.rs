//! The recognizers: one static table of every rule family the detector runs, with the
//! kinds it reports, the characters a post must contain for it to run at all, its scan
//! function, and examples it must and must not flag. Adding a kind of identifier is one
//! entry here plus its module; the test below walks the table.

use crate::hits::Hits;
use crate::kinds::Kind;
use crate::lists::Dicts;
use crate::text::Text;

/// What a post must contain for a recognizer to be worth running (any of the set bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Needs(u8);

impl Needs {
    /// Runs on every post.
    pub const ANY: Needs = Needs(0);
    /// An ASCII or full-width digit.
    pub const DIGIT: Needs = Needs(1);
    /// A capital letter (or a caseless alphabetic script).
    pub const UPPER: Needs = Needs(2);
    /// Kana, kanji or other characters from U+3000 on.
    pub const CJK: Needs = Needs(4);

    /// Either need.
    pub const fn or(self, other: Needs) -> Needs {
        Needs(self.0 | other.0)
    }

    /// Whether the text meets this need.
    pub fn met(self, t: &Text) -> bool {
        self.0 == 0
            || (self.0 & 1 != 0 && t.has_digit)
            || (self.0 & 2 != 0 && t.has_upper)
            || (self.0 & 4 != 0 && t.has_cjk)
    }
}

/// One rule family.
pub(crate) struct Recognizer {
    /// Short name, also the prefix of its findings' `rule`.
    pub name: &'static str,
    /// The kinds it reports.
    pub kinds: &'static [Kind],
    /// When it runs.
    pub needs: Needs,
    /// Adds candidate findings (character indices of the normalised text).
    pub scan: fn(&Text, &Dicts, &mut Hits),
    /// Posts it must flag (with one of its kinds); read by the table's test.
    #[cfg_attr(not(test), allow(dead_code))]
    pub flags: &'static [&'static str],
    /// Posts it must leave alone; read by the table's test.
    #[cfg_attr(not(test), allow(dead_code))]
    pub spares: &'static [&'static str],
}

/// A recognizer that needs no dictionary.
macro_rules! plain {
    ($m:ident) => {
        |t: &Text, _: &Dicts, h: &mut Hits| crate::$m::scan(t, h)
    };
}

/// Every recognizer, in the order they run.
pub(crate) const RECOGNIZERS: &[Recognizer] = &[
    Recognizer {
        name: "contacts",
        kinds: &[Kind::Email, Kind::Phone, Kind::Url],
        needs: Needs::ANY,
        scan: plain!(contacts),
        flags: &[
            "Her daughter's mobile is (617) 555-0142.",
            "長男の携帯は０９０－１２３４－５６７８です",
            "email the son at k.tanaka77@example.com",
        ],
        spares: &[
            "Call #7119 or 911 if worse.",
            "see https://www.nice.org.uk/guidance",
        ],
    },
    Recognizer {
        name: "ids",
        kinds: &[Kind::Id],
        needs: Needs::DIGIT,
        scan: plain!(ids),
        flags: &["MRN 4471902, on apixaban", "カルテ番号 P0012876 の方"],
        spares: &["NDC 0002-1433-80 is the pen", "ICD-10 I48.91"],
    },
    Recognizer {
        name: "addresses",
        kinds: &[Kind::Address],
        needs: Needs::DIGIT,
        scan: plain!(addresses),
        flags: &[
            "lives at 4418 Willow Bend Dr, Plano, TX 75093",
            "東京都新宿区西新宿2-8-1にお住まい",
        ],
        spares: &["room 302, bed 4", "moved to rural Ohio"],
    },
    Recognizer {
        name: "dates",
        kinds: &[Kind::Date],
        needs: Needs::DIGIT.or(Needs::UPPER).or(Needs::CJK),
        scan: plain!(dates),
        flags: &["admitted 2024-09-11 with sepsis", "令和６年３月２日入院"],
        spares: &["POD 3, afebrile", "2019年の指針では"],
    },
    Recognizer {
        name: "ages",
        kinds: &[Kind::AgeOver89],
        needs: Needs::ANY,
        scan: plain!(ages),
        flags: &["93F with CHF", "佐藤さん（９５歳）"],
        spares: &["a man in his 60s", "90歳以上の方の扱い"],
    },
    Recognizer {
        name: "facilities",
        kinds: &[Kind::Facility],
        needs: Needs::ANY,
        scan: plain!(facilities),
        flags: &["transferred from 城南病院 yesterday"],
        spares: &["Mayo Clinic's protocol says", "特養の入所者さん"],
    },
    Recognizer {
        name: "names_en",
        kinds: &[Kind::Name],
        needs: Needs::UPPER,
        scan: crate::names_en::scan,
        flags: &["Mr. Okafor was admitted", "Case: Harold Whitfield, 78M"],
        spares: &["Parkinson's disease in a man", "Tanaka et al. (NEJM, 2021)"],
    },
    Recognizer {
        name: "names_ja",
        // Bare surnames are read in patient slots, which also finish roles
        // ("元村長") and kanji-numeral dates that end in the slot.
        kinds: &[Kind::Name, Kind::Other, Kind::Date],
        needs: Needs::CJK,
        scan: crate::names_ja::scan,
        flags: &["佐藤花子さんが転倒", "長男の一ノ瀬拓也さん"],
        spares: &["橋本病の既往があります", "Aさん、80代女性"],
    },
    Recognizer {
        name: "other",
        kinds: &[Kind::Other, Kind::Url],
        needs: Needs::ANY,
        scan: plain!(other),
        flags: &[
            "LINE ID: hanako_88 で連絡",
            "he is the town sheriff in Pinecrest, so",
        ],
        spares: &["the mayor said", "病院の院長に相談"],
    },
];

/// Runs every recognizer whose needs the text meets.
pub(crate) fn run_all(t: &Text, d: &Dicts, hits: &mut Hits) {
    for r in RECOGNIZERS {
        if r.needs.met(t) {
            let before = hits.len();
            (r.scan)(t, d, hits);
            debug_assert!(
                hits[before..].iter().all(|h| r.kinds.contains(&h.kind)),
                "recognizer {} reported a kind its table entry does not declare",
                r.name
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lists::dicts;

    fn kinds_found(r: &Recognizer, text: &str) -> Vec<Kind> {
        let t = Text::new(text);
        let mut hits = Hits::new();
        if r.needs.met(&t) {
            (r.scan)(&t, dicts(), &mut hits);
        }
        hits.iter().map(|h| h.kind).collect()
    }

    #[test]
    fn every_recognizer_flags_its_examples_and_spares_its_counter_examples() {
        let mut names = std::collections::HashSet::new();
        for r in RECOGNIZERS {
            assert!(names.insert(r.name), "duplicate recognizer {}", r.name);
            assert!(!r.kinds.is_empty() && !r.flags.is_empty() && !r.spares.is_empty());
            for text in r.flags {
                let found = kinds_found(r, text);
                assert!(
                    found.iter().any(|k| r.kinds.contains(k)),
                    "{} misses {text:?} (found {found:?})",
                    r.name
                );
                assert!(
                    crate::detector::scan_rules(text).hold,
                    "the detector does not hold {text:?}"
                );
            }
            for text in r.spares {
                assert!(kinds_found(r, text).is_empty(), "{} flags {text:?}", r.name);
                assert!(
                    !crate::detector::scan_rules(text).hold,
                    "the detector holds {text:?}"
                );
            }
        }
    }

    #[test]
    fn every_kind_is_reported_by_some_recognizer() {
        for k in Kind::ALL {
            assert!(
                RECOGNIZERS.iter().any(|r| r.kinds.contains(&k)),
                "no recognizer reports {k:?}"
            );
        }
    }
}
