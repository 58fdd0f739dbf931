//! What people type, as types that parse: a value of one of these types is valid, and
//! its limit lives on the type (`Title::MAX`), which the server checks and the pages
//! print as `maxlength`. A rejected field yields a message key (`err.required`,
//! `err.too_long_by|max=200|over=3`), collected per field so a form comes back with a message
//! next to each field it got wrong.

mod account;
mod bookmark;
mod message;
mod post;
mod staff;

use std::collections::BTreeMap;

pub use account::{email_is_plausible, normalize_email, DisplayName, Email, Licence, Npi};
pub use bookmark::{remind_in, BookmarkNote, REMIND_CHOICES};
pub use message::recipients;
pub use post::{NewPost, PostForm, Tags};
pub use staff::{CategoryForm, CategoryInput, Slug, SuspensionDays};

/// Field → message key (`key` or `key|name=value`).
pub type FieldErrors = BTreeMap<String, String>;

/// A message key for one field.
pub type FieldError = String;

/// Adds `key` for `field` unless that field already has an error.
pub fn flag(errors: &mut FieldErrors, field: &str, key: &str) {
    errors
        .entry(field.to_string())
        .or_insert_with(|| key.to_string());
}

/// Records the error of a parse under `field`, returning the value when it parsed.
pub fn check<T>(errors: &mut FieldErrors, field: &str, parsed: Result<T, FieldError>) -> Option<T> {
    match parsed {
        Ok(v) => Some(v),
        Err(key) => {
            flag(errors, field, &key);
            None
        }
    }
}

/// The message for text of `count` characters where `max` fit: by how much, so the
/// author knows what to cut.
pub fn too_long(max: usize, count: usize) -> FieldError {
    format!(
        "err.too_long_by|max={max}|over={}",
        count.saturating_sub(max)
    )
}

/// The rule for one line of text: trimmed, present when required, at most `max`
/// characters, no control characters.
pub fn line(value: &str, required: bool, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if required && v.is_empty() {
        Err("err.required".into())
    } else if v.chars().count() > max {
        Err(too_long(max, v.chars().count()))
    } else if v.chars().any(|c| c.is_control()) {
        Err("err.bad_chars".into())
    } else {
        Ok(v.to_string())
    }
}

/// The rule for text with line breaks (post bodies, reasons, notes): present, at most
/// `max` characters, no control characters other than line breaks and tabs. Line
/// endings become `\n`; the text is otherwise kept as typed.
pub fn lines(value: &str, max: usize) -> Result<String, FieldError> {
    if value.trim().is_empty() {
        Err("err.required".into())
    } else if value.chars().count() > max {
        Err(too_long(max, value.chars().count()))
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Err("err.bad_chars".into())
    } else {
        Ok(value.replace("\r\n", "\n"))
    }
}

/// Declares a bounded text field: `parse` applies [`line`] (one line) or [`lines`].
macro_rules! bounded {
    ($(#[$meta:meta])* $name:ident, max = $max:expr, one_line) => {
        $crate::fields::bounded!(@type $(#[$meta])* $name, $max, |s: &str| line(s, true, $max));
    };
    ($(#[$meta:meta])* $name:ident, max = $max:expr, multi_line) => {
        $crate::fields::bounded!(@type $(#[$meta])* $name, $max, |s: &str| lines(s.trim(), $max));
    };
    ($(#[$meta:meta])* $name:ident, max = $max:expr, as_typed) => {
        $crate::fields::bounded!(@type $(#[$meta])* $name, $max, |s: &str| lines(s, $max));
    };
    (@type $(#[$meta:meta])* $name:ident, $max:expr, $rule:expr) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// Longest accepted value, in characters.
            pub const MAX: usize = $max;

            /// Parses what was typed.
            pub fn parse(s: &str) -> Result<$name, FieldError> {
                let rule = $rule;
                rule(s).map($name)
            }

            /// The value.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}
pub(crate) use bounded;

bounded! {
    /// A thread's title: one line.
    Title, max = 200, one_line
}

bounded! {
    /// A post's markdown body (kept as typed, line endings normalised).
    Body, max = 30_000, as_typed
}

bounded! {
    /// A moderator's reason for turning something down, shown to the member.
    Reason, max = 1000, multi_line
}

bounded! {
    /// A reporter's note to the moderators.
    Note, max = 2000, multi_line
}

bounded! {
    /// A term of the detector's site lists.
    SiteTerm, max = 100, one_line
}

/// Longest search query, in characters.
pub const SEARCH_MAX: usize = 500;

#[cfg(test)]
mod tests;
