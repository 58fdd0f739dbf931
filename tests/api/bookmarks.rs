//! Bookmarks (SQLite and PostgreSQL), through the real forms: a member keeps a post
//! with a private note and a reminder, finds it in `/bookmarks`, changes and removes
//! it; a note with patient data is refused with what was typed kept; nobody
//! bookmarks a post they cannot read or sees another member's bookmarks; and a due
//! reminder brings one notification that leads to the post.

use std::time::Duration;

use crate::helpers::{location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};
use crate::smtp::SmtpSink;

async fn save(who: &TestApp, post: i64, note: &str, remind: &str) -> reqwest::Response {
    who.post_form(
        &format!("/p/{post}/bookmark"),
        &[("action", "save"), ("note", note), ("remind", remind)],
    )
    .await
}

#[tokio::test]
async fn a_member_keeps_a_post_with_a_note_and_finds_it_again() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let reader = app.new_browser();
    let reader_id = reader.member("reader@example.jp", "Abe RN").await;

    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(page.contains(&format!("href=\"/p/{post}/bookmark\"")));
    let (status, page) = reader.page(&format!("/p/{post}/bookmark")).await;
    assert_eq!(status, 200);
    assert!(page.contains("In “Night-time agitation”, post 1"));

    let res = save(&reader, post, "Read before the next night shift", "1d").await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}#post-{post}"));
    let (_, list) = reader.page("/bookmarks").await;
    assert!(list.contains("Read before the next night shift"));
    assert!(list.contains("In “Night-time agitation”, post 1"));
    assert!(list.contains("Reminder: "), "the reminder time shows");
    let due = app
        .count(&format!(
            "SELECT remind_at - created_at FROM bookmarks WHERE user_id = {reader_id}"
        ))
        .await;
    assert!((86_390..=86_410).contains(&due), "a day ahead: {due}");

    // Changed: no reminder any more; the form shows the note.
    assert_eq!(
        save(&reader, post, "Kept for the audit", "").await.status(),
        303
    );
    let (_, page) = reader.page(&format!("/p/{post}/bookmark")).await;
    assert!(page.contains("Kept for the audit"));
    let (_, list) = reader.page("/bookmarks").await;
    assert!(!list.contains("Reminder: ") && !list.contains("night shift"));

    // Only its member sees it.
    let (_, others) = app.page("/bookmarks").await;
    assert!(!others.contains("Kept for the audit"));
    assert!(others.contains("No bookmarks yet"));

    // Removed.
    let res = reader
        .post_form(&format!("/p/{post}/bookmark"), &[("action", "remove")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("SELECT COUNT(*) FROM bookmarks").await, 0);
    let res = reader
        .post_form(&format!("/p/{post}/bookmark"), &[("action", "remove")])
        .await;
    assert_eq!(res.status(), 404, "nothing left to remove");
}

#[tokio::test]
async fn notes_with_patient_data_and_unreadable_posts_are_refused() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let reader = app.new_browser();
    reader.member("reader@example.jp", "Abe RN").await;

    let res = save(
        &reader,
        post,
        "Like Mrs. Eleanor Whitfield, born 14 March 1941",
        "",
    )
    .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("page");
    assert!(page.contains("Keep patient details out of notes too"));
    assert!(
        page.contains("Eleanor Whitfield"),
        "what was typed comes back to its author"
    );
    let res = save(&reader, post, "fine", "5y").await;
    assert_eq!(res.status(), 422);
    let res = save(&reader, post, &"x".repeat(501), "").await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("SELECT COUNT(*) FROM bookmarks").await, 0);

    // A held post is not the reader's to keep; nor is a made-up one.
    let held = reader
        .post_form(&format!("/t/{thread}/reply"), &[("body", PHI_BODY)])
        .await;
    let held: i64 = location(&held)
        .trim_start_matches("/p/")
        .parse()
        .expect("held post");
    assert_eq!(save(&app, held, "", "").await.status(), 404);
    let (status, _) = app.page(&format!("/p/{held}/bookmark")).await;
    assert_eq!(status, 404);
    assert_eq!(save(&reader, 999_999, "", "").await.status(), 404);
    let res = reader
        .post_form(&format!("/p/{post}/bookmark"), &[("action", "other")])
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn a_due_reminder_brings_one_notification_that_opens_the_post() {
    let sink = SmtpSink::start();
    let app = sink.app(None, |s| s.mail.digest_poll_ms = 100).await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let reader = app.new_browser();
    let reader_id = reader.member("reader@example.jp", "Abe RN").await;
    assert_eq!(save(&reader, post, "Check again", "1h").await.status(), 303);
    // An hour passes.
    let store = app.store().await;
    sqlx::query("UPDATE bookmarks SET remind_at = remind_at - 3601")
        .execute(store.pool())
        .await
        .expect("update");
    let reminders = format!(
        "SELECT COUNT(*) FROM notifications WHERE user_id = {reader_id} AND kind = 'bookmark'"
    );
    let mut waited = 0;
    while app.count(&reminders).await == 0 && waited < 100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.count(&reminders).await, 1, "once");
    let (_, page) = reader.page("/notifications").await;
    assert!(page.contains("Reminder: the post you bookmarked in “Night-time agitation”"));
    let id = app
        .count(&format!(
            "SELECT id FROM notifications WHERE user_id = {reader_id} AND kind = 'bookmark'"
        ))
        .await;
    let res = reader.get(&format!("/n/{id}")).await;
    assert_eq!(location(&res), format!("/t/{thread}#post-{post}"));
    // The reminder is spent: the list no longer shows it.
    let (_, list) = reader.page("/bookmarks").await;
    assert!(!list.contains("Reminder: "));
}
