//! Drafts kept on the server (SQLite and PostgreSQL), through the real forms and the
//! composer's server function: "Save draft" keeps a new thread or a reply for its
//! author and the page restores it (on any device: another sign-in of the same
//! member); nobody else sees it, not in pages nor in search; one that may identify a
//! patient is kept and says it would be held; posting, "Discard draft" and age
//! remove it; too long a text comes back as typed.

use crate::helpers::{location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

async fn drafts(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM drafts").await
}

#[tokio::test]
async fn a_new_thread_draft_is_kept_restored_and_removed_by_posting() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "nursing"),
                ("title", "Pressure ulcer dressings at home"),
                ("tags", "wounds"),
                ("body", "Half-written: which foam do you use for"),
                ("question", "1"),
                ("draft", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/new-topic");
    assert_eq!(drafts(&app).await, 1);
    let (_, page) = app.page("/new-topic").await;
    assert!(
        page.contains("Draft saved. Only you can see it"),
        "the notice"
    );
    assert!(
        page.contains("value=\"Pressure ulcer dressings at home\""),
        "title restored"
    );
    assert!(
        page.contains("Half-written: which foam do you use for"),
        "body restored"
    );
    assert!(
        page.contains("<option value=\"nursing\" selected"),
        "category restored"
    );
    assert!(page.contains("id=\"compose-question\"") && page.contains("checked"));
    assert!(page.contains("Discard draft"));

    // The same member on another device finds it; a colleague does not.
    let other_device = app.new_browser();
    other_device
        .login("author@example.jp", crate::helpers::GOOD_PASSWORD)
        .await;
    let (_, page) = other_device.page("/new-topic").await;
    assert!(page.contains("Half-written: which foam do you use for"));
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    let (_, page) = colleague.page("/new-topic").await;
    assert!(!page.contains("Half-written"));

    // Posting the thread takes the draft with it.
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "nursing"),
                ("title", "Pressure ulcer dressings at home"),
                ("tags", "wounds"),
                ("body", CLEAN_BODY),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(drafts(&app).await, 0);
}

#[tokio::test]
async fn a_reply_draft_naming_a_patient_is_kept_for_its_author_only() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let writer = app.new_browser();
    writer.member("writer@example.jp", "Abe RN").await;
    let res = writer
        .post_form(
            &format!("/t/{thread}/reply"),
            &[("body", PHI_BODY), ("draft", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}?page=last#reply"));
    let (_, page) = writer.page(&format!("/t/{thread}?page=last")).await;
    assert!(
        page.contains("Eleanor Whitfield"),
        "restored for its author"
    );
    assert!(
        page.contains("It may identify a patient"),
        "the notice says it"
    );
    assert!(
        page.contains("This draft may identify a patient"),
        "so does the status line"
    );
    // Nobody else: not the thread's author, not search.
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("Whitfield"));
    assert!(app.search("Whitfield").await.hits.is_empty());
    assert!(writer.search("Whitfield").await.hits.is_empty());

    // Discarded.
    let res = writer
        .post_form("/draft/discard", &[("thread", &thread.to_string())])
        .await;
    assert_eq!(location(&res), format!("/t/{thread}?page=last#reply"));
    assert_eq!(drafts(&app).await, 0);
    let (_, page) = writer.page(&format!("/t/{thread}?page=last")).await;
    assert!(!page.contains("Whitfield") && page.contains("Draft discarded."));

    // Too long: back as typed, with the field's message; nothing kept.
    let long = "a".repeat(domain::fields::Body::MAX + 3);
    let res = writer
        .post_form(
            &format!("/t/{thread}/reply"),
            &[("body", &long), ("draft", "1")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(&long[..200]));
    assert_eq!(drafts(&app).await, 0);
    // A thread that does not exist takes no draft.
    let res = writer
        .post_form("/t/999999/reply", &[("body", "x"), ("draft", "1")])
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn the_composer_saves_through_its_server_function_and_old_drafts_go() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let save = |body: &str| {
        app.client
            .post(format!("{}/api/save_draft", app.address))
            .form(&[
                ("thread", "0"),
                ("category", ""),
                ("title", "Sleep hygiene leaflet"),
                ("tags", ""),
                ("body", body),
                ("question", "false"),
            ])
            .send()
    };
    let res = save("Our leaflet says no screens after nine")
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let out: serde_json::Value = res.json().await.unwrap();
    assert!(out["updated_at"].as_i64().unwrap() > 0);
    assert_eq!(out["flagged"], false);
    let res = save(PHI_BODY).await.unwrap();
    let out: serde_json::Value = res.json().await.unwrap();
    assert_eq!(out["flagged"], true);
    assert_eq!(drafts(&app).await, 1, "one draft per composer");
    // Signed out: refused.
    let stranger = app.new_browser();
    let res = stranger
        .client
        .post(format!("{}/api/save_draft", stranger.address))
        .form(&[
            ("thread", "0"),
            ("category", ""),
            ("title", ""),
            ("tags", ""),
            ("body", "x"),
            ("question", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    // Thirty days after its last change it goes.
    let store = app.store().await;
    let kept = domain::models::DRAFT_KEEP_SECS;
    assert_eq!(
        store.purge_old_drafts(store::now() - kept).await.unwrap(),
        0
    );
    assert_eq!(store.purge_old_drafts(store::now() + 1).await.unwrap(), 1);
    assert_eq!(drafts(&app).await, 0);
}

#[tokio::test]
async fn an_autosave_arriving_after_its_post_does_not_bring_the_draft_back() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Night sedation", CLEAN_BODY).await;
    let autosave = |thread: i64, body: &'static str| {
        let thread = thread.to_string();
        let req = app
            .client
            .post(format!("{}/api/save_draft", app.address))
            .form(&[
                ("thread", thread.as_str()),
                ("category", ""),
                ("title", ""),
                ("tags", ""),
                ("body", body),
                ("question", "false"),
            ]);
        async move { req.send().await.unwrap() }
    };
    // The composer's last save, still on its way when "Post reply" went out.
    app.reply(thread, "Melatonin first, then nothing stronger.")
        .await;
    let res = autosave(thread, "Melatonin first, then nothing strong").await;
    assert_eq!(res.status(), 200);
    let out: serde_json::Value = res.json().await.unwrap();
    assert_eq!(out["updated_at"], 0, "dropped");
    assert_eq!(drafts(&app).await, 0);
    // The same for a new thread's composer.
    let res = autosave(0, "Night sedation in the over-80s").await;
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["updated_at"],
        0
    );
    assert_eq!(drafts(&app).await, 0);
    // "Save draft" by hand is kept at once: the author asked for it.
    let res = app
        .post_form(
            &format!("/t/{thread}/reply"),
            &[("body", "A second thought on timing"), ("draft", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(drafts(&app).await, 1);
    // Once the moment has passed, autosaves keep drafts again.
    let store = app.store().await;
    sqlx::query("UPDATE posts SET created_at = created_at - 60")
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE threads SET created_at = created_at - 60")
        .execute(store.pool())
        .await
        .unwrap();
    let res = autosave(0, "Night sedation in the over-80s").await;
    assert!(
        res.json::<serde_json::Value>().await.unwrap()["updated_at"]
            .as_i64()
            .unwrap()
            > 0
    );
    assert_eq!(drafts(&app).await, 2);
}
