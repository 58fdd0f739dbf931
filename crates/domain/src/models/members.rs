//! What staff see of a member on the member's page, and what a suspended member
//! reads of their own suspension.

use serde::{Deserialize, Serialize};

use super::{Role, Status};

/// The most members one search of the staff's member page lists.
pub const MEMBER_HITS: i64 = 50;

/// One suspension of an account, current or past.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suspension {
    /// Row id.
    pub id: i64,
    /// Why, as the moderator wrote it: shown to the member and to staff only, never
    /// mailed or logged.
    pub reason: String,
    /// When it began, unix seconds.
    pub starts_at: i64,
    /// When it ends (or ended), unix seconds.
    pub ends_at: i64,
    /// Who suspended (display name), if the account still exists.
    pub by: Option<String>,
    /// When a moderator lifted it early, unix seconds.
    pub lifted_at: Option<i64>,
    /// Who lifted it (display name).
    pub lifted_by: Option<String>,
}

impl Suspension {
    /// Whether it keeps the member out at `now` (unix seconds).
    pub fn is_active(&self, now: i64) -> bool {
        self.lifted_at.is_none() && self.ends_at > now
    }
}

/// A member as the staff's member page shows them: never the licence number or
/// workplace (the verification queue shows those while they matter).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberFile {
    /// Account id.
    pub id: i64,
    /// Name shown on posts.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Verification state.
    pub status: Status,
    /// Profession key (`physician`, …).
    pub profession: String,
    /// Registration time, unix seconds.
    pub created_at: i64,
    /// Open sessions.
    pub sessions: i64,
    /// Whether the viewer may suspend this account (and lift its suspension).
    pub may_suspend: bool,
    /// Whether the viewer may end this account's sessions (admins).
    pub may_end_sessions: bool,
    /// The suspension that keeps the member out now, if any.
    pub current: Option<Suspension>,
    /// Every suspension, the newest first (the current one included).
    pub suspensions: Vec<Suspension>,
}

/// A line of the staff's member search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberHit {
    /// Account id.
    pub id: i64,
    /// Name shown on posts.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Verification state.
    pub status: Status,
    /// When a current suspension ends, if suspended.
    pub suspended_until: Option<i64>,
}
