//! Every letter Rounds sends, each one function from the facts it needs to a
//! [`Letter`] in the recipient's language. The words live in the message table
//! (`domain::i18n`, keys `mail.*`); what goes in is decided here, once: links and
//! account facts only.

use domain::i18n::{t, tf, Lang};

use crate::compose::Letter;

fn greeting(lang: Lang, name: &str) -> String {
    tf(lang, "mail.greeting", &[("name", name)])
}

/// A password-reset link the member asked for on the sign-in page.
pub fn password_reset(lang: Lang, name: &str, url: &str) -> Letter {
    Letter {
        kind: "password_reset",
        lang,
        subject: t(lang, "mail.reset.subject"),
        before: vec![greeting(lang, name), t(lang, "mail.reset.body")],
        link: Some((t(lang, "mail.reset.action"), url.to_string())),
        after: vec![t(lang, "mail.reset.ignore")],
        unsubscribe: None,
    }
}

/// The confirmation link of a change of address, sent to the new address.
pub fn email_confirm(lang: Lang, name: &str, url: &str) -> Letter {
    Letter {
        kind: "email_confirm",
        lang,
        subject: t(lang, "mail.email_confirm.subject"),
        before: vec![greeting(lang, name), t(lang, "mail.email_confirm.body")],
        link: Some((t(lang, "mail.email_confirm.action"), url.to_string())),
        after: vec![t(lang, "mail.email_confirm.ignore")],
        unsubscribe: None,
    }
}

/// The notice to the old address that a change was asked for (`done` = false) or
/// has happened (`done` = true). It names neither address.
pub fn email_change_notice(lang: Lang, name: &str, done: bool, site: &str) -> Letter {
    let (subject, body) = if done {
        ("mail.email_changed.subject", "mail.email_changed.body")
    } else {
        (
            "mail.email_change_asked.subject",
            "mail.email_change_asked.body",
        )
    };
    Letter {
        kind: if done {
            "email_changed"
        } else {
            "email_change_asked"
        },
        lang,
        subject: t(lang, subject),
        before: vec![greeting(lang, name), t(lang, body)],
        link: Some((t(lang, "mail.open_site"), site.to_string())),
        after: vec![t(lang, "mail.not_you")],
        unsubscribe: None,
    }
}

/// A password was set (changed, or through a reset link): the member hears of it.
pub fn password_changed(lang: Lang, name: &str, site: &str) -> Letter {
    Letter {
        kind: "password_changed",
        lang,
        subject: t(lang, "mail.password_changed.subject"),
        before: vec![greeting(lang, name), t(lang, "mail.password_changed.body")],
        link: Some((t(lang, "mail.open_site"), site.to_string())),
        after: vec![t(lang, "mail.not_you")],
        unsubscribe: None,
    }
}

/// A moderator suspended the account until `until` (a time as the member's pages
/// show it). Never the reason, which the member reads after signing in: a reason
/// may quote a post that is still held.
pub fn suspended(lang: Lang, name: &str, until: &str, notice_url: &str) -> Letter {
    Letter {
        kind: "suspended",
        lang,
        subject: t(lang, "mail.suspended.subject"),
        before: vec![
            greeting(lang, name),
            tf(lang, "mail.suspended.body", &[("until", until)]),
        ],
        link: Some((t(lang, "mail.suspended.action"), notice_url.to_string())),
        after: vec![],
        unsubscribe: None,
    }
}

/// A moderator lifted the account's suspension before its end.
pub fn unsuspended(lang: Lang, name: &str, site: &str) -> Letter {
    Letter {
        kind: "unsuspended",
        lang,
        subject: t(lang, "mail.unsuspended.subject"),
        before: vec![greeting(lang, name), t(lang, "mail.unsuspended.body")],
        link: Some((t(lang, "mail.open_site"), site.to_string())),
        after: vec![],
        unsubscribe: None,
    }
}

/// Two-factor sign-in was turned on (`on`) or off for the account.
pub fn two_factor_changed(lang: Lang, name: &str, on: bool, site: &str) -> Letter {
    let (kind, subject, body) = if on {
        (
            "two_factor_on",
            "mail.two_factor_on.subject",
            "mail.two_factor_on.body",
        )
    } else {
        (
            "two_factor_off",
            "mail.two_factor_off.subject",
            "mail.two_factor_off.body",
        )
    };
    Letter {
        kind,
        lang,
        subject: t(lang, subject),
        before: vec![greeting(lang, name), t(lang, body)],
        link: Some((t(lang, "mail.open_site"), site.to_string())),
        after: vec![t(lang, "mail.not_you")],
        unsubscribe: None,
    }
}

/// The account was deleted at the member's request; `with_posts`: their published
/// posts went with it (else they stay under "former member").
pub fn account_deleted(lang: Lang, name: &str, with_posts: bool) -> Letter {
    let posts = if with_posts {
        "mail.account_deleted.removed"
    } else {
        "mail.account_deleted.kept"
    };
    Letter {
        kind: "account_deleted",
        lang,
        subject: t(lang, "mail.account_deleted.subject"),
        before: vec![
            greeting(lang, name),
            t(lang, "mail.account_deleted.body"),
            t(lang, posts),
        ],
        link: None,
        after: vec![t(lang, "mail.not_you")],
        unsubscribe: None,
    }
}

/// The daily digest: one line per notification since the last digest (`lines`,
/// already worded), how many more there were, the notifications page and the
/// one-click unsubscribe of the digest.
pub fn digest(
    lang: Lang,
    name: &str,
    lines: Vec<String>,
    more: usize,
    notifications_url: &str,
    unsubscribe: &str,
) -> Letter {
    let mut before = vec![greeting(lang, name), t(lang, "mail.digest.body")];
    before.extend(lines.into_iter().map(|l| format!("• {l}")));
    if more > 0 {
        before.push(tf(lang, "mail.digest.more", &[("n", &more.to_string())]));
    }
    Letter {
        kind: "digest",
        lang,
        subject: t(lang, "mail.digest.subject"),
        before,
        link: Some((t(lang, "mail.note.open_all"), notifications_url.to_string())),
        after: vec![t(lang, "mail.digest.why")],
        unsubscribe: Some(unsubscribe.to_string()),
    }
}

/// A notification of `kind` (`reply`, `mention`, …), its words filled from `args`
/// (`actor`, `title`), with the link to what happened and a one-click unsubscribe
/// link for this kind.
pub fn notification(
    lang: Lang,
    name: &str,
    kind: &str,
    args: &[(&str, &str)],
    url: &str,
    unsubscribe: &str,
) -> Letter {
    Letter {
        kind: "notification",
        lang,
        subject: tf(lang, &format!("mail.note.{kind}.subject"), args),
        before: vec![
            greeting(lang, name),
            tf(lang, &format!("mail.note.{kind}.body"), args),
        ],
        link: Some((t(lang, "mail.note.open"), url.to_string())),
        after: vec![t(lang, "mail.note.why")],
        unsubscribe: Some(unsubscribe.to_string()),
    }
}
