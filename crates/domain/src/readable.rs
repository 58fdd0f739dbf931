//! What a reader of a post reads, with the way back to what its author typed. The gate
//! scans this as well as the markdown source, so an identifier written as character
//! references (`&#84;aro`), split by emphasis (`Ta**ro**`), hidden in link text, image
//! alt text, footnotes, tables or code is read the way a member would read it, and its
//! finding still points at the author's source for highlighting and replacement.
//! Needs only pulldown-cmark (the `cmark` feature), so the composer runs it in the
//! browser too.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The markdown dialect of posts: CommonMark plus tables, strikethrough, task lists
/// and footnotes (no heading attributes, no smart punctuation, no math).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A post as read: its text, and for each piece of it the source range it came from.
#[derive(Debug, Default)]
pub struct Readable {
    /// The text a reader reads, pieces joined without separators inside a paragraph
    /// (`Ta**ro**` reads `Taro`) and with a line break between blocks.
    pub text: String,
    /// Where each piece sits in `text` and in the source, in order.
    pub pieces: Vec<Piece>,
}

/// One piece of read text and the source it came from.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range in [`Readable::text`].
    pub text: Range<usize>,
    /// Byte range in the markdown source.
    pub src: Range<usize>,
}

impl Readable {
    fn push(&mut self, s: &str, src: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Piece {
            text: at..self.text.len(),
            src,
        });
    }

    fn gap(&mut self, sep: char) {
        if !self.text.is_empty() && !self.text.ends_with(['\n', ' ']) {
            self.text.push(sep);
        }
    }

    /// The source byte range of `text[start..end]`: exact where the pieces were copied
    /// verbatim from the source, else the whole source of the pieces it touches.
    pub fn source_range(&self, source: &str, start: usize, end: usize) -> Option<Range<usize>> {
        let mut out: Option<Range<usize>> = None;
        for p in &self.pieces {
            let (ps, pe) = (p.text.start, p.text.end);
            if pe <= start || ps >= end {
                continue;
            }
            let verbatim = source.get(p.src.clone()) == self.text.get(ps..pe);
            let r = if verbatim {
                p.src.start + start.saturating_sub(ps)..p.src.start + (end.min(pe) - ps)
            } else {
                p.src.clone()
            };
            out = Some(match out {
                Some(o) => o.start.min(r.start)..o.end.max(r.end),
                None => r,
            });
        }
        out.filter(|r| source.is_char_boundary(r.start) && source.is_char_boundary(r.end))
    }
}

/// Reads a post: text, code, raw HTML (shown literally), link text, image alt text,
/// footnotes and table cells, each piece remembered with its source range.
pub fn read(markdown: &str) -> Readable {
    let mut r = Readable::default();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => r.push(&t, range),
            Event::Html(t) | Event::InlineHtml(t) => r.push(&t, range),
            Event::SoftBreak => r.gap(' '),
            Event::HardBreak => r.gap('\n'),
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => r.gap(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => r.gap('\n'),
            _ => {}
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(md: &str, word: &str) -> String {
        let r = read(md);
        let s = r
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word} not in {:?}", r.text));
        let range = r.source_range(md, s, s + word.len()).unwrap();
        md[range].to_string()
    }

    #[test]
    fn readers_read_through_the_markup() {
        assert!(read("Ta**ro** Ya_ma_da").text.contains("Taro Ya_ma_da"));
        assert!(read("&#84;aro").text.contains("Taro"));
        assert!(read("see [Mrs Okafor](https://x.example)")
            .text
            .contains("Mrs Okafor"));
        assert!(read("![Mr Sato's wound](x.png)")
            .text
            .contains("Mr Sato's wound"));
        assert!(read("| a | b |\n|---|---|\n| Kimura | 93 |")
            .text
            .contains("Kimura 93"));
        assert!(read("x[^1]\n\n[^1]: Mr Hollings")
            .text
            .contains("Mr Hollings"));
    }

    #[test]
    fn findings_point_back_at_the_source() {
        assert_eq!(source_of("Seen: Mrs Okafor today", "Okafor"), "Okafor");
        assert_eq!(source_of("&#84;aro", "Taro"), "&#84;aro");
        assert_eq!(
            source_of("[Kenji Sato](https://x.example) said", "Sato"),
            "Sato"
        );
    }
}
