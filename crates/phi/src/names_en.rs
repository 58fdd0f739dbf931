//! Personal names in Latin script.
//!
//! Context first: a title (`Mr.`, `Mrs.`, `Ms.`, `Señora`), a relation or role (`daughter`,
//! `wife`, `patient`, `resident`, `named`), a relation in brackets after the name
//! (`Jane Doe (wife)`), a Japanese honorific in romaji (`Tanaka-san`), or an age right after it
//! (`Okafor, 94F`).  Without context, two capitalised words are a name only when the first is
//! a known given name (US Census lists).  Eponyms (`Parkinson's disease`, `Cheyne-Stokes`),
//! citations (`Smith et al.`, `Smith (2019)`) and clinicians (`Dr. Lee`) are not patient names.

use super::lex::lex;
use super::lists::{Dicts, COMMON, GIVEN, SURNAME};
use super::names_en_words::*;
use super::text::{is_digit, is_latin, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

/// Upper case, or a letter of a script without case (Devanagari, Arabic, Thai …).
fn up_char(c: char) -> bool {
    c.is_uppercase() || (!c.is_ascii() && !c.is_lowercase())
}

/// Latin word tokens (letters, inner apostrophes and hyphens) as (start, end).
fn tokens(t: &Text) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if is_latin(t.at(i)) && !is_latin(t.before(i)) {
            let mut e = t.run_end(i, is_latin);
            while matches!(t.at(e), '\'' | '-')
                && is_latin(t.at(e + 1))
                && !(t.at(e) == '\'' && t.starts_ci(e, "'s") && !is_latin(t.at(e + 2)))
            {
                e = t.run_end(e + 1, is_latin);
            }
            out.push((i, e));
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

lex!(titles, TITLES);
lex!(relations, RELATIONS);
lex!(close_relations, &RELATIONS[..40]);
lex!(eponym_next, EPONYM_NEXT);
lex!(not_person, NOT_PERSON);
lex!(particles, PARTICLES);
lex!(function_words, FUNCTION);
lex!(person_verbs, PERSON_VERBS);
lex!(id_after, ID_AFTER);
lex!(
    clinicians,
    &[
        "dr",
        "doctor",
        "prof",
        "professor",
        "nurse",
        "rn",
        "np",
        "pa",
        "dds",
        "md",
        "consultant",
        "surgeon"
    ]
);

/// Per-token facts, computed once (dictionary look-ups only for capitalised tokens).
#[derive(Clone, Copy, Default)]
struct Tok {
    s: usize,
    /// End without a possessive "'s".
    e: usize,
    up: bool,
    cap: bool,
    namey: bool,
    given: bool,
    /// In the given-name or surname dictionary.
    known: bool,
    /// Dictionary flags (`GIVEN`, `SURNAME`, `COMMON`); `COMMON` also for tokens that cannot
    /// be names (camel case, glued to a digit), so `names_en_ctx` can skip them at once.
    flags: u8,
}

struct Ctx<'a> {
    t: &'a Text,
    tok: Vec<Tok>,
}

fn classify(t: &Text, d: &Dicts, s: usize, e: usize) -> Tok {
    let e = if e - s > 2 && t.ends_ci(e, "'s") {
        e - 2
    } else {
        e
    };
    let up = up_char(t.at(s));
    let mut tok = Tok {
        s,
        e,
        up,
        ..Tok::default()
    };
    // Glued to a digit ("HbA1c") or camel case ("HbA", "eGFR"; "McDonald" and "DeLuca" are fine).
    let camel = (s + 1..e).any(|i| t.c[i].is_uppercase() && t.c[i - 1].is_lowercase())
        && !t.starts_ci(s, "mc")
        && !t.starts_ci(s, "mac")
        && !t.starts_ci(s, "de")
        && !t.starts_ci(s, "la");
    if !up || e - s < 2 || e - s > 30 || is_digit(t.at(e)) || camel {
        tok.flags = COMMON;
        return tok;
    }
    let flags = t.with_str(s, e, true, |w| d.en(w));
    tok.flags = flags;
    let (is_name, given, common) = (
        flags & (GIVEN | SURNAME) != 0,
        flags & GIVEN != 0,
        flags & COMMON != 0,
    );
    let title_case = !t.at(s + 1).is_uppercase();
    tok.cap = title_case || (t.c[s..e].iter().all(|c| !c.is_lowercase()) && is_name);
    tok.given = title_case && given;
    tok.known = title_case && is_name && !common;
    tok.namey = tok.cap && (is_name || !common) && !not_person().is(t, s, e);
    tok
}

impl Ctx<'_> {
    fn get(&self, k: usize) -> Tok {
        self.tok.get(k).copied().unwrap_or_default()
    }
    fn is(&self, k: usize, lex: &super::lex::Lex) -> bool {
        let x = self.get(k);
        x.e > x.s && lex.is(self.t, x.s, x.e)
    }
    /// Adjacent tokens separated by exactly one space.
    fn adjacent(&self, k: usize) -> bool {
        match (self.tok.get(k), self.tok.get(k + 1)) {
            (Some(a), Some(b)) => b.s == a.e + 1 && self.t.at(a.e) == ' ',
            _ => false,
        }
    }
    /// Is the name ending at token `k` followed by an eponym word or a citation?
    fn eponym_or_citation(&self, k: usize) -> bool {
        let t = self.t;
        let x = self.get(k);
        let e = x.e;
        let next_is_eponym = self.is(k + 1, eponym_next());
        if t.starts_ci(e, "'s") {
            return next_is_eponym;
        }
        if t.at(e) == '-' && t.at(e + 1).is_uppercase() {
            return true;
        }
        let k2 = t.skip_sp(e);
        (next_is_eponym && self.get(k + 1).s == k2)
            || t.starts_ci(k2, "et al")
            || t.starts_ci(k2, "and colleagues")
            || (t.starts_ci(k2, "(19") || t.starts_ci(k2, "(20")) && is_digit(t.at(k2 + 3))
            || (t.at(e) == ','
                && (t.starts_ci(k2 + 1, "19") || t.starts_ci(k2 + 1, "20"))
                && is_digit(t.at(k2 + 4))
                && !is_digit(t.at(k2 + 5)))
    }
    fn clinician_before(&self, k: usize) -> bool {
        k > 0 && self.is(k - 1, clinicians())
    }
    /// Extends a name from token `k` over following name tokens (max 4 more).
    fn extend(&self, k: usize) -> usize {
        let given = self.get(k).given;
        let mut j = k;
        while j < k + 4 && self.adjacent(j) {
            // Surname particles: "Emigdio del Goñi", "Ludwig van Beek".
            if self.is(j + 1, particles()) && self.adjacent(j + 1) {
                if self.get(j + 2).cap {
                    j += 2;
                    continue;
                }
                // Two particles: "Sjoerd van der Leek".
                if self.is(j + 2, particles()) && self.adjacent(j + 2) && self.get(j + 3).cap {
                    j += 3;
                    continue;
                }
            }
            // After a known given name any capitalised non-function word can be the surname
            // ("Elaine Field", "Rose Young").
            let nx = self.get(j + 1);
            let ok = nx.namey
                || (given
                    && !self.is(j + 1, not_person())
                    && nx.cap
                    && !self.is(j + 1, function_words())
                    && !self.is(j + 1, eponym_next()));
            if !ok {
                break;
            }
            j += 1;
        }
        j
    }
    fn push_name(&self, hits: &mut Hits, k: usize, j: usize, rule: &'static str) {
        push(hits, Kind::Name, self.get(k).s, self.get(j).e, rule);
    }
}

pub(super) fn scan(t: &Text, d: &Dicts, hits: &mut Hits) {
    let raw = tokens(t);
    let n = raw.len();
    let mut tok = Vec::with_capacity(n);
    for (k, &(s, e)) in raw.iter().enumerate() {
        // Only capitalised tokens (and tokens just before one) can take part in a rule.
        let next_up = raw.get(k + 1).is_some_and(|&(s2, _)| up_char(t.at(s2)));
        if up_char(t.at(s)) || next_up {
            tok.push(classify(t, d, s, e));
        } else {
            tok.push(Tok {
                s,
                e,
                ..Tok::default()
            });
        }
    }
    let cx = Ctx { t, tok };
    let mut k = 0;
    while k < n {
        let x = cx.get(k);
        let (s, e) = (x.s, x.e);
        let next_up = cx.get(k + 1).up;
        if !x.up && !next_up {
            k += 1;
            continue;
        }
        // 1. Title + name: "Mr. Okafor", "Mrs Nguyen-Tran".
        if x.up && cx.is(k, titles()) {
            let g = if t.at(e) == '.' { e + 1 } else { e };
            let sp = t.skip_sp(g);
            let nx = cx.get(k + 1);
            if sp > g
                && k + 1 < n
                && nx.s == sp
                && nx.e - nx.s >= 2
                && nx.up
                && !cx.is(k + 1, titles())
            {
                let j = cx.extend(k + 1);
                cx.push_name(hits, k + 1, j, "name.title");
                k = j + 1;
                continue;
            }
        }
        // 2. Relation or role + name: "daughter Mary", "his wife, Jane Doe", "a man named Juan".
        if next_up && cx.is(k, relations()) {
            let gap = t.string(raw[k].1, cx.get(k + 1).s);
            let gap_ok = matches!(gap.trim(), "" | "," | ":" | "'s" | "(") && gap.len() <= 3;
            if gap_ok && cx.get(k + 1).namey && !cx.eponym_or_citation(k + 1) {
                let j = cx.extend(k + 1);
                if !cx.eponym_or_citation(j) {
                    cx.push_name(hits, k + 1, j, "name.relation");
                    k = j + 1;
                    continue;
                }
            }
        }
        if !x.up {
            k += 1;
            continue;
        }
        // 3. Romaji honorifics: "Tanaka-san", "Yuki-chan".
        let hyphen = t.c[s..e].contains(&'-');
        if let Some(h) = ["-san", "-sama", "-chan", "-kun"]
            .iter()
            .find(|h| hyphen && t.ends_ci(e, h))
        {
            if e - s > h.len() + 1 {
                push(hits, Kind::Name, s, e - h.len(), "name.romaji_honorific");
                k += 1;
                continue;
            }
        }
        if x.cap && t.starts_ci(e, " san ") {
            push(hits, Kind::Name, s, e, "name.romaji_honorific");
            k += 1;
            continue;
        }
        // 4. Capitalised name(s) with evidence around them.
        if x.namey && !cx.clinician_before(k) {
            let j = cx.extend(k);
            let je = cx.get(j).e;
            let after = t.skip_sp(je);
            // A relation in brackets after the name: "Jane Doe (wife)".
            let rel_paren = t.at(after) == '(' && cx.get(j + 1).s == after + 1 && {
                cx.is(j + 1, close_relations())
                    || ["his", "her", "pt's", "patient's"]
                        .iter()
                        .any(|w| t.starts_ci(after + 1, w))
            };
            // An age right after: "Okafor, 94F", "John Whitaker, 93".
            let a = if t.at(je) == ',' {
                t.skip_sp(je + 1)
            } else if t.at(after) == '(' {
                after + 1
            } else {
                usize::MAX
            };
            let aged = a != usize::MAX && {
                // ", age 101", ", aged 93", ", 93F", " (93)", ", 97-year-old", ", 93 yo"
                let labelled = ["age ", "aged "]
                    .iter()
                    .find(|l| t.starts_ci(a, l))
                    .map(|l| l.len());
                let a = a + labelled.unwrap_or(0);
                let de = t.run_end(a, is_digit);
                let sex =
                    matches!(t.at(de), 'F' | 'M' | 'f' | 'm') && !t.at(de + 1).is_alphabetic();
                let unit = ["y", " y", "-y", "歳", " year"]
                    .iter()
                    .any(|x| t.starts_ci(de, x));
                (1..=3).contains(&(de - a))
                    && !t.starts_ci(de, "%")
                    && !t.starts_ci(de, " mg")
                    && (j > k || x.given || labelled.is_some() || sex || unit)
            };
            // An identifier right after the name, or a bed/room number right before it.
            let mut a2 = after;
            if matches!(t.at(a2), ',' | '(' | '-' | ';') {
                a2 = t.skip_sp(a2 + 1);
            }
            let id_after = id_after().word_at(t, a2).is_some();
            let b = t.back_sp(s);
            let nb = t.run_start(b, 4, is_digit);
            let bed_before = nb < b
                && ["bed", "room", "rm", "bay"]
                    .iter()
                    .any(|l| t.ends_ci(t.back_sp(nb), l));
            // A verb that only people do after a multi-word name: "Emigdio del Goñi taught me".
            // One word needs to be a known name here ("Nguyen taught me", not "Pharmacy says").
            let verb =
                after == je + 1 && (j > k || x.known) && person_verbs().word_at(t, after).is_some();
            // 5. Dictionary full name: known given name + capitalised surname.
            let full =
                j > k && x.given && (k + 1..=j).all(|q| cx.get(q).namey || cx.is(q, particles()));
            if (rel_paren || aged || id_after || bed_before || verb || full)
                && !cx.eponym_or_citation(j)
            {
                let rule = if rel_paren {
                    "name.relation_after"
                } else if aged || id_after || bed_before || verb {
                    "name.context_after"
                } else {
                    "name.dictionary"
                };
                cx.push_name(hits, k, j, rule);
                k = j + 1;
                continue;
            }
        }
        k += 1;
    }
    // Bare names without title or relation (handover lists, other cultures' surnames).
    let flags: Vec<u8> = cx.tok.iter().map(|x| x.flags).collect();
    super::names_en_ctx::scan(t, d, &raw, &flags, hits);
}

#[cfg(test)]
mod tests;
