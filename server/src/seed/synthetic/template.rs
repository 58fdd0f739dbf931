//! Sentence templates of synthetic posts: text with `{name}` placeholders, parsed and checked
//! when the vocabulary is loaded, so that filling one in cannot fail.

use serde::Deserialize;

/// A value a template refers to, written `{name}` in the text (see `synthetic.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// `{cond}`: the condition the post is about.
    Cond,
    /// `{cond2}`: a complication.
    Cond2,
    /// `{drug}`: a drug used for the condition.
    Drug,
    /// `{drug2}`: a second drug.
    Drug2,
    /// `{int}`: an intervention.
    Int,
    /// `{int2}`: a second intervention.
    Int2,
    /// `{set}`: a care setting.
    Set,
    /// `{lab}`: the name of a lab value.
    Lab,
    /// `{labv}`: its reading, with the unit.
    LabValue,
    /// `{who}`: the patient ("a patient in their 80s", "80代の方", "a toddler").
    Who,
    /// `{whos}`: the patient, shorter in Japanese ("80代").
    WhoShort,
    /// `{group}`: patients like this one ("frail patients in their 80s").
    Group,
    /// `{days}`: a number of days.
    Days,
    /// `{days2}`: a larger number of days.
    Days2,
    /// `{day}`: a day of treatment.
    Day,
    /// `{hours}`: a number of hours.
    Hours,
    /// `{egfr}`: an eGFR reading.
    Egfr,
}

impl Slot {
    /// Every slot with the name it is written with.
    const NAMES: [(&'static str, Slot); 17] = [
        ("cond", Slot::Cond),
        ("cond2", Slot::Cond2),
        ("drug", Slot::Drug),
        ("drug2", Slot::Drug2),
        ("int", Slot::Int),
        ("int2", Slot::Int2),
        ("set", Slot::Set),
        ("lab", Slot::Lab),
        ("labv", Slot::LabValue),
        ("who", Slot::Who),
        ("whos", Slot::WhoShort),
        ("group", Slot::Group),
        ("days", Slot::Days),
        ("days2", Slot::Days2),
        ("day", Slot::Day),
        ("hours", Slot::Hours),
        ("egfr", Slot::Egfr),
    ];

    fn from_name(name: &str) -> Option<Slot> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, slot)| slot)
    }
}

/// A run of a template: literal text or a placeholder.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text copied as it is.
    Text(String),
    /// A placeholder, replaced by its value.
    Slot(Slot),
}

/// A parsed sentence template; deserialized from a string, which fails on an unknown
/// placeholder or an unmatched brace.
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
pub struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    /// The text and placeholders in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Whether the template refers to `slot`.
    pub fn uses(&self, slot: Slot) -> bool {
        self.pieces.contains(&Piece::Slot(slot))
    }
}

impl TryFrom<String> for Template {
    type Error = String;

    fn try_from(text: String) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find(['{', '}']) {
            let Some(len) = rest[open..].strip_prefix('{').and_then(|r| r.find('}')) else {
                return Err(format!("unmatched brace in template {text:?}"));
            };
            let name = &rest[open + 1..open + 1 + len];
            let Some(slot) = Slot::from_name(name) else {
                return Err(format!(
                    "unknown placeholder {{{name}}} in template {text:?}"
                ));
            };
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_string()));
            }
            pieces.push(Piece::Slot(slot));
            rest = &rest[open + len + 2..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
        Ok(Template { pieces })
    }
}
