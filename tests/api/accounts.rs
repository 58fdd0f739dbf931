//! Registration, sign-in, throttling and sign-out.

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

#[tokio::test]
async fn registering_creates_a_pending_account_that_signs_in_to_the_pending_page() {
    let app = spawn_app().await;
    let res = app.apply("sato@example.jp", "Sato RN").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/login", "the applicant signs in next");
    assert!(
        app.cookie("rounds_session").is_none(),
        "registering does not sign in"
    );
    let (_, login) = app.page("/login").await;
    assert!(login.contains("Unless this e-mail address already has an account"));
    let res = app.login("sato@example.jp", GOOD_PASSWORD).await;
    assert_eq!(location(&res), "/pending");
    let (status, body) = app.page("/pending").await;
    assert_eq!(status, 200);
    assert!(body.contains("Your application is being checked"), "{body}");
    // The forum refuses them.
    let res = app.get("/").await;
    assert_eq!(location(&res), "/pending");
}

#[tokio::test]
async fn applying_with_a_registered_address_answers_as_any_application_and_changes_nothing() {
    let app = spawn_app().await;
    app.register("dup@example.jp", "First").await;
    let fresh = app.new_browser().apply("new@example.jp", "Newcomer").await;
    let other = app.new_browser();
    let token = other.csrf().await;
    let dup = other
        .client
        .post(format!("{}/register", other.address))
        .form(&[
            ("email", "DUP@example.jp"),
            ("password", "another-long-passphrase-77"),
            ("display_name", "Second Person"),
            ("profession", "nurse"),
            ("licence_number", "RN-445566"),
            ("jurisdiction", "Japan"),
            ("_csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(dup.status(), fresh.status(), "the same status");
    assert_eq!(location(&dup), location(&fresh), "the same place");
    assert_eq!(
        dup.headers().get_all("set-cookie").iter().count(),
        fresh.headers().get_all("set-cookie").iter().count(),
        "the same cookies"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE display_name = 'Second Person'")
            .await,
        0,
        "no second account"
    );
    // The account's owner still signs in with their own password, and only with it.
    let res = app
        .new_browser()
        .login("dup@example.jp", "another-long-passphrase-77")
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app
        .new_browser()
        .login("dup@example.jp", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

#[tokio::test]
async fn a_weak_password_is_refused_with_a_message() {
    let app = spawn_app().await;
    for (pw, msg) in [
        ("short", "Use at least 12 characters"),
        ("password1234", "too common"),
    ] {
        let res = app
            .post_form(
                "/register",
                &[
                    ("email", "weak@example.jp"),
                    ("password", pw),
                    ("display_name", "Weak"),
                    ("profession", "physician"),
                    ("licence_number", "123"),
                    ("jurisdiction", "Japan"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        let body = res.text().await.unwrap();
        assert!(body.contains(msg), "{pw}: {body}");
        assert!(body.contains("value=\"weak@example.jp\""));
    }
    assert!(app
        .store()
        .await
        .user_by_email("weak@example.jp")
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn missing_fields_and_an_invalid_npi_each_get_their_own_message() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/register",
            &[
                ("email", "x@example.jp"),
                ("password", GOOD_PASSWORD),
                ("display_name", ""),
                ("npi", "1234567890"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("id=\"register-display_name-error\""));
    assert!(body.contains("id=\"register-licence_number-error\""));
    assert!(body.contains("This is not a valid NPI"));
    assert!(body.contains("Please choose one of the options"));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    app.register("known@example.jp", "Known").await;
    let b = app.new_browser();
    let wrong = b.login("known@example.jp", "not-the-password-at-all").await;
    let wrong_status = wrong.status().as_u16();
    let wrong_body = wrong.text().await.unwrap();
    let unknown = b
        .login("nobody@example.jp", "not-the-password-at-all")
        .await;
    assert_eq!(wrong_status, 422);
    assert_eq!(unknown.status().as_u16(), 422);
    let unknown_body = unknown.text().await.unwrap();
    assert!(wrong_body.contains("The email or password is not right"));
    assert!(unknown_body.contains("The email or password is not right"));
    assert!(b.cookie("rounds_session").is_none());
}

#[tokio::test]
async fn signing_in_rotates_the_session_id() {
    let app = spawn_app().await;
    app.register("rot@example.jp", "Rot").await;
    let first = app
        .cookie("rounds_session")
        .expect("session after registering");
    app.login("rot@example.jp", GOOD_PASSWORD).await;
    let second = app.cookie("rounds_session").expect("session after sign-in");
    assert_ne!(first, second);
    // The old id no longer works.
    let old = app.new_browser();
    old.client
        .get(format!("{}/pending", app.address))
        .header("cookie", format!("rounds_session={first}"))
        .send()
        .await
        .map(|r| assert_eq!(location(&r).split('?').next(), Some("/login")))
        .unwrap();
}

#[tokio::test]
async fn session_cookies_are_http_only_and_same_site() {
    let app = spawn_app().await;
    app.apply("c@example.jp", "Cookie").await;
    let res = app.login("c@example.jp", GOOD_PASSWORD).await;
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("rounds_session="))
        .expect("session cookie");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    assert!(!session.contains("Secure"), "not secure unless configured");
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let app = spawn_app().await;
    app.register("multi@example.jp", "Multi").await;
    let phone = app.new_browser();
    assert_eq!(
        phone
            .login("multi@example.jp", GOOD_PASSWORD)
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(phone.get("/profile").await.status().as_u16(), 200);
    let res = app.post_form("/logout-all", &[]).await;
    assert_eq!(location(&res), "/login");
    let res = phone.get("/profile").await;
    assert!(
        location(&res).starts_with("/login"),
        "the other device is signed out too"
    );
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    app.register("out@example.jp", "Out").await;
    let res = app.post_form("/logout", &[]).await;
    assert_eq!(location(&res), "/");
    assert!(location(&app.get("/pending").await).starts_with("/login"));
}
