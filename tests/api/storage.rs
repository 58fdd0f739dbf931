//! Storage set-up: the engine is chosen by the URL, SQLite runs in WAL mode with
//! foreign keys and a busy timeout, and unique rules map to field errors.

use sqlx::Row;
use store::{Backend, StoreError};

use crate::helpers::{backend, spawn_app};

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
