//! Two-factor keys are sealed at rest (SQLite and PostgreSQL): the database holds
//! ciphertext, never the key a member's app shares; a key stored before sealing is
//! sealed when the server starts, and signing in with a code works throughout. A copy
//! of the database without the server's key file gives no second factor away.

use crate::helpers::{location, spawn_app, spawn_app_on, TEST_TOTP_SECRET};
use domain::models::{Role, Status};

async fn stored_secret(app: &crate::helpers::TestApp, user: i64) -> String {
    let store = app.store().await;
    let row = sqlx::query("SELECT secret FROM two_factor WHERE user_id = $1")
        .bind(user)
        .fetch_one(store.pool())
        .await
        .expect("row");
    sqlx::Row::try_get(&row, "secret").expect("secret")
}

#[tokio::test]
async fn keys_are_stored_sealed_and_old_plain_keys_are_sealed_at_start() {
    let app = spawn_app().await;
    // A member sets it up from the page; staff get theirs as seeded accounts do.
    let member = app.member("nurse@example.jp", "Sato RN").await;
    app.enrol_two_factor().await;
    let moderator = app.new_browser();
    let mod_id = moderator
        .sign_in_as(
            "mod@example.jp",
            "Mori MD",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    for user in [member, mod_id] {
        let stored = stored_secret(&app, user).await;
        assert!(stored.starts_with(store::sealed::PREFIX), "{stored}");
        assert!(
            !stored.contains(&TEST_TOTP_SECRET[..8]),
            "no trace of the key"
        );
    }

    // A key written before sealing (as an older version stored it).
    let store = app.store().await;
    sqlx::query("UPDATE two_factor SET secret = $1 WHERE user_id = $2")
        .bind(TEST_TOTP_SECRET)
        .bind(mod_id)
        .execute(store.pool())
        .await
        .expect("update");
    // It still reads (the moderator signs in with a code)…
    let again = app.new_browser();
    let res = again
        .login("mod@example.jp", crate::helpers::GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/");

    // …and the next start of the server seals it (same database, same key file).
    let dir = tempfile::tempdir().expect("dir");
    std::fs::copy(&app.settings.audit_key_file, dir.path().join("audit.key")).expect("key");
    let restarted = spawn_app_on(dir, app.db_url.clone()).await;
    let stored = stored_secret(&app, mod_id).await;
    assert!(stored.starts_with(store::sealed::PREFIX), "{stored}");
    let res = restarted
        .login("mod@example.jp", crate::helpers::GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/", "the sealed key still signs in");

    // A row moved to another account does not open there: its sign-in cannot pass.
    let member_secret = stored_secret(&app, member).await;
    sqlx::query("UPDATE two_factor SET secret = $1 WHERE user_id = $2")
        .bind(&member_secret)
        .bind(mod_id)
        .execute(store.pool())
        .await
        .expect("update");
    let other = restarted.new_browser();
    let res = other
        .post_form(
            "/login",
            &[
                ("email", "mod@example.jp"),
                ("password", crate::helpers::GOOD_PASSWORD),
                ("next", "/"),
            ],
        )
        .await;
    if location(&res) == domain::access::SIGN_IN_CODE_PATH {
        let code = crate::helpers::totp_code(TEST_TOTP_SECRET, store::now());
        other
            .post_form(domain::access::SIGN_IN_CODE_PATH, &[("code", &code)])
            .await;
    }
    let res = other.get("/notifications").await;
    assert_eq!(res.status(), 303, "a moved key signs nobody in");
    assert!(location(&res).starts_with("/login"));
}
