//! A real SMTP server for the e-mail tests: `tests/scripts/smtp_sink.py` (aiosmtpd,
//! installed by `make test`) in a child process, writing each delivered message to a
//! directory the test reads. Stopped when dropped; a test can stop and restart it on
//! the same port to play an outage.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One delivered message, decoded.
#[derive(Clone, Debug)]
pub struct Delivered {
    /// Envelope recipients, comma-separated.
    pub to: String,
    pub subject: String,
    pub message_id: String,
    /// Every header, raw (for `List-Unsubscribe` and friends).
    pub headers: String,
    /// The `text/plain` part.
    pub text: String,
    /// The `text/html` part.
    pub html: String,
}

impl Delivered {
    /// The path (on this site) of the letter's one-click unsubscribe link
    /// (`List-Unsubscribe`), if it has one.
    pub fn unsubscribe_path(&self) -> Option<String> {
        self.headers
            .lines()
            .find_map(|l| l.strip_prefix("List-Unsubscribe: <"))
            .and_then(|l| l.strip_suffix('>'))
            .and_then(|l| l.strip_prefix("http://rounds.test"))
            .map(str::to_string)
    }
}

/// Posts a one-click unsubscribe (RFC 8058) to `path` of the app at `address` as a
/// mail client does: no cookie, no token, an Origin that is not ours, no redirect
/// followed.
pub async fn one_click(address: &str, path: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(format!("{address}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://mail.example")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("post")
}

/// A running SMTP server.
pub struct SmtpSink {
    pub port: u16,
    dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
    auth: Option<String>,
    child: Option<Child>,
}

impl SmtpSink {
    /// A server on a free port, accepting anyone.
    pub fn start() -> SmtpSink {
        SmtpSink::start_as(None)
    }

    /// A server that requires AUTH with `user:password`.
    pub fn start_with_auth(auth: &str) -> SmtpSink {
        SmtpSink::start_as(Some(auth.into()))
    }

    fn start_as(auth: Option<String>) -> SmtpSink {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut sink = SmtpSink {
            port: 0,
            dir: tmp.path().to_path_buf(),
            _tmp: Some(tmp),
            auth,
            child: None,
        };
        sink.run();
        sink
    }

    /// A stopped server that will listen on `port` and deliver into `dir`.
    pub fn stopped(port: u16, dir: &Path) -> SmtpSink {
        SmtpSink {
            port,
            dir: dir.to_path_buf(),
            _tmp: None,
            auth: None,
            child: None,
        }
    }

    /// Starts (or restarts) the server.
    pub fn run(&mut self) {
        assert!(self.child.is_none(), "already running");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/smtp_sink.py");
        let mut cmd = Command::new("python3");
        cmd.arg(script)
            .arg("--dir")
            .arg(&self.dir)
            .arg("--port")
            .arg(self.port.to_string());
        if let Some(auth) = &self.auth {
            cmd.arg("--auth").arg(auth);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs tests/scripts/smtp_sink.py (make test installs aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the SMTP server says where it listens");
        let port = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP server did not start (is aiosmtpd installed?): {line:?}")
            });
        self.port = port;
        self.child = Some(child);
    }

    /// Stops the server (connections are then refused).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").arg(child.id().to_string()).status();
            let _ = child.wait();
        }
    }

    /// The URL Rounds sends through (`user:password@` when given).
    pub fn url(&self, credentials: Option<&str>) -> String {
        match credentials {
            Some(c) => format!("smtp://{c}@127.0.0.1:{}", self.port),
            None => format!("smtp://127.0.0.1:{}", self.port),
        }
    }

    /// Everything delivered so far, oldest first.
    pub fn messages(&self) -> Vec<Delivered> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "eml"));
        names.sort();
        names
            .iter()
            .map(|p| parse(&std::fs::read(p).expect("read")))
            .collect()
    }

    /// Starts the real app (fresh database) sending through this server, signing in
    /// with `credentials` when given; its sender looks every 100 ms, and `change`
    /// adjusts the settings after that (the digest task's pace, say).
    pub async fn app(
        &self,
        credentials: Option<&str>,
        change: impl FnOnce(&mut server::Settings),
    ) -> crate::helpers::TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_url = crate::helpers::fresh_database(dir.path()).await;
        let url = self.url(credentials);
        crate::helpers::spawn_app_with(dir, db_url, move |s| {
            s.mail.smtp_url = Some(url);
            s.mail.poll_ms = 100;
            change(s);
        })
        .await
    }

    /// Waits until at least `n` messages have arrived (at most `secs` seconds).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Delivered> {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.messages();
            if got.len() >= n || Instant::now() > end {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// How many `.eml` files arrived (cheaper than parsing them).
    pub fn count(&self) -> usize {
        std::fs::read_dir(&self.dir)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .count()
            })
            .unwrap_or(0)
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Decodes a raw message (as delivered, or as an `.eml` file Rounds wrote).
pub fn parse(raw: &[u8]) -> Delivered {
    let mail = mailparse::parse_mail(raw).expect("a well-formed message");
    let header = |name: &str| {
        mail.headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case(name))
            .map(|h| h.get_value())
            .unwrap_or_default()
    };
    let mut text = String::new();
    let mut html = String::new();
    for part in &mail.subparts {
        match part.ctype.mimetype.as_str() {
            "text/plain" => text = part.get_body().expect("text body"),
            "text/html" => html = part.get_body().expect("html body"),
            _ => {}
        }
    }
    let headers = mail
        .headers
        .iter()
        .map(|h| format!("{}: {}\n", h.get_key(), h.get_value()))
        .collect();
    Delivered {
        to: header("X-Envelope-To"),
        subject: header("Subject"),
        message_id: header("Message-ID"),
        headers,
        text,
        html,
    }
}

/// The token of a `/<path>/<token>` link in a message's text.
pub fn token_after(text: &str, path: &str) -> String {
    let at = text
        .find(path)
        .unwrap_or_else(|| panic!("a {path} link in {text}"))
        + path.len();
    text[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}
