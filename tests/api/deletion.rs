//! A member's own data (SQLite and PostgreSQL): the export is a ZIP of everything
//! that is theirs — their held text included, nobody else's; deleting the account
//! blanks every unpublished text at once and either keeps the published posts under
//! "former member" or deletes them too; the account can no longer sign in, the
//! audit log keeps ids only, and the old address is told.

use std::io::Read;

use crate::helpers::{location, spawn_app, GOOD_PASSWORD, PHI_BODY};
use domain::models::{Role, Status};

const PUBLISHED: &str =
    "We give melatonin 2 mg at 21:00 for delirium prevention on our geriatric ward.";

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..archive.len())
        .map(|k| {
            let mut f = archive.by_index(k).expect("entry");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("utf-8");
            (f.name().expect("name").to_string(), text)
        })
        .collect()
}

#[tokio::test]
async fn the_export_holds_everything_that_is_the_members_and_nothing_else() {
    let app = spawn_app().await;
    app.member("me@example.jp", "Abe RN").await;
    let (thread, _) = app.start_thread("Delirium prevention", PUBLISHED).await;
    app.post_thread("A held question", PHI_BODY).await;
    let other = app.new_browser();
    other.member("other@example.jp", "Ito MD").await;
    other
        .reply(thread, "Their own reply, not in my export at all.")
        .await;

    let res = app.get("/profile/export").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "application/zip");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"rounds-export-"),
        "{disposition}"
    );
    assert_eq!(res.headers()["cache-control"], "no-store");
    let files = unzip(&res.bytes().await.expect("body"));
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "README.txt",
        "account.json",
        "posts.json",
        "notifications.json",
    ] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    let text = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    let account: serde_json::Value = serde_json::from_str(&text("account.json")).expect("json");
    assert_eq!(account["application"]["email"], "me@example.jp");
    assert_eq!(account["application"]["licence_number"], "MD-1");
    let posts = text("posts.json");
    assert!(posts.contains("melatonin 2 mg"), "the published post");
    assert!(
        posts.contains("Eleanor Whitfield"),
        "their own held text is theirs"
    );
    assert!(!posts.contains("Their own reply"), "nobody else's posts");
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("posts/") && n.ends_with(".md"))
            .count(),
        2
    );
    // Only for the signed-in member.
    let res = app.new_browser().get("/profile/export").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"));
}

#[tokio::test]
async fn deleting_keeps_published_posts_under_former_member_and_blanks_the_rest() {
    let app = spawn_app().await;
    let id = app.member("me@example.jp", "Abe RN").await;
    let (thread, _) = app.start_thread("Delirium prevention", PUBLISHED).await;
    app.post_thread("A held question", PHI_BODY).await;
    let reader = app.new_browser();
    reader.member("reader@example.jp", "Reader MD").await;

    // A wrong password changes nothing and keeps the choice.
    let res = app
        .post_form(
            "/profile/delete",
            &[("posts", "keep"), ("password", "not-my-password-1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.expect("body");
    assert!(page.contains("This is not your current password."));
    assert!(
        page.contains("value=\"keep\" required checked") || page.contains("checked"),
        "the choice is kept"
    );
    let res = app
        .post_form("/profile/delete", &[("password", GOOD_PASSWORD)])
        .await;
    assert_eq!(res.status().as_u16(), 422, "a choice is needed");

    let res = app
        .post_form(
            "/profile/delete",
            &[("posts", "keep"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/");
    assert!(
        location(&app.get("/profile").await).starts_with("/login"),
        "signed out"
    );
    let res = app
        .new_browser()
        .login("me@example.jp", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status().as_u16(), 422, "nobody signs in to it");

    // The published post stays, under "former member".
    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(page.contains("melatonin 2 mg"));
    assert!(page.contains("Former member"));
    assert!(!page.contains("Abe RN"));
    assert_eq!(reader.get("/u/Abe%20RN").await.status().as_u16(), 404);
    // Every unpublished text is gone at once; the account keeps no personal field.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM post_revisions WHERE body_md LIKE '%Whitfield%'")
            .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM users WHERE id = {id} AND email LIKE '%example.jp' \
             OR licence_number = 'MD-1' AND id = {id}"
        ))
        .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM sessions WHERE user_id = {id}"
        ))
        .await,
        0
    );
    // Opening the database again (which re-keys display names after migrating)
    // leaves the deleted account's key its own.
    drop(app.store().await);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE display_key = ''")
            .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.deleted_keeping_posts' \
             AND target_id = '{id}' AND reason = ''"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'account_deleted' AND to_addr = 'me@example.jp'")
            .await,
        1,
        "the old address is told"
    );
}

#[tokio::test]
async fn deleting_with_posts_removes_them_and_admins_cannot_delete_themselves() {
    let app = spawn_app().await;
    app.member("me@example.jp", "Abe RN").await;
    let (thread, _) = app.start_thread("Delirium prevention", PUBLISHED).await;
    let reader = app.new_browser();
    reader.member("reader@example.jp", "Reader MD").await;
    let res = app
        .post_form(
            "/profile/delete",
            &[("posts", "remove"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("melatonin"), "the published text is gone");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM post_revisions WHERE body_md LIKE '%melatonin%'")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM posts WHERE body_md LIKE '%melatonin%'")
            .await,
        0
    );

    let admin = app.new_browser();
    admin
        .sign_in_as(
            "admin@example.jp",
            "Ando Admin",
            Role::Admin,
            Status::Verified,
        )
        .await;
    let res = admin
        .post_form(
            "/profile/delete",
            &[("posts", "keep"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("An admin account cannot be deleted here"));
}
