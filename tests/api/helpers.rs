//! `spawn_app()` and the HTTP helpers the tests share.

use std::net::SocketAddr;
use std::sync::Arc;

use domain::models::{Role, Status};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::redirect::Policy;
use server::Settings;
use store::{NewUser, Store};

/// A password that passes the strength rules.
pub const GOOD_PASSWORD: &str = "tidal-morphine-ladder-93";

/// The two-factor key of every staff account the tests seed (base32, 160 bits).
pub const TEST_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// A running app and a browser-like client with its own cookies.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// The database the app uses.
    pub db_url: String,
    /// Settings the app was started with.
    pub settings: Settings,
    /// The cookies of this browser.
    pub jar: Arc<Jar>,
    /// A client with cookies that does not follow redirects.
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

/// Which database the suite runs on.
pub fn backend() -> String {
    std::env::var("ROUNDS_TEST_BACKEND").unwrap_or_else(|_| "sqlite".into())
}

pub async fn fresh_database(dir: &std::path::Path) -> String {
    if backend() == "postgres" {
        let base = std::env::var("ROUNDS_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("rounds_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
            .await
            .expect("PostgreSQL must be reachable at ROUNDS_TEST_DATABASE_URL");
        sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("create test database");
        let (prefix, _) = base.rsplit_once('/').expect("database URL has a path");
        format!("{prefix}/{name}")
    } else {
        format!("sqlite://{}", dir.join("rounds.db").display())
    }
}

/// Starts the real app on a random port with a fresh database.
pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = fresh_database(dir.path()).await;
    spawn_app_on(dir, db_url).await
}

/// A copy of the database at `db_url` (a backup taken the way an operator would:
/// `VACUUM INTO` on SQLite, `pg_dump` on PostgreSQL), written to a new database
/// whose URL is returned, as a restore would bring it back.
pub async fn backup_database(db_url: &str, dir: &std::path::Path) -> String {
    if let Some(path) = db_url.strip_prefix("sqlite://") {
        let copy = dir.join(format!("backup-{}.db", uuid::Uuid::new_v4().simple()));
        sqlx::any::install_default_drivers();
        let mut conn =
            <sqlx::AnyConnection as sqlx::Connection>::connect(&format!("sqlite://{path}"))
                .await
                .expect("open the database to back up");
        let sql = format!("VACUUM INTO '{}'", copy.display());
        sqlx::Executor::execute(&mut conn, sql.as_str())
            .await
            .expect("VACUUM INTO");
        return format!("sqlite://{}", copy.display());
    }
    let restored = fresh_database(dir).await;
    let dump = std::process::Command::new("pg_dump")
        .args(["--no-owner", "-d", db_url])
        .output()
        .expect("pg_dump runs");
    assert!(dump.status.success(), "pg_dump failed");
    let mut psql = std::process::Command::new("psql")
        .args(["-q", "-v", "ON_ERROR_STOP=1", "-d", &restored])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("psql runs");
    std::io::Write::write_all(psql.stdin.as_mut().expect("stdin"), &dump.stdout)
        .expect("restore written");
    drop(psql.stdin.take());
    assert!(psql.wait().expect("psql ends").success(), "restore failed");
    restored
}

/// Starts the real app on a random port with the database at `db_url`.
pub async fn spawn_app_on(dir: tempfile::TempDir, db_url: String) -> TestApp {
    spawn_app_with(dir, db_url, |_| {}).await
}

/// Starts the real app as [`spawn_app_on`] does, with settings changed by `change`
/// first (an SMTP server, say).
pub async fn spawn_app_with(
    dir: tempfile::TempDir,
    db_url: String,
    change: impl FnOnce(&mut Settings),
) -> TestApp {
    let mut settings = Settings {
        listen: "127.0.0.1:0".parse().expect("addr"),
        database_url: db_url.clone(),
        data_dir: dir.path().to_path_buf(),
        secure_cookies: false,
        default_lang: app::i18n::Lang::En,
        site_root: dir.path().join("site"),
        retention_days: 7,
        claim_minutes: 15,
        search_dir: dir.path().join("search"),
        search_poll_ms: 200,
        // Tests stand in for a reverse proxy on 127.0.0.1: their X-Forwarded-For
        // names the client (see the throttling tests).
        trusted_proxies: vec![std::net::Ipv4Addr::LOCALHOST.into()],
        audit_key_file: dir.path().join("audit.key"),
        client_timeout_ms: 30_000,
        registrations_per_address: 30,
        mail: server::settings::MailSettings::files(dir.path(), "http://rounds.test"),
    };
    change(&mut settings);
    let router = server::build_app(&settings).await.expect("build app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    let jar = Arc::new(Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(Policy::none())
        .build()
        .expect("client");
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        db_url,
        settings,
        jar,
        client,
        _dir: dir,
    }
}

impl TestApp {
    /// Another browser on the same app (its own cookies).
    pub fn new_browser(&self) -> TestApp {
        self.new_browser_as("")
    }

    /// Another browser that names itself with this `User-Agent` ("" for none).
    pub fn new_browser_as(&self, user_agent: &str) -> TestApp {
        let jar = Arc::new(Jar::default());
        let mut builder = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none());
        if !user_agent.is_empty() {
            builder = builder.user_agent(user_agent.to_string());
        }
        let client = builder.build().expect("client");
        TestApp {
            address: self.address.clone(),
            db_url: self.db_url.clone(),
            settings: self.settings.clone(),
            jar,
            client,
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The same browser (cookies) talking to another server at `address` — another
    /// `rounds serve` process on the same database.
    pub fn on(&self, address: &str) -> TestApp {
        TestApp {
            address: address.to_string(),
            db_url: self.db_url.clone(),
            settings: self.settings.clone(),
            jar: self.jar.clone(),
            client: self.client.clone(),
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Searches through the search server function, as the page does.
    pub async fn search(&self, q: &str) -> domain::models::SearchResults {
        self.search_with(q, "", "").await
    }

    /// Searches with a sort order and/or inside a thread.
    pub async fn search_with(
        &self,
        q: &str,
        order: &str,
        thread: &str,
    ) -> domain::models::SearchResults {
        let res = self
            .client
            .post(format!("{}/api/search_posts", self.address))
            .form(&[
                ("q", q),
                ("page", "1"),
                ("order", order),
                ("thread", thread),
            ])
            .send()
            .await
            .expect("search request");
        assert_eq!(res.status().as_u16(), 200, "search answers 200");
        res.json().await.expect("search results")
    }

    /// The app's store, opened separately (as an operator's tool would).
    pub async fn store(&self) -> Store {
        // As the server opens it: with the audit key, so audit entries written here
        // keep the chain anchored.
        server::router::open_store(&self.settings)
            .await
            .expect("store")
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("GET")
    }

    /// GET a path and return status and body.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.expect("body"))
    }

    /// The CSRF cookie, fetching a page first if there is none yet.
    pub async fn csrf(&self) -> String {
        if let Some(t) = self.cookie("rounds_csrf") {
            return t;
        }
        self.get("/login").await;
        self.cookie("rounds_csrf")
            .expect("the app sets a CSRF cookie")
    }

    /// A cookie's value for the app's URL.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.address.parse().ok()?;
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    /// POST a form with the right CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &token));
        self.client
            .post(format!("{}{path}", self.address))
            .form(&all)
            .send()
            .await
            .expect("POST")
    }

    /// POST raw bytes as a form body.
    pub async fn post_raw(&self, path: &str, body: Vec<u8>) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// Registers an applicant with valid details and, as the applicant then does,
    /// signs in with them (registering never signs in: its answer must not reveal
    /// whether the address had an account). Returns the registration's response.
    pub async fn register(&self, email: &str, name: &str) -> reqwest::Response {
        let res = self.apply(email, name).await;
        if res.status().as_u16() == 303 {
            self.login(email, GOOD_PASSWORD).await;
        }
        res
    }

    /// Sends an application with valid details, without signing in.
    pub async fn apply(&self, email: &str, name: &str) -> reqwest::Response {
        self.post_form(
            "/register",
            &[
                ("email", email),
                ("password", GOOD_PASSWORD),
                ("display_name", name),
                ("profession", "nurse"),
                ("licence_number", "RN-445566"),
                ("jurisdiction", "Japan"),
                ("npi", ""),
                ("specialty", "Geriatrics"),
                ("workplace", "Somewhere General"),
            ],
        )
        .await
    }

    /// Signs in; an account with two-factor sign-in on (seeded staff) answers the
    /// code step too, and the final answer is returned.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        let res = self
            .post_form(
                "/login",
                &[("email", email), ("password", password), ("next", "/")],
            )
            .await;
        if location(&res) != domain::access::SIGN_IN_CODE_PATH {
            return res;
        }
        let code = self.next_code(email).await;
        self.post_form(domain::access::SIGN_IN_CODE_PATH, &[("code", &code)])
            .await
    }

    /// Creates an account directly in the database and signs this browser in as it.
    pub async fn sign_in_as(&self, email: &str, name: &str, role: Role, status: Status) -> i64 {
        let store = self.store().await;
        let hash = ops::passwords::hash(GOOD_PASSWORD.into())
            .await
            .expect("hash");
        let mut tx = store.begin().await.expect("begin");
        let id = tx
            .create_user(&NewUser {
                email: email.into(),
                password_hash: hash,
                display_name: name.into(),
                profession: "physician".into(),
                licence_number: "MD-1".into(),
                jurisdiction: "Japan".into(),
                npi: None,
                specialty: String::new(),
                workplace: String::new(),
                role,
                status,
            })
            .await
            .expect("create user");
        if role.can_moderate() {
            // Staff sign in with a code: their key is set up as if from the page.
            tx.begin_two_factor(id, TEST_TOTP_SECRET)
                .await
                .expect("key");
            tx.enable_two_factor(id).await.expect("key on");
        }
        tx.commit().await.expect("commit");
        let res = self.login(email, GOOD_PASSWORD).await;
        assert_eq!(res.status().as_u16(), 303, "sign-in of a seeded account");
        id
    }

    /// Sets up two-factor sign-in from the page as a member does: reads the key the
    /// page offers, answers with the app's code; returns the recovery codes shown.
    pub async fn enrol_two_factor(&self) -> Vec<String> {
        let state: domain::models::TwoFactorState = self
            .get("/api/two_factor_state")
            .await
            .json()
            .await
            .expect("two-factor state");
        let secret: String = state
            .setup
            .expect("a key to set up")
            .secret
            .split_whitespace()
            .collect();
        // The oldest code still accepted, leaving the newer ones for sign-ins to come.
        let code = totp_code(&secret, store::now() - 30);
        let res = self
            .post_form(
                domain::access::TWO_FACTOR_PATH,
                &[("action", "enable"), ("code", &code)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "two-factor turned on");
        let page = res.text().await.expect("body");
        page.split("<li><code>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</code>").map(|(c, _)| c.to_string()))
            .collect()
    }

    /// The next code of `TEST_TOTP_SECRET` that account `email` has not spent: a code
    /// works once, so a test that signs in often waits for the next 30-second step.
    pub async fn next_code(&self, email: &str) -> String {
        self.next_code_of(email, TEST_TOTP_SECRET).await
    }

    /// The next unspent code of key `secret` for account `email` (waiting for the
    /// next step when the three a sign-in accepts are spent).
    pub async fn next_code_of(&self, email: &str, secret: &str) -> String {
        let store = self.store().await;
        let user = store
            .user_by_email(email)
            .await
            .expect("query")
            .expect("user");
        let last = store
            .two_factor(user.id)
            .await
            .expect("query")
            .map(|r| r.last_step)
            .unwrap_or(0);
        loop {
            let now = store::now();
            let step = (last + 1).max(now / 30 - 1);
            if step <= now / 30 + 1 {
                return totp_code(secret, step * 30);
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }

    /// The id of an account by email.
    pub async fn user_id(&self, email: &str) -> i64 {
        self.store()
            .await
            .user_by_email(email)
            .await
            .expect("query")
            .expect("user exists")
            .applicant
            .id
    }
}

/// The code an authenticator app shows at unix time `at` for base32 key `secret`.
pub fn totp_code(secret: &str, at: i64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.into())
        .to_bytes()
        .expect("base32");
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "t".into())
        .expect("totp")
        .generate(at as u64)
}

/// The Location header of a redirect.
pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// A post body that the detector holds: a patient's name and date of birth.
pub const PHI_BODY: &str =
    "Mrs. Eleanor Whitfield, born 14 March 1941, was admitted with aspiration pneumonia.";

/// A clean case description.
pub const CLEAN_BODY: &str = "Woman in her 80s with aspiration pneumonia after a stroke. \
     We started ampicillin-sulbactam; what do you use when there is a penicillin allergy?";

impl TestApp {
    /// Signs in a fresh verified member and returns their id.
    pub async fn member(&self, email: &str, name: &str) -> i64 {
        self.sign_in_as(email, name, Role::Member, Status::Verified)
            .await
    }

    /// Starts a thread in Internal medicine; returns the response (303 expected).
    pub async fn post_thread(&self, title: &str, body: &str) -> reqwest::Response {
        self.post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", title),
                ("tags", "antibiotics"),
                ("body", body),
            ],
        )
        .await
    }

    /// Starts a thread and returns (thread id or 0, post id or 0) from the redirect.
    pub async fn start_thread(&self, title: &str, body: &str) -> (i64, i64) {
        let res = self.post_thread(title, body).await;
        assert_eq!(res.status().as_u16(), 303, "thread posted");
        ids_from(&location(&res))
    }

    /// Replies to a thread; returns the redirect target.
    pub async fn reply(&self, thread: i64, body: &str) -> String {
        let res = self
            .post_form(&format!("/t/{thread}/reply"), &[("body", body)])
            .await;
        assert_eq!(res.status().as_u16(), 303, "reply posted");
        location(&res)
    }

    /// A row count straight from the database.
    pub async fn count(&self, sql: &str) -> i64 {
        let store = self.store().await;
        let row = sqlx::query(sql)
            .fetch_one(store.pool())
            .await
            .expect("count query");
        sqlx::Row::try_get::<i64, _>(&row, 0).expect("count")
    }
}

/// (thread id, post id) from `/t/{t}?…#post-{p}` or (0, post id) from `/p/{p}`.
pub fn ids_from(location: &str) -> (i64, i64) {
    if let Some(rest) = location.strip_prefix("/p/") {
        return (0, rest.parse().expect("post id"));
    }
    let rest = location.strip_prefix("/t/").expect("thread location");
    let thread = rest
        .split(['?', '#'])
        .next()
        .and_then(|s| s.parse().ok())
        .expect("thread id");
    let post = rest
        .rsplit_once("#post-")
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(0);
    (thread, post)
}

impl TestApp {
    /// Claims a moderation queue item (`held`, `report`, `verification`) for this browser.
    pub async fn claim(&self, kind: &str, id: i64) {
        let res = self
            .post_form(
                "/mod/claim",
                &[
                    ("kind", kind),
                    ("id", &id.to_string()),
                    ("return_to", "/mod/queue"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "claim answered");
    }
}
