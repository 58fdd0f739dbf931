//! Hostile input: every payload of the shared XSS corpus must render to HTML that
//! passes a structural check, and the markdown-specific payloads are pinned by a
//! snapshot (`snapshots/markdown_xss.txt`; rewrite it with `UPDATE_SNAPSHOTS=1`).

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::sanitize::{self, LINK_REL, TAGS};
use super::{mentions, render};

/// Substrings that must never appear in rendered HTML (any case). html5ever escapes
/// `<` in text and attribute values alike, so each of these could only be a tag.
const FORBIDDEN: &[&str] = &[
    "<script", "<iframe", "<svg", "<math", "<img", "<style", "<object", "<embed", "<form", "<meta",
    "<base", "<link", "<!--",
];

/// `../../../shared/xss` from this crate: the payload corpus.
fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/xss")
}

/// The payloads of one corpus file, one a line.
fn payloads(file: &str) -> Vec<String> {
    let path = corpus_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "XSS corpus file {} is missing ({e}); it comes with the project's shared/ folder",
            path.display()
        )
    });
    text.lines().map(str::to_string).collect()
}

/// A start or end tag found in rendered HTML.
#[derive(Debug)]
struct TagToken {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Scans serialized HTML (as html5ever writes it: every `<` in text and attribute
/// values escaped, attribute values double-quoted) into its tags.
fn scan_tags(html: &str) -> Result<Vec<TagToken>, String> {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    let take_while = |mut i: usize, f: &dyn Fn(u8) -> bool| {
        while i < b.len() && f(b[i]) {
            i += 1;
        }
        i
    };
    while i < b.len() {
        if b[i] == b'>' {
            return Err(format!("bare `>` at byte {i}"));
        }
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if b.get(i) == Some(&b'/') {
            i += 1;
        }
        let end = take_while(i, &|c| c.is_ascii_alphanumeric());
        if end == i {
            return Err(format!("`<` not starting a tag at byte {i}"));
        }
        let mut tag = TagToken {
            name: html[i..end].to_string(),
            attrs: Vec::new(),
        };
        i = end;
        loop {
            i = take_while(i, &|c| c == b' ');
            match b.get(i) {
                None => return Err("unterminated tag".into()),
                Some(b'>') => break,
                _ => {}
            }
            let name_end = take_while(i, &|c| !matches!(c, b'=' | b' ' | b'>'));
            let name = html[i..name_end].to_string();
            if b.get(name_end) != Some(&b'=') || b.get(name_end + 1) != Some(&b'"') {
                return Err(format!("attribute {name} without a quoted value"));
            }
            let value_end = take_while(name_end + 2, &|c| c != b'"');
            tag.attrs
                .push((name, html[name_end + 2..value_end].to_string()));
            i = value_end + 1;
        }
        i += 1;
        tags.push(tag);
    }
    Ok(tags)
}

/// The attributes each allowed tag may carry.
fn allowed_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "a" => &["href", "title", "rel"],
        "ol" => &["start"],
        "div" => &["id", "class"],
        "sup" => &["class"],
        "input" => &["type", "disabled", "checked"],
        _ => &[],
    }
}

/// Panics unless `html` is clean: a fixpoint of the sanitizer, free of the
/// [`FORBIDDEN`] substrings, made only of allowed tags and attributes, with safe
/// `href`s and prefixed ids.
fn assert_safe(payload: &str, html: &str) {
    assert_eq!(
        sanitize::clean(html),
        html,
        "not a sanitizer fixpoint for {payload:?}"
    );
    let lower = html.to_ascii_lowercase();
    for bad in FORBIDDEN {
        assert!(!lower.contains(bad), "{bad} in {html:?} from {payload:?}");
    }
    let tags = scan_tags(html).unwrap_or_else(|e| panic!("{e} in {html:?} from {payload:?}"));
    for tag in tags {
        assert!(
            TAGS.contains(&tag.name.as_str()),
            "tag {} in {html:?} from {payload:?}",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "event handler in {html:?} from {payload:?}"
            );
            assert!(
                allowed_attrs(&tag.name).contains(&name.as_str()),
                "attribute {name} on {} in {html:?} from {payload:?}",
                tag.name
            );
            let ok = match name.as_str() {
                "href" => ["http://", "https://", "mailto:", "#user-content-fn-"]
                    .iter()
                    .any(|p| value.starts_with(p)),
                "id" => value.starts_with("user-content-fn-"),
                "rel" => value == LINK_REL,
                "type" => value == "checkbox",
                _ => true,
            };
            assert!(ok, "{name}={value:?} in {html:?} from {payload:?}");
        }
    }
}

#[test]
fn every_corpus_payload_renders_safely() {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "XSS corpus {} is missing ({e}); it comes with the project's shared/ folder",
            dir.display()
        )
    });
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "expected the six corpus files in {}",
        dir.display()
    );
    let mut count = 0;
    for file in &files {
        for payload in payloads(file) {
            assert_safe(&payload, &render(&payload).html);
            count += 1;
        }
    }
    assert!(count >= 500, "only {count} payloads in {}", dir.display());
}

/// The snapshot file of the `markdown.txt` payloads.
fn snapshot_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/markdown/snapshots/markdown_xss.txt")
}

/// One snapshot entry: the payload, then its HTML with continuation lines indented.
fn snapshot_entry(payload: &str, html: &str) -> String {
    format!(
        "in:  {payload}\nout: {}\n\n",
        html.trim_end().replace('\n', "\n     ")
    )
}

#[test]
fn markdown_payloads_match_snapshot() {
    let mut actual = String::from(
        "# Sanitized HTML of each payload in shared/xss/markdown.txt.\n\
         # Regenerate: UPDATE_SNAPSHOTS=1 cargo test -p app --features ssr --lib markdown\n\n",
    );
    let entries: Vec<String> = payloads("markdown.txt")
        .iter()
        .map(|p| snapshot_entry(p, &render(p).html))
        .collect();
    actual.extend(entries.iter().cloned());
    let path = snapshot_path();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "snapshot {} unreadable ({e}); create it with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    if expected != actual {
        let changed = entries
            .iter()
            .find(|entry| !expected.contains(entry.as_str()))
            .map_or("(header or order)", String::as_str);
        panic!(
            "snapshot {} differs (rerun with UPDATE_SNAPSHOTS=1 after review); first changed entry:\n{changed}",
            path.display()
        );
    }
}

#[test]
fn scanner_rejects_what_it_cannot_read() {
    assert!(scan_tags("<p>a &lt;b</p>").is_ok());
    assert!(scan_tags("<p>a < b</p>").is_err());
    assert!(scan_tags("<a href=x>").is_err());
    assert!(scan_tags("<!-- x -->").is_err());
}

/// Strings built from markdown and HTML punctuation, to exercise the parser.
const MARKDOWN_ISH: &str = "[-*_`#>!\\[\\]()<>@&;:/.|~^=\"' \n\ta-zA-Z0-9佐藤]{0,200}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn render_never_panics_and_is_safe(input in MARKDOWN_ISH) {
        let rendered = render(&input);
        assert_safe(&input, &rendered.html);
        for name in mentions(&input) {
            prop_assert!((1..=40).contains(&name.chars().count()));
        }
        prop_assert!(!rendered.text.ends_with(char::is_whitespace));
    }

    #[test]
    fn render_never_panics_on_any_text(input in "\\PC{0,200}") {
        assert_safe(&input, &render(&input).html);
        let _ = mentions(&input);
        let _ = super::quote(&input, &input);
    }
}
