//! Why a finding was made, in plain words for the author and the moderator, in both
//! languages: from the rule that fired (`Finding::rule`). One place, so the composer,
//! the held-post page and the moderator's view say the same thing.

/// Plain-words reasons for a rule, English and Japanese.
pub fn why(rule: &str) -> (&'static str, &'static str) {
    let (family, detail) = rule.split_once('.').unwrap_or((rule, ""));
    match (family, detail) {
        ("name", d) if d.contains("honorific") => (
            "a name next to a title or honorific (Mr., Mrs., さん, 様)",
            "敬称（さん・様・Mr. など）の付いた名前",
        ),
        ("name", d) if d.starts_with("label") => (
            "a name after a label such as Name: or 氏名",
            "「氏名」「名前」などの見出しの後の名前",
        ),
        ("name", _) => (
            "a word from the name lists, in a sentence about a patient or family",
            "患者や家族についての文の中の、名前の辞書にある語",
        ),
        ("date", _) => (
            "a date tied to a patient's care (admission, birth, visit, procedure)",
            "入院・出生・受診・処置など、患者に結びついた日付",
        ),
        ("age", _) => (
            "an age of 90 or more, which can identify a person",
            "90歳以上の年齢（個人の特定につながります）",
        ),
        ("phone", _) => ("a phone number", "電話番号"),
        ("email", _) => ("an e-mail address", "メールアドレス"),
        ("address", _) => (
            "a street address, postcode or Japanese address down to the block",
            "番地・郵便番号・丁目までの住所",
        ),
        ("id", _) => (
            "a record, insurance or other identifying number",
            "カルテ番号・保険者番号などの識別番号",
        ),
        ("url", _) | ("other", "social_handle") => (
            "a personal web page or social-media account",
            "個人のウェブページやSNSアカウント",
        ),
        ("facility", _) => (
            "a named hospital, clinic or care home tied to the patient",
            "患者に結びついた病院・診療所・施設の名前",
        ),
        ("other", d) if d.contains("role") => (
            "a role only one person holds (the mayor of a town, a temple's priest)",
            "一人しかいない役職（町長・住職など）",
        ),
        ("other", _) => (
            "an account ID, licence plate or similar detail that points to one person",
            "アカウントID・ナンバープレートなど、一人を指す情報",
        ),
        ("model", kind) => model_why(kind),
        ("site", _) => (
            "a term this site always holds (set by its administrators)",
            "このサイトが常に保留する語（管理者が設定）",
        ),
        _ => (
            "something that may identify a patient",
            "患者を特定しうる情報",
        ),
    }
}

fn model_why(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "name" => (
            "read as a person's name from the words around it",
            "前後の文脈から人名と判断しました",
        ),
        "date" => (
            "read as a date about the patient from the words around it",
            "前後の文脈から患者に関する日付と判断しました",
        ),
        "facility" => (
            "read as the name of a place of care from the words around it",
            "前後の文脈から施設名と判断しました",
        ),
        _ => (
            "read as identifying from the words around it",
            "前後の文脈から個人を特定しうる情報と判断しました",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::why;

    #[test]
    fn every_rule_family_has_a_reason_in_both_languages() {
        for rule in [
            "name.honorific_ja",
            "name.label_ja",
            "name.bare",
            "date.kanji_numeral",
            "age.suffix",
            "phone",
            "email.spelled",
            "address.street",
            "id.labelled_alnum",
            "url.personal",
            "facility.ja_head",
            "other.role_ja",
            "other.labelled",
            "model.name",
            "model.date",
            "site.always_hold",
            "unknown",
        ] {
            let (en, ja) = why(rule);
            assert!(!en.is_empty() && !ja.is_empty(), "{rule}");
            assert!(ja.chars().any(|c| c > '\u{3000}'), "{rule} has Japanese");
        }
        assert_ne!(why("phone"), why("email"));
    }
}
