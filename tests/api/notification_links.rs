//! Notifications that lead somewhere (SQLite and PostgreSQL): opening one — from the
//! notifications page or from its letter — marks it read and lands on the post, on
//! the page of its thread the post is on; nobody opens another member's; a signed-out
//! member goes through sign-in and lands there after.

use crate::helpers::{location, spawn_app, CLEAN_BODY};
use crate::smtp::SmtpSink;

/// The id in `/n/{id}` links of a page, in the order they appear.
fn opening_links(html: &str) -> Vec<i64> {
    html.split("href=\"/n/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn opening_a_reply_on_page_two_lands_there_and_marks_it_read() {
    let app = spawn_app().await;
    let author = app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    // Twenty-one replies: the last one is post 22, on page 2 of the thread.
    let mut last = String::new();
    for i in 0..21 {
        last = colleague
            .reply(
                thread,
                &format!("Low-dose quetiapine helped on our ward, note {i}."),
            )
            .await;
    }
    let reply_id: i64 = last
        .rsplit("#post-")
        .next()
        .and_then(|p| p.parse().ok())
        .expect("the reply's id");
    let unread =
        format!("SELECT COUNT(*) FROM notifications WHERE user_id = {author} AND read_at IS NULL");
    assert_eq!(app.count(&unread).await, 21);

    let (status, page) = app.page("/notifications").await;
    assert_eq!(status, 200);
    let links = opening_links(&page);
    assert_eq!(links.len(), 21, "every reply opens through /n/: {page}");
    assert!(page.contains("rel=\"external\""));

    // The newest is listed first: the reply on page 2.
    let res = app.get(&format!("/n/{}", links[0])).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        location(&res),
        format!("/t/{thread}?page=2#post-{reply_id}")
    );
    assert_eq!(app.count(&unread).await, 20, "that one only is read");
    let (status, thread_page) = app.page(&format!("/t/{thread}?page=2")).await;
    assert_eq!(status, 200);
    assert!(thread_page.contains(&format!("id=\"post-{reply_id}\"")));

    // An early reply is on page 1 (no page in its address).
    let res = app.get(&format!("/n/{}", links[20])).await;
    assert!(location(&res).starts_with(&format!("/t/{thread}#post-")));

    // Opening again still leads there; someone else's or a made-up one is not found.
    let res = app.get(&format!("/n/{}", links[0])).await;
    assert_eq!(res.status(), 303);
    let (status, _) = colleague.page(&format!("/n/{}", links[1])).await;
    assert_eq!(status, 404, "another member's notification");
    assert_eq!(app.count(&unread).await, 19);
    let (status, _) = app.page("/n/999999").await;
    assert_eq!(status, 404);
    let (status, _) = app.page("/n/not-a-number").await;
    assert_eq!(status, 404);

    // Signed out, the link goes through sign-in and comes back to it.
    let stranger = app.new_browser();
    let res = stranger.get(&format!("/n/{}", links[2])).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/login?next=%2Fn%2F{}", links[2]));
}

#[tokio::test]
async fn the_letter_of_a_reply_opens_the_notification() {
    let sink = SmtpSink::start();
    let app = sink.app(None, |_| {}).await;
    let author = app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app
        .start_thread("Pressure injury dressings", CLEAN_BODY)
        .await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    let at = colleague
        .reply(
            thread,
            "Silicone foam on the sacrum, changed every three days.",
        )
        .await;
    let letter = &sink.wait_for(1, 20).await[0];
    let link = letter
        .text
        .split_whitespace()
        .find(|w| w.starts_with("http://rounds.test/n/"))
        .expect("a link that opens the notification")
        .trim_end_matches(['.', ')', '>']);
    let path = link.trim_start_matches("http://rounds.test");
    let res = app.get(path).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), at.replace("?page=last", ""));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {author} AND read_at IS NULL"
        ))
        .await,
        0
    );
}
