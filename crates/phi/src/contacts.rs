//! Contact details: e-mail addresses (`@`, `＠`, `(at)`), personal URLs (social media, blogs,
//! fundraising pages) and phone numbers (Japanese, North American, UK and `+` international).
//!
//! Public URLs (agencies, journals, calculators) and public service numbers (`#7119`, `911`,
//! toll-free `0120-…`, `1-800-…`) are deliberately not reported.

use super::lex::lex;
use super::text::{is_alnum, is_digit, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

lex!(phone_labels, PHONE_LABELS);

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    emails(t, hits);
    super::urls::urls(t, hits);
    phones(t, hits);
}

fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}
fn domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

fn emails(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        // `@` (full-width folded), or the spelled-out `(at)` / `[at]`.
        let c = t.at(i);
        // "d.ferreira77 at gmail dot com": a bare " at " counts only with a spelled " dot ".
        if c == ' '
            && matches!(t.at(i + 1), 'a' | 'A')
            && t.at(i + 3) == ' '
            && t.word_ci(i + 1, "at")
        {
            if let Some((s, e)) = spelled_email(t, i + 1, 2, true) {
                push(hits, Kind::Email, s, e, "email.spelled");
                i = e;
                continue;
            }
        }
        if !matches!(c, '@' | '(' | '[') {
            i += 1;
            continue;
        }
        let at_len = if c == '@' {
            if !super::text::is_alnum(t.before(i)) {
                // Not an address: maybe a social handle after a platform name.
                super::other::handle(t, i, hits);
            }
            1
        } else if t.starts_ci(i, "(at)") || t.starts_ci(i, "[at]") {
            4
        } else {
            i += 1;
            continue;
        };
        if at_len == 4 {
            if let Some((s, e)) = spelled_email(t, i, 4, false) {
                push(hits, Kind::Email, s, e, "email.spelled");
                i = e;
                continue;
            }
        }
        let s = t.run_start(i, 64, local_char);
        let mut e = t.run_end(i + at_len, domain_char).min(i + at_len + 253);
        while e > i + at_len && t.at(e - 1) == '.' {
            e -= 1;
        }
        let dom = t.string(i + at_len, e);
        let local_ok = s < i && t.at(s) != '.';
        if local_ok
            && dom.contains('.')
            && !dom.starts_with('.')
            && dom.rsplit('.').next().is_some_and(|tld| tld.len() >= 2)
        {
            push(hits, Kind::Email, s, e, "email");
            i = e;
        } else {
            i += at_len;
        }
    }
}

/// "taro [at] example [dot] com", "hana (at) docomo (dot) ne (dot) jp": spaces around the
/// spelled-out separators.  `i` points at `(at)` / `[at]` (or a bare `at` of `at_len` 2, which
/// then needs a spelled `dot`, so that "meet at the cafe. Then" is not an address).
fn spelled_email(t: &Text, i: usize, at_len: usize, need_dot: bool) -> Option<(usize, usize)> {
    let le = t.back_sp(i);
    let s = t.run_start(le, 64, local_char);
    if s == le || t.at(s) == '.' {
        return None;
    }
    let mut spelled_dot = false;
    let mut j = t.skip_sp(i + at_len);
    let mut labels = 0;
    let mut end = j;
    for _ in 0..6 {
        let e = t.run_end(j, |c| c.is_ascii_alphanumeric() || c == '-');
        if e == j {
            break;
        }
        labels += 1;
        end = e;
        let k = t.skip_sp(e);
        let sep = ["(dot)", "[dot]", "dot ", "."]
            .iter()
            .find(|d| t.starts_ci(k, d) && if d.len() == 1 { !need_dot } else { k > e })
            .map(|d| d.len());
        spelled_dot |= sep.is_some_and(|n| n > 1);
        match sep {
            Some(n) if t.at(t.skip_sp(k + n)).is_ascii_alphanumeric() => j = t.skip_sp(k + n),
            _ => break,
        }
    }
    (labels >= 2 && (spelled_dot || !need_dot)).then_some((s, end))
}

/// Labels that make a bare digit group a phone number.
#[rustfmt::skip]
const PHONE_LABELS: &[&str] = &[
    "on", "at", "texted on", "reached at", "number is", "tel", "tel.", "phone", "ph", "mobile", "mob", "cell", "call",
    "ring", "text", "texts from", "number", "電話", "携帯", "連絡先", "電話番号", "携帯番号", "自宅", "ＴＥＬ", "fax", "内線",
];

/// Words about calling or reaching someone, looked for in the 48 characters before a
/// seven-digit local number.
const PHONE_CUES: &[&str] = &[
    "phone",
    "call",
    "ring",
    "text",
    "number",
    "contact",
    "nok",
    "next of kin",
    "mobile",
    "cell",
    "landline",
    "reach",
    "dial",
    "電話",
    "番号",
    "携帯",
    "連絡",
    "tel",
];

fn phone_cue_near(t: &Text, i: usize) -> bool {
    let from = i.saturating_sub(48);
    let before: String = t.c[from..i].iter().flat_map(|c| c.to_lowercase()).collect();
    PHONE_CUES.iter().any(|c| before.contains(c))
}

/// A digit sequence with separators: its extent and the digits it contains.
struct Groups {
    end: usize,
    digits: String,
    sizes: Vec<usize>,
    paren: bool,
}

fn groups(t: &Text, start: usize, g: &mut Groups) {
    let mut j = start;
    g.end = start;
    g.digits.clear();
    g.sizes.clear();
    g.paren = false;
    if t.at(j) == '+' {
        j += 1;
    }
    loop {
        if t.at(j) == '(' {
            g.paren = true;
            j += 1;
        }
        let e = t.run_end(j, is_digit);
        if e == j {
            break;
        }
        if g.digits.len() + (e - j) > 16 {
            // Too long for a phone: swallow the run so callers move past it in one step.
            g.end = e;
            g.sizes.clear();
            g.digits.clear();
            return;
        }
        g.digits.extend(t.c[j..e].iter());
        g.sizes.push(e - j);
        g.end = e;
        j = e;
        // Up to two separator characters, then a digit.
        let mut k = j;
        while k < j + 2 && matches!(t.at(k), ' ' | '-' | '.' | ')' | 'ー' | '(') {
            k += 1;
        }
        if k == j
            || !(is_digit(t.at(k)) || (t.at(k - 1) != '(' && t.at(k) == '('))
            || g.sizes.len() >= 6
        {
            break;
        }
        j = k;
    }
}

const TOLL_FREE_JP: &[&str] = &["0120", "0800", "0570", "0990", "0180"];
const TOLL_FREE_US: &[&str] = &["800", "888", "877", "866", "855", "844", "833"];

fn phones(t: &Text, hits: &mut Hits) {
    let mut g = Groups {
        end: 0,
        digits: String::with_capacity(20),
        sizes: Vec::with_capacity(8),
        paren: false,
    };
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        let starts = is_digit(c)
            || (c == '+' && is_digit(t.at(i + 1)))
            || (c == '(' && is_digit(t.at(i + 1)));
        let prev = t.before(i);
        if !starts || is_alnum(prev) || matches!(prev, '#' | '.' | '/' | '-' | '+' | ',') {
            i += if is_digit(c) {
                t.run_end(i, is_digit) - i
            } else {
                1
            }
            .max(1);
            continue;
        }
        groups(t, i, &mut g);
        let d = g.digits.as_str();
        let n = d.len();
        let plus = c == '+';
        let labelled = {
            let mut k = t.back_sp(i);
            while k > 0 && matches!(t.at(k - 1), ':' | 'は' | '：' | '#') {
                k = t.back_sp(k - 1);
            }
            phone_labels().before(t, k).is_some()
        };
        let three_three_four =
            g.sizes == [3, 3, 4] || (g.sizes == [1, 3, 3, 4] && d.starts_with('1'));
        let is_phone = if n == 0 || is_alnum(t.at(g.end)) || t.at(g.end) == '%' {
            false
        } else if plus {
            (8..=15).contains(&n)
        } else if d.starts_with('0') && !d.starts_with("00") {
            let free = TOLL_FREE_JP.iter().any(|p| d.starts_with(p));
            (!free && (10..=11).contains(&n)) || (labelled && (9..=11).contains(&n))
        } else if three_three_four {
            let area = if n == 11 { &d[1..4] } else { &d[0..3] };
            !TOLL_FREE_US.contains(&area) && !d.starts_with('0') && (n == 10 || d.starts_with('1'))
        } else if g.sizes == [3, 4] && !d.starts_with('0') {
            // A local number with no area code ("NOK: 555-0171"): a phone when a word
            // about calling is close before it, not just right before it.
            labelled || phone_cue_near(t, i)
        } else {
            labelled && (7..=15).contains(&n) && g.sizes.len() >= 2
        };
        if is_phone {
            let mut e = g.end;
            // Extensions: "ext. 123", "x123", "内線12".
            let k = t.skip_sp(e);
            for lab in ["ext.", "ext", "x", "内線"] {
                if t.starts_ci(k, lab) {
                    let ds = t.skip_sp(k + lab.chars().count());
                    let de = t.run_end(ds, is_digit);
                    if de > ds && de - ds <= 5 {
                        e = de;
                    }
                    break;
                }
            }
            push(hits, Kind::Phone, i, e, "phone");
        }
        i = g.end.max(i + 1);
    }
}

#[cfg(test)]
mod tests;
