//! Held posts their authors left (SQLite and PostgreSQL): a post held and never sent
//! to the moderators brings its author one reminder after the configured wait — in
//! Rounds and by e-mail (a real SMTP server), never with the post's text — which
//! opens the held post's page; a post sent for review, or already reminded, brings
//! none.

use std::time::Duration;

use crate::helpers::{location, TestApp, PHI_BODY};
use crate::smtp::SmtpSink;

async fn app_reminding_after_one_second(sink: &SmtpSink) -> TestApp {
    sink.app(None, |s| {
        s.mail.digest_poll_ms = 100;
        s.mail.held_reminder_secs = 1;
    })
    .await
}

/// Posts a thread that is held; returns its post id.
async fn held_thread(app: &TestApp, title: &str) -> i64 {
    let res = app.post_thread(title, PHI_BODY).await;
    let to = location(&res);
    to.strip_prefix("/p/")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("held: {to}"))
}

#[tokio::test]
async fn a_held_post_left_alone_brings_one_reminder_that_opens_it() {
    let sink = SmtpSink::start();
    let app = app_reminding_after_one_second(&sink).await;
    let author = app.member("author@example.jp", "Kato MD").await;
    let left = held_thread(&app, "Falls on the night shift").await;
    let sent = held_thread(&app, "Delirium on the ward").await;
    let res = app
        .post_form(&format!("/p/{sent}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303, "sent for review");

    let reminders = format!(
        "SELECT COUNT(*) FROM notifications WHERE user_id = {author} AND kind = 'held_waiting'"
    );
    let mut waited = 0;
    while app.count(&reminders).await == 0 && waited < 100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    // Several more runs of the task: still one reminder, for the post left alone.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(app.count(&reminders).await, 1);
    assert_eq!(
        app.count(&format!(
            "SELECT post_id FROM notifications WHERE user_id = {author} AND kind = 'held_waiting'"
        ))
        .await,
        left
    );

    // The letter says so without the post's text (or its unpublished title), and
    // opens the notification, which leads to the held post's page.
    let mail = sink.wait_for(1, 20).await;
    let letter = mail
        .iter()
        .find(|m| m.subject == "Your post is still held")
        .expect("a reminder letter");
    assert_eq!(letter.to, "author@example.jp");
    for secret in [PHI_BODY, "Falls on the night shift"] {
        assert!(!letter.text.contains(secret) && !letter.html.contains(secret));
    }
    let (_, page) = app.page("/notifications").await;
    assert!(
        page.contains("Your new thread is still held: change it, or send it to the moderators"),
        "{page}"
    );
    let id = app
        .count(&format!(
            "SELECT id FROM notifications WHERE user_id = {author} AND kind = 'held_waiting'"
        ))
        .await;
    assert!(letter.text.contains(&format!("/n/{id}")), "{}", letter.text);
    let res = app.get(&format!("/n/{id}")).await;
    assert_eq!(location(&res), format!("/p/{left}"));
    let (status, held_page) = app.page(&format!("/p/{left}")).await;
    assert_eq!(status, 200);
    assert!(held_page.contains("Held for review"));
}
