//! Operator settings: defaults, then an optional `rounds.toml`, then `ROUNDS_*`
//! environment variables (and `DATABASE_URL`). Secrets never appear in `Debug`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use app::i18n::Lang;
use serde::Deserialize;

mod mail;
pub use mail::MailSettings;

/// Everything the operator can set.
#[derive(Clone)]
pub struct Settings {
    /// Address to listen on (`ROUNDS_LISTEN`, default 127.0.0.1:3000).
    pub listen: SocketAddr,
    /// `sqlite://…` or `postgres://…` (`DATABASE_URL` or `ROUNDS_DATABASE_URL`);
    /// default: SQLite in the data directory.
    pub database_url: String,
    /// Where Rounds keeps its files (`ROUNDS_DATA_DIR`, default `./data`).
    pub data_dir: PathBuf,
    /// Mark cookies `Secure` (`ROUNDS_SECURE_COOKIES=true` behind HTTPS).
    pub secure_cookies: bool,
    /// UI language when neither user nor browser says (`ROUNDS_DEFAULT_LANG`, en|ja).
    pub default_lang: Lang,
    /// Directory holding `pkg/` with the wasm bundle and CSS (`ROUNDS_SITE_ROOT`,
    /// default `target/site`).
    pub site_root: PathBuf,
    /// Days the author can still read text that was never published before it is
    /// deleted (`ROUNDS_RETENTION_DAYS`, default 7).
    pub retention_days: i64,
    /// Minutes a moderator's claim on a queue item lasts (`ROUNDS_CLAIM_MINUTES`,
    /// default 15).
    pub claim_minutes: i64,
    /// This process's search index (`ROUNDS_SEARCH_DIR`, default `<data>/search`).
    /// Several processes on one PostgreSQL database each need their own.
    pub search_dir: PathBuf,
    /// How often the index looks for changes other processes made, in milliseconds
    /// (`ROUNDS_SEARCH_POLL_MS`, default 1000; 0 turns following off).
    pub search_poll_ms: u64,
    /// Reverse proxies in front of Rounds whose `X-Forwarded-For` names the real
    /// client (`ROUNDS_TRUSTED_PROXIES`, comma-separated addresses; default none).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The secret that anchors the audit chain (`ROUNDS_AUDIT_KEY_FILE`, default
    /// `<data>/audit.key`, made on first start). Keep it off the database's host
    /// backups; every node of one database needs the same file.
    pub audit_key_file: PathBuf,
    /// How long a client may take to send a request's headers, or pause while
    /// sending its body, in milliseconds (`ROUNDS_CLIENT_TIMEOUT_MS`, default 30000).
    pub client_timeout_ms: u64,
    /// Applications one client address may send before each further one waits,
    /// counted over a day (`ROUNDS_REGISTRATIONS_PER_ADDRESS`, default 30; a hospital
    /// behind one proxy may need more on an onboarding day).
    pub registrations_per_address: i64,
    /// Outgoing mail (`[mail]` in `rounds.toml`, `ROUNDS_SMTP_URL`, …).
    pub mail: MailSettings,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("listen", &self.listen)
            .field("database_url", &redact_url(&self.database_url))
            .field("data_dir", &self.data_dir)
            .field("secure_cookies", &self.secure_cookies)
            .field("default_lang", &self.default_lang)
            .field("site_root", &self.site_root)
            .field("retention_days", &self.retention_days)
            .field("claim_minutes", &self.claim_minutes)
            .field("search_dir", &self.search_dir)
            .field("search_poll_ms", &self.search_poll_ms)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("audit_key_file", &self.audit_key_file)
            .field("client_timeout_ms", &self.client_timeout_ms)
            .field("registrations_per_address", &self.registrations_per_address)
            .field("mail", &self.mail)
            .finish()
    }
}

/// Hides the password of a URL's user-info part.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            let masked = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_string()
            };
            format!("{scheme}://{masked}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    listen: Option<String>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    secure_cookies: Option<bool>,
    default_lang: Option<String>,
    site_root: Option<PathBuf>,
    retention_days: Option<i64>,
    claim_minutes: Option<i64>,
    search_dir: Option<PathBuf>,
    search_poll_ms: Option<u64>,
    trusted_proxies: Option<Vec<String>>,
    audit_key_file: Option<PathBuf>,
    client_timeout_ms: Option<u64>,
    registrations_per_address: Option<i64>,
    mail: Option<mail::FileMail>,
}

fn parse_count(
    name: &str,
    v: Option<String>,
    file: Option<i64>,
    default: i64,
) -> anyhow::Result<i64> {
    let n = match v {
        Some(v) => v
            .trim()
            .parse::<i64>()
            .with_context(|| format!("{name} must be a whole number"))?,
        None => file.unwrap_or(default),
    };
    anyhow::ensure!((0..=3650).contains(&n), "{name} must be between 0 and 3650");
    Ok(n)
}

fn parse_bool(name: &str, v: &str) -> anyhow::Result<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => anyhow::bail!("{name} must be true or false"),
    }
}

impl Settings {
    /// Loads settings from `config` (or `./rounds.toml` if present) and the environment.
    pub fn load(config: Option<&Path>) -> anyhow::Result<Settings> {
        let path = config
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("ROUNDS_CONFIG").map(PathBuf::from));
        let file = match &path {
            Some(p) => Some(
                std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
            ),
            None => std::fs::read_to_string("rounds.toml").ok(),
        };
        let file: FileSettings = match file {
            Some(text) => toml::from_str(&text).context("rounds.toml is not valid")?,
            None => FileSettings::default(),
        };
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let listen = env("ROUNDS_LISTEN")
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let data_dir = env("ROUNDS_DATA_DIR")
            .map(PathBuf::from)
            .or(file.data_dir)
            .unwrap_or_else(|| "data".into());
        let database_url = env("ROUNDS_DATABASE_URL")
            .or_else(|| env("DATABASE_URL"))
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("rounds.db").display()));
        let secure_cookies = match env("ROUNDS_SECURE_COOKIES") {
            Some(v) => parse_bool("ROUNDS_SECURE_COOKIES", &v)?,
            None => file.secure_cookies.unwrap_or(false),
        };
        let lang = env("ROUNDS_DEFAULT_LANG")
            .or(file.default_lang)
            .unwrap_or_else(|| "en".into());
        let search_poll_ms = match env("ROUNDS_SEARCH_POLL_MS") {
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| *n <= 600_000)
                .context(
                    "ROUNDS_SEARCH_POLL_MS must be a whole number of milliseconds up to 600000",
                )?,
            None => file.search_poll_ms.unwrap_or(1000),
        };
        let search_dir = env("ROUNDS_SEARCH_DIR")
            .map(PathBuf::from)
            .or(file.search_dir)
            .unwrap_or_else(|| data_dir.join("search"));
        let proxies: Vec<String> = match env("ROUNDS_TRUSTED_PROXIES") {
            Some(v) => v.split(',').map(|p| p.trim().to_string()).collect(),
            None => file.trusted_proxies.unwrap_or_default(),
        };
        let trusted_proxies = proxies
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse()
                    .with_context(|| format!("ROUNDS_TRUSTED_PROXIES: {p:?} is not an IP address"))
            })
            .collect::<anyhow::Result<Vec<std::net::IpAddr>>>()?;
        let audit_key_file = env("ROUNDS_AUDIT_KEY_FILE")
            .map(PathBuf::from)
            .or(file.audit_key_file)
            .unwrap_or_else(|| data_dir.join("audit.key"));
        let client_timeout_ms = match env("ROUNDS_CLIENT_TIMEOUT_MS") {
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (100..=600_000).contains(n))
                .context("ROUNDS_CLIENT_TIMEOUT_MS must be milliseconds from 100 to 600000")?,
            None => file.client_timeout_ms.unwrap_or(30_000),
        };
        let mail = MailSettings::load(&env, file.mail, &data_dir, &listen)?;
        Ok(Settings {
            mail,
            client_timeout_ms,
            audit_key_file,
            trusted_proxies,
            search_dir,
            search_poll_ms,
            listen: listen
                .parse()
                .with_context(|| format!("ROUNDS_LISTEN {listen:?} is not host:port"))?,
            database_url,
            data_dir,
            secure_cookies,
            default_lang: Lang::parse(&lang).context("ROUNDS_DEFAULT_LANG must be en or ja")?,
            site_root: env("ROUNDS_SITE_ROOT")
                .map(PathBuf::from)
                .or(file.site_root)
                .unwrap_or_else(|| "target/site".into()),
            retention_days: parse_count(
                "ROUNDS_RETENTION_DAYS",
                env("ROUNDS_RETENTION_DAYS"),
                file.retention_days,
                7,
            )?,
            claim_minutes: parse_count(
                "ROUNDS_CLAIM_MINUTES",
                env("ROUNDS_CLAIM_MINUTES"),
                file.claim_minutes,
                15,
            )?,
            registrations_per_address: parse_count(
                "ROUNDS_REGISTRATIONS_PER_ADDRESS",
                env("ROUNDS_REGISTRATIONS_PER_ADDRESS"),
                file.registrations_per_address,
                30,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_database_passwords() {
        assert_eq!(
            redact_url("postgres://rounds:hunter2@db:5432/rounds"),
            "postgres://rounds:***@db:5432/rounds"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            redact_url("sqlite://data/rounds.db"),
            "sqlite://data/rounds.db"
        );
        let s = Settings {
            listen: "127.0.0.1:1".parse().unwrap(),
            database_url: "postgres://u:secretpw@h/d".into(),
            data_dir: "d".into(),
            secure_cookies: false,
            default_lang: Lang::En,
            site_root: "s".into(),
            retention_days: 7,
            claim_minutes: 15,
            search_dir: "d/search".into(),
            search_poll_ms: 1000,
            trusted_proxies: Vec::new(),
            audit_key_file: "data/audit.key".into(),
            client_timeout_ms: 30_000,
            registrations_per_address: 30,
            mail: MailSettings {
                smtp_url: Some("smtp://u:mailpw@h:587".into()),
                ..MailSettings::files("d".as_ref(), "http://127.0.0.1:1")
            },
        };
        assert!(!format!("{s:?}").contains("mailpw"));
        assert!(!format!("{s:?}").contains("secretpw"));
    }
}
