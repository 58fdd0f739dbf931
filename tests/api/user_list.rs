//! The admin's list of accounts (SQLite and PostgreSQL): newest first, fifty a page,
//! by keyset — "older" walks to the oldest account, "newer" comes back to the first
//! page, a malformed position is the first page, and only admins open it. (Its
//! queries' plans are checked with the thread lists' in `lists`.)

use domain::models::{Role, Status};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_user_list_pages_by_keyset_newest_first_fifty_at_a_time() {
    let app = spawn_app().await;
    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    // 60 more accounts, registered in the same few seconds (ties broken by id).
    let store = app.store().await;
    for n in 0..60 {
        sqlx::query(
            "INSERT INTO users (email, password_hash, display_name, display_key, profession, \
             licence_number, jurisdiction, role, status, created_at, updated_at, submitted_at) \
             VALUES ($1, 'x', $2, $3, 'nurse', 'RN-1', 'JP', 'member', 'verified', $4, $4, $4)",
        )
        .bind(format!("m{n}@example.jp"))
        .bind(format!("Member {n:02}"))
        .bind(format!("member {n:02}"))
        .bind(1_700_000_000 + n / 7)
        .execute(store.pool())
        .await
        .expect("insert a member");
    }
    let rows = |page: &str| page.matches("<tr id=\"user-").count();
    let (status, first) = admin.page("/admin/users").await;
    assert_eq!(status, 200);
    assert_eq!(rows(&first), 50);
    assert!(first.contains(">Admin<"), "the newest account first");
    let older = first
        .split("href=\"/admin/users?older=")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link to older accounts")
        .to_string();
    assert!(
        !first.contains("href=\"/admin/users?newer="),
        "no newer page before the first"
    );
    let (_, second) = admin.page(&format!("/admin/users?older={older}")).await;
    let total = app.count("SELECT COUNT(*) FROM users").await as usize;
    assert_eq!(rows(&second), total - 50);
    assert!(second.contains(">Member 00<"), "the oldest account last");
    // (The page's own address, with its cursor, is in the language form.)
    assert!(
        !second.contains("href=\"/admin/users?older="),
        "nothing older"
    );
    let newer = second
        .split("href=\"/admin/users?newer=")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link back")
        .to_string();
    let (_, back) = admin.page(&format!("/admin/users?newer={newer}")).await;
    assert_eq!(rows(&back), 50, "back to the first page");
    // Members are not admins; a malformed cursor is the first page.
    let (status, _) = app.page("/admin/users").await;
    assert_ne!(status, 200);
    let (_, bad) = admin.page("/admin/users?older=1.x").await;
    assert_eq!(rows(&bad), 50);
}
