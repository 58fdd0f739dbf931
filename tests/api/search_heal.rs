//! The index heals from every fault of its own and of its database: it never
//! trusts a commit that claims to be current while it holds other posts than the
//! database, an index built from another database, or one newer than a database
//! restored from a backup (whose post ids are then handed out again).

use std::path::Path;

use search::SearchIndex;

use crate::helpers::{backup_database, spawn_app, spawn_app_on};
use crate::search_ops::start_index;

/// Post ids an index finds for `q`, in id order.
fn find(index: &SearchIndex, q: &str) -> Vec<i64> {
    let mut ids = crate::search_ops::find(index, q);
    ids.sort_unstable();
    ids
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[tokio::test]
async fn an_index_that_lost_documents_but_claims_to_be_current_is_rebuilt() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let mut posts = Vec::new();
    for body in [
        "Pressure ulcer dressings.",
        "Pressure mapping mats.",
        "Pressure relief every two hours.",
    ] {
        posts.push(app.start_thread("Pressure care", body).await.1);
    }
    posts.sort_unstable();
    let dir = app.settings.data_dir.join("lossy-index");
    drop(start_index(&app, &dir).await);
    // What a full disk left behind: a commit that records the current sequence
    // while a document is missing from the files.
    {
        let index = tantivy::Index::open_in_dir(&dir).unwrap();
        let payload = index.load_metas().unwrap().payload.expect("a payload");
        let field = index.schema().get_field("post_id").unwrap();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.delete_term(tantivy::Term::from_field_u64(field, posts[1] as u64));
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(&payload);
        prepared.commit().unwrap();
    }
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "pressure"), posts, "rebuilt at start");
    // While running, the same loss is found by the follower's check.
    index.verify(&app.store().await).await.unwrap();
    assert_eq!(index.num_docs(), 3);
}

#[tokio::test]
async fn an_index_built_from_another_database_is_rebuilt() {
    let first = spawn_app().await;
    first.member("a@example.jp", "aoki_im").await;
    let (_, gone) = first.start_thread("Delirium", "Melatonin at night.").await;
    let dir = first.settings.data_dir.join("moved-index");
    drop(start_index(&first, &dir).await);
    // Another database, further along its own log than the index.
    let second = spawn_app().await;
    second.member("b@example.jp", "baba_rn").await;
    let mut want = Vec::new();
    for body in [
        "Melatonin for sleep.",
        "Melatonin dosing.",
        "Melatonin in dementia.",
    ] {
        want.push(second.start_thread("Sleep", body).await.1);
    }
    want.sort_unstable();
    let index = start_index(&second, &dir).await;
    assert_eq!(
        find(&index, "melatonin"),
        want,
        "not {gone} from the first database"
    );
}

#[tokio::test]
async fn an_index_newer_than_a_restored_database_is_rebuilt() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, kept) = app.start_thread("Hand hygiene", "Alcohol rub audit.").await;
    let backup_dir = tempfile::tempdir().unwrap();
    let backup = backup_database(&app.db_url, backup_dir.path()).await;
    // After the backup: posts the restore will lose, and an index that holds them.
    let (_, lost) = app
        .start_thread(
            "Hand hygiene again",
            "Alcohol rub and glove use, chlorhexidine.",
        )
        .await;
    let dir = app.settings.data_dir.join("newer-index");
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "chlorhexidine"), vec![lost]);
    let index_seq = index.committed_seq().expect("a sequence");
    drop(index);
    let later = app.settings.data_dir.join("newer-index-2");
    copy_dir(&dir, &later);

    // The database is restored from the backup; the index is kept.
    // Restored on the same node: it keeps its audit key.
    let node = tempfile::tempdir().unwrap();
    std::fs::copy(&app.settings.audit_key_file, node.path().join("audit.key")).unwrap();
    let restored = spawn_app_on(node, backup).await;
    restored
        .login("a@example.jp", crate::helpers::GOOD_PASSWORD)
        .await;
    // Opened at once, the index is ahead of the database.
    let index = start_index(&restored, &dir).await;
    assert!(
        find(&index, "chlorhexidine").is_empty(),
        "a vanished post is not found"
    );
    assert_eq!(find(&index, "alcohol"), vec![kept]);
    drop(index);
    // Opened after the restored database went on: its sequences and post ids
    // were handed out again, to other posts.
    let store = restored.store().await;
    let mut want = Vec::new();
    while store.search_head().await.unwrap() <= index_seq {
        let n = want.len();
        want.push(
            restored
                .start_thread(&format!("Gowns {n}"), "Isolation gowns for MRSA.")
                .await
                .1,
        );
    }
    assert!(
        want.contains(&lost),
        "the restored database hands out the lost post's id again"
    );
    let index = start_index(&restored, &later).await;
    assert_eq!(find(&index, "mrsa"), want, "new posts are searchable");
    assert!(
        find(&index, "chlorhexidine").is_empty(),
        "no other post under a vanished post's id"
    );
}
