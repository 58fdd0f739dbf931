//! Plain text of a rendered post (from the rewritten event stream, not from HTML) and
//! `@mention` extraction.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Parser, Tag, TagEnd, TextMergeStream};

use super::events::options;

/// Longest display name a mention can carry, in characters.
const MAX_NAME_CHARS: usize = 40;

/// How much space separates the next piece of text from the previous one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Cell,
    Line,
    Block,
}

/// Accumulates text, writing the widest pending gap before the next piece.
struct Writer {
    out: String,
    gap: Gap,
    /// Ignore gaps until the next piece (after a footnote label).
    hold: bool,
}

impl Writer {
    fn gap(&mut self, gap: Gap) {
        if !self.hold {
            self.gap = self.gap.max(gap);
        }
    }

    fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str(match self.gap {
                Gap::None => "",
                Gap::Cell => "\t",
                Gap::Line => "\n",
                Gap::Block => "\n\n",
            });
        }
        self.gap = Gap::None;
        self.hold = false;
        self.out.push_str(text);
    }
}

/// What a reader sees in `events` (the output of [`super::events::transform`]) as
/// plain text: blocks separated by a blank line, list items and table rows by a line
/// break, table cells by a tab, code verbatim, link text without its URL, task list
/// boxes as `[ ]`/`[x]`, footnotes as `[1]`.
pub(super) fn plain_text(events: &[Event<'_>]) -> String {
    let mut w = Writer {
        out: String::new(),
        gap: Gap::None,
        hold: false,
    };
    let mut in_code_block = false;
    let mut list_depth = 0usize;
    let mut footnotes: HashMap<&str, usize> = HashMap::new();
    for event in events {
        match event {
            Event::Text(text) if in_code_block => w.push(text.trim_end_matches('\n')),
            Event::Text(text) | Event::Code(text) => w.push(text),
            Event::SoftBreak => w.push(" "),
            Event::HardBreak => w.push("\n"),
            Event::Rule => w.gap(Gap::Block),
            Event::TaskListMarker(done) => w.push(if *done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => {
                w.push(&format!("[{}]", footnote_number(&mut footnotes, label)));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                w.gap(Gap::Block);
                w.push(&format!("[{}] ", footnote_number(&mut footnotes, label)));
                w.hold = true;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                w.gap(Gap::Block);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                w.gap(Gap::Block);
            }
            Event::Start(Tag::List(_)) => {
                w.gap(if list_depth == 0 {
                    Gap::Block
                } else {
                    Gap::Line
                });
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                w.gap(if list_depth == 0 {
                    Gap::Block
                } else {
                    Gap::Line
                });
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::Table(_)
                | Tag::HtmlBlock,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Table
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition,
            ) => w.gap(Gap::Block),
            Event::Start(Tag::Item) | Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                w.gap(Gap::Line);
            }
            Event::End(TagEnd::TableCell) => w.gap(Gap::Cell),
            _ => {}
        }
    }
    w.out.truncate(w.out.trim_end().len());
    w.out
}

/// The number a footnote label shows as: labels are numbered in order of first
/// appearance, references and definitions alike (as pulldown-cmark's renderer does).
fn footnote_number<'a>(numbers: &mut HashMap<&'a str, usize>, label: &'a str) -> usize {
    let next = numbers.len() + 1;
    *numbers.entry(label).or_insert(next)
}

/// See [`super::mentions`].
pub(super) fn mentions(markdown: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut names = Vec::new();
    let mut in_code_block = false;
    for event in TextMergeStream::new(Parser::new_ext(markdown, options())) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(text) if !in_code_block => {
                for name in mentions_in(&text) {
                    if !seen.contains(name) {
                        seen.insert(name.to_string());
                        names.push(name.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    names
}

/// Characters after which an `@` starts a mention: whitespace, `(`, and (for
/// Japanese, written without spaces) CJK punctuation such as `、` `。` `「` and `（`.
fn may_precede_mention(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == '\u{FF08}' || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Characters a mentioned name is made of.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// The names mentioned in one run of text, in order, possibly repeated.
fn mentions_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts_mention = c == '@' && prev.is_none_or(may_precede_mention);
        prev = Some(c);
        if !starts_mention {
            continue;
        }
        let start = at + c.len_utf8();
        let mut end = start;
        while let Some(&(i, d)) = chars.peek() {
            if !is_name_char(d) {
                break;
            }
            end = i + d.len_utf8();
            prev = Some(d);
            chars.next();
        }
        let name = text.get(start..end).unwrap_or("").trim_end_matches('.');
        let len = name.chars().count();
        if (1..=MAX_NAME_CHARS).contains(&len) {
            found.push(name);
        }
    }
    found
}
