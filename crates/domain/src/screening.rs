//! Screening a post before it is stored: render the markdown, scan what was written
//! with the detector, and say whether it is held. The result is a [`Draft`], the one
//! shape the store accepts, so nothing reaches the database unscreened. (Rendering is
//! server-side: [`screen`] needs the `markdown` feature.)

use crate::i18n::Lang;
use crate::models::FieldFindings;

/// A version of a post, rendered and screened, ready to store.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Who wrote this version.
    pub editor_id: i64,
    /// Title as plain text (opening posts only).
    pub title: Option<String>,
    /// Tags (opening posts only).
    pub tags: Option<Vec<String>>,
    /// Markdown as written.
    pub body_md: String,
    /// Sanitized HTML.
    pub body_html: String,
    /// What a reader sees, as plain text.
    pub body_text: String,
    /// What the detector found, per field.
    pub findings: FieldFindings,
    /// Whether the post is held for a moderator.
    pub held: bool,
    /// The author already chose to send it to moderators as it is.
    pub review_requested: bool,
    /// The language it is written in (the detector's record counts per language).
    pub lang: Lang,
}

/// The language a post is written in, for the detector's record: Japanese when at
/// least one letter in ten is kana or kanji (a Japanese post quotes English terms
/// freely; an English post rarely has any Japanese), otherwise English.
pub fn language(text: &str) -> Lang {
    let (mut letters, mut japanese) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}')
        {
            japanese += 1;
        }
    }
    if japanese * 10 >= letters.max(1) {
        Lang::Ja
    } else {
        Lang::En
    }
}

/// Renders and scans a validated post by `editor_id` with `detector` (built with the
/// site's lists). Any finding holds the post.
#[cfg(feature = "markdown")]
pub fn screen(detector: &phi::Detector, editor_id: i64, post: &crate::fields::NewPost) -> Draft {
    use crate::markdown;
    let title = post
        .title
        .as_ref()
        .map(|t| markdown::title_text(t.as_str()));
    let tags = post.tags.as_ref().map(|t| t.as_slice().to_vec());
    let body = post.body.as_str().to_string();
    let findings = FieldFindings {
        title: title
            .as_deref()
            .map(|t| detector.scan(t).findings)
            .unwrap_or_default(),
        tags: tags
            .as_ref()
            .map(|t| detector.scan(&t.join(" ")).findings)
            .unwrap_or_default(),
        body: scan_body(detector, &body),
    };
    let rendered = markdown::render(&body);
    let lang = language(&format!(
        "{} {}",
        title.as_deref().unwrap_or(""),
        rendered.text
    ));
    Draft {
        lang,
        editor_id,
        title,
        tags,
        body_md: body,
        body_html: rendered.html,
        body_text: rendered.text,
        held: findings.any(),
        findings,
        review_requested: post.send_for_review,
    }
}

/// Scans a post body twice — as typed (the markdown source) and as read (after
/// markdown: character references decoded, emphasis joined, link and alt text,
/// footnotes, tables, code) — and returns every finding in source byte offsets, sorted
/// and without overlaps. A disguise that only a reader can undo is caught; findings
/// point where the author can fix them.
#[cfg(feature = "cmark")]
pub fn scan_body(detector: &phi::Detector, source: &str) -> Vec<phi::Finding> {
    let mut found = detector.scan(source).findings;
    let read = crate::readable::read(source);
    if read.text.trim() != source.trim() {
        for f in detector.scan(&read.text).findings {
            if let Some(r) = read.source_range(source, f.start, f.end) {
                found.push(phi::Finding {
                    start: r.start,
                    end: r.end,
                    ..f
                });
            }
        }
    }
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<phi::Finding> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_none_or(|l| f.start >= l.end) {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod language_tests {
    use super::*;

    #[test]
    fn a_post_is_japanese_when_one_letter_in_ten_is_japanese() {
        assert_eq!(language("Seen today: a 93F with CHF."), Lang::En);
        assert_eq!(language("今日のCHFの方、BNP 1200でした。"), Lang::Ja);
        assert_eq!(language("ＳｐＯ２ 90%、酸素2L開始"), Lang::Ja);
        assert_eq!(language(""), Lang::En);
        assert_eq!(
            language("Discussed the 長谷川式 score at length with the whole team today."),
            Lang::En
        );
    }
}

#[cfg(all(test, feature = "cmark"))]
mod tests {
    use super::*;

    #[test]
    fn disguises_in_the_markup_are_found_where_the_author_typed_them() {
        let d = phi::Detector::new(phi::SiteLists::default());
        let src = "Seen today: Mrs &#79;kafor, 93F.";
        let f = scan_body(&d, src);
        assert!(!f.is_empty());
        assert!(
            f.iter().any(|f| src[f.start..f.end].contains("&#79;kafor")),
            "{f:?}"
        );
    }
}
