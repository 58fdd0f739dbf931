//! Two-factor sign-in (SQLite and PostgreSQL), through the real forms: a member sets
//! it up from the page (the QR code and the key, a wrong code refused, ten recovery
//! codes shown once); signing in then asks for a code before any session exists; a
//! code works once, a recovery code once, five wrong codes end the sign-in; the
//! member turns it off again. Staff cannot turn it off, and staff pages refuse a
//! session that signed in with a password alone.

use crate::helpers::{location, spawn_app, totp_code, TestApp, GOOD_PASSWORD, TEST_TOTP_SECRET};
use domain::access::{SIGN_IN_CODE_PATH, TWO_FACTOR_PATH};
use domain::models::{Role, Status};

async fn password_step(browser: &TestApp, email: &str) {
    let res = browser
        .post_form(
            "/login",
            &[
                ("email", email),
                ("password", GOOD_PASSWORD),
                ("next", "/notifications"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), SIGN_IN_CODE_PATH, "a code is asked for");
}

#[tokio::test]
async fn a_member_sets_it_up_then_signs_in_with_a_code_or_a_recovery_code_once() {
    let app = spawn_app().await;
    let member_id = app.member("nurse@example.jp", "Sato RN").await;

    // The page offers a QR code drawn on the server and the key to type.
    let (status, page) = app.page(TWO_FACTOR_PATH).await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg"), "the QR code");
    assert!(page.contains("class=\"secret\""), "the key to type");
    let bad = app
        .post_form(TWO_FACTOR_PATH, &[("action", "enable"), ("code", "000000")])
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    assert!(bad
        .text()
        .await
        .expect("body")
        .contains("That code is not right"));
    let codes = app.enrol_two_factor().await;
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 11), "{codes:?}");
    let (_, page) = app.page(TWO_FACTOR_PATH).await;
    assert!(page.contains("Recovery codes left: 10"));
    assert!(!page.contains(&codes[0]), "shown once only");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.two_factor_on' \
             AND target_id = '{member_id}'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'two_factor_on'")
            .await,
        1,
        "the address is told"
    );
    let codes_stored = app.count("SELECT COUNT(*) FROM recovery_codes").await;
    assert_eq!(codes_stored, 10);
    for c in &codes {
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '%{c}%'"
            ))
            .await,
            0,
            "only hashes are kept"
        );
    }

    // Signing in on another device: the password alone starts no session.
    let phone = app.new_browser();
    password_step(&phone, "nurse@example.jp").await;
    assert_eq!(
        location(&phone.get("/notifications").await),
        "/login?next=%2Fnotifications"
    );
    let wrong = phone
        .post_form(SIGN_IN_CODE_PATH, &[("code", "123 456")])
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    // The code spent turning it on is not accepted again.
    let secret = app
        .store()
        .await
        .two_factor(member_id)
        .await
        .expect("query")
        .expect("key")
        .secret;
    let last = app
        .store()
        .await
        .two_factor(member_id)
        .await
        .expect("q")
        .expect("k")
        .last_step;
    let spent = totp_code(&secret, last * 30);
    let res = phone
        .post_form(SIGN_IN_CODE_PATH, &[("code", &spent)])
        .await;
    assert_eq!(res.status().as_u16(), 422, "a code works once");
    let next = phone.next_code_of("nurse@example.jp", &secret).await;
    let res = phone.post_form(SIGN_IN_CODE_PATH, &[("code", &next)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        location(&res),
        "/notifications",
        "on to where the sign-in was going"
    );
    assert_eq!(phone.get("/notifications").await.status().as_u16(), 200);

    // A recovery code (typed loosely) works once.
    let tablet = app.new_browser();
    password_step(&tablet, "nurse@example.jp").await;
    let loose = format!(" {} ", codes[3].to_uppercase());
    let res = tablet
        .post_form(SIGN_IN_CODE_PATH, &[("code", &loose)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let again = app.new_browser();
    password_step(&again, "nurse@example.jp").await;
    let res = again
        .post_form(SIGN_IN_CODE_PATH, &[("code", &codes[3])])
        .await;
    assert_eq!(res.status().as_u16(), 422, "a recovery code works once");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.recovery_code_used'")
            .await,
        1
    );

    // Five wrong codes end that sign-in: the password is asked again.
    for _ in 0..4 {
        let res = again
            .post_form(SIGN_IN_CODE_PATH, &[("code", "999999")])
            .await;
        assert_eq!(res.status().as_u16(), 422);
    }
    let res = again
        .post_form(SIGN_IN_CODE_PATH, &[("code", &codes[4])])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.expect("body").contains("Sign in again"));

    // Turning it off needs a current code; then the password is enough again.
    let bad = app
        .post_form(
            TWO_FACTOR_PATH,
            &[("action", "disable"), ("code", "000000")],
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let page = bad.text().await.expect("body");
    assert_eq!(
        page.matches("That code is not right").count(),
        1,
        "the message stands under the turn-off field only, not under renewal's too"
    );
    let code = app.next_code_of("nurse@example.jp", &secret).await;
    let res = app
        .post_form(TWO_FACTOR_PATH, &[("action", "disable"), ("code", &code)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.count("SELECT COUNT(*) FROM two_factor").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes").await, 0);
    let laptop = app.new_browser();
    let res = laptop.login("nurse@example.jp", GOOD_PASSWORD).await;
    assert_eq!(location(&res), "/");
}

#[tokio::test]
async fn staff_keep_it_and_their_pages_refuse_a_password_only_session() {
    let app = spawn_app().await;
    let moderator_id = app
        .sign_in_as(
            "mod@example.jp",
            "Mori Mod",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    assert_eq!(app.get("/mod/queue").await.status().as_u16(), 200);

    // Staff cannot turn it off.
    let code = app.next_code("mod@example.jp").await;
    let res = app
        .post_form(TWO_FACTOR_PATH, &[("action", "disable"), ("code", &code)])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let (_, page) = app.page(TWO_FACTOR_PATH).await;
    assert!(page.contains("Moderators and admins keep two-factor sign-in on."));

    // A session that passed no code (one from before the key was set up) opens the
    // forum but no staff page, page or server function.
    let store = app.store().await;
    sqlx::query("UPDATE sessions SET second_factor_at = NULL WHERE user_id = $1")
        .bind(moderator_id)
        .execute(store.pool())
        .await
        .expect("update");
    assert_eq!(app.get("/").await.status().as_u16(), 200);
    for path in ["/mod/queue", "/mod/verification", "/mod/members"] {
        let res = app.get(path).await;
        assert_eq!(location(&res), TWO_FACTOR_PATH, "{path}");
    }
    assert_eq!(
        app.get("/api/mod_queue?kind=&status=")
            .await
            .status()
            .as_u16(),
        403
    );
    let (_, page) = app.page(TWO_FACTOR_PATH).await;
    assert!(page.contains("signed in without a code"));
    assert_eq!(TEST_TOTP_SECRET.len(), 32);
}
