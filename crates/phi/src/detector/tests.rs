//! Tests of `detector`.

use super::*;

#[test]
fn members_addressed_by_their_whole_name_are_not_patients() {
    let text = "Kenji Okafor said she fell again; Mrs. Okafor, 93, is stable. cc @Nurse_Kimura";
    let plain = Detector::new(SiteLists::default()).scan(text);
    let names = |s: &Scan| -> Vec<String> {
        s.findings
            .iter()
            .filter(|f| f.kind == Kind::Name)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    };
    assert!(
        names(&plain).iter().any(|n| n.contains("Kenji")),
        "{plain:?}"
    );
    let d = Detector::new(SiteLists {
        members: vec!["Nurse Kimura".into(), "Kenji Okafor".into()],
        ..SiteLists::default()
    });
    let s = d.scan(text);
    let found = names(&s);
    assert!(
        !found
            .iter()
            .any(|n| n.contains("Kenji") || n.contains("Kimura")),
        "{found:?}"
    );
    // The patient who shares the member's surname is still held.
    assert!(found.iter().any(|n| n == "Okafor"), "{found:?}");
    assert!(d.scan("木村さんのお母様、93歳").hold);
}

#[test]
fn site_lists() {
    let d = Detector::new(SiteLists {
        always_hold: vec!["Lakeside Rehab".into(), "みなと苑".into()],
        never_hold: vec!["Mr. Clean".into()],
        ..SiteLists::default()
    });
    let s = d.scan("Seen at lakeside rehab yesterday.");
    assert!(s.hold && s.findings[0].kind == Kind::Facility);
    assert!(d.scan("みなと苑で転倒").hold);
    assert!(!d.scan("We stock Mr. Clean wipes.").hold);
    assert!(!d
        .scan("Lakeside Rehabilitation Centre's protocol")
        .findings
        .iter()
        .any(|f| f.rule == "site.always_hold"));
}

#[test]
fn offsets_are_bytes_and_sorted() {
    let s = scan("長男の携帯は０９０－１２３４－５６７８、Mr. Okafor 93F");
    assert!(s.hold);
    for w in s.findings.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    let text = "長男の携帯は０９０－１２３４－５６７８、Mr. Okafor 93F";
    assert_eq!(
        &text[s.findings[0].start..s.findings[0].end],
        "０９０－１２３４－５６７８"
    );
}

#[test]
fn replacements_follow_the_script() {
    // The replacement follows the kind and the script around it (the kinds here are
    // unambiguous: a compact "93F" is read as an age or a date by different models).
    let s = scan("佐藤花子さん、城南病院から。Mr. Okafor, aged 93.");
    let r: Vec<&str> = s.findings.iter().map(|f| f.replacement.as_str()).collect();
    assert_eq!(r, vec!["〇〇", "〇〇病院", "[name]", "[90+]"]);
    let s = scan("携帯（０９０－１２３４－５６７８）");
    assert_eq!(s.findings[0].replacement, "[電話番号]");
}

#[test]
fn site_terms_fold_full_width() {
    let d = Detector::new(SiteLists {
        always_hold: vec!["ＡＢＣ Rehab".into()],
        never_hold: vec![],
        ..SiteLists::default()
    });
    assert!(d.scan("moved to abc rehab").hold);
    assert!(!d.scan("moved to abcrehab").hold);
}

#[test]
fn clean_posts_are_not_held() {
    for p in [
        "Is HAS-BLED 3 enough to skip anticoagulation?",
        "橋本病の既往があります。",
        "Parkinson's disease in a 82-year-old man.",
    ] {
        assert!(!scan(p).hold, "{p}");
    }
}
