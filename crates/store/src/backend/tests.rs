//! Migrating a SQLite database that already holds a forum keeps every row: the
//! rebuild of `threads` (migration 0027) runs with foreign keys off, so nothing that
//! refers to a thread is cascaded away, and every reference still holds after.

use super::*;
use sqlx::Row;
use std::borrow::Cow;

async fn count(pool: &AnyPool, sql: &str) -> i64 {
    sqlx::query(sql).fetch_one(pool).await.unwrap().get(0)
}

#[tokio::test]
async fn the_threads_rebuild_keeps_tags_readers_posts_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/m.db", dir.path().display());
    let pool = Backend::Sqlite.connect(&url).await.unwrap();
    // The schema as it was before conversations.
    let before = sqlx::migrate::Migrator {
        migrations: Cow::Owned(
            SQLITE_MIGRATIONS
                .migrations
                .iter()
                .filter(|m| m.version < 27)
                .cloned()
                .collect(),
        ),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    before.run(&pool).await.unwrap();
    for sql in [
        "INSERT INTO users (id, email, password_hash, display_name, display_key, profession, \
         licence_number, jurisdiction, created_at, updated_at, submitted_at) \
         VALUES (1, 'a@x', 'x', 'A', 'a', 'nurse', 'L', 'JP', 0, 0, 0)",
        "INSERT INTO threads (id, category_id, author_id, title, published, created_at, \
         last_activity_at, reply_count, last_post_number) VALUES (41, 1, 1, 'Kept', 1, 5, 9, 1, 2)",
        "INSERT INTO posts (thread_id, author_id, number, state, created_at) \
         VALUES (41, 1, 1, 'published', 5), (41, 1, 2, 'published', 9)",
        "INSERT INTO thread_tags (thread_id, tag) VALUES (41, 'sepsis')",
        "INSERT INTO thread_readers (user_id, thread_id, last_read, read_count, level, chosen, \
         updated_at) VALUES (1, 41, 2, 2, 1, 0, 9)",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    sqlite_migrate(&pool).await.unwrap();

    assert_eq!(count(&pool, "SELECT COUNT(*) FROM thread_tags").await, 1);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM thread_readers").await, 1);
    assert_eq!(
        count(&pool, "SELECT COUNT(*) FROM posts WHERE thread_id = 41").await,
        2
    );
    assert_eq!(
        count(
            &pool,
            "SELECT last_post_number + reply_count + private FROM threads WHERE id = 41"
        )
        .await,
        3
    );
    // New threads go on after the old ids, and references are enforced again.
    sqlx::query("INSERT INTO threads (category_id, author_id, created_at, last_activity_at) VALUES (1, 1, 0, 0)")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(count(&pool, "SELECT MAX(id) FROM threads").await, 42);
    assert!(
        sqlx::query("INSERT INTO thread_tags (thread_id, tag) VALUES (999, 'x')")
            .execute(&pool)
            .await
            .is_err()
    );
    // A conversation has no category; a forum thread must have one.
    assert!(sqlx::query(
        "INSERT INTO threads (category_id, author_id, created_at, last_activity_at, private) \
         VALUES (NULL, 1, 0, 0, 0)"
    )
    .execute(&pool)
    .await
    .is_err());
}
