//! Tests of `view`.

use super::*;

fn read(s: &str) -> String {
    build(s).text
}

#[test]
fn disguises_are_undone() {
    assert_eq!(read("Ta\u{200B}ro Ya\u{00AD}mada"), "Taro Yamada");
    assert_eq!(read("Mr. Реtrоv"), "Mr. Petrov");
    assert_eq!(read("夕ナ力さん"), "タナカさん");
    assert_eq!(read("エ藤さん"), "工藤さん");
    assert_eq!(read("〇九〇‐一二三四‐五六七八"), "090-1234-5678");
    assert_eq!(
        read("call 3 1 2 - 5 5 5 - 0 1 9 9 now"),
        "call 312-555-0199 now"
    );
    assert_eq!(
        read("grace dot obi at example dot com"),
        "grace.obi@example.com"
    );
    assert_eq!(
        read("k.tanaka [at] example [dot] org"),
        "k.tanaka@example.org"
    );
    assert_eq!(
        read("hxxps://blog.example[.]jp/megumi"),
        "https://blog.example.jp/megumi"
    );
    assert_eq!(
        read("Mr \u{202E}tsivqdniL\u{202C} in 14"),
        "Mr Lindqvist in 14"
    );
}

#[test]
fn ordinary_text_is_left_alone() {
    for s in [
        "we met at noon, dot the i's",
        "九十二歳の方",
        "Москва is a city",
        "BP 120 / 80 at 3 pm",
        "👩‍⚕️ on shift",
    ] {
        let v = build(s);
        assert_eq!(
            v.text.replace('\u{200D}', ""),
            s.replace('\u{200D}', ""),
            "{s}"
        );
    }
}

#[test]
fn every_character_maps_back() {
    let s = "A\u{200B}B 5 5 5 1 2 3 4 x";
    let v = build(s);
    assert_eq!(v.orig.len(), v.text.chars().count());
    assert!(v.orig.windows(2).all(|w| w[0] < w[1]));
}
