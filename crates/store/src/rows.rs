//! Helpers for reading rows with `sqlx::FromRow`: flags are stored as 0/1 integers on
//! both engines, and stored vocabularies as their stable strings.

/// A 0/1 integer column read as a `bool` (`#[sqlx(try_from = "IntBool")]`).
#[derive(Clone, Copy, Debug, sqlx::Type)]
#[sqlx(transparent)]
pub struct IntBool(i64);

impl From<IntBool> for bool {
    fn from(v: IntBool) -> bool {
        v.0 != 0
    }
}

/// The stored spelling of a vocabulary was not one the code knows (a row written by a
/// newer version, or edited by hand).
#[derive(Debug, thiserror::Error)]
#[error("unknown stored value {0:?}")]
pub struct UnknownValue(pub String);

/// Declares `TryFrom<String>` for a stored vocabulary, so rows can read it with
/// `#[sqlx(try_from = "String")]`.
macro_rules! vocab_from_string {
    ($($t:ty),+) => {
        $(
            impl TryFrom<$crate::rows::Stored> for $t {
                type Error = $crate::rows::UnknownValue;
                fn try_from(s: $crate::rows::Stored) -> Result<$t, Self::Error> {
                    <$t>::parse(&s.0).ok_or($crate::rows::UnknownValue(s.0))
                }
            }
        )+
    };
}

/// A text column holding a stored vocabulary value (`#[sqlx(try_from = "Stored")]`).
#[derive(Clone, Debug, sqlx::Type)]
#[sqlx(transparent)]
pub struct Stored(pub String);

vocab_from_string!(
    domain::vocab::RevisionState,
    domain::vocab::ReportState,
    domain::vocab::ReportReason,
    domain::vocab::NotificationKind,
    domain::models::PostState,
    domain::models::Role,
    domain::models::Status
);

/// `$from, $from+1, …` for `n` bound values (an `IN (…)` list).
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}
