//! "Helpful" marks (SQLite and PostgreSQL), through the real forms: a member marks a
//! colleague's post and lands back on it, the count and their name show under the
//! post, a second press takes the mark back; nobody marks their own post, a held or a
//! hidden one; the count stays equal to the marks through deletion of an account; and
//! past ten names the list says how many more.

use domain::models::{Role, Status, HELPFUL_NAMES};

use crate::helpers::{location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

async fn press(who: &TestApp, post: i64) -> reqwest::Response {
    who.post_form(&format!("/p/{post}/helpful"), &[]).await
}

/// The count column and the marks, which must agree.
async fn counts(app: &TestApp, post: i64) -> (i64, i64) {
    (
        app.count(&format!(
            "SELECT helpful_count FROM posts WHERE id = {post}"
        ))
        .await,
        app.count(&format!(
            "SELECT COUNT(*) FROM post_reactions WHERE post_id = {post}"
        ))
        .await,
    )
}

#[tokio::test]
async fn a_colleague_marks_a_post_helpful_and_can_take_it_back() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;

    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(page.contains(&format!("action=\"/p/{post}/helpful\"")));
    assert!(page.contains("aria-pressed=\"false\""));
    let res = press(&colleague, post).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}#post-{post}"));
    assert_eq!(counts(&app, post).await, (1, 1));
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(page.contains("aria-pressed=\"true\""), "shown as marked");
    assert!(page.contains("1 found this helpful"));
    assert!(page.contains("<li>Abe RN</li>"), "who marked it");
    // The author sees the count and the name, and no button on their own post.
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("1 found this helpful") && page.contains("<li>Abe RN</li>"));
    assert!(!page.contains(&format!("action=\"/p/{post}/helpful\"")));

    // A second press takes it back.
    let res = press(&colleague, post).await;
    assert_eq!(res.status(), 303);
    assert_eq!(counts(&app, post).await, (0, 0));
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("found this helpful"));

    // In Japanese.
    colleague
        .post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    press(&colleague, post).await;
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(page.contains("1人が参考になったと評価"), "{page}");
    assert!(page.contains("参考になった（済）"));
}

#[tokio::test]
async fn own_held_and_hidden_posts_take_no_marks() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    assert_eq!(press(&app, post).await.status(), 403, "one's own post");

    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    let held = colleague
        .post_form(&format!("/t/{thread}/reply"), &[("body", PHI_BODY)])
        .await;
    let held_post: i64 = location(&held)
        .trim_start_matches("/p/")
        .parse()
        .expect("held post id");
    assert_eq!(press(&app, held_post).await.status(), 404, "a held post");
    assert_eq!(
        press(&colleague, held_post).await.status(),
        404,
        "not public yet"
    );
    assert_eq!(press(&app, 999_999).await.status(), 404);

    // A hidden post: members cannot see it, the moderator who hid it cannot mark it.
    let moderator = app.new_browser();
    moderator
        .sign_in_as(
            "mod@example.jp",
            "Mori MD",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let res = moderator
        .post_form(&format!("/mod/post/{post}"), &[("on", "1")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(press(&colleague, post).await.status(), 404);
    assert_eq!(press(&moderator, post).await.status(), 403);
    assert_eq!(counts(&app, post).await, (0, 0));
}

#[tokio::test]
async fn counts_follow_deleted_accounts_and_long_lists_say_how_many_more() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    // Ten colleagues marked it before (straight into the store), then one more
    // through the form.
    let store = app.store().await;
    let mut tx = store.begin().await.expect("begin");
    for n in 0..HELPFUL_NAMES {
        let id = tx
            .create_user(&store::NewUser {
                email: format!("c{n}@example.jp"),
                password_hash: "!".into(),
                display_name: format!("Colleague {n:02}"),
                profession: "nurse".into(),
                licence_number: "RN-1".into(),
                jurisdiction: "Japan".into(),
                npi: None,
                specialty: String::new(),
                workplace: String::new(),
                role: Role::Member,
                status: Status::Verified,
            })
            .await
            .expect("user");
        tx.toggle_helpful(post, id).await.expect("mark");
    }
    tx.commit().await.expect("commit");
    let last = app.new_browser();
    last.member("last@example.jp", "Zed RN").await;
    assert_eq!(press(&last, post).await.status(), 303);
    assert_eq!(counts(&app, post).await, (11, 11));
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("11 found this helpful"));
    assert!(page.contains("<li>Colleague 00</li>") && page.contains("<li>Colleague 09</li>"));
    assert!(!page.contains("<li>Zed RN</li>"), "earliest ten only");
    assert!(page.contains("and 1 more"));

    // The last one deletes their account: their mark and its count go.
    let res = last
        .post_form(
            "/profile/delete",
            &[
                ("posts", "keep"),
                ("password", crate::helpers::GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(counts(&app, post).await, (10, 10));
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("10 found this helpful") && !page.contains("more</li>"));
}
