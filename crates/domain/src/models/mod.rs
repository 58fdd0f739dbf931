//! Types shared by the server and the browser: what a page needs to know about the
//! signed-in user, roles and statuses, and the echo of a rejected form.

mod cursor;
mod detector;
mod engagement;
mod findings;
mod forum;
mod mail;
mod members;
mod messages;
mod moderation;
mod profile;
mod reading;
mod search;
mod two_factor;

pub use cursor::*;
pub use detector::*;
pub use engagement::*;
pub use findings::*;
pub use forum::*;
pub use mail::*;
pub use members::*;
pub use messages::*;
pub use moderation::*;
pub use profile::*;
pub use reading::*;
pub use search::*;
pub use two_factor::*;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::i18n::Lang;

/// What a member may do. Moderators and admins are also members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A clinician who reads and writes in the forum once verified.
    Member,
    /// Works the verification and moderation queues.
    Moderator,
    /// Grants and revokes moderator; everything a moderator can do.
    Admin,
}

impl Role {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }
    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "moderator" => Some(Role::Moderator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
    /// Moderators and admins work the queues.
    pub fn can_moderate(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }
}

/// Where an account stands in clinician verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Registered or resubmitted; waiting for a moderator.
    Pending,
    /// Licence checked; may use the forum.
    Verified,
    /// Turned down with a reason; may correct and resubmit.
    Rejected,
}

impl Status {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Verified => "verified",
            Status::Rejected => "rejected",
        }
    }
    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "pending" => Some(Status::Pending),
            "verified" => Some(Status::Verified),
            "rejected" => Some(Status::Rejected),
            _ => None,
        }
    }
}

/// The professions Rounds verifies.
pub const PROFESSIONS: [&str; 5] = ["physician", "nurse", "pharmacist", "care_worker", "other"];

/// The signed-in user as pages see it. Never carries the workplace or licence number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    /// Account id.
    pub id: i64,
    /// Name shown on posts.
    pub display_name: String,
    /// Member, moderator or admin.
    pub role: Role,
    /// Verification state.
    pub status: Status,
    /// Unread notifications (the header's count).
    #[serde(default)]
    pub unread: i64,
    /// While a moderator has suspended the account: when that ends (unix seconds).
    /// A suspended member may read their suspension notice and nothing else.
    #[serde(default)]
    pub suspended_until: Option<i64>,
    /// Whether this session's sign-in passed a second factor (a TOTP code or a
    /// recovery code). Staff open the queues and held text only from such a session.
    #[serde(default)]
    pub second_factor: bool,
}

impl Viewer {
    /// Suspended by a moderator, for now.
    pub fn is_suspended(&self) -> bool {
        self.suspended_until.is_some()
    }
    /// Verified members may read and write in the forum (not while suspended).
    pub fn is_verified(&self) -> bool {
        self.status == Status::Verified && !self.is_suspended()
    }
    /// Verified moderators and admins work the queues.
    pub fn can_moderate(&self) -> bool {
        self.is_verified() && self.role.can_moderate()
    }
    /// Verified admins manage roles.
    pub fn is_admin(&self) -> bool {
        self.is_verified() && self.role == Role::Admin
    }
}

/// Per-request facts every page needs, computed on the server and shipped to the
/// browser once so that hydration renders exactly what the server rendered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageCtx {
    /// The language the page is rendered in.
    pub lang: Lang,
    /// The anti-CSRF token every form carries.
    pub csrf: String,
    /// The IANA zone times are shown in ("": the language's default).
    #[serde(default)]
    pub zone: String,
    /// The signed-in user, if any.
    pub viewer: Option<Viewer>,
    /// A one-time notice key (translated) after a successful form post.
    pub notice: Option<String>,
    /// The path and query of this page, for "return to" fields.
    pub path: String,
    /// What a rejected form post sent back, if this render answers one.
    pub echo: Option<FormEcho>,
    /// An error to show instead of the page: HTTP status and message key.
    pub error: Option<(u16, String)>,
    /// When the server rendered the page (unix seconds), so "3 hours ago" reads the
    /// same after hydration.
    #[serde(default)]
    pub now: i64,
}

/// What a rejected form post sends back: the values the user typed (never passwords)
/// and one message key per failing field (`_form` for the form as a whole).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    /// Which form this echo is for (so two forms on one page do not mix).
    pub form: String,
    /// Field name → submitted value.
    pub values: BTreeMap<String, String>,
    /// Field name → message key, or `key|param=value` for messages with parameters.
    pub errors: BTreeMap<String, String>,
    /// The composer's body as readers will see it (sanitized HTML), when the author
    /// asked for a preview instead of posting.
    #[serde(default)]
    pub preview: Option<String>,
}

impl FormEcho {
    /// The submitted value of a field, or "".
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    /// The error key of a field, if any.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).cloned()
    }
    /// Whether any field failed.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// An applicant as the verification queue shows them to moderators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applicant {
    /// Account id.
    pub id: i64,
    /// Name shown on posts.
    pub display_name: String,
    /// Email the applicant registered with.
    pub email: String,
    /// One of [`PROFESSIONS`].
    pub profession: String,
    /// Licence or registration number.
    pub licence_number: String,
    /// Issuing country or jurisdiction.
    pub jurisdiction: String,
    /// US National Provider Identifier, if given.
    pub npi: Option<String>,
    /// Specialty as the applicant wrote it.
    pub specialty: String,
    /// Workplace (moderators only; never shown to members).
    pub workplace: String,
    /// Pending or rejected.
    pub status: Status,
    /// Reason given at the last rejection.
    pub rejection_reason: Option<String>,
    /// When the application was last (re)submitted, unix seconds.
    pub submitted_at: i64,
}

/// A row of the admin's user list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    /// Account id.
    pub id: i64,
    /// Name shown on posts.
    pub display_name: String,
    /// Email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Verification state.
    pub status: Status,
    /// Registration time, unix seconds.
    pub created_at: i64,
}

/// One page of the admin's user list (newest accounts first) and where its
/// neighbours start (`ListCursor` by registration time and id).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserPage {
    /// The page's accounts.
    pub users: Vec<UserRow>,
    /// The next page of older accounts starts after this one.
    pub older: Option<ListCursor>,
    /// The page of newer accounts ends before this one.
    pub newer: Option<ListCursor>,
}

/// The signed-in user's own profile, including what only they and moderators see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The same fields moderators see.
    pub applicant: Applicant,
    /// Role.
    pub role: Role,
    /// Preferred UI language, if set.
    pub lang: Option<Lang>,
    /// The chosen time zone (IANA), if set.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Open sessions of this account, the most recently active first.
    pub sessions: Vec<SessionInfo>,
}

/// One signed-in session, as its member sees it on `/profile` (no address, no place).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// A short public handle of the session (the start of its stored hash): what the
    /// "sign out" button sends.
    pub key: String,
    /// "Firefox on Windows", or "" when the browser did not say.
    pub device: String,
    /// Signed in at, unix seconds.
    pub created_at: i64,
    /// Last active at, unix seconds (updated at most once a minute).
    pub last_seen_at: i64,
    /// The session this page was requested with.
    pub current: bool,
}

/// An optional detail for display: the value, or a dash when empty.
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

pub use crate::time::format_time;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_time_renders_known_instants() {
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_time(1_795_620_000), "2026-11-25 15:20 UTC");
        assert_eq!(format_time(951_782_400), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn only_verified_staff_moderate() {
        let mut v = Viewer {
            id: 1,
            unread: 0,
            display_name: "x".into(),
            role: Role::Moderator,
            status: Status::Pending,
            suspended_until: None,
            second_factor: true,
        };
        assert!(!v.can_moderate());
        v.status = Status::Verified;
        assert!(v.can_moderate());
        assert!(!v.is_admin());
    }
}
