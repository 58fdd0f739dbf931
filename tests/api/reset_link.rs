//! A member who forgot their password gets a one-time link from an admin (SQLite and
//! PostgreSQL): only admins make links, only the token's hash is stored, the link works
//! once and for 30 minutes, a weak password through it is refused without using it up,
//! and setting a password ends every session of the account. Audited by ids.

use domain::models::{Role, Status};
use sha2::{Digest, Sha256};

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

const NEW_PASSWORD: &str = "harbour lantern evening round 17";

/// The token of the link shown on the admin's page.
fn token_in(page: &str) -> String {
    let at = page.find("/reset/").expect("the page shows a reset link") + "/reset/".len();
    page[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

#[tokio::test]
async fn an_admin_makes_a_link_that_sets_a_password_once() {
    let app = spawn_app().await;
    let member = app.member("forgot@example.jp", "Mori PT").await;
    let phone = app.new_browser();
    assert_eq!(
        phone
            .login("forgot@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
    let admin = app.new_browser();
    let admin_id = admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let make = [
        ("user_id", member.to_string()),
        ("action", "reset_link".into()),
    ];
    let make: Vec<(&str, &str)> = make.iter().map(|(k, v)| (*k, v.as_str())).collect();

    // Members cannot make links.
    assert_eq!(app.post_form("/admin/users", &make).await.status(), 403);

    let res = admin.post_form("/admin/users", &make).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap_or_default();
    assert!(
        page.contains("A one-time password link is ready."),
        "{page}"
    );
    let token = token_in(&page);
    assert_eq!(token.len(), 64, "a 256-bit token");
    let hash = hex::encode(Sha256::digest(token.as_bytes()));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM password_resets WHERE token_hash = '{hash}'"
        ))
        .await,
        1,
        "the token's hash is stored"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM password_resets WHERE token_hash = '{token}'"
        ))
        .await,
        0,
        "the token itself is not"
    );

    // The member, signed out, opens it.
    let visitor = app.new_browser();
    let link = format!("/reset/{token}");
    let (status, page) = visitor.page(&link).await;
    assert_eq!(status, 200);
    assert!(page.contains("Choose a new password"));
    let set = |new: &'static str, again: &'static str| {
        let visitor = &visitor;
        let link = link.clone();
        async move {
            visitor
                .post_form(
                    &link,
                    &[("new_password", new), ("new_password_confirm", again)],
                )
                .await
        }
    };
    // A weak or mistyped password is refused and leaves the link usable.
    let res = set("short", "short").await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap_or_default()
        .contains("Use at least 12 characters."));
    assert_eq!(
        set(NEW_PASSWORD, "something else entirely").await.status(),
        422
    );
    // The password is set; every session of the account ends.
    let res = set(NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/login");
    assert_ne!(
        app.page("/profile").await.0,
        200,
        "the member's session ended"
    );
    assert_ne!(
        phone.page("/profile").await.0,
        200,
        "the member's other session ended"
    );
    let fresh = app.new_browser();
    assert_eq!(
        fresh
            .login("forgot@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        422
    );
    assert_eq!(
        fresh
            .login("forgot@example.jp", NEW_PASSWORD)
            .await
            .status(),
        303
    );

    // Once only; a made-up link is refused the same way.
    let res = set(
        "another strong phrase 99 here",
        "another strong phrase 99 here",
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap_or_default()
        .contains("This link has expired or was already used."));
    let bogus = visitor
        .post_form(
            &format!("/reset/{}", "a".repeat(64)),
            &[
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(bogus.status(), 422);

    // Audited by ids, with no text.
    let made = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_reset_link' \
             AND actor_id = {admin_id} AND target_id = '{member}' AND reason = ''"
        ))
        .await;
    let used = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_reset' \
             AND target_id = '{member}' AND reason = ''"
        ))
        .await;
    assert_eq!((made, used), (1, 1));
}

#[tokio::test]
async fn an_old_or_withdrawn_link_does_not_work() {
    let app = spawn_app().await;
    let member = app.member("late@example.jp", "Ueda RN").await;
    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let id = member.to_string();
    let make = || {
        let admin = &admin;
        let id = id.clone();
        async move {
            let res = admin
                .post_form(
                    "/admin/users",
                    &[("user_id", &id), ("action", "reset_link")],
                )
                .await;
            token_in(&res.text().await.unwrap_or_default())
        }
    };
    let use_link = |token: String| {
        let app = &app;
        async move {
            app.new_browser()
                .post_form(
                    &format!("/reset/{token}"),
                    &[
                        ("new_password", NEW_PASSWORD),
                        ("new_password_confirm", NEW_PASSWORD),
                    ],
                )
                .await
                .status()
                .as_u16()
        }
    };
    // A newer link withdraws the older one.
    let first = make().await;
    let second = make().await;
    assert_eq!(use_link(first).await, 422);
    // Past its 30 minutes.
    let store = app.store().await;
    sqlx::query("UPDATE password_resets SET expires_at = expires_at - 1801")
        .execute(store.pool())
        .await
        .expect("age the link");
    assert_eq!(use_link(second).await, 422);
    // The password did not change.
    assert_eq!(
        app.new_browser()
            .login("late@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
    // No such account: 404, nothing made.
    let res = admin
        .post_form(
            "/admin/users",
            &[("user_id", "999999"), ("action", "reset_link")],
        )
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn the_command_line_prints_a_link_and_refuses_unknown_addresses() {
    let app = spawn_app().await;
    app.member("cli@example.jp", "Abe OT").await;
    let data = tempfile::tempdir().expect("temp dir");
    let run = |email: &str| {
        std::process::Command::new(crate::search_ops::rounds_bin())
            .args(["admin", "reset-link", "--email", email])
            .env("ROUNDS_DATABASE_URL", &app.db_url)
            .env("ROUNDS_DATA_DIR", data.path())
            .env("ROUNDS_AUDIT_KEY_FILE", &app.settings.audit_key_file)
            .env("ROUNDS_LISTEN", "127.0.0.1:3999")
            .output()
            .expect("rounds runs")
    };
    let out = run("CLI@example.jp");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        printed.contains("http://127.0.0.1:3999/reset/"),
        "{printed}"
    );
    let token = token_in(&printed);
    let res = app
        .new_browser()
        .post_form(
            &format!("/reset/{token}"),
            &[
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "the printed link works");
    // Made by the command line: audited with no actor.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_reset_link' \
             AND actor_id IS NULL"
        )
        .await,
        1
    );
    let out = run("nobody@example.jp");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No account has the email"));
}
