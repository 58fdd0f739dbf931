//! A member's public profile (`/u/:name`), as other members see it: never the
//! workplace, the licence number or the e-mail address.

use serde::{Deserialize, Serialize};

/// One of the member's recent published posts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfilePost {
    /// The post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// The thread's published title.
    pub title: String,
    /// Position in the thread (1 = the opening post).
    pub number: i64,
    /// When it was published, unix seconds.
    pub at: i64,
}

/// What members see of a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicProfile {
    /// Name shown on posts.
    pub display_name: String,
    /// Profession key (`physician`, …).
    pub profession: String,
    /// Whether a moderator checked the licence.
    pub verified: bool,
    /// Specialty as the member gave it ("" when none).
    pub specialty: String,
    /// Registration time, unix seconds.
    pub member_since: i64,
    /// Published threads started.
    pub threads: i64,
    /// Published posts (replies and opening posts).
    pub posts: i64,
    /// The latest published posts, newest first.
    pub recent: Vec<ProfilePost>,
}

/// How many recent posts a profile lists.
pub const PROFILE_RECENT_POSTS: i64 = 20;
