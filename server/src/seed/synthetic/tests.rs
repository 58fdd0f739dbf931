//! Unit tests of synthetic posts: deterministic, well formed, varied, free of PHI, and the
//! embedded vocabulary parses and resolves.

use super::vocab::{parse, vocab, SYNTHETIC_TOML};
use super::*;

fn is_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{309f}' | '\u{30a0}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
    })
}

#[test]
fn deterministic() {
    for i in [0, 1, 2, 17, 999, 123_456, u64::MAX] {
        let (a, b) = (synthetic_post(i), synthetic_post(i));
        assert_eq!(a.title, b.title);
        assert_eq!(a.body, b.body);
        assert_eq!(a.tags, b.tags);
        assert_eq!((a.lang, a.category), (b.lang, b.category));
    }
    assert_ne!(synthetic_post(0).body, synthetic_post(1).body);
}

#[test]
fn shape_and_lengths() {
    const CATEGORIES: &[&str] = &[
        "internal-medicine",
        "nursing",
        "elder-care",
        "pharmacy",
        "pediatrics",
        "emergency",
        "workplace",
    ];
    for i in 0..2000 {
        let p = synthetic_post(i);
        let n = p.body.chars().count();
        assert!(
            (MIN_BODY_CHARS..=MAX_BODY_CHARS).contains(&n),
            "post {i}: {n} chars"
        );
        assert!(!p.title.is_empty() && p.title.chars().count() <= 120);
        assert!(CATEGORIES.contains(&p.category), "{}", p.category);
        assert!((1..=3).contains(&p.tags.len()), "post {i}: {:?}", p.tags);
        for t in &p.tags {
            let ascii = t
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(ascii || is_japanese(t), "post {i}: tag {t}");
        }
        assert_eq!(
            p.lang == "ja",
            is_japanese(&p.title),
            "post {i}: {}",
            p.title
        );
        assert!(!p.body.contains('{') && !p.body.contains('}'));
    }
}

#[test]
fn both_languages_and_mixed_posts() {
    let posts: Vec<_> = (0..100).map(synthetic_post).collect();
    let ja = posts.iter().filter(|p| p.lang == "ja").count();
    assert!((30..=70).contains(&ja), "{ja} Japanese posts of 100");
    let mixed = posts
        .iter()
        .filter(|p| p.body.contains("English summary") || p.body.contains("日本語まとめ"))
        .count();
    assert!(mixed >= 3, "{mixed} mixed posts of 100");
}

#[test]
fn varied_vocabulary() {
    let text: String = (0..2000)
        .map(|i| {
            let p = synthetic_post(i);
            format!("{}\n{}\n", p.title, p.body)
        })
        .collect();
    let v = vocab();
    let en_terms = v
        .conditions
        .iter()
        .map(|c| c.en.as_str())
        .chain(v.drugs.iter().map(|d| d.en.as_str()))
        .chain(v.interventions.iter().map(|d| d.en.as_str()))
        .chain(v.labs.iter().map(|l| l.en.as_str()));
    let ja_terms = v
        .conditions
        .iter()
        .map(|c| c.ja.as_str())
        .chain(v.drugs.iter().map(|d| d.ja.as_str()))
        .chain(v.interventions.iter().map(|d| d.ja.as_str()))
        .chain(v.labs.iter().map(|l| l.ja.as_str()));
    let ci = text.to_lowercase();
    let en = en_terms.filter(|t| ci.contains(&t.to_lowercase())).count();
    let ja = ja_terms
        .filter(|t| is_japanese(t) && text.contains(t))
        .count();
    assert!(en >= 40, "{en} distinct English terms");
    assert!(ja >= 40, "{ja} distinct Japanese terms");
}

#[test]
fn first_posts_pass_the_phi_detector() {
    let mut failures = Vec::new();
    for i in 0..2000 {
        let p = synthetic_post(i);
        for (what, text) in [("title", &p.title), ("body", &p.body)] {
            let scan = phi::scan(text);
            if scan.hold {
                let found: Vec<String> = scan
                    .findings
                    .iter()
                    .map(|f| {
                        let ctx_s = text.floor_char_boundary(f.start.saturating_sub(30));
                        let ctx_e = text.ceil_char_boundary((f.end + 30).min(text.len()));
                        format!(
                            "{} {:?} ({}) in {:?}",
                            f.kind.as_str(),
                            &text[f.start..f.end],
                            f.rule,
                            &text[ctx_s..ctx_e]
                        )
                    })
                    .collect();
                failures.push(format!("post {i} {what}: {found:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} held:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Proves that the `panic!` in `vocab()` cannot fire: the embedded text parses, and every
/// drug and complication named in it resolves.
#[test]
fn embedded_vocabulary_parses() {
    let v = parse(SYNTHETIC_TOML).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v.conditions.len(), vocab().conditions.len());
}

#[test]
fn term_lists_are_consistent() {
    let v = vocab();
    for c in &v.conditions {
        assert!(!c.drugs.is_empty(), "{}", c.en);
        assert!(c.drugs.iter().all(|&d| d < v.drugs.len()), "{}", c.en);
        assert_eq!(c.child, c.category == "pediatrics", "{}", c.en);
    }
    for &c in v.adult_complications.iter().chain(&v.child_complications) {
        assert!(c < v.conditions.len());
    }
    let n = |v: &[&str]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v.len()
    };
    let en: Vec<&str> = v.conditions.iter().map(|c| c.en.as_str()).collect();
    let ja: Vec<&str> = v.conditions.iter().map(|c| c.ja.as_str()).collect();
    assert_eq!(n(&en), v.conditions.len());
    assert_eq!(n(&ja), v.conditions.len());
    let en: Vec<&str> = v.drugs.iter().map(|d| d.en.as_str()).collect();
    let ja: Vec<&str> = v.drugs.iter().map(|d| d.ja.as_str()).collect();
    assert_eq!(n(&en), v.drugs.len());
    assert_eq!(n(&ja), v.drugs.len());
}

#[test]
fn broken_vocabularies_are_rejected() {
    let broken = |from: &str, to: &str| {
        assert_eq!(SYNTHETIC_TOML.matches(from).count(), 1, "{from}");
        let text = SYNTHETIC_TOML.replace(from, to);
        parse(&text).err().unwrap_or_default()
    };
    let e = broken("{cond} in {set}: how", "{cnd} in {set}: how");
    assert!(e.contains("{cnd}"), "{e}");
    let e = broken("{cond} in {set}: how", "{cond in {set}: how");
    assert!(e.contains("unknown placeholder"), "{e}");
    let e = broken("Our checklist:", "Our checklist}");
    assert!(e.contains("unmatched brace"), "{e}");
    let e = broken(
        "\"ampicillin-sulbactam\", \"ceftriaxone\", \"pip",
        "\"ampicilin\", \"ceftriaxone\", \"pip",
    );
    assert!(e.contains("\"ampicilin\""), "{e}");
    let e = broken("\"febrile seizure\",\n", "\"febrile seizures\",\n");
    assert!(e.contains("\"febrile seizures\""), "{e}");
    let e = broken("min_tenths = 150,", "min_tenths = 650,");
    assert!(e.contains("min_tenths above max_tenths"), "{e}");
    let e = broken(
        "[[conditions]]\nen = \"croup\"",
        "[[conditions]]\nen = \"croup\"\nseverity = 1",
    );
    assert!(e.contains("severity"), "{e}");
}

#[test]
fn templates() {
    let t = Template::try_from("{cond} and {drug2}, then {egfr}.".to_string()).unwrap();
    assert!(t.uses(Slot::Egfr) && t.uses(Slot::Drug2) && !t.uses(Slot::Drug));
    assert_eq!(t.pieces().len(), 6);
    assert!(Template::try_from("plain".to_string()).is_ok());
    assert!(Template::try_from("{nope}".to_string()).is_err());
    assert!(Template::try_from("{cond".to_string()).is_err());
    assert!(Template::try_from("cond}".to_string()).is_err());
}

#[test]
fn children_are_never_given_a_decade() {
    for i in 0..2000 {
        let p = synthetic_post(i);
        if p.category == "pediatrics" {
            let text = format!("{} {}", p.title, p.body);
            assert!(!text.contains("0s") && !text.contains("0代"), "post {i}");
        }
    }
}

#[test]
fn slugs() {
    assert_eq!(slug("insulin glargine"), "insulin-glargine");
    assert_eq!(slug("ampicillin-sulbactam"), "ampicillin-sulbactam");
    assert_eq!(capitalise("eGFR was low"), "eGFR was low");
    assert_eq!(
        capitalise("**early** mobilisation"),
        "**Early** mobilisation"
    );
}
