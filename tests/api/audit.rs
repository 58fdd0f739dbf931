//! The hash-chained audit log.

use domain::models::{Role, Status};
use domain::vocab::AuditAction;
use sqlx::Executor;

use crate::helpers::{backend, spawn_app};

async fn three_entries(app: &crate::helpers::TestApp) {
    let store = app.store().await;
    let mut tx = store.begin().await.unwrap();
    tx.audit(Some(1), AuditAction::VerificationVerify, "user", "2", "")
        .await
        .unwrap();
    tx.audit(
        Some(1),
        AuditAction::VerificationReject,
        "user",
        "3",
        "licence expired",
    )
    .await
    .unwrap();
    tx.audit(Some(1), AuditAction::RoleGrantModerator, "user", "2", "")
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn an_intact_chain_verifies() {
    let app = spawn_app().await;
    three_entries(&app).await;
    assert_eq!(app.store().await.audit_verify().await.unwrap(), Ok(3));
    assert!(server::cli::audit_verify(&app.settings)
        .await
        .unwrap()
        .is_ok());
}

#[tokio::test]
async fn the_database_refuses_to_update_audit_rows() {
    let app = spawn_app().await;
    three_entries(&app).await;
    let store = app.store().await;
    let res = store
        .pool()
        .execute("UPDATE audit_log SET reason = 'x' WHERE seq = 2")
        .await;
    assert!(res.is_err(), "append-only trigger");
}

async fn drop_guard(app: &crate::helpers::TestApp) {
    let store = app.store().await;
    if backend() == "postgres" {
        store
            .pool()
            .execute("DROP TRIGGER audit_log_no_change ON audit_log")
            .await
            .unwrap();
    } else {
        store
            .pool()
            .execute("DROP TRIGGER audit_log_no_update")
            .await
            .unwrap();
        store
            .pool()
            .execute("DROP TRIGGER audit_log_no_delete")
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn audit_verify_names_the_first_altered_row() {
    let app = spawn_app().await;
    three_entries(&app).await;
    drop_guard(&app).await;
    app.store()
        .await
        .pool()
        .execute("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 2")
        .await
        .unwrap();
    let bad = server::cli::audit_verify(&app.settings)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(bad.seq, 2);
}

#[tokio::test]
async fn audit_verify_notices_a_removed_row() {
    let app = spawn_app().await;
    three_entries(&app).await;
    drop_guard(&app).await;
    app.store()
        .await
        .pool()
        .execute("DELETE FROM audit_log WHERE seq = 2")
        .await
        .unwrap();
    let bad = server::cli::audit_verify(&app.settings)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(bad.seq, 2);
}

#[tokio::test]
async fn verification_decisions_are_audited_with_actor_target_and_reason() {
    let app = spawn_app().await;
    app.register("a@example.jp", "Applicant").await;
    let id = app.user_id("a@example.jp").await;
    let moderator = app.new_browser();
    let mod_id = moderator
        .sign_in_as("mod@example.jp", "Mod", Role::Moderator, Status::Verified)
        .await;
    moderator.claim("verification", id).await;
    moderator
        .post_form(
            "/mod/verification",
            &[
                ("user_id", &id.to_string()),
                ("decision", "reject"),
                (&format!("reason_{id}"), "unreadable"),
            ],
        )
        .await;
    let entries = app.store().await.audit_recent(5).await.unwrap();
    // Newest first: the decision, then the claim that had to precede it.
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].action, "queue.claim");
    assert_eq!(entries[0].actor_id, Some(mod_id));
    assert_eq!(entries[0].action, "verification.reject");
    assert_eq!(entries[0].target_id, id.to_string());
    assert_eq!(entries[0].reason, "unreadable");
}

#[tokio::test]
async fn concurrent_appends_keep_one_unbroken_chain() {
    let app = spawn_app().await;
    let store = app.store().await;
    let mut tasks = Vec::new();
    for i in 0..16 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = s.begin().await?;
            tx.audit(None, AuditAction::QueueClaim, "n", &i.to_string(), "")
                .await?;
            tx.commit().await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(store.audit_verify().await.unwrap(), Ok(16));
}

#[tokio::test]
async fn rewriting_the_chain_with_database_access_alone_is_detected_by_the_keyed_anchor() {
    let app = spawn_app().await;
    three_entries(&app).await;
    assert!(server::cli::audit_verify(&app.settings)
        .await
        .unwrap()
        .is_ok());
    drop_guard(&app).await;
    // Someone with the database but not the key rewrites entry 2 and recomputes
    // every hash after it, and the head: the chain is consistent again…
    let raw = store::Store::connect(&app.db_url).await.unwrap();
    let mut entries = raw.audit_recent(10).await.unwrap();
    entries.reverse();
    let mut prev = entries[0].hash.clone();
    for e in entries.iter_mut().skip(1) {
        if e.seq == 2 {
            e.reason = "nothing to see".into();
        }
        e.prev_hash = prev.clone();
        e.hash = store::audit::entry_hash(e);
        prev = e.hash.clone();
        sqlx::query("UPDATE audit_log SET reason = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
            .bind(&e.reason)
            .bind(&e.prev_hash)
            .bind(&e.hash)
            .bind(e.seq)
            .execute(raw.pool())
            .await
            .unwrap();
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&prev)
        .execute(raw.pool())
        .await
        .unwrap();
    assert_eq!(
        raw.audit_verify().await.unwrap(),
        Ok(3),
        "the bare chain is fooled"
    );
    // …but not the anchor, which only the key can make.
    let bad = server::cli::audit_verify(&app.settings)
        .await
        .unwrap()
        .unwrap_err();
    assert!(bad.problem.contains("keyed anchor"), "{bad}");
}

#[tokio::test]
async fn a_node_with_another_audit_key_refuses_to_start() {
    let app = spawn_app().await;
    three_entries(&app).await;
    let mut other = app.settings.clone();
    other.audit_key_file = app.settings.data_dir.join("other-node.key");
    let err = server::router::open_store(&other).await.unwrap_err();
    assert!(
        format!("{err:#}").contains("anchored with another key"),
        "{err:#}"
    );
}
