//! Post bodies: markdown → sanitized HTML plus plain text, `@mentions`, quote-replies
//! and plain titles (server only).
//!
//! Rendering is two layers, in the manner of crates.io's `crates_io_markdown`:
//! 1. pulldown-cmark parses the markdown and [`events`] rewrites the event stream:
//!    raw HTML becomes literal text, images become their alt text, links other than
//!    `http:`/`https:`/`mailto:` lose their link, headings are shifted down two levels,
//!    bare URLs are linkified, and footnote ids get a fixed prefix.
//! 2. ammonia cleans the resulting HTML against an explicit allow-list ([`sanitize`]),
//!    so that a bug in layer 1 still cannot let script, styles or foreign ids through.
//!
//! The caller limits the input size (at most 64 KiB); every function here is linear
//! in practice and never panics.

mod events;
mod linkify;
mod sanitize;
mod text;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;
#[cfg(test)]
mod xss_tests;

/// The stored forms of a post body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Sanitized HTML, safe to insert into a page as is.
    pub html: String,
    /// What a reader sees, as plain text (for search indexing and snippets): blocks
    /// separated by a blank line, code verbatim, link text without its URL.
    pub text: String,
}

/// Renders markdown to sanitized HTML plus plain text (for search indexing and snippets).
pub fn render(markdown: &str) -> Rendered {
    let events = events::transform(markdown);
    let text = text::plain_text(&events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: sanitize::clean(&raw),
        text,
    }
}

/// Display names mentioned as `@Name`, deduplicated, in order of first appearance.
///
/// A mention is an `@` at the start of a text run or after whitespace or `(`,
/// followed by 1–40 letters or digits (any script), `_`, `-` or `.`; a trailing `.`
/// is not part of the name, and a longer run is not a mention. Mentions in code spans,
/// code blocks and raw HTML are ignored. The names are returned without the `@`.
pub fn mentions(markdown: &str) -> Vec<String> {
    text::mentions(markdown)
}

/// Builds the markdown of a quote-reply: a blockquote of `body_markdown` preceded by
/// a line naming the author, e.g. `"> **@Name** wrote:\n>\n> line1\n> line2\n\n"`.
///
/// The author's name is put on one line and its markdown punctuation is escaped;
/// blank lines around the body are dropped.
pub fn quote(author: &str, body_markdown: &str) -> String {
    let mut out = String::with_capacity(body_markdown.len() + author.len() + 32);
    out.push_str("> **@");
    for c in title_text(author).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.push_str("** wrote:\n");
    let lines: Vec<&str> = body_markdown.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    if let (Some(first), Some(last)) = (first, last) {
        out.push_str(">\n");
        for line in &lines[first..=last] {
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push('\n');
    out
}

/// Plain single-line text for titles (no markdown): trims, collapses runs of
/// whitespace (line breaks included) to one space and drops control characters.
/// Titles are never rendered as HTML; leptos escapes them.
pub fn title_text(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        let word = word.chars().filter(|c| !c.is_control());
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        out.extend(word);
        if out.len() == start + usize::from(start > 0) {
            out.truncate(start);
        }
    }
    out
}
