//! Finds bare `http://` and `https://` URLs in a run of text, for autolinking.

use std::ops::Range;

/// Byte ranges of the bare URLs in `text`, in order, not overlapping, each on char
/// boundaries.
///
/// A URL starts with `http://` or `https://` (any case) that does not follow an
/// ASCII letter or digit, has a host that starts with an ASCII letter or digit, and
/// runs until whitespace, a control character, `<`, `>`, `"`, `` ` `` or CJK
/// punctuation. Trailing `.`, `,`, `:`, `;`, `!`, `?`, `'`, `*`, `_`, `~` are not part
/// of it, nor is a trailing `)` or `]` without a matching opening one in the URL.
pub(super) fn find_urls(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let Some(offset) = bytes[i..]
            .iter()
            .position(|b| b.eq_ignore_ascii_case(&b'h'))
        else {
            break;
        };
        let start = i + offset;
        i = start + 1;
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(host) = scheme_len(&bytes[start..]).map(|len| start + len) else {
            continue;
        };
        if !bytes.get(host).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let end = trim_trailing(text, start, url_end(text, host));
        found.push(start..end);
        i = end;
    }
    found
}

/// The length of `http://` or `https://` if `bytes` starts with one (any case).
fn scheme_len(bytes: &[u8]) -> Option<usize> {
    ["http://", "https://"]
        .iter()
        .find(|scheme| {
            bytes
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
        })
        .map(|scheme| scheme.len())
}

/// Where the URL whose host starts at byte `host` stops (exclusive).
fn url_end(text: &str, host: usize) -> usize {
    let rest = text.get(host..).unwrap_or("");
    rest.char_indices()
        .find(|&(_, c)| ends_url(c))
        .map_or(text.len(), |(offset, _)| host + offset)
}

/// Characters that cannot be in a bare URL.
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '<' | '>' | '"' | '`')
        // CJK symbols and punctuation, full-width forms: 「」、。（） etc.
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// Drops trailing punctuation from the URL `text[start..end]` and returns the new end.
fn trim_trailing(text: &str, start: usize, mut end: usize) -> usize {
    let url = text.get(start..end).unwrap_or("");
    let count = |c: u8| url.bytes().filter(|&b| b == c).count();
    let (open_paren, mut close_paren) = (count(b'('), count(b')'));
    let (open_bracket, mut close_bracket) = (count(b'['), count(b']'));
    let bytes = text.as_bytes();
    while end > start {
        match bytes[end - 1] {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'~' => {}
            b')' if close_paren > open_paren => close_paren -= 1,
            b']' if close_bracket > open_bracket => close_bracket -= 1,
            _ => break,
        }
        end -= 1;
    }
    end
}
