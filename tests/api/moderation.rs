//! The moderation queue: claims and their expiry, approving, rejecting and redacting
//! held posts, four eyes, reports, the audit trail, and the purge of text that was
//! never published.

use domain::models::{Role, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

/// A member's held thread sent for review; returns (author, post id, revision id).
async fn held_thread(app: &TestApp, body: &str) -> (TestApp, i64, i64) {
    let author = app.new_browser();
    author.member("author@example.jp", "aoki_im").await;
    let res = author.post_thread("Case for review", body).await;
    let (_, post) = ids_from(&location(&res));
    let res = author
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    (author, post, rev)
}

async fn moderator(app: &TestApp, email: &str, name: &str) -> TestApp {
    let m = app.new_browser();
    m.sign_in_as(email, name, Role::Moderator, Status::Verified)
        .await;
    m
}

async fn claim(m: &TestApp, kind: &str, id: i64) -> String {
    let res = m
        .post_form(
            "/mod/claim",
            &[
                ("kind", kind),
                ("id", &id.to_string()),
                ("return_to", "/mod/queue"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = m.page("/mod/queue").await;
    page
}

#[tokio::test]
async fn a_claimed_held_post_is_approved_and_then_members_see_it() {
    let app = spawn_app().await;
    let (author, post, rev) = held_thread(&app, PHI_BODY).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let (_, queue) = m.page("/mod/queue?kind=held").await;
    assert!(queue.contains(&format!("held-{rev}")), "{queue}");
    assert!(!queue.contains("Whitfield"), "the queue shows no post text");

    // Acting without a claim changes nothing.
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), format!("/mod/held/{rev}"));
    let (_, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert!(page.contains("Claim the item before you act on it."));
    assert!(
        page.contains("Whitfield"),
        "the moderator reads the held text"
    );

    let page = claim(&m, "held", rev).await;
    assert!(page.contains("You have claimed this item."));
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), "/mod/queue");

    let member = app.new_browser();
    member.member("b@example.jp", "kimura_rn").await;
    let (_, home) = member.page("/").await;
    assert!(home.contains("Case for review"));
    let (_, notes) = author.page("/notifications").await;
    assert!(notes.contains("A moderator published your post"), "{notes}");
    let actions = app
        .count(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('held.open', 'queue.claim', 'held.approve')",
        )
        .await;
    assert!(actions >= 3, "opening, claim and decision are audited");
    let (_, page) = author.page(&format!("/p/{post}")).await;
    assert!(page.contains("Published"));
}

#[tokio::test]
async fn nobody_acts_on_their_own_post() {
    let app = spawn_app().await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let res = m.post_thread("My own case", PHI_BODY).await;
    let (_, post) = ids_from(&location(&res));
    // Sent for review, so it is in the queue (a draft not sent is nobody's: 404).
    let res = m
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post}"
        ))
        .await;
    // Neither the claim nor the decision is theirs to make.
    let res = m
        .post_form(
            "/mod/claim",
            &[
                ("kind", "held"),
                ("id", &rev.to_string()),
                ("return_to", "/mod/queue"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM posts WHERE state = 'published'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_claim_blocks_other_moderators_until_it_expires() {
    let app = spawn_app().await;
    let (_, _, rev) = held_thread(&app, PHI_BODY).await;
    let one = moderator(&app, "m1@example.jp", "Mod One").await;
    let two = moderator(&app, "m2@example.jp", "Mod Two").await;
    claim(&one, "held", rev).await;
    let page = claim(&two, "held", rev).await;
    assert!(page.contains("Another moderator has claimed this item."));
    let res = two
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(
        location(&res),
        format!("/mod/held/{rev}"),
        "not theirs to act on"
    );

    // Time passes: the claim lapses and the second moderator takes over.
    let store = app.store().await;
    sqlx::query("UPDATE claims SET expires_at = 0")
        .execute(store.pool())
        .await
        .unwrap();
    let page = claim(&two, "held", rev).await;
    assert!(page.contains("You have claimed this item."));
    let res = two
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), "/mod/queue");
}

#[tokio::test]
async fn a_rejection_reaches_the_author_and_the_text_is_purged_after_retention() {
    let app = spawn_app().await;
    let marker = "Zebulon Quartermaine-Oduya";
    let body = format!("Mr. {marker}, born 2 April 1950, room 512. {CLEAN_BODY}");
    let (author, post, rev) = held_thread(&app, &body).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    m.page(&format!("/mod/held/{rev}")).await;
    claim(&m, "held", rev).await;
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "reject")])
        .await;
    assert_eq!(res.status().as_u16(), 422, "a reason is required");
    let res = m
        .post_form(
            &format!("/mod/held/{rev}"),
            &[
                ("decision", "reject"),
                ("reason", "Please remove the name and room."),
            ],
        )
        .await;
    assert_eq!(location(&res), "/mod/queue");
    let (_, notes) = author.page("/notifications").await;
    assert!(notes.contains("did not publish your new thread"), "{notes}");
    assert!(notes.contains("Please remove the name and room."));
    // The author can still copy the text during the retention period.
    let (_, page) = author.page(&format!("/p/{post}")).await;
    assert!(page.contains(marker) && page.contains("will be deleted after"));

    let store = app.store().await;
    assert_eq!(store.purge_due(store::now()).await.unwrap(), 0);
    let purged = store.purge_due(store::now() + 8 * 24 * 3600).await.unwrap();
    assert!(purged >= 1);
    let like = format!("%{marker}%");
    for table_sql in [
        "SELECT COUNT(*) FROM post_revisions WHERE body_md LIKE $1 OR body_html LIKE $1 OR body_text LIKE $1 OR title LIKE $1",
        "SELECT COUNT(*) FROM posts WHERE body_md LIKE $1 OR body_html LIKE $1 OR body_text LIKE $1",
        "SELECT COUNT(*) FROM threads WHERE title LIKE $1",
    ] {
        let row = sqlx::query(table_sql)
            .bind(&like)
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(sqlx::Row::try_get::<i64, _>(&row, 0).unwrap(), 0, "{table_sql}");
    }
    if crate::helpers::backend() == "sqlite" {
        store.close().await;
        let dir = app.db_url.trim_start_matches("sqlite://").to_string();
        for file in [dir.clone(), format!("{dir}-wal")] {
            if let Ok(bytes) = std::fs::read(&file) {
                let found = bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
                assert!(!found, "{file} still holds the purged text");
            }
        }
    }
    let (_, page) = author.page(&format!("/p/{post}")).await;
    assert!(!page.contains(marker));
    assert!(page.contains("has been deleted"));
}

#[tokio::test]
async fn a_moderator_redacts_and_publishes_and_the_original_is_purged_later() {
    let app = spawn_app().await;
    let (_, post, rev) = held_thread(&app, PHI_BODY).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    claim(&m, "held", rev).await;
    let res = m
        .post_form(
            &format!("/mod/held/{rev}"),
            &[
                ("decision", "redact"),
                ("title", "Case for review"),
                ("tags", "antibiotics"),
                (
                    "body",
                    "[name], born [date], was admitted with aspiration pneumonia.",
                ),
            ],
        )
        .await;
    assert_eq!(location(&res), "/mod/queue");
    let member = app.new_browser();
    member.member("b@example.jp", "kimura_rn").await;
    let thread = app
        .count(&format!("SELECT thread_id FROM posts WHERE id = {post}"))
        .await;
    let (_, page) = member.page(&format!("/t/{thread}")).await;
    assert!(page.contains("[name], born [date]"));
    assert!(!page.contains("Whitfield"));
    let store = app.store().await;
    store.purge_due(store::now() + 8 * 24 * 3600).await.unwrap();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM post_revisions WHERE body_md LIKE '%Whitfield%'")
            .await,
        0
    );
}

#[tokio::test]
async fn redact_and_publish_screens_the_redaction_and_needs_an_explicit_confirmation() {
    let app = spawn_app().await;
    let (_, post, rev) = held_thread(&app, PHI_BODY).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    claim(&m, "held", rev).await;
    let redact = |confirm: bool| {
        let mut fields = vec![
            ("decision", "redact"),
            ("title", "Case for review"),
            ("tags", "antibiotics"),
            ("body", PHI_BODY),
        ];
        if confirm {
            fields.push(("confirm_findings", "1"));
        }
        fields
    };
    // Pressed without editing: refused, the text kept in the form, nothing published.
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &redact(false))
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("still contains what may identify a patient"),
        "{page}"
    );
    assert!(page.contains("Whitfield"), "the moderator's text is kept");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM post_revisions WHERE post_id = {post} AND state = 'published'"
        ))
        .await,
        0
    );
    // Confirmed explicitly: published, and the audit row names the kinds confirmed.
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &redact(true))
        .await;
    assert_eq!(location(&res), "/mod/queue");
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'held.redact' AND reason LIKE 'confirmed findings: %NAME%'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_report_of_patient_data_hides_the_post_at_once_and_tops_the_queue() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let (_, older) = author.start_thread("Older question", CLEAN_BODY).await;
    let marker = "Dexmedetomidine at night for delirium";
    let (thread, post) = author
        .start_thread("Sedation", &format!("{marker}: what doses do you use?"))
        .await;
    let reader = app.new_browser();
    reader.member("r@example.jp", "reader_rn").await;
    let res = reader
        .post_form(
            &format!("/p/{older}/report"),
            &[("reason", "misinformation")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(page.contains(marker));
    let res = reader
        .post_form(&format!("/p/{post}/report"), &[("reason", "patient_data")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // Gone for members at once, before any moderator has looked.
    let (_, page) = reader.page(&format!("/t/{thread}")).await;
    assert!(!page.contains(marker), "{page}");
    let other = app.new_browser();
    other.member("o@example.jp", "other_md").await;
    let (_, page) = other.page(&format!("/t/{thread}")).await;
    assert!(!page.contains(marker));
    // The author still reads it; the audit names the report.
    let (_, page) = author.page(&format!("/t/{thread}")).await;
    assert!(page.contains(marker));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'post.hide' AND reason = 'reported as patient data'")
            .await,
        1
    );
    // The patient-data report comes before the older misinformation report.
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let (_, queue) = m.page("/mod/queue").await;
    let pd = app
        .count("SELECT id FROM reports WHERE reason = 'patient_data'")
        .await;
    let mi = app
        .count("SELECT id FROM reports WHERE reason = 'misinformation'")
        .await;
    let (a, b) = (
        queue
            .find(&format!("report-{pd}"))
            .expect("patient-data report listed"),
        queue
            .find(&format!("report-{mi}"))
            .expect("other report listed"),
    );
    assert!(a < b, "patient data first");
}

#[tokio::test]
async fn a_report_is_claimed_and_the_post_hidden_from_members() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let (thread, post) = author.start_thread("Night shift tips", CLEAN_BODY).await;
    let reporter = moderator(&app, "r@example.jp", "Mod Reporter").await;
    let res = reporter
        .post_form(&format!("/p/{post}/report"), &[("reason", "bogus")])
        .await;
    assert_eq!(res.status().as_u16(), 422, "a reason must be chosen");
    let res = reporter
        .post_form(
            &format!("/p/{post}/report"),
            &[("reason", "misinformation"), ("note", "Dose looks wrong")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let report = app.count("SELECT id FROM reports").await;

    // The reporter may neither claim nor decide their own report.
    let res = reporter
        .post_form(
            "/mod/claim",
            &[
                ("kind", "report"),
                ("id", &report.to_string()),
                ("return_to", "/mod/queue"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = reporter
        .post_form(&format!("/mod/report/{report}"), &[("decision", "hide")])
        .await;
    assert_eq!(res.status().as_u16(), 403);

    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let store = app.store().await;
    let mut tx = store.begin().await.unwrap();
    tx.release_claim(domain::vocab::QueueKind::Report, report)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (_, page) = m.page(&format!("/mod/report/{report}")).await;
    assert!(page.contains("Dose looks wrong"));
    claim(&m, "report", report).await;
    let res = m
        .post_form(&format!("/mod/report/{report}"), &[("decision", "hide")])
        .await;
    assert_eq!(location(&res), "/mod/queue");
    let member = app.new_browser();
    member.member("b@example.jp", "kimura_rn").await;
    let (_, page) = member.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("penicillin allergy"), "hidden from members");
    let (_, page) = m.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Hidden by a moderator"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.hidden'")
            .await,
        1
    );
}

/// Makes every insert into the audit log fail (as a full disk or a broken trigger
/// would), or restores it.
async fn break_audit_log(app: &TestApp, broken: bool) {
    let store = app.store().await;
    let pool = store.pool();
    let sql: &[&str] = match (crate::helpers::backend().as_str(), broken) {
        ("postgres", true) => &[
            "CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit log down'; END; $$ LANGUAGE plpgsql",
            "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()",
        ],
        ("postgres", false) => &["DROP TRIGGER audit_down ON audit_log"],
        (_, true) => &[
            "CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log down'); END",
        ],
        (_, false) => &["DROP TRIGGER audit_down"],
    };
    for s in sql {
        sqlx::query(s).execute(pool).await.expect("trigger");
    }
}

#[tokio::test]
async fn a_decision_whose_audit_entry_fails_is_rolled_back_whole() {
    let app = spawn_app().await;
    let (author, post, rev) = held_thread(&app, PHI_BODY).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    claim(&m, "held", rev).await;
    let audit_rows = app.count("SELECT COUNT(*) FROM audit_log").await;
    let changes = app.count("SELECT COUNT(*) FROM search_changes").await;
    let notices = app.count("SELECT COUNT(*) FROM notifications").await;

    break_audit_log(&app, true).await;
    for decision in [
        vec![("decision", "approve")],
        vec![
            ("decision", "reject"),
            ("reason", "Please remove the name."),
        ],
    ] {
        let res = m.post_form(&format!("/mod/held/{rev}"), &decision).await;
        assert_eq!(
            res.status().as_u16(),
            503,
            "{decision:?}: the decision fails"
        );

        // Nothing of it stands: the revision still waits, the post is unpublished,
        // nobody was notified, search was told nothing, the claim is still held.
        let state = app
            .count(&format!(
                "SELECT COUNT(*) FROM post_revisions WHERE id = {rev} AND state = 'held' \
                 AND decided_by IS NULL"
            ))
            .await;
        assert_eq!(state, 1, "{decision:?}: the revision is still held");
        let published = app
            .count(&format!(
                "SELECT COUNT(*) FROM posts WHERE id = {post} AND published_at IS NOT NULL"
            ))
            .await;
        assert_eq!(published, 0, "{decision:?}: the post was not published");
        assert_eq!(
            app.count("SELECT COUNT(*) FROM audit_log").await,
            audit_rows
        );
        assert_eq!(
            app.count("SELECT COUNT(*) FROM search_changes").await,
            changes
        );
        assert_eq!(
            app.count("SELECT COUNT(*) FROM notifications").await,
            notices
        );
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM claims WHERE kind = 'held' AND item_id = {rev}"
            ))
            .await,
            1
        );
    }
    let (_, mine) = author.page("/notifications").await;
    assert!(!mine.contains("approved"), "the author was told nothing");

    // Once the log works again, the same decision goes through with its entry.
    break_audit_log(&app, false).await;
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), "/mod/queue");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'held.approve'")
            .await,
        1
    );
    assert!(app.count("SELECT COUNT(*) FROM search_changes").await > changes);
}

#[tokio::test]
async fn claiming_an_item_that_does_not_exist_is_a_404_and_writes_nothing() {
    let app = spawn_app().await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    for kind in ["held", "report", "verification"] {
        let res = m
            .post_form(
                "/mod/claim",
                &[
                    ("kind", kind),
                    ("id", "987654"),
                    ("return_to", "/mod/queue"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 404, "{kind}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM claims").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'queue.claim'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_link_from_another_site_cannot_record_a_read_of_held_text_in_a_moderators_name() {
    let app = spawn_app().await;
    let (_, post, rev) = held_thread(&app, PHI_BODY).await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let reads = "SELECT COUNT(*) FROM audit_log WHERE action IN ('held.open', 'post.history_open')";
    for path in [format!("/mod/held/{rev}"), format!("/p/{post}")] {
        for site in ["cross-site", "same-site"] {
            let res = m
                .client
                .get(format!("{}{path}", m.address))
                .header("sec-fetch-site", site)
                .send()
                .await
                .unwrap();
            let page = res.text().await.unwrap();
            assert!(
                !page.contains("Whitfield"),
                "{path} from {site}: no held text"
            );
            assert!(
                page.contains("Show the held text"),
                "{path}: offers to open it from here"
            );
            assert_eq!(
                app.count(reads).await,
                0,
                "{path} from {site}: no read recorded"
            );
        }
    }
    // From this site's own pages (or a typed address) it opens, and is recorded.
    for (n, site) in ["same-origin", "none"].iter().enumerate() {
        let res = m
            .client
            .get(format!("{}/mod/held/{rev}", m.address))
            .header("sec-fetch-site", *site)
            .send()
            .await
            .unwrap();
        assert!(res.text().await.unwrap().contains("Whitfield"));
        assert_eq!(app.count(reads).await, n as i64 + 1);
    }
}

#[tokio::test]
async fn deleted_and_removed_text_does_not_outlive_unpublished_text() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let (_, deleted) = author
        .start_thread("Wound swabs", "Swab technique: Levine method every time.")
        .await;
    let res = author
        .post_form(&format!("/p/{deleted}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (thread, removed) = author
        .start_thread(
            "Pressure injuries",
            "Heel offloading boots for the Braden 12 patients.",
        )
        .await;
    let reader = app.new_browser();
    reader.member("r@example.jp", "reader_rn").await;
    reader
        .post_form(
            &format!("/p/{removed}/report"),
            &[("reason", "patient_data")],
        )
        .await;
    let m = moderator(&app, "m@example.jp", "Mod One").await;
    let report = app
        .count(&format!("SELECT id FROM reports WHERE post_id = {removed}"))
        .await;
    claim(&m, "report", report).await;
    let res = m
        .post_form(&format!("/mod/report/{report}"), &[("decision", "remove")])
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // Removed for patient data: gone at once, title and tags with it, and the
    // thread hidden until a moderator retitles it.
    let left = |post: i64| {
        format!("SELECT COUNT(*) FROM post_revisions WHERE post_id = {post} AND body_md <> ''")
    };
    assert_eq!(
        app.count(&left(removed)).await,
        0,
        "no revision keeps the text"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM threads WHERE id = {thread} AND title = '[removed]' AND hidden = 1"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM thread_tags WHERE thread_id = {thread}"
        ))
        .await,
        0
    );
    for who in [&author, &m] {
        let (_, page) = who.page(&format!("/p/{removed}")).await;
        assert!(
            !page.contains("Heel offloading"),
            "nobody reads it any more"
        );
    }
    // Deleted by its author: kept for the retention period like unpublished text,
    // then purged.
    assert_eq!(
        app.count(&left(deleted)).await,
        1,
        "still within the retention period"
    );
    let store = app.store().await;
    store.purge_due(store::now() + 8 * 24 * 3600).await.unwrap();
    assert_eq!(app.count(&left(deleted)).await, 0, "purged on schedule");
}
