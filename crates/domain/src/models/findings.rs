//! What the detector found in a post, per field, and the text split at its findings
//! for highlighting and one-click replacement.

use phi::Finding;
use serde::{Deserialize, Serialize};

/// The detector's findings for each field of a post (byte offsets into that field).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldFindings {
    /// In the title.
    #[serde(default)]
    pub title: Vec<Finding>,
    /// In the tags (space separated).
    #[serde(default)]
    pub tags: Vec<Finding>,
    /// In the body.
    #[serde(default)]
    pub body: Vec<Finding>,
}

impl FieldFindings {
    /// Whether anything was found.
    pub fn any(&self) -> bool {
        !(self.title.is_empty() && self.tags.is_empty() && self.body.is_empty())
    }
    /// Every finding, whatever the field.
    pub fn all(&self) -> impl Iterator<Item = &Finding> {
        self.title.iter().chain(&self.tags).chain(&self.body)
    }
}

/// A piece of text split for display: plain runs and findings to highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Span {
    /// Text with nothing found.
    Plain(String),
    /// A finding: the text, its kind label and the suggested replacement.
    Found {
        /// The matched text.
        text: String,
        /// `NAME`, `DATE`, …
        kind: String,
        /// Suggested neutral text.
        replacement: String,
        /// Why it was found, in plain words (English, Japanese); computed, never sent.
        #[serde(skip, default)]
        why: (&'static str, &'static str),
    },
}

/// Splits `text` at its findings (sorted, non-overlapping byte ranges on char
/// boundaries, as the detector returns them; anything else is shown plain).
pub fn spans(text: &str, findings: &[Finding]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for f in findings {
        let ok = f.start >= at
            && f.end > f.start
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end);
        if !ok {
            continue;
        }
        if f.start > at {
            out.push(Span::Plain(text[at..f.start].to_string()));
        }
        out.push(Span::Found {
            text: text[f.start..f.end].to_string(),
            kind: f.kind.as_str().to_string(),
            replacement: f.replacement.clone(),
            why: phi::why(&f.rule),
        });
        at = f.end;
    }
    if at < text.len() {
        out.push(Span::Plain(text[at..].to_string()));
    }
    out
}

/// `text` with every finding replaced by its suggested replacement.
pub fn apply_replacements(text: &str, findings: &[Finding]) -> String {
    spans(text, findings)
        .into_iter()
        .map(|s| match s {
            Span::Plain(t) => t,
            Span::Found { replacement, .. } => replacement,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use phi::Kind;

    fn f(start: usize, end: usize) -> Finding {
        Finding {
            kind: Kind::Name,
            start,
            end,
            rule: "t".into(),
            replacement: "[name]".into(),
        }
    }

    #[test]
    fn spans_split_text_at_findings_and_skip_bad_ranges() {
        let text = "Mr Sato seen today";
        let s = spans(text, &[f(3, 7), f(2, 4), f(10, 99)]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], Span::Plain("Mr ".into()));
        assert!(matches!(&s[1], Span::Found { text, .. } if text == "Sato"));
        assert_eq!(apply_replacements(text, &[f(3, 7)]), "Mr [name] seen today");
        // Not on a char boundary: shown plain, never panics.
        assert_eq!(apply_replacements("佐藤さん", &[f(1, 3)]), "佐藤さん");
    }
}
