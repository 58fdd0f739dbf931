//! The kinds of identifiable data the detector reports, with their labels in English and
//! Japanese and the neutral replacement offered for one-click redaction. Everything that
//! names a kind to a person reads it from here, so a new kind is added in one place.

use serde::{Deserialize, Serialize};

/// The kind of identifiable data a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// A patient's or relative's name, any script.
    #[serde(rename = "NAME")]
    Name,
    /// A date more precise than a year tied to the patient.
    #[serde(rename = "DATE")]
    Date,
    /// An exact age of 90 or more, or a 90+ decade band tied to a person.
    #[serde(rename = "AGE_OVER_89")]
    AgeOver89,
    /// A patient's or relative's phone number.
    #[serde(rename = "PHONE")]
    Phone,
    /// A patient's or relative's e-mail address.
    #[serde(rename = "EMAIL")]
    Email,
    /// A street address, or a postal code tied to a patient.
    #[serde(rename = "ADDRESS")]
    Address,
    /// A record, insurance, licence or device number.
    #[serde(rename = "ID")]
    Id,
    /// A patient's or relative's personal web page.
    #[serde(rename = "URL")]
    Url,
    /// A named hospital, clinic or care home tied to the patient.
    #[serde(rename = "FACILITY")]
    Facility,
    /// Any other identifying characteristic (unique role, vehicle plate, messaging ID).
    #[serde(rename = "OTHER")]
    Other,
}

impl Kind {
    /// Every kind, in the order the policy lists them.
    pub const ALL: [Kind; 10] = [
        Kind::Name,
        Kind::Date,
        Kind::AgeOver89,
        Kind::Phone,
        Kind::Email,
        Kind::Address,
        Kind::Id,
        Kind::Url,
        Kind::Facility,
        Kind::Other,
    ];

    /// The label used in JSON and in the scorer (`"NAME"`, `"AGE_OVER_89"`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Name => "NAME",
            Kind::Date => "DATE",
            Kind::AgeOver89 => "AGE_OVER_89",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::Address => "ADDRESS",
            Kind::Id => "ID",
            Kind::Url => "URL",
            Kind::Facility => "FACILITY",
            Kind::Other => "OTHER",
        }
    }

    /// Parses the JSON label.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What a person reads: (English, Japanese).
    pub fn labels(self) -> (&'static str, &'static str) {
        match self {
            Kind::Name => ("Name", "氏名"),
            Kind::Date => ("Date", "日付"),
            Kind::AgeOver89 => ("Age over 89", "90歳以上の年齢"),
            Kind::Phone => ("Phone number", "電話番号"),
            Kind::Email => ("Email address", "メールアドレス"),
            Kind::Address => ("Address", "住所"),
            Kind::Id => ("Record or ID number", "ID・番号"),
            Kind::Url => ("Web address", "URL"),
            Kind::Facility => ("Facility", "施設名"),
            Kind::Other => ("Other identifier", "その他の識別情報"),
        }
    }

    /// The label in English (`ja` false) or Japanese.
    pub fn label(self, ja: bool) -> &'static str {
        let (en, jp) = self.labels();
        if ja {
            jp
        } else {
            en
        }
    }

    /// The neutral replacement in Latin text (`[name]`) and next to Japanese (`〇〇`).
    pub fn replacements(self) -> (&'static str, &'static str) {
        match self {
            Kind::Name => ("[name]", "〇〇"),
            Kind::Date => ("[date]", "[日付]"),
            Kind::AgeOver89 => ("[90+]", "90歳以上"),
            Kind::Phone => ("[phone]", "[電話番号]"),
            Kind::Email => ("[email]", "[メール]"),
            Kind::Address => ("[address]", "[住所]"),
            Kind::Id => ("[id]", "[番号]"),
            Kind::Url => ("[url]", "[URL]"),
            Kind::Facility => ("[facility]", "〇〇病院"),
            Kind::Other => ("[details]", "[詳細]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_every_kind_reads_in_both_languages() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            let (en, ja) = k.labels();
            assert!(!en.is_empty() && !ja.is_empty());
            let (r_en, r_ja) = k.replacements();
            assert!(!r_en.is_empty() && !r_ja.is_empty());
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}
