//! Nothing typed is lost: a post refused before its handler runs — its form token
//! stale or its cookie gone, or its session ended — comes back with the author's
//! text (and, after signing in again, in the composer), never as a bare error page.

use crate::helpers::{location, spawn_app, TestApp, GOOD_PASSWORD};

const TEXT: &str = "Kept text: we switched to apixaban after the second bleed.";

/// A member with a thread to reply to; returns the thread.
async fn thread_to_reply_to(app: &TestApp) -> i64 {
    app.member("a@example.jp", "aoki_im").await;
    app.start_thread(
        "Anticoagulation after a bleed",
        "Which agent do you restart with?",
    )
    .await
    .0
}

#[tokio::test]
async fn a_reply_with_a_stale_token_comes_back_with_its_text_and_a_working_token() {
    let app = spawn_app().await;
    let thread = thread_to_reply_to(&app).await;
    let res = app
        .client
        .post(format!("{}/t/{thread}/reply", app.address))
        .form(&[("body", TEXT), ("_csrf", "a-token-from-another-tab")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let page = res.text().await.unwrap();
    assert!(page.contains("This form had expired, so nothing was posted"));
    assert!(page.contains(TEXT), "the text is back in the composer");
    assert!(
        page.contains("Anticoagulation after a bleed"),
        "on its thread"
    );
    let token = app.cookie("rounds_csrf").unwrap();
    assert!(
        page.contains(&format!("value=\"{token}\"")),
        "with a working token"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM posts WHERE number = 2")
            .await,
        0,
        "nothing was posted"
    );
    // Sent again from that page, it is posted.
    let res = app
        .post_form(&format!("/t/{thread}/reply"), &[("body", TEXT)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

#[tokio::test]
async fn a_new_thread_without_its_token_cookie_comes_back_with_a_new_cookie() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let session = app.cookie("rounds_session").unwrap();
    // A browser that lost the token cookie but kept the session.
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = bare
        .post(format!("{}/new-topic", app.address))
        .header("cookie", format!("rounds_session={session}"))
        .form(&[
            ("category", "internal-medicine"),
            ("title", "Restarting anticoagulation"),
            ("tags", "bleeding"),
            ("body", TEXT),
            ("_csrf", "stale"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let set: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let fresh = set
        .iter()
        .find_map(|c| c.strip_prefix("rounds_csrf="))
        .and_then(|c| c.split(';').next())
        .expect("a new token cookie")
        .to_string();
    let page = res.text().await.unwrap();
    assert!(page.contains(TEXT) && page.contains("Restarting anticoagulation"));
    assert!(
        page.contains(&format!("value=\"{fresh}\"")),
        "the page carries it"
    );
}

#[tokio::test]
async fn a_reply_after_the_session_ended_goes_through_sign_in_and_back_to_the_composer() {
    let app = spawn_app().await;
    let thread = thread_to_reply_to(&app).await;
    // The session ends on the server (expired, or signed out in another tab).
    let store = app.store().await;
    sqlx::query("DELETE FROM sessions")
        .execute(store.pool())
        .await
        .unwrap();
    let res = app
        .post_form(&format!("/t/{thread}/reply"), &[("body", TEXT)])
        .await;
    assert_eq!(res.status().as_u16(), 401);
    let page = res.text().await.unwrap();
    assert!(page.contains("You were signed out, so nothing was posted"));
    assert!(page.contains("name=\"kept_body\""), "the text rides along");
    assert!(page.contains(TEXT));

    // Signing in on that page brings the composer back with the text.
    let res = app
        .post_form(
            "/login",
            &[
                ("email", "a@example.jp"),
                ("password", GOOD_PASSWORD),
                ("next", &format!("/t/{thread}?page=last")),
                ("kept_body", TEXT),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(app.cookie("rounds_session").is_some(), "signed in");
    let page = res.text().await.unwrap();
    assert!(page.contains("You are signed in again"));
    assert!(page.contains(TEXT), "in the composer");
    assert!(page.contains("Anticoagulation after a bleed"));
    let res = app
        .post_form(&format!("/t/{thread}/reply"), &[("body", TEXT)])
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", location(&res));
    // A plain sign-in still goes where it was asked to.
    let other = app.new_browser();
    let res = other.login("a@example.jp", GOOD_PASSWORD).await;
    assert_eq!(location(&res), "/");
}

#[tokio::test]
async fn a_reply_pasted_far_beyond_the_limit_comes_back_saying_by_how_much() {
    let app = spawn_app().await;
    let thread = thread_to_reply_to(&app).await;
    // 100,000 Japanese characters: about 900 KB once percent-encoded.
    let long = format!("貼り付けた経過記録{}", "あ".repeat(99_991));
    let res = app
        .post_form(&format!("/t/{thread}/reply"), &[("body", &long)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("This is 70000 characters too long: please use at most 30000."));
    assert!(page.contains(&long), "the whole text comes back");
}

#[tokio::test]
async fn with_two_factor_sign_in_the_text_rides_through_the_code_page_too() {
    let app = spawn_app().await;
    let thread = thread_to_reply_to(&app).await;
    let recovery = app.enrol_two_factor().await;
    let store = app.store().await;
    sqlx::query("DELETE FROM sessions")
        .execute(store.pool())
        .await
        .unwrap();
    let fresh = app.new_browser();
    let res = fresh
        .post_form(
            "/login",
            &[
                ("email", "a@example.jp"),
                ("password", GOOD_PASSWORD),
                ("next", &format!("/t/{thread}?page=last")),
                ("kept_body", TEXT),
            ],
        )
        .await;
    // The code page, carrying the text in its form (nothing stored on the server).
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("action=\"/login/code\""), "the code step");
    assert!(page.contains("name=\"kept_body\""));
    assert!(page.contains(TEXT));
    assert!(
        fresh.cookie("rounds_session").is_none(),
        "not signed in yet"
    );

    // A wrong code keeps it too.
    let res = fresh
        .post_form("/login/code", &[("code", "000000"), ("kept_body", TEXT)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("name=\"kept_body\""));

    // The right code (a recovery code here): signed in, on the composer, with the text.
    let res = fresh
        .post_form(
            "/login/code",
            &[("code", &recovery[0]), ("kept_body", TEXT)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(fresh.cookie("rounds_session").is_some(), "signed in");
    let page = res.text().await.unwrap();
    assert!(page.contains("You are signed in again"));
    assert!(page.contains(TEXT), "in the composer");
    assert!(page.contains("Anticoagulation after a bleed"));
    let res = fresh
        .post_form(&format!("/t/{thread}/reply"), &[("body", TEXT)])
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", location(&res));
}
