//! Tests of `names_en`.

use crate::kinds::Kind;

fn names(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Name)
}

#[test]
fn positives() {
    let cases = [
        ("Mr. Okonkwo refused dialysis", "Okonkwo"),
        ("Mrs Nguyen-Tran is back", "Nguyen-Tran"),
        ("Daughter Priya texts every hour", "Priya"),
        ("Could we ring Aisha Rahman (wife) today?", "Aisha Rahman"),
        ("Our resident Svetlana keeps wandering", "Svetlana"),
        ("Case: John Whitaker, 93M, admitted", "John Whitaker"),
        ("Mr. Crohn (his real name) with Crohn's disease", "Crohn"),
        ("Tanaka-san fell again", "Tanaka"),
        ("Okafor, 94F, on warfarin", "Okafor"),
        ("a man named Mateo Alvarez", "Mateo Alvarez"),
        ("Wife (Mariam) says he is confused", "Mariam"),
        ("Our new admission, Haruto Sato, is deaf", "Haruto Sato"),
        ("Emigdio del Goñi taught me a lot", "Emigdio del Goñi"),
        ("Sjoerd van der Leek taught me", "Sjoerd van der Leek"),
        ("Patients: Abernathy (bed 3) is stable", "Abernathy"),
        ("Patient name: Siobhan Kerrigan", "Siobhan Kerrigan"),
        ("bed 16 Durnin, MRN 0848578", "Durnin"),
    ];
    for (s, want) in cases {
        assert_eq!(names(s).first().map(String::as_str), Some(want), "{s}");
    }
}

#[test]
fn negatives() {
    for s in [
        "Patient Y, 82F, Parkinson's disease",
        "Mr. Z refused",
        "Smith et al. (NEJM, 2019) found",
        "Cheyne-Stokes respiration",
        "Lou Gehrig's disease",
        "Grey Turner sign",
        "Dr. Mary Jones will call",
        "Patient Safety week",
        "Kaiser Permanente has a pathway",
        "Hashimoto's thyroiditis",
        "Stevens-Johnson syndrome",
        "The patient, 82, on Xarelto",
        "Pt 3 stable",
        "Sloan Kettering",
        "Rocky Mountain spotted fever",
        "Please read the Francis Report",
        "Pharmacy says yes",
        "Will says it is fine",
        "day 14 of admission, HbA1c 8.9%",
    ] {
        assert!(names(s).is_empty(), "{s}: {:?}", names(s));
    }
}
