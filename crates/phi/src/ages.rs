//! Ages of 90 or more: `93F`, `94 yo`, `95-year-old`, `age 91`, `９５歳`, `満101歳`,
//! `九十五歳`, and decade bands tied to a person (`in her late 90s`, `90代`).
//!
//! Ages up to 89 and aggregate categories (`90 or older`, `90歳以上`, `over 90`,
//! `nonagenarians`) are not identifying and are skipped.

use super::text::{is_alnum, is_digit, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

/// Suffixes that make a number an age (longest first).
#[rustfmt::skip]
const SUFFIXES: &[&str] = &[
    "-year-old", "-years-old", " year-old", " year old", " years old", "-year old", " yr old", " yrs old", "-yr-old",
    "-yo", " y/o", "y/o", " y.o.", "y.o.", " yo ", " yo,", " yo.", "yo ", "yo,", "yo.", "yof", "yom", "yf", "ym",
    "y ", " years of age", " years young", " yrs young", "歳", "才", "さい",
];
/// Aggregate categories: not an individual's age.
#[rustfmt::skip]
const AGGREGATE_AFTER: &[&str] = &[
    " or older", " or over", " and older", " and over", " or above", " and above", "+", " years or older",
    " years and older", " years or over", " years and over", "歳以上", "歳超", "歳未満", "歳以下", "才以上", "歳代以上", "代以上", " plus",
    "歳を超", "歳超え", "以上", "-plus",
];
#[rustfmt::skip]
const AGGREGATE_BEFORE: &[&str] = &[
    "over", "older than", "above", "under", "younger than", "at least", ">", ">=", "≥", "<", "≤", "beyond", "past",
    "aged over", "up to",
];
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "aged", "age", "age:", "ages", "満", "享年", "年齢", "turned", "turns", "age of", "aged:", "she is", "he is", "she's",
    "he's", "who is", "is now", "pt is", "patient is", "she was", "he was", "died at", "passed at",
];
/// A person noun before the age, in brackets or after a comma: "gentleman (92)",
/// "Frail lady, 102, admitted" (units excluded).  Checked only when "(" or "," precedes.
#[rustfmt::skip]
const PERSON_BEFORE: &[&str] = &[
    "gentleman", "lady", "man", "woman", "patient", "pt", "resident", "widow", "widower", "grandma", "grandpa",
    "granny", "mum", "mom", "mother", "father", "dad", "veteran",
];
/// Words for the very old that make a nearby bare number an age ("Centenarian, 101").
const OLD_WORDS: &[&str] = &["centenarian", "nonagenarian", "supercentenarian", "百寿者"];
#[rustfmt::skip]
const UNITS_AFTER: &[&str] = &[
    "%", " %", "mg", " mg", "kg", " kg", " bpm", "bpm", " mmhg", "mmhg", " ml", "ml", " min", " mins", " minutes",
    " units", " cm", "cm", " g", "/", ".", " beats", " sec", " s ", " seconds", " mcg", "mcg", " mmol", " points",
];

fn kanji_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|k| k == c)
        .map(|p| p as u32)
}

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        // 九十五歳 / 百一歳
        // 百歳, 百一歳, 百五歳
        if c == '百' && !super::text::is_kanji(t.before(i)) {
            let mut e = i + 1;
            if kanji_digit(t.at(e)).is_some_and(|d| d > 0) {
                e += 1;
            }
            if matches!(t.at(e), '歳' | '才') && !t.starts_ci(e + 1, "以上") {
                push(hits, Kind::AgeOver89, i, e + 1, "age.kanji");
            }
            i = e;
            continue;
        }
        if c == '九' && t.at(i + 1) == '十' {
            let mut e = i + 2;
            if kanji_digit(t.at(e)).is_some_and(|d| d > 0) {
                e += 1;
            }
            if matches!(t.at(e), '歳' | '才') && !t.starts_ci(e + 1, "以上") {
                push(hits, Kind::AgeOver89, i, e + 1, "age.kanji");
            }
            i = e;
            continue;
        }
        if !is_digit(c)
            || is_digit(t.before(i))
            || t.before(i) == '.'
            || t.before(i).is_ascii_alphabetic()
        {
            i += 1;
            continue;
        }
        let e = t.run_end(i, is_digit);
        let n = super::text::num(t, i, e);
        if !(2..=3).contains(&(e - i))
            || !(90..=125).contains(&n)
            || t.at(e) == '.' && is_digit(t.at(e + 1))
        {
            i = e;
            continue;
        }
        let pre_end = t.back_sp(i);
        let aggregate = AGGREGATE_AFTER.iter().any(|a| t.starts_ci(e, a))
            || t.label_before(pre_end, AGGREGATE_BEFORE).is_some()
            || t.starts_ci(t.skip_sp(e), "or older")
            || t.starts_ci(t.skip_sp(e), "and older");
        if aggregate {
            i = e;
            continue;
        }
        // "his 103rd birthday"
        let ord = t.run_end(e, |c| c.is_ascii_lowercase());
        if ord == e + 2 && t.starts_ci(ord, " birthday") {
            push(hits, Kind::AgeOver89, i, ord, "age.birthday");
            i = ord;
            continue;
        }
        // Sex letter glued to the age: 93F, 93M (not "90mg", "95Fr").
        // "93F", "93M", "93/F", "93 y/o F" (not "90mg", "95Fr", "93/Fx").
        let sex = (matches!(t.at(e), 'F' | 'M' | 'f' | 'm')
            && !is_alnum(t.at(e + 1))
            && t.at(e + 1) != '/')
            || (t.at(e) == '/' && matches!(t.at(e + 1), 'F' | 'M') && !is_alnum(t.at(e + 2)));
        let suffix = SUFFIXES
            .iter()
            .find(|s| t.starts_ci(e, s))
            .map(|s| s.trim_end_matches([' ', ',', '.']).chars().count());
        let prefixed =
            t.label_before(pre_end, PREFIXES).is_some() && !t.at(e).is_ascii_alphabetic();
        let yo_end = (t.starts_ci(e, "yo") || t.starts_ci(e, " yo"))
            && !is_alnum(t.at(e + if t.at(e) == ' ' { 3 } else { 2 }));
        if sex {
            push(
                hits,
                Kind::AgeOver89,
                i,
                e + if t.at(e) == '/' { 2 } else { 1 },
                "age.sex",
            );
        } else if yo_end {
            push(
                hits,
                Kind::AgeOver89,
                i,
                e + if t.at(e) == ' ' { 3 } else { 2 },
                "age.suffix",
            );
        } else if let Some(len) = suffix {
            push(hits, Kind::AgeOver89, i, e + len, "age.suffix");
        } else if prefixed {
            push(hits, Kind::AgeOver89, i, e, "age.prefix");
        } else if !UNITS_AFTER.iter().any(|u| t.starts_ci(e, u))
            && (old_word_before(t, i) || person_before(t, i))
        {
            push(hits, Kind::AgeOver89, i, e, "age.old_word");
        } else if n.is_multiple_of(10) && n < 110 {
            band(t, i, e, hits);
        }
        i = e;
    }
    spelled(t, hits);
}

/// "gentleman (92)", "lady, 102": a person noun right before the bracket or comma.
fn person_before(t: &Text, i: usize) -> bool {
    let b = t.back_sp(i);
    if !matches!(t.before(b), '(' | ',') {
        return false;
    }
    t.label_before(t.back_sp(b - 1), PERSON_BEFORE).is_some()
}

/// "Centenarian, 101", "nonagenarian gentleman (92)": an old-age word at most 40 characters
/// before the number, in the same sentence (bounded look-back).
fn old_word_before(t: &Text, i: usize) -> bool {
    let lo = i.saturating_sub(40);
    let mut j = i;
    while j > lo {
        j -= 1;
        if matches!(t.at(j), '.' | '。' | '\n' | '!' | '?') {
            return false;
        }
        if matches!(t.at(j), 'c' | 'C' | 'n' | 'N' | 's' | 'S' | '百')
            && OLD_WORDS.iter().any(|w| t.starts_ci(j, w))
        {
            return true;
        }
    }
    false
}

/// Decade bands: "in her 90s", "in his late 90s", "90代", "90代半ば".
fn band(t: &Text, i: usize, e: usize, hits: &mut Hits) {
    if t.at(e) == '代' {
        // Tied to a person: "90代の男性", "90代半ばの女性", "90代女性"; not "90代の方々", "90代以上".
        let mut k = e + 1;
        for q in ["前半", "後半", "半ば", "後期", "前期"] {
            if t.starts_ci(k, q) {
                k += 2;
                break;
            }
        }
        if t.at(k) == 'の' {
            k += 1;
        }
        let person = [
            "男性",
            "女性",
            "男",
            "女",
            "患者",
            "利用者",
            "入居者",
            "入所者",
            "母",
            "父",
            "祖母",
            "祖父",
            "夫",
            "妻",
            "独居",
            "本人",
            "ご本人",
        ]
        .iter()
        .any(|w| t.starts_ci(k, w))
            || (t.starts_ci(k, "方")
                && !matches!(t.at(k + 1), '々' | 'の')
                && !t.starts_ci(k + 1, "が多")
                && !t.starts_ci(k + 1, "は多"));
        if person && !AGGREGATE_AFTER.iter().any(|a| t.starts_ci(e + 1, a)) {
            push(hits, Kind::AgeOver89, i, e + 1, "age.band_ja");
        }
        return;
    }
    let s_end = if t.starts_ci(e, "s") {
        e + 1
    } else if t.starts_ci(e, "'s") {
        e + 2
    } else {
        return;
    };
    if is_alnum(t.at(s_end)) {
        return;
    }
    // Look back over "early/mid/late" to "in his/her/their".
    let mut k = t.back_sp(i);
    for q in ["early", "mid-", "mid", "late"] {
        if t.ends_ci(k, q) {
            k = t.back_sp(k - q.chars().count());
            break;
        }
    }
    let owner = ["in his", "in her", "in their", "in my", "is in", "in the"]
        .iter()
        .any(|w| t.ends_ci(k, w));
    if owner && !t.ends_ci(k, "in the") {
        push(hits, Kind::AgeOver89, i, s_end, "age.band_en");
    }
}

/// "ninety-three-year-old", "in her nineties".
fn spelled(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        if !matches!(t.at(i), 'n' | 'N') {
            i += 1;
            continue;
        }
        if !t.starts_ci(i, "ninety") || is_alnum(t.before(i)) {
            i += 1;
            continue;
        }
        let mut e = i + 6;
        if t.starts_ci(e, "ies") && !is_alnum(t.at(e + 3)) {
            let k = t.back_sp(i);
            let k = ["early", "mid", "late"]
                .iter()
                .find(|q| t.ends_ci(k, q))
                .map_or(k, |q| t.back_sp(k - q.len()));
            if ["in his", "in her", "in their"]
                .iter()
                .any(|w| t.ends_ci(k, w))
            {
                push(hits, Kind::AgeOver89, i, e + 3, "age.band_spelled");
            }
            i = e + 3;
            continue;
        }
        if matches!(t.at(e), '-' | ' ') {
            let w = t.run_end(e + 1, |c| c.is_ascii_alphabetic());
            let unit = [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            ]
            .iter()
            .any(|u| t.word_ci(e + 1, u));
            if unit {
                e = w;
            }
        }
        if ["-year-old", " year old", " years old", "-year old"]
            .iter()
            .any(|s| t.starts_ci(e, s))
        {
            push(hits, Kind::AgeOver89, i, e + 9, "age.spelled");
        } else if !is_alnum(t.at(e)) && !t.starts_ci(e, "ies") {
            // "she turned ninety-three", "he is ninety-one": a prefix that makes a
            // bare number an age.
            let k = t.back_sp(i);
            let n = t.skip_sp(e);
            let unit = [
                "percent", "per", "%", "min", "sec", "day", "hour", "mg", "ml", "mm", "kg", "bpm",
                "times",
            ]
            .iter()
            .any(|u| t.starts_ci(n, u));
            if !unit && PREFIXES.iter().any(|p| t.ends_ci(k, p)) {
                push(hits, Kind::AgeOver89, i, e, "age.spelled");
            }
        }
        i = e.max(i + 1);
    }
    longevity(t, hits);
}

/// Japanese names of the birthdays of 90 and over (卒寿 90, 白寿 99, 百寿・紀寿 100,
/// 茶寿 108, 皇寿 111): always one person's age. (米寿 is 88, 傘寿 80: not reported.)
fn longevity(t: &Text, hits: &mut Hits) {
    const WORDS: &[&str] = &["卒寿", "白寿", "百寿", "紀寿", "茶寿", "皇寿", "上寿"];
    for i in 0..t.len() {
        if t.at(i + 1) != '寿' {
            continue;
        }
        if WORDS.iter().any(|w| t.starts_ci(i, w)) {
            push(hits, Kind::AgeOver89, i, i + 2, "age.longevity_ja");
        }
    }
}

#[cfg(test)]
mod tests;
