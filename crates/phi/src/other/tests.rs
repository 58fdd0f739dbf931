//! Tests of `other`.

use crate::kinds::Kind;

fn others(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Other)
}

#[test]
fn positives() {
    assert_eq!(
        others("he is the town sheriff in Pinecrest, so"),
        vec!["the town sheriff in Pinecrest"]
    );
    assert_eq!(others("Her LINE is hana_0423 if you"), vec!["hana_0423"]);
    assert_eq!(others("Add him on Snapchat: kenji.t88"), vec!["kenji.t88"]);
    assert_eq!(
        others("入居者さんが城南村の元村長で"),
        vec!["城南村の元村長"]
    );
    assert_eq!(
        others("車（足立 500 あ 12-34）が"),
        vec!["足立 500 あ 12-34"]
    );
    assert_eq!(others("LINE ID: hanako_88 で連絡"), vec!["hanako_88"]);
}

#[test]
fn negatives() {
    for s in [
        "the principal investigator said",
        "病院の院長に相談",
        "the mayor said",
        "3あ",
        "line 3 of the table",
    ] {
        assert!(others(s).is_empty(), "{s}: {:?}", others(s));
    }
}
