//! Tests of `analyzer`.

use super::*;

fn texts(s: &str, mode: Mode) -> Vec<String> {
    analyze(s, mode).into_iter().map(|t| t.text).collect()
}

#[test]
fn english_words_are_stemmed_and_stop_words_dropped() {
    assert_eq!(texts("The infections", Mode::Query), ["infect"]);
    assert_eq!(texts("infection", Mode::Query), ["infect"]);
    assert_eq!(texts("no fever", Mode::Query), ["no", "fever"]);
}

#[test]
fn stop_words_leave_a_gap_in_positions() {
    let t = analyze("risk of falls", Mode::Query);
    assert_eq!((t[0].pos, t[1].pos), (0, 2));
}

#[test]
fn japanese_becomes_bigrams_with_a_tail_when_indexing() {
    assert_eq!(texts("褥瘡", Mode::Index), ["褥瘡", "瘡"]);
    assert_eq!(texts("褥瘡", Mode::Query), ["褥瘡"]);
    assert_eq!(
        texts("誤嚥性肺炎", Mode::Query),
        ["誤嚥", "嚥性", "性肺", "肺炎"]
    );
    assert_eq!(texts("咳", Mode::Query), ["咳"]);
}

#[test]
fn spaces_between_japanese_characters_do_not_split_words() {
    assert_eq!(
        texts("せん妄 予防", Mode::Query),
        texts("せん妄予防", Mode::Query)
    );
}

#[test]
fn full_width_and_half_width_forms_match() {
    assert_eq!(texts("ＭＲＳＡ", Mode::Query), texts("MRSA", Mode::Query));
    assert_eq!(texts("ｶﾞｰｾﾞ", Mode::Query), texts("ガーゼ", Mode::Query));
}

#[test]
fn offsets_point_into_the_original_text() {
    let s = "ＭＲＳＡ肺炎";
    let t = analyze(s, Mode::Index);
    assert_eq!(&s[t[0].from..t[0].to], "ＭＲＳＡ");
    assert_eq!(&s[t[1].from..t[1].to], "肺炎");
}

#[test]
fn mixed_language_text_yields_both() {
    assert_eq!(texts("vancomycin投与", Mode::Query), ["vancomycin", "投与"]);
}
