//! A bookmark's form: a note only its member sees, and when to be reminded.

use super::{lines, FieldError};

/// A bookmark's note: optional, a few lines.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BookmarkNote(String);

impl BookmarkNote {
    /// Longest accepted note, in characters.
    pub const MAX: usize = 500;

    /// Parses what was typed ("" is no note).
    pub fn parse(s: &str) -> Result<BookmarkNote, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(BookmarkNote::default());
        }
        lines(s, Self::MAX).map(BookmarkNote)
    }

    /// The note ('' when there is none).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The reminder choices of the form: value and seconds from now.
pub const REMIND_CHOICES: [(&str, i64); 5] = [
    ("1h", 3600),
    ("3h", 3 * 3600),
    ("1d", 24 * 3600),
    ("3d", 3 * 24 * 3600),
    ("1w", 7 * 24 * 3600),
];

/// When to remind, from the form's choice ("" = never), as seconds from now.
pub fn remind_in(choice: &str) -> Result<Option<i64>, FieldError> {
    if choice.is_empty() {
        return Ok(None);
    }
    REMIND_CHOICES
        .iter()
        .find(|(v, _)| *v == choice)
        .map(|(_, secs)| Some(*secs))
        .ok_or_else(|| "err.choose".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_optional_and_bounded_and_reminders_are_one_of_the_choices() {
        assert_eq!(BookmarkNote::parse("  ").unwrap().as_str(), "");
        assert_eq!(
            BookmarkNote::parse(" read again ").unwrap().as_str(),
            "read again"
        );
        assert!(BookmarkNote::parse(&"x".repeat(501)).is_err());
        assert_eq!(remind_in(""), Ok(None));
        assert_eq!(remind_in("1d"), Ok(Some(86_400)));
        assert!(remind_in("5y").is_err());
    }
}
