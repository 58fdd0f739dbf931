//! What members add to each other's posts: "helpful" marks, the answer of a
//! question and bookmarks, as pages show them; and the composer's `@` / `#`
//! suggestions.

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

/// A bookmark as its member's list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookmarkView {
    /// The post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// Its position in the thread (for the link to its page).
    pub number: i64,
    /// The thread's title; '' when the post is no longer one the member may read.
    pub title: String,
    /// The member's note.
    pub note: String,
    /// When the reminder is due, if one is set and not yet sent.
    pub remind_at: Option<i64>,
    /// When it was bookmarked.
    pub created_at: i64,
}

/// The bookmark form of one post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookmarkEdit {
    /// The post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// Its position in the thread.
    pub number: i64,
    /// The thread's title.
    pub title: String,
    /// The bookmark, if the post is bookmarked already.
    pub existing: Option<BookmarkView>,
}

/// A thread's status as a question (the search index's `status:` filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionStatus {
    /// Not a question.
    NotAQuestion = 0,
    /// A question without an answer yet.
    Open = 1,
    /// A question with a reply marked as its answer.
    Solved = 2,
}

impl QuestionStatus {
    /// From a thread's two columns.
    pub fn of(question: bool, answer_post_id: Option<i64>) -> QuestionStatus {
        match (question, answer_post_id) {
            (false, _) => QuestionStatus::NotAQuestion,
            (true, None) => QuestionStatus::Open,
            (true, Some(_)) => QuestionStatus::Solved,
        }
    }
}

/// One of the composer's `@` or `#` suggestions: what the list shows and what picking
/// it writes in place of what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// A member's display name, or a category's name in the page's language.
    pub label: String,
    /// `@Display_Name` (spaces written as `_`, as mentions are), or a link to the
    /// category, `[#Name](/c/slug)`.
    pub insert: String,
}

/// How many suggestions the composer shows at most.
pub const SUGGESTIONS: usize = 8;

impl Suggestion {
    /// A member to mention.
    pub fn member(display_name: &str) -> Self {
        let written: String = display_name
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        Suggestion {
            label: display_name.to_string(),
            insert: format!("@{written}"),
        }
    }

    /// A category to link to.
    pub fn category(name: &str, slug: &str) -> Self {
        let text: String = name
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | '\\'))
            .collect();
        Suggestion {
            label: name.to_string(),
            insert: format!("[#{text}](/c/{slug})"),
        }
    }
}
