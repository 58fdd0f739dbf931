//! Mail settings: the SMTP server (`ROUNDS_SMTP_URL`, or `[mail] smtp_url` in
//! `rounds.toml`), who mail comes from, the public address links point to, and where
//! mail goes when no server is configured. The SMTP URL may hold a password: it never
//! appears in `Debug` or an error.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

use super::redact_url;

/// The `[mail]` table of `rounds.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileMail {
    smtp_url: Option<String>,
    from: Option<String>,
    public_url: Option<String>,
    dir: Option<PathBuf>,
    retry_ms: Option<u64>,
    poll_ms: Option<u64>,
    digest_poll_ms: Option<u64>,
    digest_wait_secs: Option<u64>,
    held_reminder_secs: Option<u64>,
}

/// Everything about outgoing mail.
#[derive(Clone)]
pub struct MailSettings {
    /// `smtp://user:pass@host:587?tls=required`, `smtps://host:465`, or none: mail
    /// is then written as `.eml` files to [`MailSettings::dir`].
    pub smtp_url: Option<String>,
    /// The sender, `Name <address>` (`ROUNDS_MAIL_FROM`).
    pub from: String,
    /// The address members open Rounds at, for links in mail (`ROUNDS_PUBLIC_URL`,
    /// default `http://` + the listen address).
    pub public_url: String,
    /// Where mail goes without an SMTP server (`ROUNDS_MAIL_DIR`, default
    /// `<data>/mail`).
    pub dir: PathBuf,
    /// The first retry's delay for a deferred message, doubling up to an hour
    /// (`ROUNDS_MAIL_RETRY_MS`, default 30000).
    pub retry_ms: u64,
    /// How often this process looks for mail other processes queued
    /// (`ROUNDS_MAIL_POLL_MS`, default 2000; 0: this process sends nothing).
    pub poll_ms: u64,
    /// How often this process looks for daily digests that are due
    /// (`ROUNDS_DIGEST_POLL_MS`, default 300000; 0: never).
    pub digest_poll_ms: u64,
    /// How long the first item of a digest waits, so a burst lands in one letter
    /// (`ROUNDS_DIGEST_WAIT_SECS`, default 3600).
    pub digest_wait_secs: u64,
    /// How long a held post its author neither changed nor sent to the moderators
    /// waits before they are reminded of it, once (`ROUNDS_HELD_REMINDER_SECS`,
    /// default 86400; 0: never). Looked for with the digests.
    pub held_reminder_secs: u64,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .field("dir", &self.dir)
            .field("retry_ms", &self.retry_ms)
            .field("poll_ms", &self.poll_ms)
            .field("digest_poll_ms", &self.digest_poll_ms)
            .field("digest_wait_secs", &self.digest_wait_secs)
            .field("held_reminder_secs", &self.held_reminder_secs)
            .finish()
    }
}

impl MailSettings {
    /// Files in `<data_dir>/mail`, links to `public_url`: what a test or a fresh
    /// install gets.
    pub fn files(data_dir: &Path, public_url: &str) -> MailSettings {
        MailSettings {
            smtp_url: None,
            from: "Rounds <rounds@localhost>".into(),
            public_url: public_url.into(),
            dir: data_dir.join("mail"),
            retry_ms: 30_000,
            poll_ms: 2000,
            digest_poll_ms: 300_000,
            digest_wait_secs: 3600,
            held_reminder_secs: 86_400,
        }
    }

    /// How the sender paces itself.
    pub fn sender_options(&self) -> mail::SenderOptions {
        mail::SenderOptions {
            poll: Duration::from_millis(self.poll_ms.max(50)),
            retry_base: Duration::from_millis(self.retry_ms.max(100)),
            retry_cap: Duration::from_secs(3600).max(Duration::from_millis(self.retry_ms)),
        }
    }

    pub(super) fn load(
        env: &dyn Fn(&str) -> Option<String>,
        file: Option<FileMail>,
        data_dir: &Path,
        listen: &str,
    ) -> anyhow::Result<MailSettings> {
        let file = file.unwrap_or_default();
        let number = |name: &str, file: Option<u64>, default: u64| -> anyhow::Result<u64> {
            match env(name) {
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n <= 86_400_000)
                    .with_context(|| format!("{name} must be a whole number of milliseconds")),
                None => Ok(file.unwrap_or(default)),
            }
        };
        let smtp_url = env("ROUNDS_SMTP_URL").or(file.smtp_url);
        if let Some(url) = &smtp_url {
            anyhow::ensure!(
                url.starts_with("smtp://") || url.starts_with("smtps://"),
                "ROUNDS_SMTP_URL must start with smtp:// or smtps://"
            );
        }
        let public_url = env("ROUNDS_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{listen}"));
        anyhow::ensure!(
            public_url.starts_with("http://") || public_url.starts_with("https://"),
            "ROUNDS_PUBLIC_URL must start with http:// or https://"
        );
        Ok(MailSettings {
            smtp_url,
            from: env("ROUNDS_MAIL_FROM")
                .or(file.from)
                .unwrap_or_else(|| "Rounds <rounds@localhost>".into()),
            public_url,
            dir: env("ROUNDS_MAIL_DIR")
                .map(PathBuf::from)
                .or(file.dir)
                .unwrap_or_else(|| data_dir.join("mail")),
            retry_ms: number("ROUNDS_MAIL_RETRY_MS", file.retry_ms, 30_000)?,
            poll_ms: number("ROUNDS_MAIL_POLL_MS", file.poll_ms, 2000)?,
            digest_poll_ms: number("ROUNDS_DIGEST_POLL_MS", file.digest_poll_ms, 300_000)?,
            digest_wait_secs: number("ROUNDS_DIGEST_WAIT_SECS", file.digest_wait_secs, 3600)?,
            held_reminder_secs: number(
                "ROUNDS_HELD_REMINDER_SECS",
                file.held_reminder_secs,
                86_400,
            )?,
        })
    }
}
