//! Notification letters (SQLite and PostgreSQL), through a real SMTP server: a reply
//! is mailed to the thread's author with the actor, the title and a link — never the
//! reply's text; a held reply is mailed to nobody until a moderator publishes it; the
//! letter's one-click unsubscribe (RFC 8058) works from a mail client with no session;
//! the settings page turns a kind to "in Rounds only" or off.

use crate::helpers::{TestApp, CLEAN_BODY, PHI_BODY};
use crate::smtp::{one_click, SmtpSink};

async fn app_mailing_to(sink: &SmtpSink) -> TestApp {
    sink.app(None, |_| {}).await
}

const REPLY: &str = "We switch to clindamycin for penicillin allergy; levels of evidence are thin.";

#[tokio::test]
async fn a_reply_is_mailed_without_its_text_and_one_click_stops_it() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink).await;
    let author_id = app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app
        .start_thread("Aspiration pneumonia antibiotics", CLEAN_BODY)
        .await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    colleague.reply(thread, REPLY).await;

    let mail = sink.wait_for(1, 20).await;
    assert_eq!(mail.len(), 1);
    let letter = &mail[0];
    assert_eq!(letter.to, "author@example.jp");
    assert_eq!(
        letter.subject,
        "Abe RN replied: Aspiration pneumonia antibiotics"
    );
    // The link opens the notification (which leads on to the reply, see
    // `notification_links`).
    assert!(
        letter.text.contains("http://rounds.test/n/"),
        "{}",
        letter.text
    );
    assert!(
        !letter.text.contains("clindamycin"),
        "never the post's text"
    );
    assert!(!letter.html.contains("clindamycin"));
    let path = letter
        .unsubscribe_path()
        .expect("a one-click unsubscribe link to this site");
    assert!(letter
        .headers
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(path.starts_with(&format!("/unsubscribe/{author_id}/reply/")));

    // A forged key does nothing.
    let forged = format!("/unsubscribe/{author_id}/reply/{}", "0".repeat(64));
    let res = one_click(&app.address, &forged).await;
    assert_eq!(res.status(), 422);

    // The mail client posts, with no cookie, no token and no Origin of ours.
    let res = one_click(&app.address, &path).await;
    assert_eq!(res.status(), 303);

    colleague
        .reply(thread, "One more thought on dosing in renal failure.")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 1, "no more reply letters");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {author_id} AND kind = 'reply'"
        ))
        .await,
        2,
        "still told in Rounds"
    );
}

#[tokio::test]
async fn a_held_reply_is_mailed_to_nobody_until_published() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink).await;
    app.member("author2@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Delirium prevention", CLEAN_BODY).await;
    let colleague = app.new_browser();
    colleague.member("colleague2@example.jp", "Abe RN").await;
    let res = colleague
        .post_form(&format!("/t/{thread}/reply"), &[("body", PHI_BODY)])
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 0, "held text reaches no inbox");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox").await,
        0,
        "nor the outbox"
    );
}

#[tokio::test]
async fn the_settings_page_chooses_per_kind() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink).await;
    let author_id = app.member("author3@example.jp", "Kato MD").await;
    let (status, page) = app.page("/profile/notifications").await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"kind.reply\""));
    assert!(page.contains("id=\"pref-reply-email\""));

    // An unknown channel is a bad request and changes nothing.
    let res = app
        .post_form("/profile/notifications", &[("kind.reply", "pigeon")])
        .await;
    assert_eq!(res.status(), 400);

    let res = app
        .post_form(
            "/profile/notifications",
            &[("kind.reply", "off"), ("kind.mention", "in_app")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = app.page("/profile/notifications").await;
    assert!(page.contains("Your notification settings are saved."));

    let (thread, _) = app.start_thread("Pressure injuries", CLEAN_BODY).await;
    let colleague = app.new_browser();
    colleague.member("colleague3@example.jp", "Abe RN").await;
    colleague
        .reply(
            thread,
            "Two-hourly turns and a foam mattress helped @Kato_MD",
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 0, "no letters for kinds not mailed");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {author_id} AND kind = 'reply'"
        ))
        .await,
        0,
        "off means off"
    );
}
