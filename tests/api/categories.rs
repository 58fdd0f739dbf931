//! Admins manage the categories; members file threads under the live ones.

use domain::models::{Role, Status};

use crate::helpers::{location, spawn_app, CLEAN_BODY};

#[tokio::test]
async fn the_seeded_categories_exist_in_both_languages() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, page) = app.page("/new-topic").await;
    for name in [
        "Internal medicine",
        "Nursing",
        "Elder care",
        "Pharmacy",
        "Pediatrics",
        "Emergency",
        "Workplace",
    ] {
        assert!(page.contains(name), "{name}");
    }
    app.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    let (_, page) = app.page("/new-topic").await;
    for name in [
        "内科",
        "看護",
        "介護",
        "薬剤",
        "小児科",
        "救急",
        "職場・働き方",
    ] {
        assert!(page.contains(name), "{name}");
    }
}

#[tokio::test]
async fn an_admin_creates_renames_and_archives_a_category() {
    let app = spawn_app().await;
    app.sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let res = app
        .post_form(
            "/admin/categories",
            &[
                ("action", "create"),
                ("slug", "Bad Slug!"),
                ("name_en", "Palliative care"),
                ("name_ja", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Palliative care"),
        "what was typed comes back"
    );
    assert!(page.contains("lower-case letters"));

    let res = app
        .post_form(
            "/admin/categories",
            &[
                ("action", "create"),
                ("slug", "palliative"),
                ("name_en", "Palliative care"),
                ("name_ja", "緩和ケア"),
                ("description_en", "Symptom control and end-of-life care."),
                ("description_ja", "症状緩和と終末期ケア。"),
                ("position", "80"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin/categories");
    let res = app
        .post_form(
            "/admin/categories",
            &[
                ("action", "create"),
                ("slug", "palliative"),
                ("name_en", "Again"),
                ("name_ja", "再"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422, "slugs are unique");
    let id = app
        .count("SELECT id FROM categories WHERE slug = 'palliative'")
        .await;

    let member = app.new_browser();
    member.member("m@example.jp", "aoki_im").await;
    let (_, page) = member.page("/c/palliative").await;
    assert!(page.contains("Symptom control"));
    let res = member
        .post_form(
            "/new-topic",
            &[
                ("category", "palliative"),
                ("title", "Opioid rotation"),
                ("tags", ""),
                ("body", CLEAN_BODY),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let res = app
        .post_form(
            "/admin/categories",
            &[("action", "archive"), ("id", &id.to_string())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = member.page("/").await;
    let nav = page
        .split("class=\"categories\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("category navigation");
    assert!(nav.contains("/c/nursing"));
    assert!(
        !nav.contains("href=\"/c/palliative\""),
        "archived: out of the navigation"
    );
    let res = member
        .post_form(
            "/new-topic",
            &[
                ("category", "palliative"),
                ("title", "Another"),
                ("tags", ""),
                ("body", CLEAN_BODY),
            ],
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        422,
        "no new threads in an archived category"
    );
    let (status, page) = member.page("/t/1").await;
    assert_eq!(status, 200, "old threads stay readable");
    assert!(page.contains("Opioid rotation"));

    // Members cannot manage categories.
    let res = member
        .post_form(
            "/admin/categories",
            &[("action", "restore"), ("id", &id.to_string())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'category.%'")
            .await,
        2
    );
}
