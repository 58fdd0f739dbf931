//! Unit tests of each rendering rule of [`super::render`].

use super::linkify::find_urls;
use super::sanitize;
use super::{mentions, render};

/// The sanitized HTML of `markdown`.
fn html(markdown: &str) -> String {
    render(markdown).html
}

const REL: &str = r#"rel="nofollow noopener noreferrer""#;

#[test]
fn paragraphs_and_emphasis() {
    assert_eq!(
        html("Hello *there* **you**\n\nbye"),
        "<p>Hello <em>there</em> <strong>you</strong></p>\n<p>bye</p>\n"
    );
}

#[test]
fn raw_html_is_escaped_not_passed_through() {
    assert_eq!(
        html("<script>alert(1)</script>"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    );
    assert_eq!(
        html("hello <img src=x onerror=alert(1)> world"),
        "<p>hello &lt;img src=x onerror=alert(1)&gt; world</p>\n"
    );
    assert_eq!(
        html("<div>\n*a*\n</div>"),
        "<p>&lt;div&gt;\n*a*\n&lt;/div&gt;</p>\n"
    );
    assert_eq!(render("<b>bold</b> text").text, "<b>bold</b> text");
}

#[test]
fn dangerous_link_schemes_lose_their_link() {
    for md in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](/relative/path)",
        "[x](#main)",
        "<javascript:alert(1)>",
    ] {
        let out = html(md);
        assert!(!out.contains("href"), "{md} → {out}");
        assert!(!out.contains("<a"), "{md} → {out}");
    }
    assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
}

#[test]
fn a_category_link_survives_and_nothing_else_relative_does() {
    assert!(html("see [#Nursing](/c/nursing)").contains("href=\"/c/nursing\""));
    for md in [
        "[x](/c/../logout)",
        "[x](/c/Nursing)",
        "[x](/c/a?next=//evil)",
        "[x](/c/)",
        "[x](/c/a/b)",
        "[x](//c/a)",
    ] {
        let out = html(md);
        assert!(!out.contains("href"), "{md} → {out}");
    }
}

#[test]
fn sanitizer_layer_alone_drops_bad_markup() {
    assert_eq!(
        sanitize::clean(r#"<a href="javascript:alert(1)" onclick="x()">x</a>"#),
        format!("<a {REL}>x</a>")
    );
    assert_eq!(
        sanitize::clean(
            r#"<p style="color:red" class="x" id="main">a<img src="https://e/x.png"></p>"#
        ),
        "<p>a</p>"
    );
    assert_eq!(
        sanitize::clean("<script>alert(1)</script><style>*{}</style>b"),
        "b"
    );
    assert_eq!(
        sanitize::clean(r##"<a href="#main">x</a><div id="main" class="x">y</div>"##),
        format!(r#"<a {REL}>x</a><div id="user-content-main" class="">y</div>"#)
    );
    assert_eq!(
        sanitize::clean(r#"<input type="text" name="q" value="v"><input checked="">"#),
        r#"<input type="checkbox"><input checked="" type="checkbox">"#
    );
    assert_eq!(
        sanitize::clean(r#"<pre><code class="language-rust">x</code></pre>"#),
        "<pre><code>x</code></pre>"
    );
}

#[test]
fn links_get_rel_nofollow() {
    assert_eq!(
        html(r#"[x](https://example.com/a?b=1&c=2 "T")"#),
        format!(
            r#"<p><a href="https://example.com/a?b=1&amp;c=2" title="T" {REL}>x</a></p>
"#
        )
    );
    assert_eq!(
        html("<https://example.com>"),
        format!("<p><a href=\"https://example.com\" {REL}>https://example.com</a></p>\n")
    );
    assert_eq!(
        html("<a@example.com> [m](mailto:b@example.com)"),
        format!(
            "<p><a href=\"mailto:a@example.com\" {REL}>a@example.com</a> <a href=\"mailto:b@example.com\" {REL}>m</a></p>\n"
        )
    );
}

#[test]
fn images_become_their_alt_text() {
    assert_eq!(
        html("![a *cat*](https://example.com/cat.png)"),
        "<p>a <em>cat</em></p>\n"
    );
    assert_eq!(
        html("[![logo](https://e.com/l.png)](https://e.com)"),
        format!("<p><a href=\"https://e.com\" {REL}>logo</a></p>\n")
    );
    assert_eq!(
        render("![x-ray](https://e.com/x.png) shows").text,
        "x-ray shows"
    );
}

#[test]
fn headings_shift_down_two_levels() {
    assert_eq!(
        html("# a\n## b\n### c\n#### d\n##### e\n###### f"),
        "<h3>a</h3>\n<h4>b</h4>\n<h5>c</h5>\n<h6>d</h6>\n<h6>e</h6>\n<h6>f</h6>\n"
    );
    assert_eq!(html("# a {#id .cls}"), "<h3>a {#id .cls}</h3>\n");
}

#[test]
fn tables_render_without_alignment_styles() {
    let out = html("| a | b |\n|:--|--:|\n| 1 | 2 |");
    assert_eq!(
        out,
        "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n"
    );
    assert_eq!(render("| a | b |\n|---|---|\n| 1 | 2 |").text, "a\tb\n1\t2");
}

#[test]
fn strikethrough_and_task_lists() {
    assert_eq!(html("~~gone~~"), "<p><del>gone</del></p>\n");
    assert_eq!(
        html("- [ ] todo\n- [x] done"),
        "<ul>\n<li><input disabled=\"\" type=\"checkbox\">\ntodo</li>\n<li><input disabled=\"\" checked=\"\" type=\"checkbox\">\ndone</li>\n</ul>\n"
    );
    assert_eq!(render("- [ ] todo\n- [x] done").text, "[ ] todo\n[x] done");
}

#[test]
fn footnotes_use_prefixed_ids_and_matching_links() {
    let out = html("Claim[^1] and[^a b].\n\n[^1]: Source.\n[^a b]: Other.");
    assert!(
        out.contains(r##"<sup class="footnote-reference"><a href="#user-content-fn-1" rel="nofollow noopener noreferrer">1</a></sup>"##),
        "{out}"
    );
    assert!(
        out.contains(r#"<div class="footnote-definition" id="user-content-fn-1"><sup class="footnote-definition-label">1</sup>"#),
        "{out}"
    );
    assert!(out.contains(r##"href="#user-content-fn-a_20_b""##), "{out}");
    assert!(out.contains(r#"id="user-content-fn-a_20_b""#), "{out}");
    assert_eq!(
        render("Claim[^1].\n\n[^1]: Source.").text,
        "Claim[1].\n\n[1] Source."
    );
}

#[test]
fn code_is_escaped_and_loses_its_language() {
    assert_eq!(
        html("```rust\nlet a = \"<b>\";\n```"),
        "<pre><code>let a = \"&lt;b&gt;\";\n</code></pre>\n"
    );
    assert_eq!(html("`<b>`"), "<p><code>&lt;b&gt;</code></p>\n");
}

#[test]
fn ordered_lists_keep_their_start() {
    assert_eq!(
        html("3. a\n4. b"),
        "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"
    );
}

#[test]
fn bare_urls_are_linkified() {
    let link = |u: &str| format!("<a href=\"{u}\" {REL}>{u}</a>");
    assert_eq!(
        html("see https://example.com/a."),
        format!("<p>see {}.</p>\n", link("https://example.com/a"))
    );
    assert_eq!(
        html("(see https://en.wikipedia.org/wiki/Foo_(bar)), http://x.org/?q=1, ok"),
        format!(
            "<p>(see {}), {}, ok</p>\n",
            link("https://en.wikipedia.org/wiki/Foo_(bar)"),
            link("http://x.org/?q=1")
        )
    );
    assert_eq!(
        html("詳細はhttps://example.jp/a。"),
        format!("<p>詳細は{}。</p>\n", link("https://example.jp/a"))
    );
    // Not inside code, code blocks or existing links.
    assert_eq!(
        html("`https://a.com`"),
        "<p><code>https://a.com</code></p>\n"
    );
    assert_eq!(
        html("    https://a.com\n"),
        "<pre><code>https://a.com\n</code></pre>\n"
    );
    assert_eq!(
        html("[https://a.com](https://b.com)"),
        format!("<p><a href=\"https://b.com\" {REL}>https://a.com</a></p>\n")
    );
    // Not in escaped raw HTML.
    assert!(!html("<a href=\"https://a.com\">").contains("<a"));
}

#[test]
fn url_finder_edges() {
    let urls =
        |t: &str| -> Vec<String> { find_urls(t).into_iter().map(|r| t[r].to_string()).collect() };
    assert_eq!(
        urls("xhttps://a.com http:// https://.a HTTPS://B.COM"),
        ["HTTPS://B.COM"]
    );
    assert_eq!(urls("'https://a.com/x'!"), ["https://a.com/x"]);
    assert_eq!(urls("[https://a.com/[1]]"), ["https://a.com/[1]"]);
    assert_eq!(
        urls("<https://a.com>\"https://b.com\""),
        ["https://a.com", "https://b.com"]
    );
    assert!(urls("").is_empty());
    let long = format!("https://a.com/{}", ")".repeat(50_000));
    assert_eq!(urls(&long), ["https://a.com/"]);
}

#[test]
fn pathological_inputs_stay_linear_and_safe() {
    let big = 64 * 1024;
    for unit in [
        ">",
        "*",
        "[",
        "![",
        "- ",
        "`",
        "<a>",
        "[^1]",
        "|",
        "\\",
        "@a ",
        "http://a ",
    ] {
        let input = unit.repeat(big / unit.len());
        let start = std::time::Instant::now();
        let out = render(&input);
        assert_eq!(sanitize::clean(&out.html), out.html);
        let _ = mentions(&input);
        assert!(
            start.elapsed().as_secs() < 20,
            "{unit:?} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn deep_nesting_is_flattened() {
    let out = html(&format!("{}deep", ">".repeat(100)));
    assert_eq!(
        out.matches("<blockquote>").count(),
        super::events::MAX_NESTING
    );
    assert_eq!(
        out.matches("</blockquote>").count(),
        super::events::MAX_NESTING
    );
    assert!(out.contains("deep"));
}
