//! The daily digest (SQLite and PostgreSQL), through a real SMTP server: a member
//! who chose it for replies gets no letter per reply but one letter listing them —
//! who replied in which thread, never the text — at most once a day; its one-click
//! unsubscribe turns the digest back into "in Rounds only".

use std::time::Duration;

use crate::helpers::{TestApp, CLEAN_BODY};
use crate::smtp::{one_click, SmtpSink};

async fn app_with_digests(sink: &SmtpSink) -> TestApp {
    sink.app(None, |s| {
        s.mail.digest_poll_ms = 100;
        // The first reply waits two seconds for others to join it.
        s.mail.digest_wait_secs = 2;
    })
    .await
}

#[tokio::test]
async fn replies_gather_into_one_letter_a_day_without_their_text() {
    let sink = SmtpSink::start();
    let app = app_with_digests(&sink).await;
    let author_id = app.member("author@example.jp", "Kato MD").await;
    let res = app
        .post_form("/profile/notifications", &[("kind.reply", "digest")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.page("/profile/notifications").await;
    assert!(page.contains("id=\"pref-reply-digest\""));
    let (thread, _) = app
        .start_thread("Aspiration pneumonia antibiotics", CLEAN_BODY)
        .await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    colleague
        .reply(thread, "We use clindamycin when there is an allergy.")
        .await;
    colleague
        .reply(thread, "And we check levels weekly in renal failure.")
        .await;

    let mail = sink.wait_for(1, 20).await;
    assert_eq!(mail.len(), 1, "one letter for both replies");
    let letter = &mail[0];
    assert_eq!(letter.to, "author@example.jp");
    assert_eq!(letter.subject, "Your day in Rounds");
    assert_eq!(
        letter
            .text
            .matches("Abe RN replied: Aspiration pneumonia antibiotics")
            .count(),
        2,
        "{}",
        letter.text
    );
    assert!(!letter.text.contains("clindamycin") && !letter.html.contains("clindamycin"));
    assert!(letter.text.contains("http://rounds.test/notifications"));
    let path = letter
        .unsubscribe_path()
        .expect("a one-click unsubscribe link to this site");
    assert!(path.contains(&format!("/unsubscribe/{author_id}/digest/")));

    // No second digest the same day, however much happens.
    colleague.reply(thread, "One more thought on dosing.").await;
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_eq!(sink.messages().len(), 1, "at most one a day");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {author_id} AND kind = 'reply'"
        ))
        .await,
        3,
        "all told in Rounds"
    );

    // One click from the mail client turns the digest off (the app still tells).
    let res = one_click(&app.address, &path).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notification_prefs WHERE user_id = {author_id} \
             AND kind = 'reply' AND channel = 'in_app'"
        ))
        .await,
        1
    );
}
