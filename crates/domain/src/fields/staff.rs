//! Fields of the staff forms: categories.

use super::{check, line, FieldError, FieldErrors};

/// A category's URL slug: 2–40 of `a-z`, `0-9` and `-`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    /// Longest slug.
    pub const MAX: usize = 40;

    /// Parses what was typed (lower-cased).
    pub fn parse(s: &str) -> Result<Slug, FieldError> {
        let slug = s.trim().to_lowercase();
        let ok = (2..=Slug::MAX).contains(&slug.len())
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Slug(slug))
        } else {
            Err("err.slug_invalid".into())
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A category as an admin types it.
#[derive(Clone, Debug, Default)]
pub struct CategoryForm {
    /// URL slug.
    pub slug: String,
    /// English name.
    pub name_en: String,
    /// Japanese name.
    pub name_ja: String,
    /// English description.
    pub description_en: String,
    /// Japanese description.
    pub description_ja: String,
    /// Sort position ('' = 0).
    pub position: String,
}

/// A valid category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryInput {
    /// URL slug.
    pub slug: String,
    /// English name.
    pub name_en: String,
    /// Japanese name.
    pub name_ja: String,
    /// English description.
    pub description_en: String,
    /// Japanese description.
    pub description_ja: String,
    /// Sort position.
    pub position: i64,
}

impl CategoryInput {
    /// Longest name.
    pub const NAME_MAX: usize = 60;
    /// Longest description.
    pub const DESCRIPTION_MAX: usize = 300;
    /// Longest position as typed (an i64 has at most 20 characters).
    pub const POSITION_MAX_INPUT: usize = 20;

    /// Parses a category form; errors are keyed `field{suffix}` (`_{id}` for an
    /// existing category's form, so each card shows its own messages).
    pub fn parse(f: &CategoryForm, suffix: &str) -> Result<CategoryInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let key = |field: &str| format!("{field}{suffix}");
        let slug = check(&mut e, &key("slug"), Slug::parse(&f.slug));
        let name_en = check(
            &mut e,
            &key("name_en"),
            line(&f.name_en, true, Self::NAME_MAX),
        );
        let name_ja = check(
            &mut e,
            &key("name_ja"),
            line(&f.name_ja, true, Self::NAME_MAX),
        );
        let description_en = check(
            &mut e,
            &key("description_en"),
            line(&f.description_en, false, Self::DESCRIPTION_MAX),
        );
        let description_ja = check(
            &mut e,
            &key("description_ja"),
            line(&f.description_ja, false, Self::DESCRIPTION_MAX),
        );
        let position = f.position.trim();
        let position = if position.is_empty() {
            Some(0)
        } else {
            let p = position.parse::<i64>().ok();
            if p.is_none() {
                super::flag(&mut e, &key("position"), "err.number");
            }
            p
        };
        match (
            slug,
            name_en,
            name_ja,
            description_en,
            description_ja,
            position,
        ) {
            (Some(slug), Some(name_en), Some(name_ja), Some(de), Some(dj), Some(position))
                if e.is_empty() =>
            {
                Ok(CategoryInput {
                    slug: slug.0,
                    name_en,
                    name_ja,
                    description_en: de,
                    description_ja: dj,
                    position,
                })
            }
            _ => Err(e),
        }
    }
}

/// How long a suspension lasts, in whole days, as the moderator chose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SuspensionDays(i64);

impl SuspensionDays {
    /// The lengths the form offers (any whole number up to the maximum is accepted).
    pub const CHOICES: [i64; 7] = [1, 3, 7, 14, 30, 90, 365];

    /// Parses the form's value: a whole number of days, 1 to
    /// [`crate::access::MAX_SUSPENSION_DAYS`].
    pub fn parse(s: &str) -> Result<SuspensionDays, FieldError> {
        match s.trim().parse::<i64>() {
            Ok(d) if (1..=crate::access::MAX_SUSPENSION_DAYS).contains(&d) => Ok(SuspensionDays(d)),
            _ => Err("err.suspension_days".into()),
        }
    }

    /// The length in seconds.
    pub fn seconds(self) -> i64 {
        self.0 * 86_400
    }
}
