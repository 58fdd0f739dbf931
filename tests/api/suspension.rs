//! Suspension (SQLite and PostgreSQL), through the real forms: a moderator suspends a
//! member with a reason and a length, which signs the member out at once; signed in
//! again, the member can read only the notice (every page, form and server function
//! sends them there or refuses), and is told by e-mail until when — never why; the
//! moderator lifts it and the member is back. Who may suspend whom, bad input that
//! keeps what was typed, the audit (ids only) and the end of a suspension by time.

use crate::helpers::{location, TestApp, CLEAN_BODY, GOOD_PASSWORD};
use crate::smtp::SmtpSink;
use domain::models::{Role, Status};

const REASON: &str = "Posted a discharge summary photo twice after being asked not to.";

async fn app_mailing_to(sink: &SmtpSink) -> TestApp {
    sink.app(None, |_| {}).await
}

#[tokio::test]
async fn a_suspended_member_reads_only_the_notice_until_a_moderator_lifts_it() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink).await;
    let moderator_id = app
        .sign_in_as(
            "mod@example.jp",
            "Mori Mod",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let member = app.new_browser();
    let member_id = member.member("nurse@example.jp", "Sato RN").await;
    let (thread, _) = member
        .start_thread("Delirium prevention bundles", CLEAN_BODY)
        .await;
    assert!(thread > 0);

    // The moderator finds the member by the start of the name.
    let (status, page) = app.page("/mod/members?q=sat").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("/mod/members/{member_id}")),
        "the search finds Sato RN"
    );
    let (status, page) = app.page(&format!("/mod/members/{member_id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Never suspended."));
    assert!(!page.contains("RN-445566"), "never the licence number");

    // Bad input comes back with the reason typed.
    let path = format!("/mod/members/{member_id}");
    let res = app
        .post_form(
            &path,
            &[("action", "suspend"), ("reason", REASON), ("days", "0")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.expect("body");
    assert!(body.contains("Choose how long"), "the days message");
    assert!(
        body.contains("discharge summary photo"),
        "the reason is kept"
    );
    let res = app
        .post_form(
            &path,
            &[("action", "suspend"), ("reason", "  "), ("days", "7")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM suspensions").await,
        0,
        "nothing saved"
    );

    let res = app
        .post_form(
            &path,
            &[("action", "suspend"), ("reason", REASON), ("days", "7")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), path);

    // Signed out at once: the member's old cookie is nobody's now.
    let res = member.get("/notifications").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"), "{}", location(&res));

    // Signed in again: the notice and nothing else.
    let res = member.login("nurse@example.jp", GOOD_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/suspended");
    for page in [
        "/",
        "/new-topic",
        &format!("/t/{thread}"),
        "/profile",
        "/search?q=delirium",
    ] {
        let res = member.get(page).await;
        assert_eq!(res.status().as_u16(), 303, "{page}");
        assert_eq!(location(&res), "/suspended", "{page}");
    }
    let (status, notice) = member.page("/suspended").await;
    assert_eq!(status, 200);
    assert!(notice.contains("Your account is suspended"));
    assert!(notice.contains(REASON), "the member reads the reason");
    let res = member
        .post_form(&format!("/t/{thread}/reply"), &[("body", CLEAN_BODY)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/suspended", "a reply form is turned away");
    assert_eq!(
        member
            .get(&format!("/api/load_thread?id={thread}&page=&quote="))
            .await
            .status()
            .as_u16(),
        403,
        "server functions refuse too"
    );

    // The letter says until when, never why.
    let mail = sink.wait_for(1, 20).await;
    let letter = mail
        .iter()
        .find(|m| m.subject == "Your Rounds account is suspended")
        .expect("a suspension letter");
    assert_eq!(letter.to, "nurse@example.jp");
    assert!(letter.text.contains("http://rounds.test/suspended"));
    assert!(!letter.text.contains("discharge"), "never the reason");
    assert!(!letter.html.contains("discharge"));

    // Audited with ids only.
    let audit = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.suspended' \
             AND actor_id = {moderator_id} AND target_id = '{member_id}' AND reason = ''"
        ))
        .await;
    assert_eq!(audit, 1);

    // The moderator lifts it: the member is back, and told.
    let (_, page) = app.page(&path).await;
    assert!(page.contains("Suspended now") && page.contains(REASON));
    let res = app.post_form(&path, &[("action", "lift")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(member.get("/").await.status().as_u16(), 200);
    member
        .reply(
            thread,
            "Thanks, back again: we use a non-drug bundle first.",
        )
        .await;
    let mail = sink.wait_for(2, 20).await;
    assert!(mail
        .iter()
        .any(|m| m.subject == "Your Rounds account is open again" && m.to == "nurse@example.jp"));
    // Lifting twice writes nothing.
    let res = app.post_form(&path, &[("action", "lift")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.unsuspended'")
            .await,
        1
    );
    let (_, page) = app.page(&path).await;
    assert!(
        page.contains("lifted"),
        "the record keeps the lifted suspension"
    );
}

#[tokio::test]
async fn moderators_suspend_members_only_and_a_suspension_ends_by_itself() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink).await;
    let moderator_id = app
        .sign_in_as(
            "mod@example.jp",
            "Mori Mod",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let admin = app.new_browser();
    let admin_id = admin
        .sign_in_as(
            "admin@example.jp",
            "Ando Admin",
            Role::Admin,
            Status::Verified,
        )
        .await;
    let other_mod = app.new_browser();
    let other_mod_id = other_mod
        .sign_in_as(
            "mod2@example.jp",
            "Mod Two",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let member = app.new_browser();
    let member_id = member.member("dr@example.jp", "Ito MD").await;
    let suspend = |days: &'static str| [("action", "suspend"), ("reason", REASON), ("days", days)];

    // A moderator cannot suspend another moderator, an admin, or themselves.
    for target in [other_mod_id, admin_id, moderator_id] {
        let res = app
            .post_form(&format!("/mod/members/{target}"), &suspend("3"))
            .await;
        assert_eq!(res.status().as_u16(), 403, "target {target}");
    }
    // A member cannot suspend anyone, nor open the member pages.
    let res = member
        .post_form(&format!("/mod/members/{moderator_id}"), &suspend("3"))
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(member.get("/mod/members").await.status().as_u16(), 403);
    assert_eq!(
        member.get("/api/find_members?q=i").await.status().as_u16(),
        403
    );
    // An admin can suspend a moderator, which takes their queue away at once.
    let res = admin
        .post_form(&format!("/mod/members/{other_mod_id}"), &suspend("1"))
        .await;
    assert_eq!(res.status().as_u16(), 303);
    other_mod.login("mod2@example.jp", GOOD_PASSWORD).await;
    let res = other_mod.get("/mod/queue").await;
    assert_eq!(location(&res), "/suspended");
    assert_eq!(
        other_mod
            .get("/api/mod_queue?kind=&status=")
            .await
            .status()
            .as_u16(),
        403
    );
    // Only admins sign members out everywhere from the member page.
    let res = app
        .post_form(
            &format!("/mod/members/{member_id}"),
            &[("action", "end_sessions")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(member.get("/").await.status().as_u16(), 200);

    // A suspension ends by itself once its time is past.
    let res = app
        .post_form(&format!("/mod/members/{member_id}"), &suspend("30"))
        .await;
    assert_eq!(res.status().as_u16(), 303);
    member.login("dr@example.jp", GOOD_PASSWORD).await;
    assert_eq!(location(&member.get("/").await), "/suspended");
    let store = app.store().await;
    sqlx::query("UPDATE suspensions SET ends_at = starts_at - 1 WHERE user_id = $1")
        .bind(member_id)
        .execute(store.pool())
        .await
        .expect("age the suspension");
    assert_eq!(member.get("/").await.status().as_u16(), 200);
    let (_, notice) = member.page("/suspended").await;
    assert!(notice.contains("Your account is not suspended."));
    let (_, record) = app.page(&format!("/mod/members/{member_id}")).await;
    assert!(!record.contains("Suspended now"));
    assert!(
        record.contains(REASON),
        "the past suspension stays on the record"
    );
}
