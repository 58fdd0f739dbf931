//! E-mail through a real SMTP server (SQLite and PostgreSQL): a forgotten password is
//! reset from the link in a letter, with the same answer for addresses that have no
//! account; a change of address is confirmed from the new address and told to the old;
//! letters are multipart, in the member's language, and carry only links and account
//! facts; SMTP AUTH is used; without a server, mail lands in `.eml` files and the admin
//! page says so.

use domain::models::{Role, Status};

use crate::helpers::{location, TestApp, GOOD_PASSWORD};
use crate::smtp::{token_after, SmtpSink};

const NEW_PASSWORD: &str = "harbour lantern evening round 17";

/// The app sending through `sink` (signing in with `credentials` when given).
async fn app_mailing_to(sink: &SmtpSink, credentials: Option<&str>) -> TestApp {
    sink.app(credentials, |s| {
        s.mail.from = "Rounds <rounds@hospital.example>".into();
    })
    .await
}

#[tokio::test]
async fn a_forgotten_password_is_reset_from_the_letter() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink, None).await;
    app.member("nurse@example.jp", "Sato RN").await;
    let visitor = app.new_browser();

    // The sign-in page leads to the form; the form works without JavaScript.
    let (_, login) = visitor.page("/login").await;
    assert!(login.contains("href=\"/forgot\""), "{login}");
    let (status, page) = visitor.page("/forgot").await;
    assert_eq!(status, 200);
    assert!(page.contains("action=\"/forgot\""));

    let known = visitor
        .post_form("/forgot", &[("email", "Nurse@Example.jp ")])
        .await;
    let unknown = visitor
        .post_form("/forgot", &[("email", "nobody@example.jp")])
        .await;
    // The same answer whether or not the address has an account.
    assert_eq!(known.status(), 303);
    assert_eq!(unknown.status(), known.status());
    assert_eq!(location(&unknown), location(&known));
    let (_, after) = visitor.page(&location(&known)).await;
    assert!(
        after.contains("If that address belongs to an account, a link is on its way"),
        "{after}"
    );

    let mail = sink.wait_for(1, 20).await;
    assert_eq!(mail.len(), 1, "one letter, to the account's address only");
    let letter = &mail[0];
    assert_eq!(letter.to, "nurse@example.jp");
    assert_eq!(letter.subject, "Reset your Rounds password");
    assert!(letter.headers.contains("rounds@hospital.example"));
    assert!(letter.text.contains("Hello Sato RN,"), "{}", letter.text);
    assert!(letter.html.contains("<a href=\"http://rounds.test/reset/"));
    assert!(
        !letter.headers.contains("List-Unsubscribe"),
        "not a notification"
    );
    assert!(!letter.text.contains("MD-1"), "never a licence number");
    let token = token_after(&letter.text, "http://rounds.test/reset/");
    assert_eq!(token.len(), 64);
    // Only the token's hash is stored; the outbox keeps no copy once sent.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND message = ''")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_reset_mailed'")
            .await,
        1
    );

    let set = visitor
        .post_form(
            &format!("/reset/{token}"),
            &[
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(set.status(), 303);
    assert_eq!(
        visitor
            .login("nurse@example.jp", NEW_PASSWORD)
            .await
            .status(),
        303
    );
    // The link works once.
    let again = app
        .new_browser()
        .post_form(
            &format!("/reset/{token}"),
            &[
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status(), 422);

    // The mailbox hears that the password changed.
    let mail = sink.wait_for(2, 20).await;
    assert_eq!(mail.len(), 2);
    assert_eq!(mail[1].subject, "Your Rounds password was changed");
    assert_eq!(mail[1].to, "nurse@example.jp");
}

#[tokio::test]
async fn reset_requests_are_throttled_per_address_typed() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink, None).await;
    app.member("busy@example.jp", "Busy MD").await;
    for n in 0..3 {
        let res = app
            .new_browser()
            .post_form("/forgot", &[("email", "busy@example.jp")])
            .await;
        assert_eq!(res.status(), 303, "request {n}");
    }
    // The fourth waits, whoever asks, and says so on the form it keeps.
    let res = app
        .new_browser()
        .post_form("/forgot", &[("email", "busy@example.jp")])
        .await;
    assert_eq!(res.status(), 429);
    let page = res.text().await.unwrap_or_default();
    assert!(
        page.contains("value=\"busy@example.jp\""),
        "the form keeps the address"
    );
    // An address with no account is throttled alike (nothing to tell them apart by).
    for _ in 0..3 {
        app.new_browser()
            .post_form("/forgot", &[("email", "ghost@example.jp")])
            .await;
    }
    let res = app
        .new_browser()
        .post_form("/forgot", &[("email", "ghost@example.jp")])
        .await;
    assert_eq!(res.status(), 429);
    assert_eq!(sink.wait_for(3, 20).await.len(), 3);
    // A malformed address is a field error, not a letter.
    let res = app
        .new_browser()
        .post_form("/forgot", &[("email", "not-an-address")])
        .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn letters_are_in_the_members_language() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink, None).await;
    app.member("ja@example.jp", "山田 看護師").await;
    assert_eq!(
        app.post_form("/lang", &[("lang", "ja"), ("next", "/")])
            .await
            .status(),
        303
    );
    app.new_browser()
        .post_form("/forgot", &[("email", "ja@example.jp")])
        .await;
    let mail = sink.wait_for(1, 20).await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].subject, "Rounds のパスワード再設定");
    assert!(mail[0].text.contains("山田 看護師 様"), "{}", mail[0].text);
    assert!(mail[0].html.contains("lang=\"ja\""));
}

#[tokio::test]
async fn a_new_address_is_confirmed_from_itself_and_the_old_one_is_told() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink, None).await;
    let id = app.member("old@example.jp", "Ito PharmD").await;
    let (status, page) = app.page("/profile/email").await;
    assert_eq!(status, 200);
    assert!(page.contains("action=\"/profile/email\""));

    // A wrong password keeps what was typed and changes nothing.
    let res = app
        .post_form(
            "/profile/email",
            &[("email", "new@example.jp"), ("password", "wrong one")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap_or_default();
    assert!(page.contains("value=\"new@example.jp\""));
    assert_eq!(app.count("SELECT COUNT(*) FROM email_changes").await, 0);

    let res = app
        .post_form(
            "/profile/email",
            &[("email", "New@Example.jp"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let mail = sink.wait_for(2, 20).await;
    assert_eq!(
        mail.len(),
        2,
        "a link to the new address, a notice to the old"
    );
    let confirm = mail
        .iter()
        .find(|m| m.to == "new@example.jp")
        .expect("to the new address");
    let notice = mail
        .iter()
        .find(|m| m.to == "old@example.jp")
        .expect("to the old address");
    assert_eq!(
        notice.subject,
        "A change of your Rounds e-mail address was asked for"
    );
    assert!(
        !notice.text.contains("new@example.jp"),
        "the notice names no address"
    );
    let token = token_after(&confirm.text, "http://rounds.test/email/confirm/");
    assert_eq!(token.len(), 64);

    // Until confirmed, nothing changes; opening the link changes nothing either.
    assert_eq!(app.user_id("old@example.jp").await, id);
    let phone = app.new_browser();
    let (status, page) = phone.page(&format!("/email/confirm/{token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("action=\"/email/confirm/{token}\"")));
    assert_eq!(app.user_id("old@example.jp").await, id);

    let res = phone
        .post_form(&format!("/email/confirm/{token}"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.user_id("new@example.jp").await, id);
    assert_eq!(
        phone.login("new@example.jp", GOOD_PASSWORD).await.status(),
        303
    );
    assert_eq!(
        app.new_browser()
            .login("old@example.jp", GOOD_PASSWORD)
            .await
            .status(),
        422
    );
    // Once only.
    let again = app
        .new_browser()
        .post_form(&format!("/email/confirm/{token}"), &[])
        .await;
    assert_eq!(again.status(), 422);
    let mail = sink.wait_for(3, 20).await;
    assert_eq!(mail.len(), 3);
    assert_eq!(mail[2].to, "old@example.jp");
    assert_eq!(mail[2].subject, "Your Rounds e-mail address was changed");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('account.email_change_asked', 'account.email_changed') AND target_id = '{id}'"
        ))
        .await,
        2
    );
}

#[tokio::test]
async fn an_address_in_use_gets_no_link_and_the_answer_does_not_say_so() {
    let sink = SmtpSink::start();
    let app = app_mailing_to(&sink, None).await;
    app.new_browser()
        .sign_in_as(
            "taken@example.jp",
            "Other MD",
            Role::Member,
            Status::Verified,
        )
        .await;
    app.member("me@example.jp", "Me MD").await;
    let res = app
        .post_form(
            "/profile/email",
            &[("email", "taken@example.jp"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 303, "the same answer as for a free address");
    let mail = sink.wait_for(1, 20).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mail_after = sink.messages();
    assert_eq!(mail.len(), 1);
    assert_eq!(
        mail_after.len(),
        1,
        "only the notice to the member's own address"
    );
    assert_eq!(mail_after[0].to, "me@example.jp");
}

#[tokio::test]
async fn smtp_auth_is_used_when_the_url_has_credentials() {
    let sink = SmtpSink::start_with_auth("rounds:s3cret");
    let good = app_mailing_to(&sink, Some("rounds:s3cret")).await;
    good.member("auth@example.jp", "Auth MD").await;
    good.new_browser()
        .post_form("/forgot", &[("email", "auth@example.jp")])
        .await;
    assert_eq!(sink.wait_for(1, 20).await.len(), 1);

    // Wrong credentials: refused by the server, nothing delivered, nothing lost.
    let bad = app_mailing_to(&sink, Some("rounds:wrong")).await;
    bad.member("auth2@example.jp", "Auth Two").await;
    bad.new_browser()
        .post_form("/forgot", &[("email", "auth2@example.jp")])
        .await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(
        bad.count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
            .await,
        1,
        "the letter waits (or was given up), never marked sent"
    );
}

#[tokio::test]
async fn without_smtp_mail_is_written_to_files_and_the_admin_page_says_so() {
    let app = crate::helpers::spawn_app().await;
    app.member("files@example.jp", "Files MD").await;
    app.new_browser()
        .post_form("/forgot", &[("email", "files@example.jp")])
        .await;
    let dir = app.settings.mail.dir.clone();
    let mut files = Vec::new();
    for _ in 0..100 {
        files = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "eml"));
        if !files.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(files.len(), 1, "one .eml file in {}", dir.display());
    let letter = crate::smtp::parse(&std::fs::read(&files[0]).expect("read"));
    assert_eq!(letter.subject, "Reset your Rounds password");

    let admin = app.new_browser();
    admin
        .sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let (_, page) = admin.page("/admin/users").await;
    assert!(page.contains("No SMTP server is configured"), "{page}");
    assert!(page.contains("sent in the last 24 hours: 1"), "{page}");
}

#[tokio::test]
async fn spent_links_are_purged_a_day_after_their_end() {
    let app = crate::helpers::spawn_app().await;
    app.member("purge@example.jp", "Purge MD").await;
    app.new_browser()
        .post_form("/forgot", &[("email", "purge@example.jp")])
        .await;
    assert_eq!(
        app.post_form(
            "/profile/email",
            &[("email", "moved@example.jp"), ("password", GOOD_PASSWORD)]
        )
        .await
        .status(),
        303
    );
    let store = app.store().await;
    assert_eq!(
        store
            .purge_spent_links(store::now() - 86_400)
            .await
            .expect("purge"),
        0,
        "live links stay"
    );
    // Two days later, both have ended more than a day ago.
    assert_eq!(
        store
            .purge_spent_links(store::now() + 2 * 86_400)
            .await
            .expect("purge"),
        2
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM email_changes").await, 0);
}
