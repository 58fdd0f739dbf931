//! Bad input gets a clear 4xx, never a 5xx, and a rejected form keeps what was typed.

use crate::helpers::{spawn_app, GOOD_PASSWORD};

#[tokio::test]
async fn oversize_fields_are_refused_with_a_message_and_the_form_comes_back() {
    let app = spawn_app().await;
    let long_name = "x".repeat(5000);
    let res = app
        .post_form(
            "/register",
            &[
                ("email", "big@example.jp"),
                ("password", GOOD_PASSWORD),
                ("display_name", &long_name),
                ("profession", "nurse"),
                ("licence_number", "1"),
                ("jurisdiction", "JP"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("characters too long: please use at most 40."));
    assert!(body.contains("value=\"big@example.jp\""));
}

#[tokio::test]
async fn invalid_utf8_in_a_form_is_a_400_with_a_message() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let body = format!("_csrf={token}&email=%FF%FE%FD&password=x").into_bytes();
    let res = app.post_raw("/login", body).await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("could not be read"));
    let mut raw = format!("_csrf={token}&email=").into_bytes();
    raw.extend_from_slice(&[0xff, 0xfe, b'a']);
    let res = app.post_raw("/login", raw).await;
    assert_eq!(res.status().as_u16(), 400);
}

#[tokio::test]
async fn a_malformed_percent_encoding_is_a_400() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let res = app
        .post_raw(
            "/login",
            format!("_csrf={token}&email=%ZZ&password=%").into_bytes(),
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
}

#[tokio::test]
async fn a_ten_megabyte_body_is_a_413_not_a_crash() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let mut body = format!("_csrf={token}&display_name=").into_bytes();
    body.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
    for path in ["/register", "/api/my_profile"] {
        let res = app.post_raw(path, body.clone()).await;
        let status = res.status().as_u16();
        assert!((400..500).contains(&status), "{path}: {status}");
    }
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}

#[tokio::test]
async fn a_non_form_post_is_a_415() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/login", app.address))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415);
}

#[tokio::test]
async fn garbage_ids_in_staff_forms_are_400s() {
    let app = spawn_app().await;
    app.sign_in_as(
        "mod@example.jp",
        "Mod",
        domain::models::Role::Admin,
        domain::models::Status::Verified,
    )
    .await;
    for (path, fields) in [
        (
            "/mod/verification",
            vec![("user_id", "abc"), ("decision", "verify")],
        ),
        (
            "/mod/verification",
            vec![("user_id", "1"), ("decision", "maybe")],
        ),
        (
            "/admin/users",
            vec![("user_id", "99999999999999999999"), ("role", "moderator")],
        ),
        ("/lang", vec![("lang", "xx"), ("return_to", "/")]),
    ] {
        let res = app.post_form(path, &fields).await;
        assert_eq!(res.status().as_u16(), 400, "{path} {fields:?}");
    }
}

/// Control characters (a NUL in the sign-in e-mail broke PostgreSQL with a 500) get
/// a clear message on both backends: the form comes back, nothing is stored.
#[tokio::test]
async fn control_characters_in_sign_in_and_tags_get_a_message_not_a_500() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let res = app
        .post_raw(
            "/login",
            format!("_csrf={token}&email=a%00b%40example.jp&password=x").into_bytes(),
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("The email or password is not right."));
    let member = app.new_browser();
    member.member("m@example.jp", "Member").await;
    let token = member.csrf().await;
    let res = member
        .post_raw(
            "/new-topic",
            format!(
                "_csrf={token}&category=internal-medicine&title=Tags&tags=a%00b&body=Question+about+tags"
            )
            .into_bytes(),
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(
        res.text().await.unwrap().contains("Question about tags"),
        "the form comes back"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM posts").await, 0);
}
