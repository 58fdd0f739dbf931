//! Random bytes into every form and every server function, as a fuzzer would send
//! them, signed in as an admin (who reaches every handler) and with a valid CSRF
//! token, so requests get past the gates into the parsing: whatever arrives, the
//! answer is never a 5xx. Deterministic (a fixed xorshift stream), so a failure
//! names the request that caused it and reproduces.

use domain::models::{Role, Status};

use crate::helpers::{spawn_app, CLEAN_BODY};

/// Form handlers (the `{id}` is filled with real, absurd and malformed ids).
const FORMS: &[&str] = &[
    "/register",
    "/login",
    "/lang",
    "/pending",
    "/mod/verification",
    "/admin/users",
    "/admin/site-lists",
    "/admin/categories",
    "/new-topic",
    "/t/{id}/reply",
    "/t/{id}/answer",
    "/p/{id}",
    "/p/{id}/report",
    "/p/{id}/helpful",
    "/p/{id}/bookmark",
    "/notifications",
    "/mod/claim",
    "/mod/held/{id}",
    "/mod/held/{id}/finding",
    "/mod/report/{id}",
    "/mod/thread/{id}",
    "/mod/post/{id}",
    "/logout-all",
    "/logout",
];

/// Server functions under `/api/`.
const FUNCTIONS: &[&str] = &[
    "load_forum",
    "load_thread",
    "load_post",
    "composer_lists",
    "preview_post",
    "load_bookmark",
    "my_bookmarks",
    "my_notifications",
    "verification_queue",
    "list_users",
    "my_profile",
    "search_posts",
    "mod_queue",
    "load_held",
    "load_report",
    "admin_site_lists",
    "admin_detector_record",
    "admin_categories",
];

/// Field names the handlers read, and some they do not.
const FIELDS: &[&str] = &[
    "id",
    "kind",
    "decision",
    "reason",
    "body",
    "title",
    "tags",
    "category",
    "action",
    "flag",
    "on",
    "email",
    "password",
    "display_name",
    "role",
    "term",
    "list",
    "slug",
    "name_en",
    "name_ja",
    "position",
    "lang",
    "next",
    "return_to",
    "note",
    "page",
    "q",
    "order",
    "thread",
    "quote",
    "older",
    "newer",
    "finding",
    "start",
    "end",
    "x",
];

struct Rand(u64);

impl Rand {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A value: raw bytes (NUL, controls, invalid UTF-8), numbers at the edges,
    /// long runs, or ordinary text.
    fn value(&mut self) -> Vec<u8> {
        match self.below(7) {
            0 => (0..self.below(40)).map(|_| self.next() as u8).collect(),
            1 => [
                "0",
                "-1",
                "9223372036854775807",
                "9223372036854775808",
                "1e9",
                "NaN",
                "1.5",
            ][self.below(7)]
            .into(),
            2 => vec![b'a'; self.below(200_000)],
            3 => CLEAN_BODY.as_bytes().to_vec(),
            4 => vec![0, 0x1b, b'[', 0x7f, 0xc0, 0x80, 0xed, 0xa0, 0x80],
            5 => "田中　太郎 \u{202e} \u{200b} &#84; %00".as_bytes().to_vec(),
            _ => Vec::new(),
        }
    }
}

/// `key=value&…` with each byte of the values percent-encoded as it comes.
fn encode(pairs: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        for b in k.iter().chain(std::iter::once(&b'=')).chain(v) {
            if b.is_ascii_alphanumeric() || *b == b'=' {
                out.push(*b);
            } else {
                out.extend(format!("%{b:02X}").bytes());
            }
        }
    }
    out
}

#[tokio::test]
async fn random_input_into_every_form_and_server_function_is_never_a_5xx() {
    let app = spawn_app().await;
    app.sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let (thread, post) = app
        .start_thread("Antibiotics for aspiration pneumonia", CLEAN_BODY)
        .await;
    let ids = [
        thread.to_string(),
        post.to_string(),
        "0".into(),
        "-5".into(),
        "abc".into(),
        "99999999999999999999".into(),
        "%00".into(),
    ];
    let csrf = app.csrf().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let session = app.cookie("rounds_session").expect("signed in");
    let cookie = format!("rounds_session={session}; rounds_csrf={csrf}");
    let mut rand = Rand(0x9e37_79b9_7f4a_7c15);
    let mut seen = 0;
    for round in 0..12 {
        for path in FORMS
            .iter()
            .filter(|p| round < 11 || p.starts_with("/logout"))
        {
            let path = path.replace("{id}", &ids[rand.below(ids.len())]);
            let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = (0..rand.below(8))
                .map(|_| {
                    let key = if rand.below(8) == 0 {
                        rand.value()
                    } else {
                        FIELDS[rand.below(FIELDS.len())].into()
                    };
                    (key, rand.value())
                })
                .collect();
            if rand.below(6) != 0 {
                pairs.push((b"_csrf".to_vec(), csrf.clone().into_bytes()));
            }
            let body = encode(&pairs);
            let res = client
                .post(format!("{}{path}", app.address))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body.clone())
                .send()
                .await
                .expect("POST");
            let status = res.status().as_u16();
            assert!(
                status < 500,
                "POST {path} with {:?} → {status}",
                String::from_utf8_lossy(&body)
            );
            seen += 1;
        }
        for f in FUNCTIONS {
            let pairs: Vec<(Vec<u8>, Vec<u8>)> = (0..rand.below(6))
                .map(|_| (FIELDS[rand.below(FIELDS.len())].into(), rand.value()))
                .collect();
            let query = String::from_utf8(encode(&pairs)).expect("ascii");
            let get = client
                .get(format!(
                    "{}/api/{f}?{}",
                    app.address,
                    &query[..query.len().min(8000)]
                ))
                .header("cookie", &cookie)
                .send()
                .await
                .expect("GET");
            assert!(
                get.status().as_u16() < 500,
                "GET /api/{f}?{query:.200} → {}",
                get.status()
            );
            let post = client
                .post(format!("{}/api/{f}", app.address))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(encode(&pairs))
                .send()
                .await
                .expect("POST");
            assert!(
                post.status().as_u16() < 500,
                "POST /api/{f} with {query:.200} → {}",
                post.status()
            );
            seen += 2;
        }
    }
    assert!(seen > 500, "{seen} requests");
    // And the server still serves.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}
