//! Unit tests of the field types.

use super::*;

#[test]
fn emails_are_checked_simply() {
    for good in ["a@b.co", "Nurse.Sato@hospital.example.jp "] {
        assert!(Email::parse(good).is_ok(), "{good}");
    }
    assert_eq!(Email::parse(" A@B.co").unwrap().as_str(), "a@b.co");
    assert_eq!(Email::parse("").unwrap_err(), "err.required");
    for bad in ["no-at.example", "a@b", "a@.b", "a b@c.d", "a@b@c.d"] {
        assert_eq!(Email::parse(bad).unwrap_err(), "err.email_invalid", "{bad}");
    }
}

#[test]
fn npi_needs_a_valid_check_digit() {
    assert_eq!(
        Npi::parse("1234567893")
            .unwrap()
            .map(|n| n.as_str().to_string()),
        Some("1234567893".to_string())
    );
    assert_eq!(Npi::parse("1234567890").unwrap_err(), "err.npi_invalid");
    assert_eq!(Npi::parse("").unwrap(), None);
}

#[test]
fn one_line_text_rejects_controls_and_overlong_values() {
    assert_eq!(line("ok", true, 5).unwrap(), "ok");
    assert_eq!(
        line("toolong", true, 5).unwrap_err(),
        "err.too_long_by|max=5|over=2"
    );
    assert_eq!(line("bad\u{7}", true, 5).unwrap_err(), "err.bad_chars");
    assert_eq!(line("  ", true, 5).unwrap_err(), "err.required");
    assert_eq!(line("", false, 5).unwrap(), "");
}

#[test]
fn a_title_knows_its_maximum() {
    assert!(Title::parse(&"x".repeat(Title::MAX)).is_ok());
    assert_eq!(
        Title::parse(&"x".repeat(Title::MAX + 1)).unwrap_err(),
        format!("err.too_long_by|max={}|over=1", Title::MAX)
    );
}

#[test]
fn a_post_form_parses_into_a_new_post_with_one_error_per_field() {
    let form = PostForm {
        title: Some(" Night shift ".into()),
        tags: Some("#ICU, sepsis 敗血症".into()),
        body: "line one\r\nline two".into(),
        send_for_review: true,
    };
    let post = NewPost::try_from(&form).unwrap();
    assert_eq!(post.title.unwrap().as_str(), "Night shift");
    assert_eq!(post.tags.unwrap().as_slice(), ["icu", "sepsis", "敗血症"]);
    assert_eq!(post.body.as_str(), "line one\nline two");
    let bad = PostForm {
        title: Some(String::new()),
        tags: Some("a b c d e f".into()),
        body: " ".into(),
        send_for_review: false,
    };
    let errors = NewPost::try_from(&bad).unwrap_err();
    assert_eq!(errors["title"], "err.required");
    assert_eq!(errors["tags"], "err.too_many_tags|max=5");
    assert_eq!(errors["body"], "err.required");
}

#[test]
fn a_huge_tag_list_is_refused_without_reading_it_all() {
    let many = "t ".repeat(100_000) + &(0..100_000).map(|i| format!("x{i} ")).collect::<String>();
    assert_eq!(Tags::parse(&many).unwrap_err(), "err.too_many_tags|max=5");
}

#[test]
fn licence_fields_collect_every_error() {
    let mut errors = FieldErrors::new();
    let get = |f: &str| match f {
        "profession" => "astronaut".to_string(),
        "npi" => "1234567890".to_string(),
        _ => String::new(),
    };
    assert!(Licence::parse(get, &mut errors).is_none());
    assert_eq!(errors["profession"], "err.choose");
    assert_eq!(errors["licence_number"], "err.required");
    assert_eq!(errors["npi"], "err.npi_invalid");
}

#[test]
fn categories_key_their_errors_by_card() {
    let f = CategoryForm {
        slug: "Bad Slug".into(),
        name_en: "Cardiology".into(),
        position: "x".into(),
        ..CategoryForm::default()
    };
    let e = CategoryInput::parse(&f, "_7").unwrap_err();
    assert_eq!(e["slug_7"], "err.slug_invalid");
    assert_eq!(e["name_ja_7"], "err.required");
    assert_eq!(e["position_7"], "err.number");
}

#[test]
fn a_suspension_lasts_whole_days_within_five_years() {
    assert_eq!(
        SuspensionDays::parse("7").map(|d| d.seconds()),
        Ok(7 * 86_400)
    );
    assert_eq!(
        SuspensionDays::parse(" 1825 ").map(|d| d.seconds()),
        Ok(1825 * 86_400)
    );
    for bad in ["0", "-3", "1826", "", "1.5", "seven"] {
        assert_eq!(
            SuspensionDays::parse(bad),
            Err("err.suspension_days".to_string()),
            "{bad:?}"
        );
    }
}
