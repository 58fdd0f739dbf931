//! Unit tests of the plain text of a post, mentions, quote-replies and titles.

use super::{mentions, quote, render, title_text};

#[test]
fn plain_text_is_what_a_reader_sees() {
    let text = render(
        "# Title\n\nSome *em* and [a link](https://e.com) and `code`.\nNext line.\n\n\
         > quoted\n\n- one\n- two\n  - nested\n\n```\nfn main() {\n    x();\n}\n```\n\n---\n\nEnd",
    )
    .text;
    assert_eq!(
        text,
        "Title\n\nSome em and a link and code. Next line.\n\nquoted\n\none\ntwo\nnested\n\n\
         fn main() {\n    x();\n}\n\nEnd"
    );
    assert_eq!(render("").text, "");
    assert_eq!(render("").html, "");
}

#[test]
fn mentions_are_found_in_order_without_duplicates() {
    assert_eq!(
        mentions("@alice and (@bob_2) and @alice again, cc @dr.smith. @佐藤 さん"),
        ["alice", "bob_2", "dr.smith", "佐藤"]
    );
    assert_eq!(
        mentions("@佐藤先生、@山田。（@鈴木）「@田中」"),
        ["佐藤先生", "山田", "鈴木", "田中"]
    );
    assert_eq!(mentions("**@Ann** wrote"), ["Ann"]);
    assert_eq!(mentions("@a-b.c..."), ["a-b.c"]);
}

#[test]
fn mentions_skip_code_emails_and_bad_names() {
    assert!(mentions("`@alice` and\n\n```\n@bob\n```\n\n    @carol").is_empty());
    assert!(mentions("mail me@example.com or a@b").is_empty());
    assert!(mentions("@ alone, @. and @!").is_empty());
    assert!(mentions(&format!("@{}", "a".repeat(41))).is_empty());
    assert_eq!(mentions(&format!("@{}", "a".repeat(40))), ["a".repeat(40)]);
    assert_eq!(mentions("<span>@alice</span>"), ["alice"]);
}

#[test]
fn quote_builds_a_blockquote_naming_the_author() {
    assert_eq!(
        quote("Name", "line1\nline2"),
        "> **@Name** wrote:\n>\n> line1\n> line2\n\n"
    );
    assert_eq!(
        quote("佐藤", "\n\npara one\n\npara two\n\n"),
        "> **@佐藤** wrote:\n>\n> para one\n>\n> para two\n\n"
    );
    assert_eq!(quote("A_b*", ""), "> **@A\\_b\\*** wrote:\n\n");
    let nested = quote("Bob", &quote("Ann", "hi\n```\ncode\n```"));
    assert_eq!(
        render(&nested).html,
        "<blockquote>\n<p><strong>@Bob</strong> wrote:</p>\n<blockquote>\n<p><strong>@Ann</strong> wrote:</p>\n<p>hi</p>\n<pre><code>code\n</code></pre>\n</blockquote>\n</blockquote>\n"
    );
    assert_eq!(mentions(&quote("A_b", "hi")), ["A_b"]);
}

#[test]
fn titles_are_one_trimmed_line() {
    assert_eq!(
        title_text("  Chest\tpain \n\n in  *adults*  "),
        "Chest pain in *adults*"
    );
    assert_eq!(title_text("a\u{0}b \u{7}"), "ab");
    assert_eq!(title_text(" \n "), "");
    assert_eq!(title_text("胸痛　の　鑑別"), "胸痛 の 鑑別");
}

#[test]
fn a_quote_mentions_its_author_despite_the_escaped_name() {
    // The name's `_` is escaped in the markdown, but mentions are read from the
    // parsed text, so quoting `aoki_im` still notifies them.
    let md = quote("aoki_im", "We aim for an AUC of 400–600.");
    assert!(md.contains("aoki\\_im"));
    assert_eq!(mentions(&md), vec!["aoki_im".to_string()]);
}
