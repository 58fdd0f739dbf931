//! Validation of what users type into account forms. Each rule yields a message
//! key per field so a rejected form comes back with a message next to each field.

use std::collections::BTreeMap;

use crate::models::PROFESSIONS;

/// Field → message key.
pub type FieldErrors = BTreeMap<String, String>;

/// Longest accepted value of a free-text account field, in characters.
pub const MAX_SHORT: usize = 120;

/// Adds `key` for `field` unless that field already has an error.
pub fn flag(errors: &mut FieldErrors, field: &str, key: &str) {
    errors
        .entry(field.to_string())
        .or_insert_with(|| key.to_string());
}

/// Checks a required single-line text field: present, not too long, no control characters.
pub fn text(errors: &mut FieldErrors, field: &str, value: &str, required: bool, max: usize) {
    let v = value.trim();
    if required && v.is_empty() {
        flag(errors, field, "err.required");
    } else if v.chars().count() > max {
        flag(errors, field, &format!("err.too_long_n|max={max}"));
    } else if v.chars().any(|c| c.is_control()) {
        flag(errors, field, "err.bad_chars");
    }
}

/// Checks a required multi-line text (post bodies, notes): present, not too long,
/// no control characters other than line breaks and tabs.
pub fn multiline(errors: &mut FieldErrors, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        flag(errors, field, "err.required");
    } else if value.chars().count() > max {
        flag(errors, field, &format!("err.too_long_n|max={max}"));
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        flag(errors, field, "err.bad_chars");
    }
}

/// Normalises an email for storage and look-up.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A deliberately simple email check: one `@`, something on both sides, a dot in the domain.
pub fn email(errors: &mut FieldErrors, value: &str) {
    let v = value.trim();
    text(errors, "email", v, true, 254);
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !ok {
        flag(errors, "email", "err.email_invalid");
    }
}

/// The profession must be one of the offered choices.
pub fn profession(errors: &mut FieldErrors, value: &str) {
    if !PROFESSIONS.contains(&value) {
        flag(errors, "profession", "err.choose");
    }
}

/// An optional NPI: ten digits passing the Luhn check over the `80840` prefix.
pub fn npi(errors: &mut FieldErrors, value: &str) -> Option<String> {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if v.is_empty() {
        return None;
    }
    if !phi::npi_is_valid(&v) {
        flag(errors, "npi", "err.npi_invalid");
        return None;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_simply() {
        for good in ["a@b.co", "nurse.sato@hospital.example.jp"] {
            let mut e = FieldErrors::new();
            email(&mut e, good);
            assert!(e.is_empty(), "{good}");
        }
        for bad in ["", "no-at.example", "a@b", "a@.b", "a b@c.d", "a@b@c.d"] {
            let mut e = FieldErrors::new();
            email(&mut e, bad);
            assert!(e.contains_key("email"), "{bad}");
        }
    }

    #[test]
    fn npi_needs_a_valid_check_digit() {
        let mut e = FieldErrors::new();
        assert_eq!(npi(&mut e, "1234567893"), Some("1234567893".to_string()));
        assert!(e.is_empty());
        assert_eq!(npi(&mut e, "1234567890"), None);
        assert_eq!(e.get("npi").map(String::as_str), Some("err.npi_invalid"));
        let mut e = FieldErrors::new();
        assert_eq!(npi(&mut e, ""), None);
        assert!(e.is_empty());
    }

    #[test]
    fn text_rejects_controls_and_overlong_values() {
        let mut e = FieldErrors::new();
        text(&mut e, "a", "ok", true, 5);
        text(&mut e, "b", "toolong", true, 5);
        text(&mut e, "c", "bad\u{7}", true, 5);
        text(&mut e, "d", "  ", true, 5);
        text(&mut e, "f", "", false, 5);
        assert_eq!(e.get("b").map(String::as_str), Some("err.too_long_n|max=5"));
        assert_eq!(e.get("c").map(String::as_str), Some("err.bad_chars"));
        assert_eq!(e.get("d").map(String::as_str), Some("err.required"));
        assert!(!e.contains_key("a") && !e.contains_key("f"));
    }
}
