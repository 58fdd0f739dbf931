//! Public member profiles (`/u/:name`, SQLite and PostgreSQL): members see a
//! colleague's name, verified profession, specialty, join date and latest published
//! posts, reached from the author's name on a thread; never the workplace, licence
//! number or e-mail, never a held post; applicants and unknown names are not found.

use crate::helpers::{spawn_app, CLEAN_BODY, PHI_BODY};

#[tokio::test]
async fn a_profile_shows_published_work_and_nothing_private() {
    let app = spawn_app().await;
    app.member("reader@example.jp", "Reader MD").await;
    let author = app.new_browser();
    author.register("sato@example.jp", "Sato Hana RN").await;
    let id = app.user_id("sato@example.jp").await;
    let store = app.store().await;
    sqlx::query("UPDATE users SET status = 'verified' WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await
        .expect("verify");
    let (thread, _) = author
        .start_thread("Night-time delirium: what works on our ward", CLEAN_BODY)
        .await;
    author.post_thread("Held draft", PHI_BODY).await;

    // The name on the thread page links to the profile.
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(
        page.contains("href=\"/u/Sato%20Hana%20RN\""),
        "the author links to their profile"
    );
    let (status, profile) = app.page("/u/Sato%20Hana%20RN").await;
    assert_eq!(status, 200);
    assert!(profile.contains("Verified Nurse"), "{profile}");
    assert!(profile.contains("Geriatrics"));
    assert!(profile.contains("Night-time delirium: what works on our ward"));
    for private in [
        "Somewhere General",
        "RN-445566",
        "sato@example.jp",
        "Held draft",
        "Whitfield",
    ] {
        assert!(!profile.contains(private), "{private} leaked");
    }
    // Names are found as they compare for uniqueness: case does not matter.
    assert_eq!(app.get("/u/sato%20hana%20rn").await.status().as_u16(), 200);
    assert_eq!(app.get("/u/Nobody%20Here").await.status().as_u16(), 404);
    // An applicant has no public profile; a visitor sees none at all.
    app.new_browser()
        .register("new@example.jp", "New Applicant")
        .await;
    assert_eq!(app.get("/u/New%20Applicant").await.status().as_u16(), 404);
    let visitor = app.new_browser();
    let res = visitor.get("/u/Sato%20Hana%20RN").await;
    assert_eq!(res.status().as_u16(), 303, "members only");
}

#[tokio::test]
async fn a_member_renames_themselves_as_registration_would_allow() {
    let app = spawn_app().await;
    app.member("taken@example.jp", "Ito Ken MD").await;
    let me = app.new_browser();
    let id = me.member("me@example.jp", "Abe RN").await;
    let (thread, _) = me
        .start_thread("Pressure ulcer dressings at home", CLEAN_BODY)
        .await;
    let changes_before = app
        .count(&format!(
            "SELECT COUNT(*) FROM search_changes WHERE thread_id = {thread}"
        ))
        .await;

    // Refused: a name another member has (as names compare), and one that would
    // identify a patient; each comes back with what was typed.
    for (name, message) in [("ito ken md", "is taken"), ("Call 090-1234-5678", "")] {
        let res = me
            .post_form("/profile/name", &[("display_name", name)])
            .await;
        assert_eq!(res.status().as_u16(), 422, "{name}");
        let page = res.text().await.expect("body");
        assert!(page.contains(name), "{name} is kept");
        assert!(page.contains(message), "{name}: {message}");
    }
    let res = me
        .post_form("/profile/name", &[("display_name", "Abe Mika RN")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, profile) = me.page("/profile").await;
    assert!(profile.contains("Your display name is changed."));
    assert_eq!(me.get("/u/Abe%20Mika%20RN").await.status().as_u16(), 200);
    assert_eq!(me.get("/u/Abe%20RN").await.status().as_u16(), 404);
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Abe Mika RN"));
    // Search shows posts by author name: the member's threads are re-indexed.
    let changes_after = app
        .count(&format!(
            "SELECT COUNT(*) FROM search_changes WHERE thread_id = {thread}"
        ))
        .await;
    assert!(
        changes_after > changes_before,
        "{changes_before} → {changes_after}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.renamed' AND target_id = '{id}'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn every_time_follows_the_members_zone_then_the_browsers_then_the_language() {
    let app = spawn_app().await;
    app.member("ny@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Heat stroke triage", CLEAN_BODY).await;
    let shown = |page: &str| {
        ["UTC", "JST", "EST", "EDT", "CET", "CEST"]
            .into_iter()
            // The exact time is the title of how long ago (`<time title="… UTC">`).
            .filter(|z| page.contains(&format!(" {z}\"")))
            .collect::<Vec<_>>()
    };
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert_eq!(shown(&page), vec!["UTC"], "English pages default to UTC");

    // A zone the table does not have is refused, with the form kept.
    let res = app
        .post_form(
            "/profile/settings",
            &[("lang", "en"), ("time_zone", "Mars/Olympus")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app
        .post_form(
            "/profile/settings",
            &[("lang", "en"), ("time_zone", "America/New_York")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    let zones = shown(&page);
    assert!(zones == vec!["EST"] || zones == vec!["EDT"], "{zones:?}");

    // Without a choice, the browser's zone (its cookie) applies, then the language's.
    let res = app
        .post_form("/profile/settings", &[("lang", "ja"), ("time_zone", "")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert_eq!(
        shown(&page),
        vec!["JST"],
        "Japanese pages default to Japan time"
    );
    let url: reqwest::Url = app.address.parse().expect("url");
    app.jar
        .add_cookie_str("rounds_tz=Europe/Berlin; Path=/", &url);
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    let zones = shown(&page);
    assert!(zones == vec!["CET"] || zones == vec!["CEST"], "{zones:?}");
}
