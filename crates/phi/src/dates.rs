//! Dates more precise than a year: western numeric and month-name formats, Japanese
//! `年月日`, era dates (`令和5年3月2日`, `R5.3.2`, `元年`) and month+day without a year.
//!
//! A year alone (`2019`, `令和3年`, `2024年度`) is not reported; year+month only with a patient
//! event nearby; dates of public events (`令和6年4月1日施行`, "grand rounds on March 3") are
//! skipped unless a patient event word is also near.

use super::lex::lex;
use super::text::{is_alnum, is_digit, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

lex!(event_words, EVENT);
lex!(public_words, PUBLIC);
lex!(md_context, MD_CONTEXT);

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Patient events: they make a date personal even next to a public-event word.
#[rustfmt::skip]
const EVENT: &[&str] = &[
    "admit", "discharg", "died", "death", "passed", "born", "dob", "d.o.b", "birth", "seen", "surgery", "operat",
    "transfer", "fell", "fall", "present", "visit", "since", "入院", "退院", "死亡", "永眠", "逝去", "生まれ", "生年月日", "手術", "受診",
    "転院", "入所", "退所", "発症", "転倒", "来院", "搬送", "誕生",
];
/// Public events (laws, conferences, deadlines): a date next to them is not PHI.
#[rustfmt::skip]
const PUBLIC: &[&str] = &[
    "grand round", "conference", "webinar", "meeting", "symposium", "deadline", "effective", "published",
    "journal club", "lecture", "workshop", "course", "seminar", "congress", "summit", "in-service", "training",
    "guideline", "policy", "takes effect", "enrol", "registration", "施行", "改正", "改定", "開催", "公布", "告示", "制度", "通知",
    "締切", "学会", "研修", "講演", "セミナー", "説明会", "勉強会", "から適用", "発表", "公表", "ガイドライン",
];
/// Words before a bare "3/2" that make it a date rather than a fraction or a ratio.
#[rustfmt::skip]
const MD_CONTEXT: &[&str] = &[
    "on", "since", "from", "until", "till", "by", "admitted", "discharged", "seen", "died", "born", "dob", "surgery",
    "op", "date", "dated", "d/c", "adm", "(", "入院", "退院", "死亡", "手術", "受診",
];

/// Digits at `i` (1..=max long, not part of a longer run) and their value.
fn number(t: &Text, i: usize, max: usize) -> Option<(u32, usize)> {
    let e = t.run_end(i, is_digit);
    if e == i || e - i > max {
        return None;
    }
    Some((super::text::num(t, i, e) as u32, e))
}

fn ok_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// `…年M月D日` / `M月D日` continuation after the year digits; `year_end` points after `年`.
fn kanji_md(t: &Text, mut j: usize) -> Option<(usize, bool)> {
    j = t.skip_sp(j);
    let (m, e) = number(t, j, 2)?;
    let e = t.skip_sp(e);
    if t.at(e) != '月' || !(1..=12).contains(&m) {
        return None;
    }
    let k = t.skip_sp(e + 1);
    if let Some((d, de)) = number(t, k, 2) {
        let de2 = t.skip_sp(de);
        if t.at(de2) == '日' && (1..=31).contains(&d) {
            return Some((de2 + 1, true));
        }
    }
    Some((e + 1, false))
}

fn month_at(t: &Text, i: usize) -> Option<usize> {
    if !matches!(t.at(i), 'J' | 'F' | 'M' | 'A' | 'S' | 'O' | 'N' | 'D') || is_alnum(t.before(i)) {
        return None;
    }
    let m = MONTHS
        .iter()
        .find(|m| t.starts_ci(i, m) && !t.at(i + m.len()).is_ascii_alphabetic())?;
    let mut e = i + m.len();
    if t.at(e) == '.' {
        e += 1;
    }
    Some(e)
}

/// Optional ", 2024" / " 2024" / "-2024" after a day.
fn opt_year(t: &Text, mut j: usize) -> (usize, bool) {
    if matches!(t.at(j), ',' | '-') {
        j += 1;
    }
    let k = t.skip_sp(j);
    match number(t, k, 4) {
        Some((y, e))
            if (e - k == 4 && (1900..=2100).contains(&y)) || (e - k == 2 && t.at(k - 1) == '-') =>
        {
            (e, true)
        }
        _ => (j.min(t.len()), false),
    }
}

/// A dose or count unit after a number ("May 3 mg"): the number is not a day.
fn unit_after(t: &Text, e: usize) -> bool {
    let k = t.skip_sp(e);
    [
        "mg", "mcg", "g ", "ml", "kg", "unit", "time", "x ", "tab", "hour", "day", "week", "mmol",
        "%",
    ]
    .iter()
    .any(|u| {
        t.starts_ci(k, u.trim_end())
            && (u.ends_with(' ') || !t.at(k + u.len()).is_ascii_alphabetic() || u.len() > 3)
    })
}

/// Ordinal suffix after a day number.
fn ordinal(t: &Text, e: usize) -> usize {
    for s in ["st", "nd", "rd", "th"] {
        if t.starts_ci(e, s) && !t.at(e + 2).is_ascii_alphabetic() {
            return e + 2;
        }
    }
    e
}

/// Tries to read a date starting at `i`: (end, precise-to-the-day).
fn date_at(t: &Text, i: usize) -> Option<(usize, bool, &'static str)> {
    let c = t.at(i);
    // Era names: 令和5年3月2日, 平成元年…
    for era in ["令和", "平成", "昭和", "大正", "明治"] {
        if matches!(c, '令' | '平' | '昭' | '大' | '明') && t.starts_ci(i, era) {
            let j = t.skip_sp(i + 2);
            let ye = if t.at(j) == '元' {
                j + 1
            } else {
                number(t, j, 2)?.1
            };
            let ye = t.skip_sp(ye);
            if t.at(ye) != '年' {
                return None;
            }
            let (e, day) = kanji_md(t, ye + 1)?;
            return Some((e, day, "date.era"));
        }
    }
    // Era abbreviations: R5.3.2, H30/1/2, S8.4.12
    if matches!(c, 'R' | 'H' | 'S' | 'T' | 'M') && !is_alnum(t.before(i)) && is_digit(t.at(i + 1)) {
        let (_, ye) = number(t, i + 1, 2)?;
        let sep = t.at(ye);
        if matches!(sep, '.' | '/' | '-') {
            let (m, me) = number(t, ye + 1, 2)?;
            if t.at(me) == sep {
                let (d, de) = number(t, me + 1, 2)?;
                if ok_md(m, d) && !is_alnum(t.at(de)) && !is_digit(t.at(de + 1)) {
                    return Some((de, true, "date.era_abbr"));
                }
            }
        } else if sep == '年' {
            let (e, day) = kanji_md(t, ye + 1)?;
            return Some((e, day, "date.era_abbr"));
        }
        return None;
    }
    if let Some(me) = month_at(t, i) {
        // "March 2", "Mar 2nd, 2024", "March 2024"
        let k = t.skip_sp(me);
        let (v, ve) = number(t, k, 4)?;
        if ve - k == 4 {
            return (1900..=2100)
                .contains(&v)
                .then_some((ve, false, "date.month_year"));
        }
        if !(1..=31).contains(&v) || is_digit(t.at(ve)) || matches!(t.at(ve), ':' | '%') {
            return None;
        }
        let oe = ordinal(t, ve);
        let (e, with_year) = opt_year(t, oe);
        if !with_year && unit_after(t, oe) {
            return None;
        }
        return Some((e, true, "date.month_name"));
    }
    if !is_digit(c) || is_alnum(t.before(i)) || matches!(t.before(i), '.' | '/' | '-' | ':' | ',') {
        return None;
    }
    let (a, ae) = number(t, i, 4)?;
    let alen = ae - i;
    let sep = t.at(ae);
    if alen == 4 && (1900..=2100).contains(&a) {
        if sep == '年' {
            let (e, day) = kanji_md(t, ae + 1)?;
            return Some((e, day, "date.ymd_kanji"));
        }
        if matches!(sep, '/' | '-' | '.') {
            let (m, me) = number(t, ae + 1, 2)?;
            if t.at(me) == sep {
                let (d, de) = number(t, me + 1, 2)?;
                if ok_md(m, d) && !is_digit(t.at(de)) {
                    return Some((de, true, "date.ymd"));
                }
            }
        }
        return None;
    }
    if alen > 2 {
        return None;
    }
    // "12 March 2024", "3rd of June"
    let oe = ordinal(t, ae);
    let mut k = t.skip_sp(oe);
    if t.starts_ci(k, "of ") {
        k += 3;
    }
    if (k > oe || t.at(oe) == '-') && (1..=31).contains(&a) {
        let k = if t.at(oe) == '-' { oe + 1 } else { k };
        if let Some(me) = month_at(t, k).or_else(|| {
            // lower-case abbreviations inside "02-Mar-2024"
            MONTHS
                .iter()
                .find(|m| m.len() == 3 && t.starts_ci(k, m))
                .map(|_| k + 3)
        }) {
            let (e, _) = opt_year(t, me);
            return Some((e, true, "date.day_month"));
        }
    }
    if sep == '月' {
        let (d, de) = number(t, t.skip_sp(ae + 1), 2)?;
        let de2 = t.skip_sp(de);
        return (t.at(de2) == '日' && ok_md(a, d)).then_some((de2 + 1, true, "date.md_kanji"));
    }
    if matches!(sep, '/' | '-' | '.') {
        let (b, be) = number(t, ae + 1, 2)?;
        if t.at(be) == sep {
            let (y, ye) = number(t, be + 1, 4)?;
            let ylen = ye - be - 1;
            let valid = ok_md(a, b) || ok_md(b, a);
            if valid
                && (ylen == 4 && (1900..=2100).contains(&y) || (ylen == 2 && sep != '.'))
                && !is_digit(t.at(ye))
            {
                return Some((ye, true, "date.numeric"));
            }
            return None;
        }
        if sep == '/'
            && (ok_md(a, b) || ok_md(b, a))
            && !is_alnum(t.at(be))
            && !matches!(t.at(be), '/' | '%')
        {
            let before = t.back_sp(i);
            let ctx = md_context().before(t, before).is_some();
            let after = t.skip_sp(be);
            // Japanese event words after "3/2", or a weekday in brackets: "3/2(月)", "3/2 (Mon)".
            let ja_after = [
                "に入院",
                "に退院",
                "から入院",
                "の入院",
                "の退院",
                "入院",
                "退院",
                "死亡",
                "に死亡",
                "に永眠",
                "永眠",
                "受診",
                "手術",
                "生まれ",
                "に転院",
                "に転倒",
                "転倒",
                "搬送",
                "に搬送",
            ]
            .iter()
            .any(|w| t.starts_ci(after, w));
            let weekday = t.at(after) == '('
                && (matches!(
                    t.at(after + 1),
                    '月' | '火' | '水' | '木' | '金' | '土' | '日'
                ) || ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                    .iter()
                    .any(|d| t.starts_ci(after + 1, d)));
            let ja_after = ja_after || weekday;
            if ctx || ja_after {
                return Some((be, true, "date.md_slash"));
            }
        }
    }
    None
}

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        if !(is_digit(c)
            || c.is_ascii_uppercase()
            || c == '令'
            || c == '平'
            || c == '昭'
            || c == '大'
            || c == '明')
        {
            i += 1;
            continue;
        }
        match date_at(t, i) {
            Some((e, day, rule)) => {
                // Public-event words veto a date unless a patient event is also near.
                let public = public_words().any_in(t, i.saturating_sub(40), e + 15);
                let near_event =
                    (public || !day) && event_words().any_in(t, i.saturating_sub(30), e + 12);
                if near_event || (day && !public) {
                    push(hits, Kind::Date, i, e, rule);
                }
                i = e.max(i + 1);
            }
            None => {
                i += if is_digit(c) {
                    t.run_end(i, is_digit) - i
                } else {
                    1
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
