//! Tests of `names_en_ctx`.

use crate::kinds::Kind;

fn names(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Name)
}

#[test]
fn positives() {
    for (s, want) in [
        ("Sign-out: 12B, Fitzgerald, on heparin", "Fitzgerald"),
        ("Overnight: Kowalczyk spiked to 39.1", "Kowalczyk"),
        ("Ward list: 3A Al-Rashid - for CT head", "Al-Rashid"),
        ("Rounded on Hernández again", "Hernández"),
        ("O'Brien in side room 2 needs a lactate", "O'Brien"),
        ("The Abernathy family asked about hospice", "Abernathy"),
        ("Review Nwachukwu first thing", "Nwachukwu"),
        ("Tremblay - AKI improving", "Tremblay"),
    ] {
        assert_eq!(names(s).first().map(String::as_str), Some(want), "{s}");
    }
}

#[test]
fn negatives() {
    for s in [
        "Pharmacy says the dose is fine.",
        "Best approach to Guillain-Barré in the ICU?",
        "Teaching: Norton 11 and Rockall 4 are screening tools.",
        "Reminder: Schwartz rounds this Thursday.",
        "Parkinson's meds must be on time.",
        "Any thoughts on the Kaplan-Meier curves?",
        "Good thread by Okafor and Singh on deprescribing.",
        "Entresto needs prior authorisation.",
        "Address is 447 Cindy Brooks Apt. 940, West Karenstad, NY 13798.",
        "Nguyen et al. 2020 is the landmark trial.",
    ] {
        assert!(names(s).is_empty(), "{s}: {:?}", names(s));
    }
}
