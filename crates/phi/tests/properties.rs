//! Property tests for the PHI detector: on any UTF-8 input (and on inputs biased towards the
//! characters the rules react to) `scan` never panics and reports findings whose byte offsets
//! are on char boundaries, inside the text, non-empty, sorted and non-overlapping.
//! Case counts are kept small so the suite runs in a few seconds in debug builds.

use phi::{scan, Detector, Scan, SiteLists};
use proptest::prelude::*;

fn check(text: &str, s: &Scan) -> Result<(), TestCaseError> {
    let mut prev_end = 0usize;
    for f in &s.findings {
        prop_assert!(f.start < f.end, "empty finding {:?}", f);
        prop_assert!(f.end <= text.len(), "finding past the end {:?}", f);
        prop_assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "not on a char boundary {:?}",
            f
        );
        prop_assert!(f.start >= prev_end, "unsorted or overlapping {:?}", f);
        prop_assert!(!f.replacement.is_empty());
        prev_end = f.end;
    }
    prop_assert_eq!(s.hold, !s.findings.is_empty());
    Ok(())
}

/// Pieces the rules react to: digits (ASCII and full-width), kanji, kana, honorifics, `@`,
/// separators, labels, month names and eras.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,14}",
        "[０-９]{1,12}",
        "[一-龥]{1,6}",
        "[ぁ-ゖ]{1,4}",
        "[ァ-ヺー・]{1,6}",
        Just("さん".to_string()),
        Just("様".to_string()),
        Just("氏".to_string()),
        Just("ちゃん".to_string()),
        Just("@".to_string()),
        Just("＠".to_string()),
        Just("(at)".to_string()),
        "[-/.:()（）〒#＋+ ,、。]{1,3}",
        "(Mr\\.|Mrs|daughter|patient|MRN|ID|NPI|SSN|DOB|age|in her|born|Hospital|Clinic|St\\.) ?",
        "(令和|平成|昭和|R|H|S)[0-9元]{1,2}(年|\\.)",
        "[0-9]{1,2}(月|日|歳|代|F|M|s| yo)",
        "(January|Mar|Oct\\.) [0-9]{1,2},? ?",
        "(https://|www\\.|x\\.com/|facebook\\.com/)[a-z_]{0,8}",
        "[A-Z][a-z]{1,8} ",
        "(病院|クリニック|ホーム|特養|老健|丁目|番地|号|市|区|町)",
        "[a-zA-Z0-9 ]{1,10}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn biased_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_utf8_is_safe(text in any::<String>()) {
        let s = scan(&text);
        check(&text, &s)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn biased_input_is_safe(text in biased_text()) {
        let s = scan(&text);
        check(&text, &s)?;
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn site_lists_are_safe(text in biased_text(), term in "[a-zA-Z一-龥 ]{0,6}") {
        let d = Detector::new(SiteLists { always_hold: vec![term.clone()], never_hold: vec![term], ..SiteLists::default() });
        let s = d.scan(&text);
        check(&text, &s)?;
    }

    #[test]
    fn scanning_is_deterministic(text in biased_text()) {
        prop_assert_eq!(scan(&text), scan(&text));
    }
}

/// Long adversarial inputs stay well-formed (their linear cost is benchmarked).
#[test]
fn adversarial_inputs_give_valid_offsets() {
    let inputs = [
        "7".repeat(100_000),
        "漢".repeat(50_000),
        "@".repeat(100_000),
        "さん".repeat(30_000),
        "様".repeat(50_000),
        "Mr. ".repeat(20_000),
        "a@".repeat(50_000),
        "1-".repeat(50_000),
        "０９０－".repeat(20_000),
        "田中さん、".repeat(15_000),
        "Mary Smith ".repeat(8_000),
    ];
    // Speed and linearity are measured by the criterion benchmark (benches/phi.rs) and
    // instruction counts (examples/phi_one.rs), never by timing a test.
    for text in &inputs {
        let s = scan(text);
        let mut prev = 0;
        for f in &s.findings {
            assert!(
                f.start >= prev
                    && f.start < f.end
                    && text.is_char_boundary(f.start)
                    && text.is_char_boundary(f.end)
            );
            prev = f.end;
        }
    }
}
