//! CSRF protection with and without JavaScript.

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

#[tokio::test]
async fn a_form_post_without_a_csrf_token_is_rejected_and_changes_nothing() {
    let app = spawn_app().await;
    app.csrf().await;
    let res = app
        .client
        .post(format!("{}/register", app.address))
        .form(&[
            ("email", "csrf@example.jp"),
            ("password", GOOD_PASSWORD),
            ("display_name", "C"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("This form has expired or came from another site"));
    assert!(app
        .store()
        .await
        .user_by_email("csrf@example.jp")
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn a_form_post_with_a_wrong_csrf_token_is_rejected() {
    let app = spawn_app().await;
    app.register("victim@example.jp", "Victim").await;
    let res = app
        .client
        .post(format!("{}/logout-all", app.address))
        .form(&[("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.get("/pending").await.status().as_u16(),
        200,
        "still signed in"
    );
}

#[tokio::test]
async fn a_cross_site_origin_is_rejected_even_with_a_token() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let res = app
        .client
        .post(format!("{}/lang", app.address))
        .header("origin", "https://evil.example")
        .form(&[
            ("_csrf", token.as_str()),
            ("lang", "ja"),
            ("return_to", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

#[tokio::test]
async fn a_same_origin_post_with_the_token_is_accepted() {
    let app = spawn_app().await;
    let token = app.csrf().await;
    let origin = app.address.clone();
    let res = app
        .client
        .post(format!("{}/lang", app.address))
        .header("origin", origin)
        .form(&[
            ("_csrf", token.as_str()),
            ("lang", "ja"),
            ("return_to", "/login"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/login");
}

#[tokio::test]
async fn server_functions_refuse_cross_site_calls() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/api/my_profile", app.address))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

/// After signing in, `next` may only lead to a page of Rounds: the WHATWG URL
/// parser's own cleaning (tabs and line breaks dropped, `\` read as `/`) must not
/// turn it into another site.
#[tokio::test]
async fn sign_in_never_redirects_to_another_site() {
    use domain::models::{Role, Status};
    let app = spawn_app().await;
    let member = app.new_browser();
    member
        .sign_in_as("m@example.jp", "Member", Role::Member, Status::Verified)
        .await;
    member.post_form("/logout", &[]).await;
    for next in [
        "/\t/evil.example",
        "/\n/evil.example",
        "\t//evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/%2F/evil.example",
        "/%5C/evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    ] {
        let res = member
            .post_form(
                "/login",
                &[
                    ("email", "m@example.jp"),
                    ("password", GOOD_PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{next:?}");
        assert_eq!(location(&res), "/", "{next:?}");
        member.post_form("/logout", &[]).await;
    }
    let res = member
        .post_form(
            "/login",
            &[
                ("email", "m@example.jp"),
                ("password", GOOD_PASSWORD),
                ("next", "/t/3?page=2"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/t/3?page=2");
}

/// Every response carries the security headers; pages and API answers are never
/// cached (they may hold a member's data), the static bundle may be.
#[tokio::test]
async fn every_response_has_security_headers_and_pages_are_not_cached() {
    let app = spawn_app().await;
    let member = app.new_browser();
    member
        .sign_in_as(
            "m@example.jp",
            "Member",
            domain::models::Role::Member,
            domain::models::Status::Verified,
        )
        .await;
    for path in ["/", "/login", "/nowhere", "/api/composer_lists"] {
        let res = member.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        for part in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(part), "{path}: {csp}");
        }
        assert_eq!(h["cache-control"], "no-store", "{path}");
    }
    // Scripts run only with the response's own nonce, fresh on every response.
    let mut seen = Vec::new();
    for path in ["/", "/login", "/nowhere", "/", "/search"] {
        let res = member.get(path).await;
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: script-src has a nonce: {csp}"))
            .to_string();
        assert!(csp.contains("script-src 'nonce-"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        let html = res.text().await.unwrap();
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(
            !scripts.is_empty(),
            "{path}: the page has its hydration scripts"
        );
        for tag in scripts {
            let open = tag.split('>').next().unwrap_or_default();
            assert!(
                open.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without this response's nonce: <script{open}>"
            );
        }
        assert!(!seen.contains(&nonce), "{path}: a nonce is never reused");
        seen.push(nonce);
    }
    let res = member.post_form("/logout", &[]).await;
    assert_eq!(res.headers()["cache-control"], "no-store");
    let res = member.get("/pkg/rounds.js").await;
    assert_ne!(
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("no-store")
    );
}
