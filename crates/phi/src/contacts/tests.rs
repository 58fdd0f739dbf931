//! Tests of `contacts`.

use crate::detector::scan_rules as scan;
use crate::kinds::Kind;

fn kinds(s: &str) -> Vec<Kind> {
    scan(s).findings.iter().map(|f| f.kind).collect()
}

#[test]
fn emails_positive_and_negative() {
    assert_eq!(kinds("mail jo.smith42@gmail.com please"), vec![Kind::Email]);
    assert_eq!(
        kinds("ｔａｒｏ．ｙａｍａ＠ｄｏｃｏｍｏ．ｎｅ．ｊｐに送って"),
        vec![Kind::Email]
    );
    assert_eq!(kinds("hanako(at)yahoo.co.jp"), vec![Kind::Email]);
    assert_eq!(
        kinds("write to taro.k [at] example [dot] com"),
        vec![Kind::Email]
    );
    assert!(kinds("see table (at) the end").is_empty());
    assert!(kinds("DM me at @hospitalist_jo").is_empty());
    assert!(kinds("投稿者 @zaitaku_ns：質問です").is_empty());
}

#[test]
fn urls_personal_vs_public() {
    assert_eq!(
        kinds("see https://www.facebook.com/jane.doe.77"),
        vec![Kind::Url]
    );
    assert_eq!(kinds("娘さんが（x.com/tanaka_h）に"), vec![Kind::Url]);
    assert_eq!(
        kinds("https://www.gofundme.com/f/help-dad"),
        vec![Kind::Url]
    );
    assert!(kinds("see https://www.ncbi.nlm.nih.gov/books/NBK430685/").is_empty());
    assert!(kinds("資料（https://www.mhlw.go.jp/）が参考").is_empty());
    assert!(kinds("we use x.com a lot").is_empty());
    assert_eq!(
        kinds("His blog caringfordad.wordpress.com has photos"),
        vec![Kind::Url]
    );
    assert!(kinds("see www.wordpress.com for themes").is_empty());
}

#[test]
fn phones_positive() {
    for p in [
        "call (212) 555-0123",
        "ring 415-555-0199 ext. 12",
        "+1 212 555 0100",
        "携帯090-1234-5678に",
        "０９０１２３４５６７８",
        "03-3123-4567",
        "+81-90-1234-5678",
        "tel 0123(45)6789",
        "07700 900123",
        "電話 555-0123",
        "Son can be texted on 555-0187",
        "Updated NOK: 555-0171 no longer valid",
        "daughter's number, if the ward needs it, 555-0148",
    ] {
        assert_eq!(kinds(p), vec![Kind::Phone], "{p}");
    }
}

#[test]
fn phones_negative() {
    for p in [
        "#7119に相談",
        "call 911 or 988",
        "1-800-273-8255 is free",
        "0120-123-456",
        "BP 120/80, HR 88",
        "PMID 23419528",
        "2024-09-11",
        "Plt 6.2万",
        "WBC 14000",
        "lot 555-0171 was recalled",
    ] {
        assert!(!kinds(p).contains(&Kind::Phone), "{p}");
    }
}
