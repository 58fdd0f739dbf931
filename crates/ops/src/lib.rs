//! The use cases of Rounds — what members, moderators and admins can do — each one
//! function that runs in one database transaction with its audit entry, its
//! notifications and its search change-log entry, so nothing can stand half-done.
//! Form handlers (`server`) and server functions (`app`) call these; neither talks to
//! the store for a change directly.
//!
//! Also here, because both callers need them: the typed access extractors
//! ([`access`]), the one error type ([`error::AppError`]), and the services a use case
//! runs against ([`Services`]).

#![forbid(unsafe_code)]

pub mod access;
pub mod accounts;
pub mod answers;
pub mod bookmarks;
pub mod cpu;
pub mod credentials;
pub mod deletion;
pub mod digest;
pub mod email_change;
pub mod error;
pub mod export;
pub mod gate;
pub mod mail_out;
pub mod messages;
pub mod moderation;
pub mod notices;
pub mod passwords;
pub mod posting;
pub mod profile;
pub mod reactions;
pub mod reading;
pub mod recovery;
pub mod reminders;
pub mod saved_drafts;
pub mod services;
pub mod staff;
pub mod suspension;
pub mod teaching;
pub mod threads;
pub mod tokens;
pub mod two_factor;

pub use error::AppError;
pub use search::SearchIndex;
pub use services::{Config, Services};
pub use store::Store;
