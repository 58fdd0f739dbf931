//! Four eyes beyond the queue: a moderator cannot lift a restriction on (or pin) a
//! thread they started — another moderator must — and a held draft its author has
//! not sent for review is nobody's business: 404 to open, claim or decide until it
//! is sent (or its post is reported).

use domain::models::{Role, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

async fn moderator(app: &TestApp, email: &str, name: &str) -> TestApp {
    let m = app.new_browser();
    m.sign_in_as(email, name, Role::Moderator, Status::Verified)
        .await;
    m
}

async fn flag(m: &TestApp, thread: i64, flag: &str, on: &str) -> u16 {
    m.post_form(
        &format!("/mod/thread/{thread}"),
        &[("flag", flag), ("on", on)],
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test]
async fn a_moderator_cannot_lift_a_restriction_on_their_own_thread() {
    let app = spawn_app().await;
    let own = moderator(&app, "m1@example.jp", "Mod One").await;
    let other = moderator(&app, "m2@example.jp", "Mod Two").await;
    let (thread, _) = own.start_thread("Sedation in the ICU", CLEAN_BODY).await;

    assert_eq!(flag(&other, thread, "hidden", "1").await, 303);
    assert_eq!(
        flag(&own, thread, "hidden", "0").await,
        403,
        "no unhiding one's own thread"
    );
    assert_eq!(
        app.count(&format!("SELECT hidden FROM threads WHERE id = {thread}"))
            .await,
        1,
        "still hidden"
    );
    assert_eq!(
        flag(&own, thread, "pinned", "1").await,
        403,
        "no pinning one's own thread"
    );
    assert_eq!(
        flag(&own, thread, "locked", "1").await,
        303,
        "restricting it is fine"
    );
    assert_eq!(
        flag(&own, thread, "locked", "0").await,
        403,
        "no unlocking it"
    );
    // The second moderator lifts them.
    assert_eq!(flag(&other, thread, "hidden", "0").await, 303);
    assert_eq!(flag(&other, thread, "locked", "0").await, 303);
    assert_eq!(flag(&other, thread, "pinned", "1").await, 303);
    assert_eq!(
        app.count(&format!(
            "SELECT pinned * 100 + locked * 10 + hidden FROM threads WHERE id = {thread}"
        ))
        .await,
        100
    );
}

#[tokio::test]
async fn a_held_draft_not_sent_for_review_is_not_found_by_moderators() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let res = author.post_thread("Case to discuss", PHI_BODY).await;
    let (_, post) = ids_from(&location(&res));
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;

    let (status, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert_eq!(status, 404, "a draft is the author's alone");
    assert!(!page.contains("Whitfield"));
    let res = m.get(&format!("/api/load_held?id={rev}")).await;
    assert!(!res.text().await.unwrap().contains("Whitfield"));
    let res = m
        .post_form(
            "/mod/claim",
            &[
                ("kind", "held"),
                ("id", &rev.to_string()),
                ("return_to", "/mod/queue"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404, "nothing to claim");
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(res.status().as_u16(), 404, "nothing to approve");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM posts WHERE id = {post} AND state = 'held'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'held.open'")
            .await,
        0,
        "no reading was recorded, because none happened"
    );

    // Once the author sends it, it is the queue's.
    let res = author
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (status, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Whitfield"),
        "the moderator reads the held text"
    );
}

#[tokio::test]
async fn a_held_edit_queued_before_a_removal_cannot_bring_the_post_back() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let (thread, _) = author.start_thread("Night sedation", CLEAN_BODY).await;
    let loc = author.reply(thread, "We use low-dose quetiapine.").await;
    let (_, post) = ids_from(&loc);
    // The author edits the reply into something held and sends it for review.
    let res = author
        .post_form(
            &format!("/p/{post}"),
            &[("action", "edit"), ("body", PHI_BODY), ("review", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    assert!(rev > 0, "the edit waits for a moderator");
    let first = moderator(&app, "m1@example.jp", "Mod One").await;
    first.claim("held", rev).await;

    // Meanwhile the published reply is reported and another moderator removes it.
    let reader = app.new_browser();
    reader.member("r@example.jp", "reader_rn").await;
    let res = reader
        .post_form(
            &format!("/p/{post}/report"),
            &[("reason", "unprofessional")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let report = app
        .count(&format!("SELECT id FROM reports WHERE post_id = {post}"))
        .await;
    let second = moderator(&app, "m2@example.jp", "Mod Two").await;
    second.claim("report", report).await;
    let res = second
        .post_form(&format!("/mod/report/{report}"), &[("decision", "remove")])
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // Approving the edit queued before the removal publishes nothing.
    let res = first
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert!(res.status().as_u16() < 500, "{}", res.status());
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM posts WHERE id = {post} AND state = 'removed'"
        ))
        .await,
        1,
        "the post stays removed"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM post_revisions WHERE id = {rev} AND state = 'discarded'"
        ))
        .await,
        1,
        "the queued edit was discarded with the post"
    );
    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("Whitfield") && !page.contains("quetiapine"));
    let (_, queue) = first.page("/mod/queue").await;
    assert!(
        !queue.contains(&format!("/mod/held/{rev}\"")),
        "the discarded edit left the queue"
    );

    // And the author cannot give the removed post a new version either.
    let res = author
        .post_form(
            &format!("/p/{post}"),
            &[("action", "edit"), ("body", "Back again.")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
}
