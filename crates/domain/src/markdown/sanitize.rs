//! The second rendering layer: ammonia with an explicit allow-list of exactly the
//! markup that [`super::events`] lets pulldown-cmark emit.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

use super::events::{FOOTNOTE_ID_PREFIX, ID_PREFIX};

/// The `rel` of every link in a post.
pub(super) const LINK_REL: &str = "nofollow noopener noreferrer";

/// Elements a post may contain. `h1`/`h2` are absent because headings are shifted
/// down two levels; `img` is absent on purpose (no third-party images).
pub(super) const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "sup",
    "div",
];

/// Elements removed together with their content (never kept as text).
const CLEAN_CONTENT_TAGS: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "iframe", "object", "svg", "math",
    "title", "xmp", "noembed", "noframes",
];

/// The configured cleaner, built once.
static CLEANER: LazyLock<Builder<'static>> = LazyLock::new(builder);

/// Cleans an HTML fragment against the post allow-list.
pub(super) fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// The allow-list:
/// * tags: [`TAGS`]; no generic attributes at all (no `style`, `class`, `on*`, `id`);
/// * `a`: `href` (`http`, `https`, `mailto`, or a `#` fragment naming a footnote),
///   `title`, and `rel` forced to [`LINK_REL`];
/// * `ol`: `start`;
/// * `input` (task lists): `type` forced to `checkbox`, `disabled=""`, `checked=""`;
/// * footnotes: `div` with `id` (forced under [`ID_PREFIX`]) and class
///   `footnote-definition`; `sup` with class `footnote-reference` or
///   `footnote-definition-label`;
/// * other relative URLs are dropped; comments are stripped.
fn builder() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(CLEAN_CONTENT_TAGS.iter().copied().collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title"])),
            ("ol", HashSet::from(["start"])),
            ("div", HashSet::from(["id"])),
        ]))
        .tag_attribute_values(HashMap::from([(
            "input",
            HashMap::from([
                ("disabled", HashSet::from([""])),
                ("checked", HashSet::from([""])),
            ]),
        )]))
        .set_tag_attribute_values(HashMap::from([(
            "input",
            HashMap::from([("type", "checkbox")]),
        )]))
        .allowed_classes(HashMap::from([
            ("div", HashSet::from(["footnote-definition"])),
            (
                "sup",
                HashSet::from(["footnote-reference", "footnote-definition-label"]),
            ),
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(UrlRelative::Custom(Box::new(footnote_fragment_only)))
        .link_rel(Some(LINK_REL))
        .id_prefix(Some(ID_PREFIX))
        .strip_comments(true);
    b
}

/// Relative URLs: only a fragment naming a footnote, and a category's page
/// (`/c/slug`, what the composer's `#` suggestion writes), survive.
fn footnote_fragment_only(url: &str) -> Option<Cow<'_, str>> {
    if super::events::is_category_path(url) {
        return Some(Cow::Borrowed(url));
    }
    let id = url.strip_prefix('#')?;
    let label = id.strip_prefix(FOOTNOTE_ID_PREFIX)?;
    label
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .then_some(Cow::Borrowed(url))
}
