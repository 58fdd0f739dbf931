//! A site that sends no e-mail (SQLite and PostgreSQL): without SMTP, letters are only
//! written to the mail directory, so "forgot your password" tells the member to ask
//! the administrator for the link instead of to watch their inbox — the same answer
//! whether or not the address has an account — and the link is there for the admin.

use crate::helpers::{location, spawn_app};

#[tokio::test]
async fn without_smtp_the_answer_sends_the_member_to_the_administrator() {
    let app = spawn_app().await;
    app.member("nurse@example.jp", "Sato RN").await;
    let visitor = app.new_browser();
    let known = visitor
        .post_form("/forgot", &[("email", "nurse@example.jp")])
        .await;
    let unknown = visitor
        .post_form("/forgot", &[("email", "nobody@example.jp")])
        .await;
    assert_eq!(known.status(), 303);
    assert_eq!(location(&unknown), location(&known));
    let (_, after) = visitor.page(&location(&known)).await;
    assert!(
        after.contains("This site sends no e-mail: ask its administrator for the link"),
        "{after}"
    );
    assert!(!after.contains("on its way"));
    // The letter is in the mail directory, where the administrator finds it.
    let dir = app.settings.mail.dir.clone();
    let mut letters = 0;
    for _ in 0..100 {
        letters = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        if letters > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(letters, 1, "one letter, for the account only");
}
