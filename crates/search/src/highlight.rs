//! Highlighting with the same analysis as the index: the words of a query are
//! found in a title or a post's plain text and returned as marked pieces, with the
//! densest passage of a long text chosen as the snippet. Plain text in, plain text
//! out: the page escapes it like any other text.

use super::analyzer::{analyze, analyze_only, is_cjk, lone_cjk, Mode, Only};
use super::query::Parsed;
use domain::models::Piece;

/// Snippet length in characters (about two lines on a phone).
const SNIPPET_CHARS: usize = 220;
/// Context kept before the first match of a snippet, in characters.
const LEAD_CHARS: usize = 50;

/// What to mark: the analysed tokens of the query's words and phrases, and single
/// Japanese characters (which match the start of a token).
#[derive(Clone, Debug, Default)]
pub struct Marker {
    tokens: Vec<String>,
    lone: Vec<char>,
    only: Only,
}

impl Marker {
    /// The marker for a parsed query (excluded words are not marked).
    pub fn for_query(p: &Parsed) -> Marker {
        let mut m = Marker::default();
        for term in p.groups.iter().flatten() {
            let toks = analyze(&term.text, Mode::Query);
            if let [one] = toks.as_slice() {
                if let Some(c) = lone_cjk(&one.text) {
                    m.lone.push(c);
                    continue;
                }
            }
            m.tokens.extend(toks.into_iter().map(|t| t.text));
        }
        // What a text's tokens must start like to be worth building at all.
        for t in &m.tokens {
            let mut cs = t.chars();
            match cs.next() {
                Some(c) if is_cjk(c) => m.only.firsts.push(c),
                Some(_) => {
                    let keep = t.chars().count().saturating_sub(2).max(1);
                    m.only.prefixes.push(t.chars().take(keep).collect());
                }
                None => {}
            }
        }
        m.only.firsts.extend(m.lone.iter().copied());
        m
    }

    /// Byte ranges of `text` that match, merged and in order.
    fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for t in analyze_only(text, Mode::Index, Some(&self.only)) {
            if self.tokens.contains(&t.text) {
                out.push((t.from, t.to));
            } else if let Some(first) = t.text.chars().next() {
                if self.lone.contains(&first) {
                    let len = text[t.from..].chars().next().map_or(0, char::len_utf8);
                    out.push((t.from, t.from + len));
                }
            }
        }
        out.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for (a, b) in out {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        merged
    }

    /// The whole of a short text (a title) with its matches marked.
    pub fn mark_all(&self, text: &str) -> Vec<Piece> {
        pieces(text, 0, text.len(), &self.ranges(text))
    }

    /// The densest passage of a long text, with matches marked and "…" where it was
    /// cut.
    pub fn snippet(&self, text: &str) -> Vec<Piece> {
        let text = text.trim();
        let ranges = self.ranges(text);
        let (start, end) = window(text, &ranges);
        let mut out = Vec::new();
        if start > 0 {
            out.push(plain("… "));
        }
        out.extend(pieces(text, start, end, &ranges));
        if end < text.len() {
            out.push(plain(" …"));
        }
        out
    }
}

fn plain(s: &str) -> Piece {
    Piece {
        text: s.to_string(),
        mark: false,
    }
}

/// Byte offset `n` characters before `at` (or 0).
fn back(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `at` (or the end).
fn forward(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The window of [`SNIPPET_CHARS`] holding the most matches.
fn window(text: &str, ranges: &[(usize, usize)]) -> (usize, usize) {
    let mut best = (0, forward(text, 0, SNIPPET_CHARS), 0usize);
    for (i, r) in ranges.iter().enumerate().take(200) {
        let start = back(text, r.0, LEAD_CHARS);
        let end = forward(text, start, SNIPPET_CHARS);
        let count = ranges[i..].iter().take_while(|x| x.1 <= end).count();
        if count > best.2 {
            best = (start, end, count);
        }
    }
    // Start at a word boundary when one is near, so the snippet does not open with
    // half a word.
    let (mut start, end, _) = best;
    if start > 0 {
        if let Some(sp) = text[start..]
            .find(char::is_whitespace)
            .filter(|sp| *sp < 20)
        {
            let first_mark = ranges.iter().find(|r| r.0 >= start).map_or(end, |r| r.0);
            if start + sp < first_mark {
                start += sp + 1;
            }
        }
    }
    (start, end)
}

fn pieces(text: &str, start: usize, end: usize, ranges: &[(usize, usize)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = start;
    for &(a, b) in ranges {
        if b <= start || a >= end {
            continue;
        }
        let (a, b) = (a.max(start), b.min(end));
        if a > at {
            out.push(plain(&text[at..a]));
        }
        out.push(Piece {
            text: text[a..b].to_string(),
            mark: true,
        });
        at = b;
    }
    if at < end {
        out.push(plain(&text[at..end]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    fn marked(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.clone())
            .collect()
    }

    #[test]
    fn english_matches_are_marked_in_their_written_form() {
        let m = Marker::for_query(&parse("infection").unwrap());
        assert_eq!(
            marked(&m.mark_all("Wound infections in the elderly")),
            ["infections"]
        );
    }

    #[test]
    fn japanese_bigrams_merge_into_one_mark() {
        let m = Marker::for_query(&parse("誤嚥性肺炎").unwrap());
        assert_eq!(
            marked(&m.mark_all("高齢者の誤嚥性肺炎の治療")),
            ["誤嚥性肺炎"]
        );
        let one = Marker::for_query(&parse("咳").unwrap());
        assert_eq!(marked(&one.mark_all("夜間の咳が続く、咳")), ["咳", "咳"]);
    }

    #[test]
    fn a_long_text_is_cut_around_its_matches() {
        let text = format!(
            "{} vancomycin trough {}",
            "filler ".repeat(100),
            "tail ".repeat(100)
        );
        let m = Marker::for_query(&parse("vancomycin").unwrap());
        let s = m.snippet(&text);
        assert_eq!(s.first().unwrap().text, "… ");
        assert_eq!(s.last().unwrap().text, " …");
        assert_eq!(marked(&s), ["vancomycin"]);
        let len: usize = s.iter().map(|p| p.text.chars().count()).sum();
        assert!(len <= SNIPPET_CHARS + 4, "{len}");
    }

    #[test]
    fn skipping_tokens_that_cannot_match_changes_no_mark() {
        let texts = [
            "Dying patients; the skies; relational organizations; infections were treated.",
            "ｶﾞｰｾﾞ交換と誤嚥性肺炎の予防、夜間の咳。MRSA肺炎にバンコマイシン。",
            "Happily, the happiest nurses generalised the generalizations.",
        ];
        let mut matched = 0;
        for q in [
            "die sky relate organization infected",
            "誤嚥 咳 ガーゼ mrsa",
            "happy generalize",
        ] {
            let m = Marker::for_query(&parse(q).unwrap());
            for text in texts {
                let all: Vec<_> = analyze(text, Mode::Index)
                    .into_iter()
                    .filter(|t| {
                        m.tokens.contains(&t.text)
                            || t.text.chars().next().is_some_and(|c| m.lone.contains(&c))
                    })
                    .collect();
                let some: Vec<_> = analyze_only(text, Mode::Index, Some(&m.only))
                    .into_iter()
                    .filter(|t| {
                        m.tokens.contains(&t.text)
                            || t.text.chars().next().is_some_and(|c| m.lone.contains(&c))
                    })
                    .collect();
                assert_eq!(all, some, "{q} in {text}");
                matched += all.len();
            }
        }
        assert!(matched >= 10, "the samples match: {matched}");
    }

    #[test]
    fn markup_in_the_text_stays_text() {
        let m = Marker::for_query(&parse("script").unwrap());
        let s = m.mark_all("<script>alert(1)</script>");
        assert_eq!(
            s.iter().map(|p| p.text.as_str()).collect::<String>(),
            "<script>alert(1)</script>"
        );
    }
}
