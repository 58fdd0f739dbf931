//! The worst inputs Rounds accepts, sent in parallel, do not stall the server:
//! screening the longest post the form takes (dense with what the detector looks
//! for), password hashing for registrations and sign-ins, the longest search
//! query and a huge tag list all run off the async runtime (or are refused before
//! any per-item work), and `/healthz` keeps answering within 100 ms throughout.
//! Runs alone (see `.config/nextest.toml`): it measures latency.

use std::time::{Duration, Instant};

use domain::fields::{Body, SEARCH_MAX};

use crate::helpers::{spawn_app, TestApp, GOOD_PASSWORD};

/// The longest body the form takes, made of what keeps the detector busiest:
/// names, dates, ages, phone numbers, addresses, in both languages.
fn worst_body() -> String {
    let unit = "Mr Okafor (91) saw Dr. Lin on 12/03/2024 at 4-2-1 Hongo, tel 090-1234-5678; \
                山田太郎さん（96歳）は令和5年3月12日に入院。";
    let mut body = String::new();
    while body.chars().count() + unit.chars().count() <= Body::MAX {
        body.push_str(unit);
    }
    body
}

async fn worst_posts(client: TestApp, body: String) {
    for n in 0..2 {
        let res = client
            .post_form(
                "/new-topic",
                &[
                    ("category", "internal-medicine"),
                    ("title", &format!("Worst case {n}")),
                    ("tags", ""),
                    ("body", &body),
                ],
            )
            .await;
        assert!(res.status().as_u16() < 500, "{}", res.status());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_within_100_ms_while_the_worst_inputs_arrive_in_parallel() {
    let app = spawn_app().await;
    let mut members = Vec::new();
    for n in 0..4 {
        let m = app.new_browser();
        m.member(&format!("w{n}@example.jp"), &format!("worst_{n}"))
            .await;
        members.push(m);
    }
    let body = worst_body();
    let mut load = Vec::new();
    for m in &members {
        let (client, body) = (m.on(&app.address), body.clone());
        load.push(tokio::spawn(worst_posts(client, body)));
    }
    for n in 0..4 {
        let client = app.new_browser();
        load.push(tokio::spawn(async move {
            let res = client
                .post_form(
                    "/register",
                    &[
                        ("email", &format!("new{n}@example.jp")),
                        ("password", GOOD_PASSWORD),
                        ("display_name", &format!("applicant_{n}")),
                        ("profession", "nurse"),
                        ("licence_number", "RN-445566"),
                        ("jurisdiction", "Japan"),
                    ],
                )
                .await;
            assert!(res.status().as_u16() < 500);
            let res = client
                .login("w0@example.jp", "not-the-password-at-all")
                .await;
            assert!(res.status().as_u16() < 500);
        }));
    }
    let tags = (0..100_000)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    let query = "pneumonia ".repeat(SEARCH_MAX / 10);
    let (tagger, searcher) = (members[0].on(&app.address), members[1].on(&app.address));
    load.push(tokio::spawn(async move {
        let res = tagger
            .post_form(
                "/new-topic",
                &[
                    ("category", "internal-medicine"),
                    ("title", "Many tags"),
                    ("tags", &tags),
                    ("body", "Short."),
                ],
            )
            .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        for _ in 0..5 {
            searcher.search_with(&query, "relevance", "").await;
        }
    }));

    // Poll /healthz until every worst input has been answered.
    let probe = app.new_browser();
    let (mut worst, mut probes) = (Duration::ZERO, 0);
    let started = Instant::now();
    while load.iter().any(|j| !j.is_finished()) {
        let t = Instant::now();
        let res = probe.get("/healthz").await;
        assert_eq!(res.status().as_u16(), 200);
        worst = worst.max(t.elapsed());
        probes += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for j in load {
        j.await.expect("worst input answered");
    }
    eprintln!("/healthz: worst {worst:?} over {probes} probes");
    assert!(
        probes >= 5,
        "the load lasted long enough to measure ({probes} probes in {:?})",
        started.elapsed()
    );
    assert!(
        worst < Duration::from_millis(100),
        "/healthz took {worst:?} at worst over {probes} probes in {:?}",
        started.elapsed()
    );
}
