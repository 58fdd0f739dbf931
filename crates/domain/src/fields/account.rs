//! Account fields: e-mail, display name, and the licence details an applicant gives.

use super::{check, line, FieldError, FieldErrors};
use crate::models::PROFESSIONS;

/// A sign-in e-mail address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Longest address (RFC 5321).
    pub const MAX: usize = 254;

    /// Parses what was typed: one line, then a deliberately simple plausibility check.
    pub fn parse(s: &str) -> Result<Email, FieldError> {
        let v = line(s, true, Email::MAX)?;
        if !email_is_plausible(&v) {
            return Err("err.email_invalid".into());
        }
        Ok(Email(normalize_email(&v)))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Normalises an e-mail for storage and look-up.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// One `@`, something on both sides, a dot inside the domain, no spaces.
pub fn email_is_plausible(v: &str) -> bool {
    match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// The name shown on a member's posts: one line, and nothing that would let it pass
/// for another member's name (invisible or direction-changing characters, a word
/// mixing Latin with Cyrillic or Greek letters). Names that look alike are told apart
/// by their skeleton ([`phi::name_skeleton`], the store's unique key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Longest accepted value, in characters.
    pub const MAX: usize = 40;

    /// Parses what was typed.
    pub fn parse(s: &str) -> Result<DisplayName, FieldError> {
        let v = line(s, true, DisplayName::MAX)?;
        match phi::name_disguise(&v) {
            Some("invisible") => Err("err.name_invisible".into()),
            Some(_) => Err("err.name_mixed_script".into()),
            None => Ok(DisplayName(v)),
        }
    }

    /// The value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A US National Provider Identifier: ten digits passing the Luhn check over `80840`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Npi(String);

impl Npi {
    /// Longest value as typed (with spaces or dashes).
    pub const MAX_INPUT: usize = 12;

    /// Parses an optional NPI: `Ok(None)` when empty.
    pub fn parse(s: &str) -> Result<Option<Npi>, FieldError> {
        let v: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if v.is_empty() {
            return Ok(None);
        }
        if !phi::npi_is_valid(&v) {
            return Err("err.npi_invalid".into());
        }
        Ok(Some(Npi(v)))
    }

    /// The ten digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The licence details of an application (never shown to other members).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Licence {
    /// One of [`PROFESSIONS`].
    pub profession: String,
    /// Licence or registration number.
    pub licence_number: String,
    /// Issuing country or jurisdiction.
    pub jurisdiction: String,
    /// NPI, when given.
    pub npi: Option<Npi>,
    /// Specialty as written.
    pub specialty: String,
    /// Workplace (moderators only).
    pub workplace: String,
}

impl Licence {
    /// Longest licence number.
    pub const NUMBER_MAX: usize = 64;
    /// Longest jurisdiction.
    pub const JURISDICTION_MAX: usize = 80;
    /// Longest specialty.
    pub const SPECIALTY_MAX: usize = 80;
    /// Longest workplace.
    pub const WORKPLACE_MAX: usize = 120;

    /// Parses the fields by name through `get`, adding one message per bad field.
    pub fn parse(get: impl Fn(&str) -> String, errors: &mut FieldErrors) -> Option<Licence> {
        let profession = get("profession");
        if !PROFESSIONS.contains(&profession.as_str()) {
            super::flag(errors, "profession", "err.choose");
        }
        let number = check(
            errors,
            "licence_number",
            line(&get("licence_number"), true, Licence::NUMBER_MAX),
        );
        let jurisdiction = check(
            errors,
            "jurisdiction",
            line(&get("jurisdiction"), true, Licence::JURISDICTION_MAX),
        );
        let specialty = check(
            errors,
            "specialty",
            line(&get("specialty"), false, Licence::SPECIALTY_MAX),
        );
        let workplace = check(
            errors,
            "workplace",
            line(&get("workplace"), false, Licence::WORKPLACE_MAX),
        );
        let npi = check(errors, "npi", Npi::parse(&get("npi")));
        Some(Licence {
            profession,
            licence_number: number?,
            jurisdiction: jurisdiction?,
            npi: npi?,
            specialty: specialty?,
            workplace: workplace?,
        })
        .filter(|_| errors.is_empty())
    }
}
