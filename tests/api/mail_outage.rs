//! The outbox under load (SQLite and PostgreSQL): 1,000 notification letters queued
//! while the SMTP server is down for 30 seconds all arrive once it returns, none twice,
//! although two senders (as two `rounds serve` processes on one database) work the
//! same outbox.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use domain::i18n::Lang;
use mail::{Delivery, Letter, Mailer, SenderOptions, Transport};
use store::outbox::NewMail;

use crate::helpers::{fresh_database, spawn_app_with};
use crate::smtp::SmtpSink;

const LETTERS: usize = 1000;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_queued_during_an_outage_arrive_once_each() {
    // The app only provides a migrated database (its own sender is off), so the two
    // senders below are the ones under test.
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = fresh_database(dir.path()).await;
    let app = spawn_app_with(dir, db_url, |s| s.mail.poll_ms = 0).await;
    let store = app.store().await;
    let port = free_port();
    let inbox = tempfile::tempdir().expect("temp dir");
    let mut sink = SmtpSink::stopped(port, inbox.path());
    let mailer = Mailer::new(
        "Rounds <rounds@hospital.example>",
        "http://rounds.test",
        Delivery::Smtp {
            host: format!("127.0.0.1:{port}"),
        },
    )
    .expect("mailer");

    // Replies to watched threads, say: each with its one-click unsubscribe link.
    for chunk in 0..LETTERS / 100 {
        let mut tx = store.begin().await.expect("begin");
        for n in chunk * 100..(chunk + 1) * 100 {
            let to = format!("member{n}@example.jp");
            let letter = Letter {
                kind: "notification",
                lang: Lang::En,
                subject: format!("New reply #{n}"),
                before: vec!["A colleague replied in a thread you watch.".into()],
                link: Some(("Open the reply".into(), format!("http://rounds.test/p/{n}"))),
                after: vec![],
                unsubscribe: Some(format!("http://rounds.test/unsubscribe/{n}")),
            };
            let message = mailer.message(&letter, &to).expect("message");
            tx.enqueue_mail(NewMail {
                kind: "notification",
                user_id: None,
                to_addr: &to,
                message: &message,
            })
            .await
            .expect("queued");
        }
        tx.commit().await.expect("commit");
    }

    let opts = SenderOptions {
        poll: Duration::from_millis(200),
        retry_base: Duration::from_millis(500),
        retry_cap: Duration::from_secs(2),
    };
    let url = format!("smtp://127.0.0.1:{port}");
    let senders: Vec<_> = (0..2)
        .map(|_| {
            tokio::spawn(mail::sender::run(
                store.clone(),
                Transport::smtp(&url).expect("transport"),
                mailer.clone(),
                opts,
            ))
        })
        .collect();

    // Thirty seconds with the server down: nothing sent, nothing given up.
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_eq!(sink.count(), 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            .await,
        LETTERS as i64
    );

    sink.run();
    let end = Instant::now() + Duration::from_secs(180);
    while sink.count() < LETTERS && Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // A little longer: a duplicate would arrive now.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for s in senders {
        s.abort();
    }
    let delivered = sink.messages();
    assert_eq!(delivered.len(), LETTERS, "every letter, once");
    let ids: HashSet<&str> = delivered.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(ids.len(), LETTERS, "no message twice");
    let to: HashSet<&str> = delivered.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(to.len(), LETTERS, "each recipient once");
    let one = &delivered[0];
    assert!(one
        .headers
        .contains("List-Unsubscribe: <http://rounds.test/unsubscribe/"));
    assert!(one
        .headers
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(!one.text.is_empty() && !one.html.is_empty());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
            .await,
        LETTERS as i64
    );
}
