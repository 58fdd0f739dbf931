//! Latin-script names with no title, relation or age beside them.
//!
//! Clinicians often write a bare surname: handover lists (`Sign-out: 12B, Fitzgerald, on
//! heparin`), to-do notes (`chase echo for Mbeki`) or plain sentences (`Rounded on Hernández
//! again`).  Two signals are combined here, never a dictionary alone for an unknown word:
//! * a *surname-dictionary* word (US Census surnames, not a common English word) that is
//!   capitalised, not sentence-initial and not part of a longer capitalised phrase
//!   (`Lincoln High School`, `Glasgow Coma Scale`) is a name by itself;
//! * any other capitalised word (names from other cultures are rarely in the dictionary:
//!   Okonkwo, Papadopoulos) needs patient context: a bed code before it (`3A Al-Rashid`), a
//!   review/handover verb before it (`review Papadopoulos`), or a patient predicate after it
//!   (`Kowalczyk spiked`, `O'Brien in side room 2`, `Okafor's wife`, `the Abernathy family`).
//!
//! Eponyms (`Graves' disease`), citations (`Nguyen and colleagues`) and clinicians
//! (`Dr. Okafor`) are excluded as in `names_en`.  All look-around is a few tokens.

use super::lex::lex;
use super::lists::{Dicts, COMMON, SURNAME};
use super::names_en_words::{EPONYM_NEXT, NOT_PERSON};
use super::text::{is_digit, is_latin, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

lex!(eponym_next, EPONYM_NEXT);
lex!(not_person, NOT_PERSON);
#[rustfmt::skip]
lex!(predicates, &[
    "needs", "needed", "remains", "still", "is for", "awaiting", "is awaiting", "is on", "wants", "says", "keeps",
    "is stable", "is improving", "went home", "is going home", "told", "asked",
]);
// Predicates that only a patient takes: enough even for an unknown sentence-initial word.
#[rustfmt::skip]
lex!(strong_predicates, &[
    "spiked", "is refusing", "refusing", "refused", "refuses", "is back", "back with", "in bay",
    "in bed", "in side room", "in room", "in rm", "in cubicle", "pulled", "is confused", "is asking",
    "desatted", "desaturated", "fell", "had a fall", "is nbm", "is npo", "self-discharged", "absconded",
    "is agitated", "was found", "became", "for ct", "for mri", "for ot", "is dnr", "is dnacpr", "on heparin",
    "died", "passed away", "is deteriorating", "is septic", "won't", "will not", "has dementia", "is asleep",
    "is eating", "is not eating", "is pleasantly", "declined", "denies", "insists", "wandered",
    "was admitted", "was discharged", "was transferred", "is post-op",
]);
#[rustfmt::skip]
lex!(relations_after, &[
    "wife", "husband", "son", "sons", "daughter", "daughters", "family", "kids", "children", "mother", "father",
    "sister", "brother", "niece", "nephew", "grandson", "granddaughter", "partner", "carer", "caregiver", "mum",
    "mom", "dad", "nok", "next of kin", "relatives", "widow", "grandchildren", "room", "bed", "bloods", "obs",
    "whānau", "whanau", "discharge", "wound", "inr", "mri", "ct", "echo", "labs", "meds", "results", "scan", "notes", "chart", "ecg",
]);
// Capitalised clinical nouns and pronoun-like words that start sentences and take patient
// predicates ("Pharmacy says", "Patient in bed 12 is stable") but are never names.
#[rustfmt::skip]
lex!(stop_words, &[
    "patient", "patients", "pharmacy", "case", "ward", "bed", "bay", "room", "nurse", "nurses", "doctor", "family",
    "daughter", "son", "wife", "husband", "team", "staff", "resident", "residents", "everyone", "someone", "anyone",
    "nobody", "mum", "dad", "pt", "pts", "gentleman", "lady", "man", "woman", "client", "consultant", "registrar",
    "physio", "physios", "ot", "salt", "dietitian", "radiology", "cardiology", "surgery", "surgeons", "ed", "icu",
    "theatre", "theatres", "management", "admin", "security", "porter", "porters", "chaplain", "gp", "mother",
    "father", "teaching", "reminder", "update", "note", "plan", "overnight", "today", "tonight", "tomorrow",
    "yesterday", "morning", "evening", "handover", "sign-out", "signout", "mrs", "mr", "ms", "miss", "baby",
    "infant", "child", "boy", "girl", "granny", "grandma", "grandpa", "sister", "brother", "neighbour", "carer",
]);
// Surnames that are eponyms when possessive ("Parkinson's meds", "Crohn's flare").
#[rustfmt::skip]
lex!(eponym_surnames, &[
    "parkinson", "alzheimer", "crohn", "graves", "addison", "cushing", "hashimoto", "huntington", "hodgkin",
    "wernicke", "korsakoff", "bell", "raynaud", "sjogren", "sjögren", "paget", "wilson", "kawasaki", "takayasu",
    "meniere", "ménière", "down", "tourette", "asperger", "hirschsprung", "dupuytren", "kaposi", "bowen",
    "barrett", "horner", "conn", "munchausen", "perthes", "peyronie", "whipple", "wegener", "fabry", "gaucher",
    "pompe", "marfan", "turner", "klinefelter", "noonan", "harrison", "gray", "grey", "schwartz", "bates",
    "guillain", "creutzfeldt", "wolff", "stevens", "cheyne", "osgood", "legg", "charcot", "mallory", "zollinger",
    "dandy", "budd", "prader", "peutz", "sturge", "klippel", "brugada", "lambert", "epley", "heberden", "bouchard",
]);
// Words after a name that make it a textbook, a meeting or a score ("Harrison's chapter").
#[rustfmt::skip]
lex!(thing_next, &[
    "rounds", "chapter", "textbook", "principles", "manual", "lecture", "course", "trial", "study", "group",
    "award", "prize", "lab", "building", "wing", "street", "road", "avenue", "lane", "drive", "park", "county",
]);
/// Surname particles that are also common words ("Al-Rashid", "El-Sayed", "Bin-Laden").
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ben", "abu", "van", "de", "da", "di", "le", "la", "du", "ibn", "ul"];
#[rustfmt::skip]
lex!(verbs_before, &[
    "review", "reviewed", "rounded on", "see", "saw", "seen", "chase", "chased", "re", "check on", "checked on",
    "bloods for", "echo for", "ct for", "sign-out", "handover", "overnight", "worried about", "ward list",
    "to do", "todo", "jobs", "list", "also", "handed over", "escalated", "discussed", "kept", "follow up", "followed up",
    "bloods on", "chase bloods on",
]);
#[rustfmt::skip]
lex!(clinicians, &[
    "dr", "doctor", "prof", "professor", "nurse", "rn", "np", "pa", "consultant", "surgeon", "by", "thanks", "thank",
    "colleague", "registrar", "attending", "fellow", "resident", "intern", "team", "pharmacist", "physio",
]);

/// Title-case Latin word (`Okafor`, `O'Brien`, `McLeod`, `Al-Rashid`, `Hernández`).
fn title_case(t: &Text, s: usize, e: usize) -> bool {
    let c1 = t.at(s + 1);
    e - s >= 3
        && t.at(s).is_uppercase()
        && (c1.is_lowercase() || (c1 == '\'' && t.at(s + 2).is_uppercase()))
        && !(s + 1..e).any(|i| is_digit(t.c[i]))
}

/// Dictionary flags of a word, with accents folded and apostrophes dropped (`Hernández` →
/// `hernandez`, `O'Brien` → `obrien`); a hyphenated word takes the flags of its parts.
fn flags(t: &Text, d: &Dicts, s: usize, e: usize) -> u8 {
    // Longer tokens are never names; the key is built in a stack buffer (no allocation).
    if e - s > 30 {
        return COMMON;
    }
    let mut buf = [0u8; 128];
    let (mut n, mut start, mut out, mut part_common) = (0, 0, 0u8, false);
    for i in s..=e {
        let c = if i < e { t.c[i] } else { '-' };
        if c == '-' {
            if let Ok(key) = std::str::from_utf8(&buf[start..n]) {
                if !key.is_empty() {
                    let f = d.en(key);
                    if !NAME_PARTICLES.contains(&key) {
                        part_common |= f & COMMON != 0;
                    }
                    out |= f;
                }
            }
            start = n;
        } else if c != '\'' && c != '’' {
            n += fold(c).encode_utf8(&mut buf[n..]).len();
        }
    }
    if part_common {
        out |= COMMON;
    }
    out
}

/// Lower-cases and strips the common Latin diacritics (enough for dictionary look-ups).
fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' => 'n',
        'ł' => 'l',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// A bed or bay code ending at `end` (after trailing spaces/commas): `12B`, `3A`, `bed 4`,
/// `bay 3:`, `side room 2 -`.
fn bed_code_before(t: &Text, end: usize) -> bool {
    let mut b = t.back_sp(end);
    if matches!(t.before(b), ',' | ':' | '-' | '–' | ')') {
        b = t.back_sp(b - 1);
    }
    let letter = b >= 2 && t.before(b).is_ascii_uppercase() && is_digit(t.before(b - 1));
    let de = if letter { b - 1 } else { b };
    let ds = t.run_start(de, 4, is_digit);
    if ds == de || is_latin(t.before(ds)) {
        return false;
    }
    // A bare number needs a bed word before it ("bed 4"); "12B" is a code by itself.
    letter
        || [
            "bed",
            "bay",
            "room",
            "rm",
            "cubicle",
            "side room",
            "bed no.",
            "bed#",
        ]
        .iter()
        .any(|w| t.ends_ci(t.back_sp(ds), w))
}

/// "by Okafor and Singh", "Drs Lee & Chan": the second of two names joined by "and" after a
/// clinician or author word is also not a patient (two hops back at most).
fn coauthor(t: &Text, s: usize) -> bool {
    let b = t.back_sp(s);
    let k = if t.ends_ci(b, "and") && !is_latin(t.before(b - 3)) {
        b - 3
    } else if t.before(b) == '&' {
        b - 1
    } else {
        return false;
    };
    let pe = t.back_sp(k);
    let ps = t.run_start(pe, 30, |c| is_latin(c) || c == '\'' || c == '-');
    if ps == pe || !t.at(ps).is_uppercase() {
        return false;
    }
    let pb = t.back_sp(ps);
    let pb = if t.before(pb) == '.' { pb - 1 } else { pb };
    clinicians().before(t, pb).is_some()
}

/// Is `s` the start of a sentence (start of text, or after `.`, `!`, `?`, a line break)?
fn sentence_start(t: &Text, s: usize) -> bool {
    let b = t.back_sp(s);
    let p = t.before(b);
    b == 0 || matches!(p, '.' | '!' | '?' | '\n' | '\r' | '"' | '“')
}

/// Runs the bare-name rules over the Latin tokens of `names_en` (`raw`: start, end).
/// `known` holds the dictionary flags `names_en` already looked up for each token.
pub(super) fn scan(t: &Text, d: &Dicts, raw: &[(usize, usize)], known: &[u8], hits: &mut Hits) {
    let n = raw.len();
    let mut k = 0;
    while k < n {
        let (s, e0) = raw[k];
        k += 1;
        // Glued to a symbol before it: a flag or path ("-Wall", "S/Key", "@Home").
        if !t.at(s).is_uppercase()
            || !title_case(t, s, e0)
            || matches!(t.before(s), '-' | '/' | '_' | '@' | '\\' | '.')
        {
            continue;
        }
        // Plain ASCII words reuse the look-up of `names_en`; accents, apostrophes and hyphens
        // need the folded key.  Common words (most capitalised tokens) stop here.
        let plain = t.c[s..e0].iter().all(|c| c.is_ascii_alphabetic());
        let f = if plain {
            known.get(k - 1).copied().unwrap_or(0)
        } else {
            flags(t, d, s, e0)
        };
        if f & COMMON != 0 {
            continue;
        }
        // Part of a capitalised phrase ("Lincoln High School") unless the word before is a
        // lead-in ("Re Yusuf Demir").
        let prev = if k >= 2 { Some(raw[k - 2]) } else { None };
        let prev_adjacent_cap = prev.is_some_and(|(ps, pe)| {
            pe + 1 == s
                && t.at(pe) == ' '
                && t.at(ps).is_uppercase()
                && pe - ps >= 2
                && !is_digit(t.before(ps))
                && !(["re", "pt", "bed", "bay", "list", "to"]
                    .iter()
                    .any(|w| pe - ps == w.len() && t.word_ci(ps, w))
                    || verbs_before().is(t, ps, pe)
                    || (t.word_ci(ps, "the") && pe - ps == 3 && t.word_ci(t.skip_sp(e0), "family")))
        });
        // After a lower-case article only "the Abernathy family" is a person ("the Kaplan-Meier
        // curves", "a Foley").
        let article = prev.is_some_and(|(ps, pe)| {
            pe + 1 == s
                && ["the", "a", "an"]
                    .iter()
                    .any(|w| pe - ps == w.len() && t.starts_ci(ps, w))
                && t.at(ps).is_lowercase()
        }) && !t.word_ci(t.skip_sp(e0), "family");
        // Parts of a hyphenated word: three or more is an eponym ("Wolff-Parkinson-White").
        let hyphens = t.c[s..e0].iter().filter(|&&c| c == '-').count();
        let first_part = (s..e0).find(|&i| t.c[i] == '-').unwrap_or(e0);
        if prev_adjacent_cap
            || article
            || hyphens >= 2
            || not_person().is(t, s, e0)
            || stop_words().is(t, s, e0)
            || eponym_surnames().is(t, s, first_part)
                && (hyphens > 0 || t.at(e0) == '\'' || t.at(e0) == '’')
        {
            continue;
        }
        // A second capitalised word right after: a two-word name when neither is common.
        let mut e = e0;
        let mut f2_flags = 0u8;
        if let Some(&(s2, e2)) = raw.get(k) {
            if s2 == e0 + 1 && t.at(e0) == ' ' && t.at(s2).is_uppercase() && title_case(t, s2, e2) {
                let f2 = if t.c[s2..e2].iter().all(|c| c.is_ascii_alphabetic()) {
                    known.get(k).copied().unwrap_or(0)
                } else {
                    flags(t, d, s2, e2)
                };
                let two = title_case(t, s2, e2)
                    && f2 & COMMON == 0
                    && !stop_words().is(t, s2, e2)
                    && !not_person().is(t, s2, e2)
                    && !eponym_next().is(t, s2, e2);
                if !two {
                    continue;
                }
                e = e2;
                f2_flags = f2;
                k += 1;
            }
        }
        // Eponyms and citations: "Graves' disease", "Murphy's sign", "Smith et al.",
        // "Nguyen and colleagues", "Tanaka (2019)".
        let after = t.skip_sp(e);
        let poss = if t.starts_ci(e, "'s") || t.starts_ci(e, "’s") {
            t.skip_sp(e + 2)
        } else if t.at(e) == '\'' || t.at(e) == '’' {
            t.skip_sp(e + 1)
        } else {
            after
        };
        if eponym_next().word_at(t, poss).is_some()
            || thing_next().word_at(t, poss).is_some()
            || is_digit(t.at(after))
            || (after == e + 2
                && t.at(e) == ','
                && t.at(after).is_ascii_uppercase()
                && t.at(after + 1).is_ascii_uppercase()
                && !t.at(after + 2).is_alphanumeric())
            || t.starts_ci(after, "et al")
            || t.starts_ci(after, "and colleagues")
            || t.starts_ci(after, "and co")
            || (t.at(after) == '('
                && (t.starts_ci(after + 1, "19") || t.starts_ci(after + 1, "20")))
            || (t.at(e) == '-' && t.at(e + 1).is_uppercase())
        {
            continue;
        }
        // A clinician or a thanked colleague: "Dr. Okafor", "talk by Okafor", "thanks Sarah".
        let pb = t.back_sp(s);
        let pb = if t.before(pb) == '.' { pb - 1 } else { pb };
        if clinicians().before(t, pb).is_some() || coauthor(t, s) {
            continue;
        }
        // An address line: "Apt. 456, West Michaelview".
        {
            let b = t.back_sp(s);
            if t.before(b) == ',' && is_digit(t.before(t.back_sp(b - 1))) && !bed_code_before(t, s)
            {
                continue;
            }
        }
        let start = sentence_start(t, s);
        let surname = (f | f2_flags) & SURNAME != 0;
        // A dictionary surname inside a sentence needs nothing more (the common case, so the
        // context look-ups below are skipped).
        if surname && !start {
            push(hits, Kind::Name, s, e, "name.bare");
            continue;
        }
        let strong = strong_predicates().word_at(t, after).is_some()
            || (t.at(e) == ',' && strong_predicates().word_at(t, t.skip_sp(e + 1)).is_some())
            || (poss != after && relations_after().word_at(t, poss).is_some());
        let pred = strong
            || predicates().word_at(t, after).is_some()
            || (t.at(e) == ',' && predicates().word_at(t, t.skip_sp(e + 1)).is_some())
            || t.word_ci(after, "family");
        let bed = bed_code_before(t, s);
        let left = bed
            || verbs_before()
                .before(t, {
                    let b = t.back_sp(s);
                    if matches!(t.before(b), ':' | ',') {
                        t.back_sp(b - 1)
                    } else {
                        b
                    }
                })
                .is_some();
        // "Grzegorz Nowak, retired miner": a two-word name heading the post, then a comma.
        let headed = start && e > e0 && t.at(e) == ',';
        // A handover line that starts with the surname: "Tremblay - AKI improving".
        let dash = t.starts_ci(e, " - ") || t.starts_ci(e, " – ") || t.at(e) == ':';
        let ok = if surname {
            pred || left || dash || headed
        } else {
            // Given names alone and unknown words need patient context on one side.
            pred || left
        };
        // An unknown sentence-initial word with only a verb before it is too weak
        // ("See Lasix dosing"): ask for the predicate as well.
        let ok = ok && (surname || !start || strong || bed || left && e > e0);
        if ok {
            push(hits, Kind::Name, s, e, "name.bare");
        }
    }
}

#[cfg(test)]
mod tests;
