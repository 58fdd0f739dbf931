//! The storage interface: one [`Store`] over a shared `sqlx::Any` pool, backed by
//! SQLite (the embedded default) or PostgreSQL (several nodes), chosen by the
//! database URL. SQL is shared wherever both engines accept it (`$1` placeholders,
//! `RETURNING`, `ON CONFLICT`); what differs per engine — connection pragmas,
//! migrations, the append-only trigger — lives in [`backend`].
//!
//! Reads are methods of [`Store`] on the pool. Every change is a method of [`Tx`]: a use
//! case begins one transaction, makes all its writes (the change, its audit entry, its
//! notifications, its search change-log entry) through it and commits once. Who may see
//! what is stated once for SQL in [`visibility`].

mod accounts;
pub mod answers;
pub mod audit;
pub mod audit_anchor;
pub mod audit_key;
pub mod backend;
pub mod bookmarks;
mod categories;
mod counts;
mod deletion;
mod detector_record;
pub mod digest;
mod display_keys;
pub mod email_changes;
mod error;
pub mod exports;
mod failing;
pub mod following;
pub mod health;
pub mod list_sql;
pub mod messages;
mod moderation;
pub mod notify;
pub mod outbox;
pub mod pool;
pub mod posting;
pub mod posts;
mod prefs;
mod profiles;
pub mod queue;
pub mod reactions;
pub mod reading;
pub mod reminders;
pub mod reports;
mod resets;
pub mod retention;
mod revisions;
mod rows;
pub mod saved_drafts;
pub mod sealed;
pub mod search_hits;
pub mod search_identity;
pub mod search_log;
mod sessions;
mod site_terms;
mod suspensions;
pub mod thread_lists;
pub mod threads;
mod throttle;
pub mod two_factor;
mod tx;
pub mod user_list;
pub mod visibility;

pub use accounts::{NewUser, UserRecord};
pub use audit::{AuditEntry, ChainError};
pub use backend::Backend;
pub use error::StoreError;
pub use moderation::HeldRevision;
pub use pool::{now, Store};
pub use posting::Stored;
pub use posts::{PostRow, POSTS_PER_PAGE};
pub use queue::QueueFilter;
pub use reports::ReportRow;
pub use sessions::{SessionRow, SessionUser, SESSION_KEY_CHARS, SESSION_MAX_SECS};
pub use thread_lists::{ThreadPage, THREADS_PER_PAGE};
pub use threads::{pages, ThreadRow};
pub use throttle::ThrottleState;
pub use tx::Tx;
