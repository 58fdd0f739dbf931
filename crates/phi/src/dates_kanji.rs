//! Dates written with kanji numerals: `三月二日`, `十二月二十五日`, `令和六年三月二日`,
//! `昭和七年五月五日` (vertical-writing habits survive in typed notes and letters).
//!
//! Month and day must both be present and valid; a year alone (`令和六年`) or a month alone
//! (`三月上旬`) is not a precise date.  Dates of laws and public events (`…施行`, `…公布`)
//! are skipped.  Each numeral is at most three characters, so the scan is linear.

use super::text::{is_kanji, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A kanji numeral 1–99 at `i` (`三`, `十`, `十二`, `二十`, `二十五`, `元` for year one):
/// (value, end).
fn numeral(t: &Text, i: usize) -> Option<(u32, usize)> {
    if t.at(i) == '元' {
        return Some((1, i + 1));
    }
    let mut j = i;
    let mut v = 0;
    if let Some(d) = digit(t.at(j)) {
        v = d;
        j += 1;
    }
    if t.at(j) == '十' {
        v = if j == i { 10 } else { v * 10 };
        j += 1;
        if let Some(d) = digit(t.at(j)) {
            v += d;
            j += 1;
        }
    }
    (j > i && v > 0).then_some((v, j))
}

const ERAS: &[&str] = &["令和", "平成", "昭和", "大正", "明治"];
const PUBLIC_AFTER: &[&str] = &[
    "施行", "公布", "改正", "発表", "告示", "開催", "締切", "付け", "休診", "祝日", "休み", "元日",
    "正月",
];

/// A date around the "月" at `me` (`names_ja_bare::run` calls this for each "月" inside a
/// kanji run, so the text is not walked again).
pub(super) fn at_month(t: &Text, me: usize, hits: &mut Hits) {
    let i = t.run_start(me, 3, |c| c == '十' || digit(c).is_some());
    let Some((m, e)) = numeral(t, i) else {
        return;
    };
    if e != me || !(1..=12).contains(&m) {
        return;
    }
    let Some((d, de)) = numeral(t, me + 1) else {
        return;
    };
    if t.at(de) != '日' || !(1..=31).contains(&d) {
        return;
    }
    let mut s = i;
    // "令和六年" / "昭和七年" / "元年" before the month.
    if t.before(s) == '年' {
        let ye = s - 1;
        let ys = t.run_start(ye, 3, |c| matches!(c, '十' | '元') || digit(c).is_some());
        if ys < ye {
            s = ys;
            if let Some(era) = ERAS.iter().find(|e| ys >= 2 && t.ends_ci(ys, e)) {
                s = ys - era.chars().count();
            }
        }
    } else if is_kanji(t.before(s)) {
        // "第三月" or a word ending in a numeral: not a date.
        return;
    }
    let end = de + 1;
    if !PUBLIC_AFTER
        .iter()
        .any(|p| t.starts_ci(end, p) || t.starts_ci(end + 1, p))
    {
        push(hits, Kind::Date, s, end, "date.kanji_numeral");
    }
}

#[cfg(test)]
mod tests {
    use crate::kinds::Kind;

    fn dates(s: &str) -> Vec<String> {
        crate::detector::texts_of_kind(s, Kind::Date)
    }

    #[test]
    fn kanji_numeral_dates() {
        assert_eq!(dates("令和六年三月二日、永眠。"), vec!["令和六年三月二日"]);
        assert_eq!(dates("十月三日に転院予定。"), vec!["十月三日"]);
        assert_eq!(dates("昭和七年五月五日生まれ。"), vec!["昭和七年五月五日"]);
        assert_eq!(dates("十二月二十五日に手術"), vec!["十二月二十五日"]);
        assert!(dates("三月上旬に勉強会").is_empty());
        assert!(dates("令和六年四月一日施行の改正").is_empty());
        assert!(dates("三ヶ月後に再診").is_empty());
        assert!(dates("一月一日は休診です。").is_empty());
    }
}
