//! Storage set-up: the engine is chosen by the URL, SQLite runs in WAL mode with
//! foreign keys and a busy timeout, unique rules map to field errors, and planner
//! statistics are gathered where the database gathers none.

use sqlx::Row;
use store::{Backend, StoreError};

use crate::helpers::{backend, spawn_app, CLEAN_BODY};

#[tokio::test]
async fn the_backend_follows_the_database_url() {
    let app = spawn_app().await;
    let store = app.store().await;
    let expected = if backend() == "postgres" {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    assert_eq!(store.backend(), expected);
    assert!(store.healthy().await);
    assert!(matches!(
        store::Store::connect("mysql://x").await,
        Err(StoreError::UnsupportedUrl)
    ));
}

#[tokio::test]
async fn sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout() {
    let app = spawn_app().await;
    let store = app.store().await;
    if store.backend() != Backend::Sqlite {
        // PostgreSQL always enforces foreign keys and has no journal mode to set:
        // check the enforcement itself instead.
        let res = sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('x', 999, 0, 0, 0)")
            .execute(store.pool())
            .await;
        assert!(res.is_err(), "foreign keys enforced");
        return;
    }
    let mode: String = sqlx::query("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(mode.to_lowercase(), "wal");
    let fk: i64 = sqlx::query("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(fk, 1);
    let timeout: i64 = sqlx::query("PRAGMA busy_timeout")
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0);
    assert!(timeout >= 1000, "busy timeout {timeout}");
    let res = sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('x', 999, 0, 0, 0)")
        .execute(store.pool())
        .await;
    assert!(res.is_err(), "foreign keys enforced");
}

#[tokio::test]
async fn a_taken_display_name_is_a_field_error_whatever_its_case() {
    let app = spawn_app().await;
    app.register("one@example.jp", "Night Nurse").await;
    let other = app.new_browser();
    let res = other.register("two@example.jp", "night nurse").await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("This display name is taken"));
}

#[tokio::test]
async fn a_display_name_cannot_impersonate_another_members() {
    let app = spawn_app().await;
    app.register("one@example.jp", "Mod One").await;
    // Looks the same on a page: taken.
    for (n, look_alike) in [
        "Mod_One",
        "ＭＯＤ　ＯＮＥ",
        "mod.one",
        "M0d One",
        "Mod\u{00A0}One",
    ]
    .iter()
    .enumerate()
    {
        let other = app.new_browser();
        let res = other
            .register(&format!("l{n}@example.jp"), look_alike)
            .await;
        assert_eq!(res.status().as_u16(), 422, "{look_alike:?}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("looks too much like one that is"),
            "{look_alike:?}"
        );
    }
    // Disguised: refused whatever the other names are, with what was typed kept.
    for (look_alike, says) in [
        ("M\u{043E}d One", "Write each word in one alphabet"),
        ("Mod\u{202E}One", "Use visible letters only"),
        ("Mod\u{200B} One", "Use visible letters only"),
    ] {
        let other = app.new_browser();
        let res = other.register("d@example.jp", look_alike).await;
        assert_eq!(res.status().as_u16(), 422, "{look_alike:?}");
        let page = res.text().await.unwrap();
        assert!(page.contains(says), "{look_alike:?}");
        assert!(
            page.contains("d@example.jp"),
            "the form keeps what was typed"
        );
    }
    // Different names in other scripts are fine.
    let other = app.new_browser();
    assert_eq!(
        other
            .register("ok@example.jp", "Сергей Mod")
            .await
            .status()
            .as_u16(),
        303
    );
    let stored = app
        .count("SELECT COUNT(*) FROM users WHERE display_key = 'mod one'")
        .await;
    assert_eq!(stored, 1, "the key is the look-alike skeleton");
}

/// Planner statistics come from Rounds itself where the database gathers none (a
/// PostgreSQL run with autovacuum off, or a fresh database before its first
/// autoanalyze): without them the search page's post lookup was planned as a nested
/// loop over every thread.
#[tokio::test]
async fn statistics_are_gathered_where_missing() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    app.start_thread("Statistics", CLEAN_BODY).await;
    let store = app.store().await;
    store.optimize().await.expect("optimize");
    if backend() == "postgres" {
        assert_eq!(
            app.count(
                "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'posts' \
                 AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)"
            )
            .await,
            1
        );
    }
}
