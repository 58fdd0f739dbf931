//! The first rendering layer: parses markdown with pulldown-cmark and rewrites the
//! event stream so that the HTML renderer can only emit the markup a post may have.

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd,
    TextMergeStream,
};

use super::linkify;
pub(super) use crate::readable::options;

/// Prefix of every id in a rendered post (footnote definitions are the only ids), so
/// that user content cannot clobber the ids of the page around it. The sanitizer
/// enforces the same prefix.
pub(super) const ID_PREFIX: &str = "user-content-";

/// Prefix of footnote definition ids and of the fragment links to them.
pub(super) const FOOTNOTE_ID_PREFIX: &str = "user-content-fn-";

/// Deepest element nesting kept; deeper start and end tags are dropped (their text
/// stays). The HTML parser in the sanitizer is quadratic in nesting depth, so
/// 64 KiB of `>` would otherwise take minutes.
pub(super) const MAX_NESTING: usize = 32;

/// Parses `markdown` and returns the rewritten events, ready for the HTML renderer.
///
/// * raw HTML (blocks and inline) becomes literal text; an HTML block becomes a
///   paragraph with its lines joined by soft breaks;
/// * images become their alt text;
/// * links whose destination is not `http:`, `https:` or `mailto:` keep only their text;
/// * headings shift down two levels (`#` → `h3`, …, `####`–`######` → `h6`);
/// * fenced code loses its language (no `class` attribute);
/// * table alignment is dropped (it would be a `style` attribute);
/// * footnote labels become ids under [`FOOTNOTE_ID_PREFIX`];
/// * bare `http(s)://` URLs in text outside links and code become links;
/// * elements nested deeper than [`MAX_NESTING`] lose their tags.
pub(super) fn transform(markdown: &str) -> Vec<Event<'_>> {
    limit_nesting(rewrite(markdown))
}

/// Drops the start and end tags of elements nested deeper than [`MAX_NESTING`].
fn limit_nesting(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut depth = 0usize;
    let mut kept = Vec::with_capacity(events.len());
    for event in events {
        let keep = match event {
            Event::Start(_) => {
                depth += 1;
                depth <= MAX_NESTING
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                depth < MAX_NESTING
            }
            _ => true,
        };
        if keep {
            kept.push(event);
        }
    }
    kept
}

/// All rewrites of [`transform`] but the nesting limit.
fn rewrite(markdown: &str) -> Vec<Event<'_>> {
    let parser = TextMergeStream::new(Parser::new_ext(markdown, options()));
    let mut out = Vec::new();
    // For each open link: whether its start tag was kept.
    let mut links: Vec<bool> = Vec::new();
    let mut in_code_block = false;
    // Lines of raw HTML emitted so far in the current HTML block.
    let mut html_lines = 0usize;
    for event in parser {
        match event {
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = link_type == LinkType::Email || is_allowed_url(&dest_url);
                links.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => out.push(Event::Start(Tag::Heading {
                level: shift_heading(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shift_heading(level))));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(Tag::Table(alignments)) => out.push(Event::Start(Tag::Table(vec![
                    Alignment::None;
                    alignments.len()
                ]))),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                out.push(Event::Start(Tag::FootnoteDefinition(footnote_id(&label))));
            }
            Event::FootnoteReference(label) => {
                out.push(Event::FootnoteReference(footnote_id(&label)));
            }
            Event::Start(Tag::HtmlBlock) => {
                html_lines = 0;
                out.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Html(line) => {
                if html_lines > 0 {
                    out.push(Event::SoftBreak);
                }
                html_lines += 1;
                out.push(Event::Text(trim_newline(line)));
            }
            Event::InlineHtml(html) => out.push(Event::Text(html)),
            Event::Text(text) if !in_code_block && links.is_empty() => {
                push_linkified(&mut out, text);
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a link destination may stay a link: absolute `http:`, `https:` or `mailto:`,
/// or a category's page ([`is_category_path`])
/// (pulldown-cmark has already decoded entities and trimmed the destination).
pub(super) fn is_allowed_url(url: &str) -> bool {
    ["http://", "https://", "mailto:"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    }) || is_category_path(url)
}

/// The one relative address a post may link to: a category's page, `/c/slug` (what
/// the composer's `#` suggestion writes). Nothing after the slug, so no other path,
/// query or parent step can ride on it.
pub(super) fn is_category_path(url: &str) -> bool {
    url.strip_prefix("/c/").is_some_and(|slug| {
        !slug.is_empty()
            && slug.len() <= 64
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    })
}

/// `#` → `h3`, `##` → `h4`, `###` → `h5`, deeper → `h6`: the page itself has the
/// `h1` title and `h2` sections.
fn shift_heading(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// A footnote label as an id: [`FOOTNOTE_ID_PREFIX`] followed by the label with every
/// character other than an ASCII letter, digit or `-` written as `_<hex>_` (so the
/// mapping is one-to-one and the id is a valid URL fragment).
fn footnote_id(label: &str) -> CowStr<'static> {
    let mut id = String::with_capacity(FOOTNOTE_ID_PREFIX.len() + label.len());
    id.push_str(FOOTNOTE_ID_PREFIX);
    for c in label.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    CowStr::from(id)
}

/// A line of raw HTML without its line ending.
fn trim_newline(line: CowStr<'_>) -> CowStr<'_> {
    if line.ends_with('\n') {
        CowStr::from(line.trim_end_matches(['\n', '\r']).to_string())
    } else {
        line
    }
}

/// Pushes `text`, with each bare URL in it turned into an autolink.
fn push_linkified<'a>(out: &mut Vec<Event<'a>>, text: CowStr<'a>) {
    let urls = linkify::find_urls(&text);
    let mut pieces = Vec::with_capacity(urls.len() * 4 + 1);
    let mut done = 0;
    for url in urls {
        let (Some(before), Some(dest)) = (text.get(done..url.start), text.get(url.clone())) else {
            break;
        };
        if !before.is_empty() {
            pieces.push(Event::Text(CowStr::from(before.to_string())));
        }
        let dest = CowStr::from(dest.to_string());
        pieces.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: dest.clone(),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        pieces.push(Event::Text(dest));
        pieces.push(Event::End(TagEnd::Link));
        done = url.end;
    }
    if done == 0 {
        out.push(Event::Text(text));
        return;
    }
    out.extend(pieces);
    if let Some(rest) = text.get(done..).filter(|rest| !rest.is_empty()) {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}
