//! Clinician verification: the queue, decisions, resubmission and roles.

use domain::models::{Role, Status};

use crate::helpers::{location, spawn_app, GOOD_PASSWORD};

#[tokio::test]
async fn a_moderator_verifies_an_applicant_who_can_then_enter_the_forum() {
    let app = spawn_app().await;
    app.register("new@example.jp", "Newcomer").await;
    assert_eq!(location(&app.get("/").await), "/pending");

    let moderator = app.new_browser();
    moderator
        .sign_in_as("mod@example.jp", "Mod", Role::Moderator, Status::Verified)
        .await;
    let (status, queue) = moderator.page("/mod/verification").await;
    assert_eq!(status, 200);
    assert!(
        queue.contains("Newcomer") && queue.contains("RN-445566"),
        "licence details shown"
    );
    let id = app.user_id("new@example.jp").await;
    // Deciding needs a claim first: without one nothing changes.
    let res = moderator
        .post_form(
            "/mod/verification",
            &[("user_id", &id.to_string()), ("decision", "verify")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.store()
            .await
            .user_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .applicant
            .status,
        Status::Pending
    );
    moderator.claim("verification", id).await;
    let res = moderator
        .post_form(
            "/mod/verification",
            &[("user_id", &id.to_string()), ("decision", "verify")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, queue) = moderator.page("/mod/verification").await;
    assert!(
        queue.contains("The applicant is verified"),
        "notice shown once"
    );
    assert!(!queue.contains("RN-445566"), "no longer in the queue");

    let (status, home) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(home.contains("Latest threads"), "{home}");
    let (_, notes) = app.page("/notifications").await;
    assert!(notes.contains("Your licence is verified"), "{notes}");
}

#[tokio::test]
async fn a_rejected_applicant_sees_the_reason_and_can_resubmit() {
    let app = spawn_app().await;
    app.register("rej@example.jp", "Rejected One").await;
    let id = app.user_id("rej@example.jp").await;
    let moderator = app.new_browser();
    moderator
        .sign_in_as("mod@example.jp", "Mod", Role::Moderator, Status::Verified)
        .await;
    moderator.claim("verification", id).await;

    // A rejection without a reason is refused, on that applicant's card.
    let res = moderator
        .post_form(
            "/mod/verification",
            &[("user_id", &id.to_string()), ("decision", "reject")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains(&format!("decide-reason_{id}-error")),
        "{body}"
    );

    let reason = "The licence number does not match the MHLW register.";
    let res = moderator
        .post_form(
            "/mod/verification",
            &[
                ("user_id", &id.to_string()),
                ("decision", "reject"),
                (&format!("reason_{id}"), reason),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let (_, pending) = app.page("/pending").await;
    assert!(pending.contains("not accepted"), "{pending}");
    assert!(pending.contains("does not match the MHLW register"));

    let res = app
        .post_form(
            "/pending",
            &[
                ("profession", "nurse"),
                ("licence_number", "RN-998877"),
                ("jurisdiction", "Japan"),
                ("specialty", "Geriatrics"),
                ("workplace", "Elsewhere"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, queue) = moderator.page("/mod/verification").await;
    assert!(queue.contains("RN-998877") && queue.contains("Resubmitted after a rejection"));
    let (_, pending) = app.page("/pending").await;
    assert!(pending.contains("Your application is being checked"));
}

#[tokio::test]
async fn a_member_is_refused_on_the_verification_queue() {
    let app = spawn_app().await;
    app.sign_in_as("m@example.jp", "Member", Role::Member, Status::Verified)
        .await;
    let (status, body) = app.page("/mod/verification").await;
    assert_eq!(status, 403);
    assert!(body.contains("does not have access"));
    let res = app
        .post_form(
            "/mod/verification",
            &[("user_id", "1"), ("decision", "verify")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // The data endpoint refuses too.
    let res = app.get("/api/verification_queue").await;
    assert!(!res.status().is_success());
    assert!(!res.text().await.unwrap().contains("m@example.jp"));
}

#[tokio::test]
async fn pending_and_anonymous_users_are_refused_on_member_pages() {
    let app = spawn_app().await;
    let anon = app.new_browser();
    for path in [
        "/",
        "/forum",
        "/mod/verification",
        "/admin/users",
        "/profile",
    ] {
        let res = anon.get(path).await;
        if path == "/" {
            assert_eq!(res.status().as_u16(), 200, "the front page explains Rounds");
            assert!(!res.text().await.unwrap().contains("Latest threads"));
            continue;
        }
        assert_eq!(res.status().as_u16(), 303, "{path}");
        assert!(location(&res).starts_with("/login?next="), "{path}");
    }
    app.register("p@example.jp", "Pending").await;
    for path in ["/", "/forum", "/mod/verification", "/admin/users"] {
        let res = app.get(path).await;
        assert_eq!(location(&res), "/pending", "{path}");
    }
    assert_eq!(app.get("/profile").await.status().as_u16(), 200);
}

#[tokio::test]
async fn admins_grant_and_revoke_moderator_and_moderators_cannot() {
    let app = spawn_app().await;
    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let member = app.new_browser();
    let member_id = member
        .sign_in_as("mem@example.jp", "Mem", Role::Member, Status::Verified)
        .await;
    assert_eq!(member.get("/mod/verification").await.status().as_u16(), 403);

    let res = admin
        .post_form(
            "/admin/users",
            &[("user_id", &member_id.to_string()), ("role", "moderator")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // A new moderator sets up two-factor sign-in before the queues open.
    let res = member.get("/mod/verification").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(crate::helpers::location(&res), "/profile/two-factor");
    assert_eq!(
        member
            .get("/api/verification_queue")
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(member.enrol_two_factor().await.len(), 10);
    assert_eq!(
        member.get("/mod/verification").await.status().as_u16(),
        200,
        "effective at once"
    );
    assert_eq!(
        member.get("/admin/users").await.status().as_u16(),
        403,
        "moderators are not admins"
    );
    let res = member
        .post_form(
            "/admin/users",
            &[("user_id", &member_id.to_string()), ("role", "member")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    let res = admin
        .post_form(
            "/admin/users",
            &[("user_id", &member_id.to_string()), ("role", "member")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(member.get("/mod/verification").await.status().as_u16(), 403);

    let entries = app.store().await.audit_recent(10).await.unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "role.revoke_moderator",
            "account.two_factor_on",
            "role.grant_moderator"
        ]
    );
}

#[tokio::test]
async fn a_decision_made_by_another_moderator_first_is_not_applied_twice() {
    let app = spawn_app().await;
    app.register("twice@example.jp", "Twice").await;
    let id = app.user_id("twice@example.jp").await.to_string();
    let m1 = app.new_browser();
    m1.sign_in_as("m1@example.jp", "M1", Role::Moderator, Status::Verified)
        .await;
    let m2 = app.new_browser();
    m2.sign_in_as("m2@example.jp", "M2", Role::Moderator, Status::Verified)
        .await;
    m1.claim("verification", id.parse().unwrap()).await;
    m1.post_form(
        "/mod/verification",
        &[("user_id", &id), ("decision", "verify")],
    )
    .await;
    m2.claim("verification", id.parse().unwrap()).await;
    let res = m2
        .post_form(
            "/mod/verification",
            &[
                ("user_id", &id),
                ("decision", "reject"),
                (&format!("reason_{id}"), "x"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = m2.page("/mod/verification").await;
    assert!(page.contains("Another moderator decided this application first"));
    let user = app
        .store()
        .await
        .user_by_email("twice@example.jp")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.applicant.status, Status::Verified);
    let decisions = app
        .store()
        .await
        .audit_recent(10)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with("verification."))
        .count();
    assert_eq!(decisions, 1, "only the first decision is recorded");
    let _ = GOOD_PASSWORD;
}

#[tokio::test]
async fn a_rejection_refused_for_want_of_a_claim_keeps_the_reason_typed() {
    let app = spawn_app().await;
    app.register("new@example.jp", "Newcomer").await;
    let id = app.user_id("new@example.jp").await;
    let moderator = app.new_browser();
    moderator
        .sign_in_as("mod@example.jp", "Mod", Role::Moderator, Status::Verified)
        .await;
    let field = format!("reason_{id}");
    let reason = "The licence number belongs to another prefecture's register.";
    let form = [
        ("user_id", id.to_string()),
        ("decision", "reject".to_string()),
        (field.as_str(), reason.to_string()),
    ];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = moderator.post_form("/mod/verification", &fields).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.expect("body");
    assert!(page.contains("Claim this application before you decide on it"));
    assert!(
        page.contains("another prefecture&#x27;s register")
            || page.contains("another prefecture's register"),
        "the reason is kept"
    );
    let pending = app.store().await.user_by_id(id).await.unwrap().unwrap();
    assert_eq!(pending.applicant.status, Status::Pending, "nothing decided");

    moderator.claim("verification", id).await;
    let res = moderator.post_form("/mod/verification", &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    let rejected = app.store().await.user_by_id(id).await.unwrap().unwrap();
    assert_eq!(rejected.applicant.status, Status::Rejected);
}
