//! Sign-in throttling that stops guessing without locking people out: failures count
//! per account and address (atomically, so parallel guesses cannot slip through), a
//! success clears only its own count, guesses from elsewhere never lock a member out
//! of an address they signed in from before, and the real client address comes from
//! a trusted proxy's header (the test app trusts 127.0.0.1 as its proxy). Applications
//! are throttled per address too.

use crate::helpers::{spawn_app, TestApp, GOOD_PASSWORD};

/// Signs in from `addr` (as the trusted proxy reports it); returns the status.
async fn login_from(app: &TestApp, email: &str, password: &str, addr: &str) -> u16 {
    let token = app.csrf().await;
    app.client
        .post(format!("{}/login", app.address))
        .header("x-forwarded-for", addr)
        .form(&[
            ("email", email),
            ("password", password),
            ("next", "/"),
            ("_csrf", token.as_str()),
        ])
        .send()
        .await
        .expect("POST /login")
        .status()
        .as_u16()
}

#[tokio::test]
async fn guesses_slow_down_one_account_from_one_address_even_with_the_right_password() {
    let app = spawn_app().await;
    app.register("target@example.jp", "Target").await;
    let b = app.new_browser();
    for _ in 0..5 {
        assert_eq!(
            login_from(&b, "target@example.jp", "wrong-guess", "203.0.113.5").await,
            422
        );
    }
    assert_eq!(
        login_from(&b, "target@example.jp", GOOD_PASSWORD, "203.0.113.5").await,
        429
    );
    let page = b.get("/login").await.text().await.unwrap();
    assert!(page.contains("Sign in"), "the page still works");
    // An unknown e-mail is throttled alike, revealing nothing.
    for _ in 0..5 {
        login_from(&b, "ghost@example.jp", "wrong-guess", "203.0.113.5").await;
    }
    assert_eq!(
        login_from(&b, "ghost@example.jp", "wrong-guess", "203.0.113.5").await,
        429
    );
}

#[tokio::test]
async fn guesses_from_elsewhere_do_not_lock_a_member_out_of_an_address_they_used() {
    let app = spawn_app().await;
    app.register("nurse@example.jp", "Nurse").await;
    let owner = app.new_browser();
    assert_eq!(
        login_from(&owner, "nurse@example.jp", GOOD_PASSWORD, "198.51.100.20").await,
        303
    );
    // An attacker guesses from many addresses until the account is slowed down for
    // every address it never signed in from.
    let attacker = app.new_browser();
    for i in 0..25 {
        let addr = format!("203.0.113.{}", 100 + i % 5);
        login_from(&attacker, "nurse@example.jp", "wrong-guess", &addr).await;
    }
    assert_eq!(
        login_from(
            &attacker,
            "nurse@example.jp",
            GOOD_PASSWORD,
            "203.0.113.200"
        )
        .await,
        429,
        "a new address waits"
    );
    // The member, at the ward's address, signs in as usual.
    let again = app.new_browser();
    assert_eq!(
        login_from(&again, "nurse@example.jp", GOOD_PASSWORD, "198.51.100.20").await,
        303
    );
}

#[tokio::test]
async fn a_shared_hospital_address_that_sprays_accounts_still_lets_its_members_in() {
    let app = spawn_app().await;
    app.register("real@example.jp", "Real").await;
    let member = app.new_browser();
    assert_eq!(
        login_from(&member, "real@example.jp", GOOD_PASSWORD, "192.0.2.44").await,
        303
    );
    // One address (the hospital's NAT) fails on fifty different accounts.
    let sprayer = app.new_browser();
    for i in 0..50 {
        let email = format!("spray{i}@example.jp");
        assert_eq!(
            login_from(&sprayer, &email, "wrong-guess", "192.0.2.44").await,
            422
        );
    }
    assert_eq!(
        login_from(&sprayer, "spray99@example.jp", "wrong-guess", "192.0.2.44").await,
        429,
        "the address is slowed down for accounts never used from it"
    );
    let again = app.new_browser();
    assert_eq!(
        login_from(&again, "real@example.jp", GOOD_PASSWORD, "192.0.2.44").await,
        303
    );
    // Elsewhere, nothing changed for anyone.
    let other = app.new_browser();
    assert_eq!(
        login_from(&other, "spray1@example.jp", "wrong-guess", "192.0.2.99").await,
        422
    );
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_past_the_count() {
    let app = spawn_app().await;
    app.register("busy@example.jp", "Busy").await;
    let b = app.new_browser();
    let token = b.csrf().await;
    let mut tasks = Vec::new();
    for _ in 0..30 {
        let client = b.client.clone();
        let url = format!("{}/login", b.address);
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .header("x-forwarded-for", "203.0.113.77")
                .form(&[
                    ("email", "busy@example.jp"),
                    ("password", "wrong-guess"),
                    ("next", "/"),
                    ("_csrf", token.as_str()),
                ])
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }));
    }
    let mut checked = 0;
    for t in tasks {
        match t.await.unwrap() {
            422 => checked += 1,
            429 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(checked, 5, "only the free allowance of guesses was checked");
}

#[tokio::test]
async fn a_success_clears_its_own_count_only() {
    let app = spawn_app().await;
    app.register("doc@example.jp", "Doc").await;
    let b = app.new_browser();
    for _ in 0..4 {
        assert_eq!(
            login_from(&b, "doc@example.jp", "wrong-guess", "198.51.100.7").await,
            422
        );
    }
    assert_eq!(
        login_from(&b, "doc@example.jp", GOOD_PASSWORD, "198.51.100.7").await,
        303
    );
    let c = app.new_browser();
    for _ in 0..4 {
        assert_eq!(
            login_from(&c, "doc@example.jp", "wrong-guess", "198.51.100.7").await,
            422,
            "the count started again after the success"
        );
    }
    // Another address's count was not cleared by that success.
    for _ in 0..5 {
        login_from(&c, "doc@example.jp", "wrong-guess", "203.0.113.8").await;
    }
    assert_eq!(
        login_from(&c, "doc@example.jp", GOOD_PASSWORD, "203.0.113.8").await,
        429
    );
}

/// Applies from `addr` (as the trusted proxy reports it); returns the response.
async fn apply_from(app: &TestApp, n: usize, addr: &str) -> reqwest::Response {
    let token = app.csrf().await;
    app.client
        .post(format!("{}/register", app.address))
        .header("x-forwarded-for", addr)
        .form(&[
            ("email", format!("nurse{n}@example.jp").as_str()),
            ("password", GOOD_PASSWORD),
            ("display_name", &format!("nurse_{n}")),
            ("profession", "nurse"),
            ("licence_number", "RN-445566"),
            ("jurisdiction", "Japan"),
            ("_csrf", token.as_str()),
        ])
        .send()
        .await
        .expect("POST /register")
}

#[tokio::test]
async fn applications_from_one_address_are_throttled_and_the_form_is_kept() {
    let app = spawn_app().await;
    // A hospital's onboarding day behind one proxy: thirty go through.
    for n in 0..30 {
        let res = apply_from(&app.new_browser(), n, "198.51.100.7").await;
        assert_eq!(res.status().as_u16(), 303, "application {n}");
    }
    let res = apply_from(&app.new_browser(), 30, "198.51.100.7").await;
    assert_eq!(res.status().as_u16(), 429);
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many applications were sent from this network"));
    assert!(
        page.contains("nurse30@example.jp"),
        "what was typed comes back"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email = 'nurse30@example.jp'")
            .await,
        0
    );
    // Another network is not slowed down.
    let res = apply_from(&app.new_browser(), 31, "203.0.113.9").await;
    assert_eq!(res.status().as_u16(), 303);
}

#[tokio::test]
async fn a_count_written_a_second_later_by_a_parallel_request_does_not_refuse_a_free_one() {
    let app = spawn_app().await;
    let store = app.store().await;
    // A parallel request read the clock a moment later and counted first: its row
    // says "last at t+5, not blocked" (a free attempt's delay is 0).
    let later = store::now() + 5;
    sqlx::query(
        "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) \
         VALUES ('reg:test', 1, $1, $1)",
    )
    .bind(later)
    .execute(store.pool())
    .await
    .expect("seed a count");
    // This request's own reading is earlier; it is still within the allowance.
    let wait = store
        .throttle_take("reg:test", 10, |n| if n < 10 { 0 } else { 30 })
        .await
        .expect("throttle");
    assert_eq!(wait, None, "a free attempt was refused");
    assert_eq!(
        app.count("SELECT failures FROM login_throttle WHERE key = 'reg:test'")
            .await,
        2
    );
    // A real block still holds.
    sqlx::query("UPDATE login_throttle SET blocked_until = $1 WHERE key = 'reg:test'")
        .bind(later + 60)
        .execute(store.pool())
        .await
        .expect("block");
    let wait = store
        .throttle_take("reg:test", 10, |n| if n < 10 { 0 } else { 30 })
        .await
        .expect("throttle");
    assert!(wait.is_some(), "blocked");
}
