//! Outgoing mail. A use case composes a [`Letter`] in the recipient's language and
//! queues it in the outbox (`store::outbox`) inside its own transaction; the
//! [`sender`] delivers queued messages off the request path — over SMTP when
//! `ROUNDS_SMTP_URL` is set, else as `.eml` files in the mail directory — retrying
//! with back-off, surviving restarts, and claiming batches so several processes on
//! one database never send a message twice.
//!
//! A letter carries only what its use case puts in it: links and account facts,
//! never held, rejected or redacted text, never licence numbers.

#![forbid(unsafe_code)]

pub mod compose;
pub mod letters;
pub mod mailer;
pub mod sender;
pub mod transport;

pub use compose::{Letter, MailError};
pub use mailer::{Delivery, Mailer};
pub use sender::SenderOptions;
pub use transport::Transport;
