//! What members add to each other's posts: "helpful" marks and the answer of a
//! question, as pages show them.

use serde::{Deserialize, Serialize};

/// How many names "who found this helpful" lists under a post.
pub const HELPFUL_NAMES: i64 = 10;

/// The answer of a question, shown under it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    /// Post id.
    pub post_id: i64,
    /// Its position in the thread (for the link to its page).
    pub number: i64,
    /// Its author's display name ('' once the account is gone).
    pub author: String,
    /// Its published, sanitized HTML.
    pub html: String,
}
