//! Tests of `ages`.

use crate::kinds::Kind;

fn ages(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::AgeOver89)
}

#[test]
fn positives() {
    let cases = [
        ("93F on warfarin", "93F"),
        ("a 94 yo man", "94 yo"),
        ("95-year-old woman", "95-year-old"),
        ("age 91, lives alone", "91"),
        ("９５歳の女性", "９５歳"),
        ("満101歳", "101歳"),
        ("in her late 90s", "90s"),
        ("90代半ばの男性", "90代"),
        ("九十五歳", "九十五歳"),
        ("a ninety-two-year-old", "ninety-two-year-old"),
        ("she turned ninety-three last week", "ninety-three"),
        ("祖母は卒寿を迎えた", "卒寿"),
        ("man in his 90s, alone", "90s"),
        ("100 y/o", "100 y/o"),
        ("his 103rd birthday party", "103rd"),
        ("百歳の誕生日", "百歳"),
        ("pt 93/F with AF", "93/F"),
        ("she is 94yo", "94yo"),
        ("she is 92 and drives", "92"),
    ];
    for (s, want) in cases {
        assert_eq!(ages(s), vec![want.to_string()], "{s}");
    }
}

#[test]
fn negatives() {
    for s in [
        "89-year-old",
        "80代女性",
        "a man in his 60s",
        "90 or older",
        "older than 90",
        "90歳以上",
        "90歳超",
        "nonagenarians",
        "over 90",
        "aged 90 and over",
        "SpO2 92%",
        "HR 96",
        "90 mg",
        "100歳以上の方",
        "90代の方々の手術",
        "the score is 92",
    ] {
        assert!(ages(s).is_empty(), "{s}: {:?}", ages(s));
    }
}
