//! The handle use cases hold: who mail comes from, the site's public address for
//! links, where delivery goes (for the admin page), and a nudge that wakes this
//! process's sender after a commit queued something.

use std::sync::Arc;

use lettre::message::Mailbox;
use tokio::sync::Notify;

use crate::compose::{Letter, MailError};

/// Where queued mail ends up, as the admin page describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// An SMTP server (its host only; never the credentials).
    Smtp { host: String },
    /// `.eml` files in a directory on the server.
    Files { dir: String },
}

#[derive(Debug)]
struct Inner {
    from: Mailbox,
    public_url: String,
    delivery: Delivery,
    wake: Notify,
}

/// Cheap to clone; shared by every request and the sender.
#[derive(Clone, Debug)]
pub struct Mailer(Arc<Inner>);

impl Mailer {
    /// A mailer sending as `from` (`Name <address>` or an address) with links to
    /// `public_url` (`https://rounds.example`, no trailing slash needed).
    pub fn new(from: &str, public_url: &str, delivery: Delivery) -> Result<Mailer, MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::Address)?;
        Ok(Mailer(Arc::new(Inner {
            from,
            public_url: public_url.trim_end_matches('/').to_string(),
            delivery,
            wake: Notify::new(),
        })))
    }

    /// The absolute URL of a path on this site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0.public_url)
    }

    /// The site's own address (for "open Rounds" links).
    pub fn site(&self) -> String {
        self.url("/")
    }

    /// The sender's address alone (the SMTP envelope sender).
    pub fn from_address(&self) -> String {
        self.0.from.email.to_string()
    }

    /// Where mail goes.
    pub fn delivery(&self) -> &Delivery {
        &self.0.delivery
    }

    /// The whole message for a letter to `to`.
    pub fn message(&self, letter: &Letter, to: &str) -> Result<String, MailError> {
        letter.to_message(&self.0.from.to_string(), to)
    }

    /// Wakes this process's sender (the router calls it after every form post, once the
    /// change — and any letter it queued — is committed).
    pub fn nudge(&self) {
        self.0.wake.notify_one();
    }

    /// Waits for a nudge.
    pub(crate) async fn woken(&self) {
        self.0.wake.notified().await;
    }
}
