//! Tests of `dates`.

use crate::kinds::Kind;

fn dates(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Date)
}

#[test]
fn positives() {
    let cases = [
        ("admitted 2024-09-11 with", "2024-09-11"),
        ("DOB 03/14/1931 on the band", "03/14/1931"),
        ("died October 9, 2024 at home", "October 9, 2024"),
        ("seen on 9 Oct 2024", "9 Oct 2024"),
        ("born 02-Mar-1929", "02-Mar-1929"),
        ("令和5年3月2日入院", "令和5年3月2日"),
        ("令和元年5月1日に", "令和元年5月1日"),
        ("R5.3.2退院", "R5.3.2"),
        ("昭和８年４月１２日生まれ", "昭和８年４月１２日"),
        ("3月2日に永眠", "3月2日"),
        ("2024年10月1日入院", "2024年10月1日"),
        ("discharged on 3/2 with", "3/2"),
        ("3/2(月)に入院", "3/2"),
        ("Op on March 2nd.", "March 2nd"),
    ];
    for (s, want) in cases {
        assert_eq!(dates(s), vec![want.to_string()], "{s}");
    }
}

#[test]
fn negatives() {
    for s in [
        "since 2019",
        "令和3年から",
        "2024年度の報告",
        "POD 3",
        "3年前に",
        "入院5日目",
        "令和6年4月1日施行",
        "Grand rounds on March 3, 2026: Parkinson's",
        "BP 120/80",
        "3/4の入居者に嚥下障害",
        "3/4に減量",
        "1/2 tab",
        "May 3 mg",
        "we may 3x daily",
        "KDIGO 2012",
        "version 1.2.3",
        "令和6年10月1日から制度が変わります",
    ] {
        assert!(dates(s).is_empty(), "{s}: {:?}", dates(s));
    }
}
