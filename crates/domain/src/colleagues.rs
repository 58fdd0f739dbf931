//! Members are not patients: the words around each name finding that may be a
//! member's display name, so the server can look up which of them are members and
//! scan again with those names as context (`phi::SiteLists::members`). (The composer
//! is given the members' names with the site's lists instead, so that nothing typed
//! leaves the browser.) Only whole display names count; the lookup is bounded.

use phi::{Finding, Kind};

/// Most candidate names one scan asks about.
pub const MAX_CANDIDATES: usize = 64;

/// Longest candidate, in characters (display names are shorter).
const MAX_CHARS: usize = 60;

/// The candidate display names around the NAME findings of `text`: the finding
/// itself, with the word before and the word after it, and the `@mention` it sits
/// in (`@Nurse_Kimura` → `Nurse Kimura`). Deduplicated, at most [`MAX_CANDIDATES`].
pub fn candidates(text: &str, findings: &[Finding]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim_matches(|c: char| !c.is_alphanumeric());
        if out.len() < MAX_CANDIDATES
            && !s.is_empty()
            && s.chars().count() <= MAX_CHARS
            && !out.iter().any(|o| o == s)
        {
            out.push(s.to_string());
        }
    };
    for f in findings.iter().filter(|f| f.kind == Kind::Name) {
        let (Some(before), Some(found), Some(after)) = (
            text.get(..f.start),
            text.get(f.start..f.end),
            text.get(f.end..),
        ) else {
            continue;
        };
        let prev = word_before(before);
        let next = word_after(after);
        push(found);
        if let Some(p) = prev {
            push(&format!("{p} {found}"));
            if let Some(mention) = p.strip_prefix('@') {
                push(&format!("{mention}{found}").replace('_', " "));
            }
        }
        if let Some(n) = next {
            push(&format!("{found} {n}"));
            if let Some(p) = prev {
                push(&format!("{p} {found} {n}"));
            }
        }
        // Inside a mention: the whole `@word_word` token.
        let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let end = f.end + after.find(char::is_whitespace).unwrap_or(after.len());
        if let Some(token) = text.get(start..end).and_then(|t| t.strip_prefix('@')) {
            push(&token.replace('_', " "));
        }
    }
    out
}

/// The word just before a finding (`Dr.` in `Dr. Sato`), if only spaces separate them.
fn word_before(before: &str) -> Option<&str> {
    let trimmed = before.strip_suffix(' ')?;
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let w = &trimmed[start..];
    (!w.is_empty()).then_some(w)
}

/// The word just after a finding, if only a space separates them.
fn word_after(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let w = &rest[..end];
    (!w.is_empty()).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, word: &str) -> Finding {
        let start = text.find(word).unwrap_or(0);
        Finding {
            kind: Kind::Name,
            start,
            end: start + word.len(),
            rule: "test".into(),
            replacement: "[name]".into(),
        }
    }

    #[test]
    fn candidates_cover_the_words_around_a_name_and_mentions() {
        let text = "Ask Dr. Sato Kenji, then @Nurse_Kimura.";
        let c = candidates(text, &[name(text, "Sato"), name(text, "Kimura")]);
        for want in [
            "Sato",
            "Dr. Sato",
            "Sato Kenji",
            "Dr. Sato Kenji",
            "Nurse Kimura",
        ] {
            assert!(c.iter().any(|x| x == want), "{want} missing from {c:?}");
        }
        let date = Finding {
            kind: Kind::Date,
            ..name(text, "Ask")
        };
        assert!(candidates(text, &[date]).is_empty());
    }

    #[test]
    fn candidates_are_bounded() {
        let text = "Sato ".repeat(500);
        let findings: Vec<Finding> = (0..500)
            .map(|i| Finding {
                start: i * 5,
                end: i * 5 + 4,
                ..name(&text, "Sato")
            })
            .collect();
        assert!(candidates(&text, &findings).len() <= MAX_CANDIDATES);
    }
}
