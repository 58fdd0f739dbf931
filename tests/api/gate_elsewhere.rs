//! The PHI gate on text members read outside posts: display names, category names
//! and descriptions, a held post's rejection reason (its author reads it), and a
//! thread title a moderator gives — the way back for a thread whose opening post
//! (and title) were removed for patient data.

use domain::models::{Role, Status};

use crate::helpers::{location, spawn_app, TestApp, CLEAN_BODY};

/// A moderator signed in in a browser of their own.
async fn moderator(app: &TestApp) -> TestApp {
    let m = app.new_browser();
    m.sign_in_as(
        "m1@example.jp",
        "Mod One",
        Role::Moderator,
        Status::Verified,
    )
    .await;
    m
}

#[tokio::test]
async fn a_display_name_carrying_a_phone_number_or_a_date_is_refused() {
    let app = spawn_app().await;
    for (email, name) in [
        ("p@example.jp", "Okafor 090-1234-5678"),
        ("d@example.jp", "Sato 1948/03/12"),
    ] {
        let res = app.new_browser().apply(email, name).await;
        assert_eq!(res.status().as_u16(), 422, "{name}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("A display name cannot include dates, numbers"),
            "{name}: the reason is shown"
        );
        assert!(page.contains(name), "{name}: what was typed comes back");
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM users WHERE email = '{email}'"
            ))
            .await,
            0
        );
    }
    // A member's own name is what a display name is for.
    let res = app
        .new_browser()
        .apply("k@example.jp", "Dr. Kenji Aoki")
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", location(&res));
}

#[tokio::test]
async fn category_names_and_descriptions_pass_the_gate() {
    let app = spawn_app().await;
    app.sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let res = app
        .post_form(
            "/admin/categories",
            &[
                ("action", "create"),
                ("slug", "ward4"),
                ("name_en", "Ward 4 follow-ups"),
                ("name_ja", "4病棟"),
                (
                    "description_en",
                    "Mrs. Eleanor Whitfield, born 14 March 1941, and her visitors.",
                ),
                ("description_ja", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("This may identify a patient"));
    assert!(
        page.contains("Eleanor Whitfield"),
        "what was typed comes back"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM categories WHERE slug = 'ward4'")
            .await,
        0
    );
}

/// A thread whose opening post a moderator removed for patient data: hidden, its
/// title gone. Returns (thread, author, moderator who removed it).
async fn removed_thread(app: &TestApp) -> (i64, TestApp, TestApp) {
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let (thread, post) = author.start_thread("Pressure injuries", CLEAN_BODY).await;
    let reader = app.new_browser();
    reader.member("r@example.jp", "reader_rn").await;
    reader
        .post_form(&format!("/p/{post}/report"), &[("reason", "patient_data")])
        .await;
    let report = app
        .count(&format!("SELECT id FROM reports WHERE post_id = {post}"))
        .await;
    let m = moderator(app).await;
    m.claim("report", report).await;
    let res = m
        .post_form(&format!("/mod/report/{report}"), &[("decision", "remove")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    (thread, author, m)
}

#[tokio::test]
async fn a_moderator_gives_a_removed_thread_a_clean_title_and_shows_it_again() {
    let app = spawn_app().await;
    let (thread, author, m) = removed_thread(&app).await;
    let hidden = || format!("SELECT COUNT(*) FROM threads WHERE id = {thread} AND hidden = 1");
    assert_eq!(app.count(&hidden()).await, 1);
    let (_, page) = m.page(&format!("/t/{thread}")).await;
    assert!(
        page.contains("Members do not see this thread until it has a new title"),
        "the moderator is told why and how"
    );
    assert!(page.contains(&format!("action=\"/mod/thread/{thread}/title\"")));

    // The author cannot do it, nor can a title that names a patient.
    let res = author
        .post_form(
            &format!("/mod/thread/{thread}/title"),
            &[("title", "Heel care")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = m
        .post_form(
            &format!("/mod/thread/{thread}/title"),
            &[("title", "Mrs. Eleanor Whitfield's heels")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("This may identify a patient"));
    assert!(
        page.contains("Eleanor Whitfield"),
        "the moderator's text is kept"
    );
    assert_eq!(app.count(&hidden()).await, 1, "still hidden");

    let res = m
        .post_form(
            &format!("/mod/thread/{thread}/title"),
            &[("title", "Heel offloading in pressure injuries")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.count(&hidden()).await, 0, "members see it again");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'thread.retitled' \
             AND target_id = '{thread}' AND reason NOT LIKE '%Heel%'"
        ))
        .await,
        1,
        "audited, without the text"
    );
    let (_, front) = author.page("/").await;
    assert!(front.contains("Heel offloading in pressure injuries"));
}

#[tokio::test]
async fn a_moderator_cannot_retitle_their_own_thread_or_one_that_does_not_exist() {
    let app = spawn_app().await;
    let m = moderator(&app).await;
    let (thread, _) = m.start_thread("Sedation in the ICU", CLEAN_BODY).await;
    let res = m
        .post_form(
            &format!("/mod/thread/{thread}/title"),
            &[("title", "Something else")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = m
        .post_form("/mod/thread/987654/title", &[("title", "Something else")])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'thread.retitled'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_rejection_reason_cannot_repeat_the_patient_data() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let res = author
        .post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", "Aspiration"),
                ("tags", ""),
                ("body", crate::helpers::PHI_BODY),
                ("review", "1"),
            ],
        )
        .await;
    let (_, post) = crate::helpers::ids_from(&location(&res));
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    let m = moderator(&app).await;
    m.claim("held", rev).await;
    let res = m
        .post_form(
            &format!("/mod/held/{rev}"),
            &[
                ("decision", "reject"),
                (
                    "reason",
                    "Please remove Eleanor Whitfield's birth date, 14 March 1941.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("This may identify a patient"));
    assert!(page.contains("Please remove Eleanor"), "the reason is kept");
    let res = m
        .post_form(
            &format!("/mod/held/{rev}"),
            &[
                ("decision", "reject"),
                ("reason", "Please remove the name and the date of birth."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}
