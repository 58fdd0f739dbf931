//! A member changes their password on `/profile` (SQLite and PostgreSQL): the current
//! password is required, the new one must be strong and typed twice, every refusal
//! says why by its field and changes nothing, wrong current passwords are throttled,
//! and a change ends every other session of the account but not this one.

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

const NEW_PASSWORD: &str = "ward seven night shift kettle 42";

#[tokio::test]
async fn a_password_change_needs_the_current_password_and_ends_other_sessions() {
    let app = spawn_app().await;
    let id = app.member("pw@example.jp", "Sato RN").await;
    // The same member on a second device.
    let phone = app.new_browser();
    assert_eq!(
        phone.login("pw@example.jp", GOOD_PASSWORD).await.status(),
        303
    );
    assert_eq!(phone.page("/profile").await.0, 200);

    // Refusals: each says why, by its field, and nothing changes.
    for (fields, key) in [
        (
            ("not my password at all", NEW_PASSWORD, NEW_PASSWORD),
            "This is not your current password.",
        ),
        (
            (GOOD_PASSWORD, "short", "short"),
            "Use at least 12 characters.",
        ),
        (
            (
                GOOD_PASSWORD,
                NEW_PASSWORD,
                "ward seven night shift kettle 43",
            ),
            "The two new passwords are not the same.",
        ),
        (
            (GOOD_PASSWORD, GOOD_PASSWORD, GOOD_PASSWORD),
            "Choose a password different from the current one.",
        ),
    ] {
        let res = app
            .post_form(
                "/profile/password",
                &[
                    ("current_password", fields.0),
                    ("new_password", fields.1),
                    ("new_password_confirm", fields.2),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{key}");
        let page = res.text().await.unwrap_or_default();
        assert!(page.contains(key), "the page says {key:?}");
        // Passwords are never sent back into the page.
        for typed in [fields.0, fields.1, fields.2] {
            assert!(
                !page.contains(&format!("value=\"{typed}\"")),
                "a typed password came back"
            );
            assert!(
                !page.contains(&format!("\"{typed}\"")),
                "a typed password is in the page's data"
            );
        }
    }
    assert_eq!(
        phone.page("/profile").await.0,
        200,
        "a refusal ends no session"
    );

    // The change: this device stays signed in, the other is signed out.
    let res = app
        .post_form(
            "/profile/password",
            &[
                ("current_password", GOOD_PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/profile");
    let (status, page) = app.page("/profile").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Your password is changed."),
        "the notice is shown"
    );
    let (status, _) = phone.page("/profile").await;
    assert_ne!(status, 200, "the other device is signed out");

    // The old password no longer signs in; the new one does.
    let other = app.new_browser();
    assert_eq!(
        other.login("pw@example.jp", GOOD_PASSWORD).await.status(),
        422
    );
    assert_eq!(
        other.login("pw@example.jp", NEW_PASSWORD).await.status(),
        303
    );

    // Audited by id, never with the password.
    let audited = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_changed' \
             AND actor_id = {id} AND target_id = '{id}' AND reason = ''"
        ))
        .await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn wrong_current_passwords_are_throttled_and_signed_out_visitors_are_refused() {
    let app = spawn_app().await;
    app.member("guess@example.jp", "Kato MD").await;
    let attempt = |current: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "/profile/password",
                &[
                    ("current_password", current),
                    ("new_password", NEW_PASSWORD),
                    ("new_password_confirm", NEW_PASSWORD),
                ],
            )
            .await
            .status()
            .as_u16()
        }
    };
    for _ in 0..5 {
        assert_eq!(attempt("a wrong guess here").await, 422);
    }
    // The sixth wrong guess waits; so does the right password until the wait is over.
    assert_eq!(attempt("a wrong guess here").await, 429);
    assert_eq!(attempt(GOOD_PASSWORD).await, 429);

    // Without a session: sent to sign in, and nothing changes.
    let visitor = app.new_browser();
    let res = visitor
        .post_form(
            "/profile/password",
            &[
                ("current_password", GOOD_PASSWORD),
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"), "{}", location(&res));
    let fresh = app.new_browser();
    assert_eq!(
        fresh
            .login("guess@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
}
