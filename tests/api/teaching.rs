//! Moderators teach the detector: a finding marked "not patient data" (audited,
//! reversible), its term added to the never-hold list from the held post and applied
//! to the next post at once; the detector's record on `/admin/site-lists` counts
//! held findings, decisions and reports without any post text; members addressed by
//! their display name are not held.

use domain::models::{Role, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp};

/// A held post whose only finding is a device named after a (fictional) person (a
/// pressure-relief wedge): a false hold of the model, as moderators meet them.
const EPONYM: &str = "The Hartwell wedge worked well in bed 4.";
const EPONYM_AGAIN: &str = "The Hartwell wedge worked well in bed 4 again.";

/// Posts `body` as a new thread by `author`, sends it for review, returns its held
/// revision.
async fn held(app: &TestApp, author: &TestApp, body: &str) -> i64 {
    let res = author.post_thread("Protocols", body).await;
    let (_, post) = ids_from(&location(&res));
    assert!(post > 0, "held: {}", location(&res));
    let res = author
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.count(&format!(
        "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
    ))
    .await
}

async fn judge(m: &TestApp, rev: i64, verdict: &str) -> reqwest::Response {
    m.post_form(
        &format!("/mod/held/{rev}/finding"),
        &[("field", "body"), ("position", "0"), ("verdict", verdict)],
    )
    .await
}

#[tokio::test]
async fn a_finding_marked_not_patient_data_teaches_the_site_at_once() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let rev = held(&app, &author, EPONYM).await;
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;

    // Without a claim nothing is recorded; the author may not judge their own post.
    let res = judge(&m, rev, "never").await;
    assert_eq!(location(&res), format!("/mod/held/{rev}"));
    assert_eq!(app.count("SELECT COUNT(*) FROM site_terms").await, 0);
    assert_eq!(judge(&author, rev, "not_phi").await.status().as_u16(), 403);

    m.claim("held", rev).await;
    let (_, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert!(
        page.contains("Not patient data — never hold “Hartwell”"),
        "{page}"
    );
    // A finding that does not exist is a 404 and writes nothing.
    let res = m
        .post_form(
            &format!("/mod/held/{rev}/finding"),
            &[("field", "body"), ("position", "7"), ("verdict", "not_phi")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    let res = m
        .post_form(
            &format!("/mod/held/{rev}/finding"),
            &[
                ("field", "nowhere"),
                ("position", "0"),
                ("verdict", "not_phi"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);

    let res = judge(&m, rev, "never").await;
    assert_eq!(location(&res), format!("/mod/held/{rev}#findings"));
    let (_, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert!(page.contains("Marked: not patient data"), "{page}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM site_terms WHERE list = 'never' AND term = 'Hartwell'")
            .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'finding.not_phi' AND target_id = '{rev}' AND reason = 'body:0'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'site_list.add' AND reason = 'Hartwell'"
        )
        .await,
        1
    );

    // The next post with the term (held by itself, see the end) is published at once.
    let other = app.new_browser();
    other.member("o@example.jp", "other_md").await;
    let res = other.post_thread("DKA", EPONYM_AGAIN).await;
    assert!(location(&res).starts_with("/t/"), "{}", location(&res));

    // Reversible: the mark is taken back (audited); the term stays until an admin
    // removes it from the list.
    let res = judge(&m, rev, "undo").await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = m.page(&format!("/mod/held/{rev}")).await;
    assert!(!page.contains("Marked: not patient data"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'finding.not_phi_undo'")
            .await,
        1
    );
    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let (_, lists) = admin.page("/admin/site-lists").await;
    assert!(
        lists.contains("Hartwell"),
        "visible under the never-hold list"
    );
    let res = admin
        .post_form(
            "/admin/site-lists",
            &[
                ("list", "never"),
                ("action", "remove"),
                ("term", "Hartwell"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = other.post_thread("DKA again", EPONYM_AGAIN).await;
    assert!(location(&res).starts_with("/p/"), "held again once removed");
}

#[tokio::test]
async fn the_detector_record_counts_decisions_and_misses_without_text() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let approved = held(&app, &author, EPONYM).await;
    let rejected = held(
        &app,
        &author,
        "Mrs. Eleanor Whitfield fell again last night.",
    )
    .await;
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;
    m.claim("held", approved).await;
    let res = m
        .post_form(&format!("/mod/held/{approved}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), "/mod/queue");
    m.claim("held", rejected).await;
    let res = m
        .post_form(
            &format!("/mod/held/{rejected}"),
            &[("decision", "reject"), ("reason", "Names a patient.")],
        )
        .await;
    assert_eq!(location(&res), "/mod/queue");
    // A miss: a published post reported as patient data.
    let (_, post) = author
        .start_thread("Night shift", "Tough night with the new admissions.")
        .await;
    let reader = app.new_browser();
    reader.member("r@example.jp", "reader_rn").await;
    let res = reader
        .post_form(&format!("/p/{post}/report"), &[("reason", "patient_data")])
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let store = app.store().await;
    let record = store.detector_record().await.unwrap();
    let name_en = record
        .kinds
        .iter()
        .find(|k| k.kind == "NAME" && k.lang == "en")
        .expect("a NAME row");
    assert_eq!(
        (name_en.approved, name_en.rejected, name_en.waiting),
        (1, 1, 0)
    );
    assert_eq!(name_en.precision_permille(), Some(500));
    let en = record.misses.iter().find(|m| m.lang == "en").unwrap();
    assert_eq!((en.open, en.confirmed), (1, 0));

    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let (status, page) = admin.page("/admin/site-lists").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("The detector&#x27;s record") || page.contains("The detector's record"),
        "{page}"
    );
    assert!(page.contains("50.0%"), "live precision shown: {page}");
    for text in ["Hartwell", "Whitfield", "Tough night"] {
        assert!(!page.contains(text), "no post text on the record: {text}");
    }
    // Members and moderators cannot read it.
    let (status, _) = m.page("/admin/site-lists").await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_colleague_addressed_by_display_name_is_not_held() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let thanks = "Kenji Okafor came by the ward last night.";
    let res = author.post_thread("Thanks", thanks).await;
    assert!(
        location(&res).starts_with("/p/"),
        "held while nobody has that name"
    );
    let colleague = app.new_browser();
    colleague.member("k@example.jp", "Kenji Okafor").await;
    let res = author.post_thread("Thanks again", thanks).await;
    assert!(location(&res).starts_with("/t/"), "{}", location(&res));
    // The composer gets the members' names with the site's lists, so its live check
    // decides the same way without sending anything that is typed.
    let res = author.get("/api/composer_lists").await;
    assert_eq!(res.status().as_u16(), 200);
    let lists: phi::SiteLists = res.json().await.unwrap();
    assert!(
        lists.members.iter().any(|m| m == "Kenji Okafor"),
        "{:?}",
        lists.members
    );
    let d = phi::Detector::new(lists);
    assert!(!d.scan(thanks).hold, "the composer's detector agrees");
    // A patient who shares only the member's surname is still held.
    let res = author
        .post_thread("Falls", "Mrs. Okafor fell again last night.")
        .await;
    assert!(location(&res).starts_with("/p/"), "{}", location(&res));
}
