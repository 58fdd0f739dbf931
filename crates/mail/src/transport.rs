//! Where messages go: an SMTP server (lettre; `smtp://` with optional STARTTLS,
//! `smtps://` for implicit TLS, user and password in the URL), or — when no server is
//! configured — `.eml` files in a directory, so a small install still works and an
//! operator can read what would have been sent.

use std::path::PathBuf;
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{Address, AsyncTransport, Tokio1Executor};

/// How a send failed, which decides what happens next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// The server refused this message for good (5xx): given up.
    Rejected,
    /// The server asked to try this message later (4xx).
    Deferred,
    /// No conversation with the server (down, unreachable, TLS failed): every message
    /// waits, the sender backs off.
    Unreachable,
}

impl SendFailure {
    /// The short word kept in the outbox.
    pub fn as_str(self) -> &'static str {
        match self {
            SendFailure::Rejected => "rejected",
            SendFailure::Deferred => "deferred",
            SendFailure::Unreachable => "unreachable",
        }
    }
}

/// A configured destination for messages.
#[derive(Clone)]
pub enum Transport {
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in this directory.
    Files(PathBuf),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::Files(dir) => write!(f, "Transport::Files({})", dir.display()),
        }
    }
}

impl Transport {
    /// An SMTP transport from a URL (`smtp://user:pass@host:587?tls=required`,
    /// `smtps://host`); the URL is not echoed in the error (it may hold a password).
    pub fn smtp(url: &str) -> Result<Transport, String> {
        let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| "ROUNDS_SMTP_URL is not a valid smtp:// or smtps:// URL".to_string())?;
        Ok(Transport::Smtp(
            builder.timeout(Some(Duration::from_secs(30))).build(),
        ))
    }

    /// Sends one message to `to` with envelope sender `from`.
    pub async fn send(
        &self,
        id: i64,
        kind: &str,
        from: &str,
        to: &str,
        message: &str,
    ) -> Result<(), SendFailure> {
        match self {
            Transport::Smtp(smtp) => {
                let from: Option<Address> = from.parse().ok();
                let to: Address = to.parse().map_err(|_| SendFailure::Rejected)?;
                let envelope = Envelope::new(from, vec![to]).map_err(|_| SendFailure::Rejected)?;
                smtp.send_raw(&envelope, message.as_bytes())
                    .await
                    .map(|_| ())
                    .map_err(|e| {
                        if e.is_permanent() {
                            SendFailure::Rejected
                        } else if e.is_transient() {
                            SendFailure::Deferred
                        } else {
                            SendFailure::Unreachable
                        }
                    })
            }
            Transport::Files(dir) => write_file(dir, id, kind, message)
                .await
                .map_err(|_| SendFailure::Unreachable),
        }
    }
}

/// Writes `<dir>/<id>-<kind>.eml` whole or not at all (a temporary name, then a
/// rename), so a reader never sees half a message.
async fn write_file(dir: &PathBuf, id: i64, kind: &str, message: &str) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let name = format!("{id:08}-{kind}.eml");
    let tmp = dir.join(format!(".{name}.tmp"));
    tokio::fs::write(&tmp, message.as_bytes()).await?;
    tokio::fs::rename(&tmp, dir.join(name)).await
}
