//! Tests of `addresses`.

use crate::kinds::Kind;

fn addrs(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Address)
}

#[test]
fn positives() {
    let cases = [
        (
            "lives at 1234 Oak Street, Apt. 5 alone",
            "1234 Oak Street, Apt. 5",
        ),
        (
            "Address 48 West 12th St, Springfield, IL 62704",
            "48 West 12th St",
        ),
        ("Lives in ZIP 94110, far away", "94110"),
        ("〒123-4567エリア", "〒123-4567"),
        ("lives near Wembley HA9 8HB now", "HA9 8HB"),
        ("Montréal QC H2X 1Y4", "H2X 1Y4"),
        ("住所東京都新宿区西新宿2-8-1の方", "東京都新宿区西新宿2-8-1"),
        ("横浜市中区本町3丁目4番5号", "横浜市中区本町3丁目4番5号"),
        ("大阪府堺市北区１－２－３", "大阪府堺市北区１－２－３"),
    ];
    for (s, want) in cases {
        assert_eq!(addrs(s).first().map(String::as_str), Some(want), "{s}");
    }
}

#[test]
fn negatives() {
    for s in [
        "rural Ohio",
        "北海道在住",
        "都内の病院",
        "JCS I-3",
        "room 210 on 3 West",
        "302号室",
        "Take 2 Tylenol Extra",
        "HAS-BLED 3",
        "NG106 and CKD 4",
        "COVID 19 ward",
        "30 Day Readmission",
    ] {
        assert!(addrs(s).is_empty(), "{s}: {:?}", addrs(s));
    }
}
