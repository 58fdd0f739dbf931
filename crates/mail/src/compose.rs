//! A letter and its message: subject, paragraphs and at most one link, rendered once
//! as plain text and once as HTML (escaped) into one `multipart/alternative` RFC 5322
//! message, with RFC 8058 one-click unsubscribe headers when the letter is a
//! notification.

use domain::i18n::{t, Lang};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::Message;
use rand::RngCore;

/// Why a letter could not be made into a message.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// An address lettre cannot parse (the recipient's or the configured sender's).
    #[error("invalid mail address")]
    Address,
    /// The message could not be built.
    #[error("message could not be built")]
    Build,
}

/// What a member receives: already translated text.
#[derive(Clone, Debug)]
pub struct Letter {
    /// Short kind for the outbox and logs (`password_reset`, …).
    pub kind: &'static str,
    /// The recipient's language.
    pub lang: Lang,
    /// Subject line.
    pub subject: String,
    /// Paragraphs before the link.
    pub before: Vec<String>,
    /// The one action, as (label, absolute URL).
    pub link: Option<(String, String)>,
    /// Paragraphs after the link.
    pub after: Vec<String>,
    /// One-click unsubscribe URL (notification mail only).
    pub unsubscribe: Option<String>,
}

impl Letter {
    /// The plain-text part.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.before {
            out.push_str(p);
            out.push_str("\n\n");
        }
        if let Some((label, url)) = &self.link {
            out.push_str(&format!("{label}:\n{url}\n\n"));
        }
        for p in &self.after {
            out.push_str(p);
            out.push_str("\n\n");
        }
        out.push_str("-- \n");
        out.push_str(&t(self.lang, "mail.footer"));
        out.push('\n');
        if let Some(url) = &self.unsubscribe {
            out.push_str(&format!("{}: {url}\n", t(self.lang, "mail.unsubscribe")));
        }
        out
    }

    /// The HTML part: the same words, escaped, with the link as a button-like anchor.
    pub fn html(&self) -> String {
        let mut body = String::new();
        for p in &self.before {
            body.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        if let Some((label, url)) = &self.link {
            body.push_str(&format!(
                "<p><a href=\"{u}\" style=\"display:inline-block;padding:10px 16px;background:#1d5c8f;color:#fff;text-decoration:none;border-radius:4px\">{l}</a></p>\n\
                 <p style=\"font-size:13px;color:#555\">{u}</p>\n",
                u = escape(url),
                l = escape(label)
            ));
        }
        for p in &self.after {
            body.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        let mut footer = escape(&t(self.lang, "mail.footer"));
        if let Some(url) = &self.unsubscribe {
            footer.push_str(&format!(
                "<br><a href=\"{}\">{}</a>",
                escape(url),
                escape(&t(self.lang, "mail.unsubscribe"))
            ));
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
             <body style=\"font-family:sans-serif;line-height:1.5;color:#222;max-width:36em\">\n{body}\
             <hr><p style=\"font-size:12px;color:#666\">{footer}</p>\n</body></html>\n",
            lang = self.lang.code(),
            title = escape(&self.subject),
        )
    }

    /// The whole message from `from` to `to`, as queued in the outbox.
    pub fn to_message(&self, from: &str, to: &str) -> Result<String, MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::Address)?;
        let to: Mailbox = to.parse().map_err(|_| MailError::Address)?;
        // A unique id under the sender's domain (not this machine's host name, which
        // would tell the world how the hospital names its servers).
        let mut id = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut id);
        let message_id = format!("<{}@{}>", hex::encode(id), from.email.domain());
        let mut builder = Message::builder()
            .message_id(Some(message_id))
            .from(from)
            .to(to)
            .subject(self.subject.clone());
        if let Some(url) = &self.unsubscribe {
            builder = builder
                .raw_header(raw("List-Unsubscribe", format!("<{url}>")))
                .raw_header(raw(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        let message = builder
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(self.text()),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(self.html()),
                    ),
            )
            .map_err(|_| MailError::Build)?;
        String::from_utf8(message.formatted()).map_err(|_| MailError::Build)
    }
}

fn raw(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// Escapes text for HTML element content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(unsubscribe: Option<String>) -> Letter {
        Letter {
            kind: "test",
            lang: Lang::Ja,
            subject: "パスワード再設定 <test>".into(),
            before: vec!["こんにちは & <b>".into()],
            link: Some(("開く".into(), "https://rounds.example/reset/ab".into())),
            after: vec![],
            unsubscribe,
        }
    }

    #[test]
    fn html_is_escaped_and_text_keeps_the_link() {
        let l = letter(None);
        assert!(l.html().contains("こんにちは &amp; &lt;b&gt;"));
        assert!(!l.html().contains("<b>"));
        assert!(l.text().contains("https://rounds.example/reset/ab"));
    }

    #[test]
    fn a_message_is_multipart_with_unsubscribe_only_when_asked() {
        let plain = letter(None)
            .to_message("Rounds <noreply@rounds.example>", "a@b.example")
            .unwrap();
        assert!(plain.contains("multipart/alternative"));
        assert!(plain.contains("text/plain"));
        assert!(plain.contains("text/html"));
        assert!(plain.contains("Message-ID: <"), "{plain}");
        assert!(plain.contains("@rounds.example>"));
        assert!(!plain.contains("List-Unsubscribe"));
        let note = letter(Some("https://rounds.example/unsubscribe/x".into()))
            .to_message("Rounds <noreply@rounds.example>", "a@b.example")
            .unwrap();
        assert!(note.contains("List-Unsubscribe: <https://rounds.example/unsubscribe/x>"));
        assert!(note.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    #[test]
    fn a_bad_address_is_an_error_not_a_panic() {
        assert!(letter(None).to_message("nobody", "a@b.example").is_err());
        assert!(letter(None)
            .to_message("x@y.example", "not an address")
            .is_err());
    }
}
