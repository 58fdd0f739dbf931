//! Rendering a thread page with 50 replies, through the real router (session
//! look-up, access check, database reads, server-side rendering of the leptos app),
//! on SQLite in a temporary directory.
//!
//! Run: `cargo bench -p server --bench thread_page`.

use axum::body::Body;
use axum::http::Request;
use criterion::{criterion_group, criterion_main, Criterion};
use tower::ServiceExt;

use domain::fields::{NewPost, PostForm};
use domain::models::{Role, Status};
use domain::screening::screen;
use phi::{Detector, SiteLists};
use store::NewUser;

const REPLY: &str = "We aim for an AUC of 400–600 rather than a trough; in **older adults** with an eGFR under 30 we load with 20–25 mg/kg and then dose by levels.\n\n- check levels before the 4th dose\n- watch for nephrotoxicity with piperacillin-tazobactam\n\nSee https://www.who.int/ for the stewardship guidance.";

fn thread_page(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = server::Settings {
        listen: "127.0.0.1:0".parse().expect("addr"),
        database_url: format!("sqlite://{}", dir.path().join("rounds.db").display()),
        data_dir: dir.path().to_path_buf(),
        secure_cookies: false,
        default_lang: domain::i18n::Lang::En,
        site_root: dir.path().join("site"),
        retention_days: 7,
        claim_minutes: 15,
        search_dir: dir.path().join("search"),
        search_poll_ms: 0,
        trusted_proxies: Vec::new(),
        audit_key_file: std::env::temp_dir().join("rounds-bench-audit.key"),
        client_timeout_ms: 30_000,
        registrations_per_address: 30,
        mail: server::settings::MailSettings::files(dir.path(), "http://127.0.0.1:3000"),
    };
    let (router, cookie, thread) = rt.block_on(async {
        let store = server::open_store(&settings).await.expect("store");
        let mut tx = store.begin().await.expect("begin");
        let user = tx
            .create_user(&NewUser {
                email: "bench@rounds.invalid".into(),
                password_hash: "x".into(),
                display_name: "bench_user".into(),
                profession: "physician".into(),
                licence_number: "B".into(),
                jurisdiction: "-".into(),
                npi: None,
                specialty: String::new(),
                workplace: String::new(),
                role: Role::Member,
                status: Status::Verified,
            })
            .await
            .expect("user");
        let detector = Detector::new(SiteLists::default());
        let draft = |title: Option<&str>, body: &str| {
            let form = PostForm {
                title: title.map(str::to_string),
                tags: title.map(|_| "antibiotics".to_string()),
                body: body.to_string(),
                send_for_review: false,
            };
            screen(
                &detector,
                user,
                &NewPost::try_from(&form).expect("valid post"),
            )
        };
        let thread = tx
            .create_thread(1, &draft(Some("Vancomycin in older adults"), REPLY))
            .await
            .expect("thread")
            .thread_id;
        for _ in 0..50 {
            tx.create_reply(thread, &draft(None, REPLY))
                .await
                .expect("reply");
        }
        tx.commit().await.expect("commit");
        let token = server::session::random_token();
        store
            .create_session(&server::session::hash_token(&token), user, 3600, "", true)
            .await
            .expect("session");
        let search = server::open_search(&settings, &store)
            .await
            .expect("search");
        (
            server::build_router(
                &settings,
                store,
                search,
                server::mailing::mailer(&settings).expect("mailer").0,
            ),
            format!("rounds_session={token}"),
            thread,
        )
    });
    // 50 replies + the opening post = 51 posts: pages of 20, so ask for all three.
    let mut group = c.benchmark_group("thread_page");
    // Baseline in the same run: the sign-in page (the same shell, no data).
    group.bench_function("GET /login (baseline)", |b| {
        b.to_async(&rt).iter(|| {
            let req = Request::get("/login").body(Body::empty()).expect("request");
            let router = router.clone();
            async move {
                let res = router.oneshot(req).await.expect("response");
                axum::body::to_bytes(res.into_body(), usize::MAX)
                    .await
                    .expect("body")
                    .len()
            }
        })
    });
    for page in [1, 3] {
        group.bench_function(format!("GET /t/{{id}}?page={page} (50 replies)"), |b| {
            b.to_async(&rt).iter(|| {
                let req = Request::get(format!("/t/{thread}?page={page}"))
                    .header("cookie", &cookie)
                    .body(Body::empty())
                    .expect("request");
                let router = router.clone();
                async move {
                    let res = router.oneshot(req).await.expect("response");
                    assert_eq!(res.status(), 200);
                    axum::body::to_bytes(res.into_body(), usize::MAX)
                        .await
                        .expect("body")
                        .len()
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, thread_page);
criterion_main!(benches);
