//! The SQL fragments and the Rust rule agree on every combination of thread and post
//! states, for the author, another member and a moderator.

use super::*;
use crate::Store;
use domain::models::PostState;
use domain::visibility::{self as rule, Looker, PostFacts, ThreadFacts};
use sqlx::Row;

#[tokio::test]
async fn sql_and_rust_agree_on_who_sees_what() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/v.db", dir.path().display());
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let pool = store.pool();
    for (id, name) in [(1, "author"), (2, "member"), (3, "moderator")] {
        sqlx::query(
            "INSERT INTO users (id, email, password_hash, display_name, display_key, profession, \
             licence_number, jurisdiction, created_at, updated_at, submitted_at) \
             VALUES ($1, $2, 'x', $2, $2, 'nurse', 'L', 'JP', 0, 0, 0)",
        )
        .bind(id)
        .bind(name)
        .execute(pool)
        .await
        .unwrap();
    }
    let category: i64 = sqlx::query("SELECT MIN(id) AS id FROM categories")
        .fetch_one(pool)
        .await
        .unwrap()
        .get("id");
    let states = [
        PostState::Held,
        PostState::Published,
        PostState::Rejected,
        PostState::Deleted,
        PostState::Removed,
    ];
    let mut cases = Vec::new();
    for bits in 0..16i64 {
        let thread_id = bits + 1;
        let t = ThreadFacts {
            author_id: 1,
            published: bits & 1 != 0,
            hidden: bits & 2 != 0,
            deleted: bits & 4 != 0,
            private: bits & 8 != 0,
            participant: false,
        };
        sqlx::query(
            "INSERT INTO threads (id, category_id, author_id, title, published, hidden, deleted, \
             created_at, last_activity_at, private) VALUES ($1, $2, 1, '', $3, $4, $5, 0, 0, $6)",
        )
        .bind(thread_id)
        .bind((!t.private).then_some(category))
        .bind(i64::from(t.published))
        .bind(i64::from(t.hidden))
        .bind(i64::from(t.deleted))
        .bind(i64::from(t.private))
        .execute(pool)
        .await
        .unwrap();
        if t.private {
            // The author and the other member take part; the moderator does not.
            for user in [1, 2] {
                sqlx::query(
                    "INSERT INTO thread_participants (thread_id, user_id, added_at) \
                     VALUES ($1, $2, 0)",
                )
                .bind(thread_id)
                .bind(user)
                .execute(pool)
                .await
                .unwrap();
            }
        }
        let mut number = 1;
        for state in states {
            for hidden in [false, true] {
                for author in [1, 2] {
                    let p = PostFacts {
                        author_id: author,
                        state,
                        hidden,
                    };
                    let post_id: i64 = sqlx::query(
                        "INSERT INTO posts (thread_id, author_id, number, state, hidden, created_at) \
                         VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
                    )
                    .bind(thread_id)
                    .bind(author)
                    .bind(number)
                    .bind(state.as_str())
                    .bind(i64::from(hidden))
                    .fetch_one(pool)
                    .await
                    .unwrap()
                    .get("id");
                    number += 1;
                    cases.push((post_id, t, p));
                }
            }
        }
    }
    let public_sql = format!(
        "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE {}",
        public_post_in_public_thread()
    );
    let public: Vec<i64> = sqlx::query(&public_sql)
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("id"))
        .collect();
    for (id, t, p) in &cases {
        assert_eq!(
            public.contains(id),
            rule::post_is_public(p, t),
            "{t:?} {p:?}"
        );
    }
    for who in [
        Looker {
            id: 1,
            moderator: false,
        },
        Looker {
            id: 2,
            moderator: false,
        },
        Looker {
            id: 3,
            moderator: true,
        },
    ] {
        let sql = format!(
            "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE {} \
             AND (t.private = 0 OR {})",
            post_listed("$1", "$2"),
            takes_part("$1")
        );
        let listed: Vec<i64> = sqlx::query(&sql)
            .bind(who.id)
            .bind(i64::from(who.moderator))
            .fetch_all(pool)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("id"))
            .collect();
        let open_sql = format!(
            "SELECT t.id FROM threads t WHERE {}",
            conversation_visible("$1")
        );
        let open: Vec<i64> = sqlx::query(&open_sql)
            .bind(who.id)
            .fetch_all(pool)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("id"))
            .collect();
        for bits in 8..16i64 {
            let t = ThreadFacts {
                author_id: 1,
                published: bits & 1 != 0,
                hidden: bits & 2 != 0,
                deleted: bits & 4 != 0,
                private: true,
                participant: who.id != 3,
            };
            assert_eq!(
                open.contains(&(bits + 1)),
                rule::thread_visible(&t, who),
                "{who:?} {t:?}"
            );
        }
        for (id, t, p) in &cases {
            let t = &ThreadFacts {
                participant: t.private && who.id != 3,
                ..*t
            };
            // The page shows posts of a thread the viewer may open (checked first).
            if rule::thread_visible(t, who) {
                assert_eq!(
                    listed.contains(id),
                    rule::post_listed(p, t, who),
                    "{who:?} {t:?} {p:?}"
                );
            }
        }
    }
}
