//! Pages in both languages, the language switcher, and health.

use domain::models::{Role, Status};

use crate::helpers::{location, spawn_app};

#[tokio::test]
async fn health_answers_ok_while_the_database_is_reachable() {
    let app = spawn_app().await;
    let (status, body) = app.page("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body, "ok");
}

#[tokio::test]
async fn health_answers_503_when_the_database_is_gone() {
    let app = spawn_app().await;
    let settings = app.settings.clone();
    let store = store::Store::connect(&settings.database_url).await.unwrap();
    let (search, _) = search::SearchIndex::open(&settings.data_dir.join("search-2")).unwrap();
    let (mail, _) = server::mailing::mailer(&settings).unwrap();
    let router = server::build_router(&settings, store.clone(), search, mail);
    store.close().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    let res = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
}

#[tokio::test]
async fn the_browser_language_picks_japanese_and_the_switcher_overrides_it() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(format!("{}/login", app.address))
        .header("accept-language", "ja-JP,ja;q=0.9")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains("<html lang=\"ja\""), "{body}");
    assert!(body.contains("ログイン"));
    let res = app
        .post_form("/lang", &[("lang", "en"), ("return_to", "/login")])
        .await;
    assert_eq!(location(&res), "/login");
    let res = app
        .client
        .get(format!("{}/login", app.address))
        .header("accept-language", "ja")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains("<html lang=\"en\"") && body.contains("Sign in"));
}

#[tokio::test]
async fn a_signed_in_users_language_setting_follows_them_to_another_device() {
    let app = spawn_app().await;
    app.sign_in_as("lang@example.jp", "Lang", Role::Member, Status::Verified)
        .await;
    app.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    let other = app.new_browser();
    other
        .login("lang@example.jp", crate::helpers::GOOD_PASSWORD)
        .await;
    let (_, body) = other.page("/profile").await;
    assert!(
        body.contains("<html lang=\"ja\"") && body.contains("プロフィール"),
        "{body}"
    );
}

#[tokio::test]
async fn every_main_page_renders_in_japanese() {
    let app = spawn_app().await;
    app.sign_in_as("ja@example.jp", "管理者", Role::Admin, Status::Verified)
        .await;
    app.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    for (path, text) in [
        ("/", "最新のスレッド"),
        ("/new-topic", "新しいスレッド"),
        ("/c/nursing", "看護"),
        ("/notifications", "通知はまだありません"),
        ("/mod/queue", "モデレーションキュー"),
        ("/admin/site-lists", "常に保留する語句"),
        ("/profile", "プロフィール"),
        ("/mod/verification", "資格確認キュー"),
        ("/admin/users", "ユーザー管理"),
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(text), "{path}: {body}");
    }
    let anon = app.new_browser();
    anon.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    for (path, text) in [
        ("/", "症例は共有する"),
        ("/register", "参加申請"),
        ("/login", "ログイン"),
    ] {
        let (_, body) = anon.page(path).await;
        assert!(body.contains(text), "{path}");
    }
}

#[tokio::test]
async fn an_unknown_page_is_a_translated_404_for_members() {
    let app = spawn_app().await;
    app.sign_in_as("m@example.jp", "M", Role::Member, Status::Verified)
        .await;
    let (status, body) = app.page("/no/such/page").await;
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
}

#[tokio::test]
async fn the_workplace_is_shown_to_its_owner_and_moderators_only() {
    let app = spawn_app().await;
    app.register("wp@example.jp", "Workplace Owner").await;
    let (_, own) = app.page("/profile").await;
    assert!(own.contains("Somewhere General"));
    let member = app.new_browser();
    member
        .sign_in_as("other@example.jp", "Other", Role::Member, Status::Verified)
        .await;
    for path in ["/", "/profile", "/api/my_profile"] {
        let (_, body) = member.page(path).await;
        assert!(!body.contains("Somewhere General"), "{path}");
    }
}

#[tokio::test]
async fn times_are_in_japan_time_on_japanese_pages_and_utc_on_english_ones() {
    use domain::i18n::{I18n, Lang};
    let format_time_in = |at: i64, lang: Lang| I18n::new(lang, "").time(at);
    let app = spawn_app().await;
    app.member("tz@example.jp", "Hayashi RN").await;
    let (thread, _) = app
        .start_thread(
            "Night-time falls",
            "Hip protectors or bed alarms on the ward?",
        )
        .await;
    let at = app
        .count(&format!(
            "SELECT created_at FROM posts WHERE thread_id = {thread} AND number = 1"
        ))
        .await;
    let (_, en) = app.page(&format!("/t/{thread}")).await;
    assert!(
        en.contains(&format_time_in(at, Lang::En)),
        "UTC on English pages"
    );
    assert!(!en.contains(" JST"));
    // Lists and threads say how long ago, with the exact time on hover and the
    // instant for machines.
    let time_tag = format!(
        "<time datetime=\"{}\" title=\"{}\">just now</time>",
        domain::time::iso_utc(at),
        format_time_in(at, Lang::En)
    );
    assert!(en.contains(&time_tag), "{time_tag} in {en}");
    app.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    let (_, ja) = app.page(&format!("/t/{thread}")).await;
    let jst = format_time_in(at, Lang::Ja);
    assert!(jst.ends_with(" JST"));
    assert!(ja.contains(&jst), "Japan time on Japanese pages: {jst}");
    assert!(ja.contains(&format!("title=\"{jst}\">たった今</time>")));
    assert!(!ja.contains(" UTC"));
    // Nine hours ahead of the English page's time.
    assert_eq!(
        format_time_in(at - 9 * 3600, Lang::Ja).replace(" JST", ""),
        format_time_in(at, Lang::En).replace(" UTC", "")
    );
}
