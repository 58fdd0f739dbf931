//! Tests of `ids`.

use super::*;
use crate::kinds::Kind;

fn ids(s: &str) -> Vec<String> {
    crate::detector::texts_of_kind(s, Kind::Id)
}

#[test]
fn check_digits() {
    assert!(npi_is_valid("1234567893"));
    assert!(!npi_is_valid("1234567890"));
    assert!(!npi_is_valid("12345678"));
    assert!(my_number_ok(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 8]));
    assert!(!my_number_ok(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2]));
    assert!(
        ssn_ok(&[1, 2, 3, 4, 5, 6, 7, 8, 9])
            && !ssn_ok(&[6, 6, 6, 4, 5, 6, 7, 8, 9])
            && !ssn_ok(&[9, 1, 2, 4, 5, 6, 7, 8, 9])
    );
}

#[test]
fn positives() {
    assert_eq!(ids("MRN 0123456 on warfarin"), vec!["0123456"]);
    assert_eq!(ids("MRN: MR1234567"), vec!["MR1234567"]);
    assert_eq!(ids("SSN 123-45-6789 in the allergies"), vec!["123-45-6789"]);
    assert_eq!(ids("NPI 1234567893 no match"), vec!["1234567893"]);
    assert_eq!(ids("マイナンバー1234 5678 9018が"), vec!["1234 5678 9018"]);
    assert_eq!(ids("患者ID：５７０９７５８様"), vec!["５７０９７５８"]);
    assert_eq!(ids("被保険者証 記号8205 番号115 の方"), vec!["8205", "115"]);
    assert_eq!(ids("member ID KPX12345678 denied"), vec!["KPX12345678"]);
    assert_eq!(ids("被保険者番号12345678"), vec!["12345678"]);
    // An insurer number whose check digit fails is held for a moderator to look at.
    assert_eq!(ids("保険者番号 06130012"), vec!["06130012"]);
}

#[test]
fn negatives() {
    for s in [
        "PMID 23419528",
        "保険者番号 06130017 の保険者",
        "insurer number 06130017",
        "NCT01234567",
        "lot 7788123",
        "ICD I50.9",
        "SSN-like 666-12-3456",
        "302号室",
        "WBC 14000",
        "2,000,000円",
        "93F",
    ] {
        assert!(ids(s).is_empty(), "{s}");
    }
}
