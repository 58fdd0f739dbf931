//! The "To" field of a new conversation: the display names of the members to write
//! to, separated by commas (display names may contain spaces), each at most once.

use super::FieldError;
use crate::models::MAX_RECIPIENTS;

/// The recipients typed into the "To" field, as display names: split at commas
/// (also `、` and `，`) and line breaks, trimmed, a leading `@` dropped, repeats
/// removed (ignoring case). At least one, at most [`MAX_RECIPIENTS`].
pub fn recipients(value: &str) -> Result<Vec<String>, FieldError> {
    let mut names: Vec<String> = Vec::new();
    for part in value.split([',', '、', '，', '\n']) {
        let name = part.trim().trim_start_matches(['@', '＠']).trim();
        if name.is_empty() {
            continue;
        }
        if name.chars().any(char::is_control) {
            return Err("err.bad_chars".into());
        }
        if !names
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name.to_string());
        }
    }
    if names.is_empty() {
        Err("err.required".into())
    } else if names.len() > MAX_RECIPIENTS {
        Err(format!("err.too_many_recipients|max={MAX_RECIPIENTS}"))
    } else {
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_commas_and_keep_their_spaces() {
        assert_eq!(
            recipients(" Dr Aoki, @Nurse Kimura、dr aoki\n").unwrap(),
            vec!["Dr Aoki".to_string(), "Nurse Kimura".to_string()]
        );
        assert_eq!(recipients(" , ").unwrap_err(), "err.required");
        let many: Vec<String> = (0..11).map(|i| format!("M{i}")).collect();
        assert!(recipients(&many.join(","))
            .unwrap_err()
            .starts_with("err.too_many_recipients"));
    }
}
