//! A member's sessions on `/profile` (SQLite and PostgreSQL): each shows its device
//! ("Firefox on Windows", from the browser at sign-in; nothing about place), when it
//! signed in and was last active, and this one is marked; a member signs out one of
//! the others, and cannot touch anyone else's; an admin signs a member out everywhere.

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/// The session keys a profile page offers to sign out.
fn keys_in(page: &str) -> Vec<String> {
    page.match_indices("name=\"session\" value=\"")
        .map(|(at, m)| {
            page[at + m.len()..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn a_member_sees_their_devices_and_signs_one_out() {
    let app = spawn_app().await;
    app.member("devices@example.jp", "Ito PharmD").await;
    let desk = app.new_browser_as(FIREFOX);
    let phone = app.new_browser_as(IPHONE);
    for b in [&desk, &phone] {
        assert_eq!(
            b.login("devices@example.jp", GOOD_PASSWORD).await.status(),
            303
        );
    }
    let (status, page) = desk.page("/profile").await;
    assert_eq!(status, 200);
    assert!(page.contains("You are signed in on 3 device(s)."), "{page}");
    assert!(page.contains("Firefox on Windows"));
    assert!(page.contains("Safari on iPhone"));
    assert!(
        page.contains("Unknown device"),
        "the test client names no browser"
    );
    assert!(page.contains("this device"));
    // A sign-out for each session but this one; no address or place is shown.
    let keys = keys_in(&page);
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(!page.contains("127.0.0.1"));

    // Which key is the phone's: the one that, once ended, signs the phone out.
    let mut ended_phone = false;
    for key in keys {
        let res = desk
            .post_form("/profile/sessions", &[("session", &key)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), "/profile");
        if phone.page("/profile").await.0 != 200 {
            ended_phone = true;
            break;
        }
    }
    assert!(ended_phone, "the phone was signed out");
    let (status, page) = desk.page("/profile").await;
    assert_eq!(status, 200, "this device is still signed in");
    assert!(!page.contains("Safari on iPhone"));
    assert!(page.contains("That device is signed out."));
}

#[tokio::test]
async fn nobody_signs_out_another_members_session() {
    let app = spawn_app().await;
    app.member("victim@example.jp", "Ono RN").await;
    let attacker = app.new_browser();
    attacker.member("attacker@example.jp", "Sano RN").await;
    let second = app.new_browser();
    assert_eq!(
        second
            .login("victim@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
    let victim_keys = keys_in(&app.page("/profile").await.1);
    assert_eq!(victim_keys.len(), 1);
    for key in [victim_keys[0].as_str(), "zz", "", "0123456789abcdef0", "%"] {
        let res = attacker
            .post_form("/profile/sessions", &[("session", key)])
            .await;
        assert_eq!(res.status(), 404, "key {key:?}");
    }
    assert_eq!(
        second.page("/profile").await.0,
        200,
        "the victim's session lives"
    );
}

#[tokio::test]
async fn an_admin_signs_a_member_out_everywhere() {
    let app = spawn_app().await;
    let member = app.member("lostphone@example.jp", "Goto CE").await;
    let phone = app.new_browser();
    assert_eq!(
        phone
            .login("lostphone@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
    let form = [
        ("user_id", member.to_string()),
        ("action", "end_sessions".to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Members cannot.
    assert_eq!(app.post_form("/admin/users", &form).await.status(), 403);

    let admin = app.new_browser();
    let admin_id = admin
        .sign_in_as(
            "admin@example.jp",
            "Admin",
            domain::models::Role::Admin,
            domain::models::Status::Verified,
        )
        .await;
    let res = admin.post_form("/admin/users", &form).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/admin/users");
    assert_ne!(app.page("/profile").await.0, 200, "signed out");
    assert_ne!(
        phone.page("/profile").await.0,
        200,
        "signed out on the phone too"
    );
    assert_eq!(
        admin.page("/admin/users").await.0,
        200,
        "the admin stays signed in"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.sessions_ended' \
             AND actor_id = {admin_id} AND target_id = '{member}'"
        ))
        .await,
        1
    );
    // The member signs in again as usual.
    assert_eq!(
        app.login("lostphone@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        303
    );
}

/// A session ends 30 days after sign-in however busy it is (a ward computer left
/// signed in and used every day still asks for the password once a month).
#[tokio::test]
async fn a_session_ends_thirty_days_after_sign_in_however_active() {
    let app = spawn_app().await;
    let id = app.member("busy@example.jp", "Ward PC").await;
    assert_eq!(app.page("/profile").await.0, 200);
    let store = app.store().await;
    let almost = store::now() - store::SESSION_MAX_SECS + 3600;
    sqlx::query("UPDATE sessions SET created_at = $1 WHERE user_id = $2")
        .bind(almost)
        .bind(id)
        .execute(store.pool())
        .await
        .expect("age the session");
    assert_eq!(
        app.page("/profile").await.0,
        200,
        "29 days and 23 hours: still in"
    );
    sqlx::query("UPDATE sessions SET created_at = $1 WHERE user_id = $2")
        .bind(almost - 7200)
        .bind(id)
        .execute(store.pool())
        .await
        .expect("age the session");
    let res = app.get("/profile").await;
    assert_eq!(
        res.status(),
        303,
        "30 days: signed out although last seen just now"
    );
    assert!(location(&res).starts_with("/login"));
    assert_eq!(store.purge_expired_sessions().await.expect("purge"), 1);
}
