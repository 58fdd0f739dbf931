//! Reading, following and drafts: how closely a member follows a thread or a category, which
//! thread list they look at, and what a list row and a thread page know of their
//! reading, and the composer text a member keeps on the server. The rules that use
//! these (what is new, who hears of a post) are in
//! [`crate::reading`].

use serde::{Deserialize, Serialize};

/// How closely a member follows a thread or a category (Discourse's four levels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FollowLevel {
    /// Never listed, never notified.
    Mute,
    /// Listed; notified only of replies to them and mentions.
    #[default]
    Normal,
    /// Unread counts shown; notified as at normal.
    Track,
    /// Notified of every new post.
    Watch,
}

impl FollowLevel {
    /// Every level, in the order the level menus offer them.
    pub const ALL: [FollowLevel; 4] = [
        FollowLevel::Watch,
        FollowLevel::Track,
        FollowLevel::Normal,
        FollowLevel::Mute,
    ];

    /// The stored number (-1 mute … 2 watch), so "at least tracking" is `>= 1` in SQL.
    pub fn to_db(self) -> i64 {
        match self {
            FollowLevel::Mute => -1,
            FollowLevel::Normal => 0,
            FollowLevel::Track => 1,
            FollowLevel::Watch => 2,
        }
    }

    /// The level of a stored number (anything unknown reads as normal).
    pub fn from_db(n: i64) -> FollowLevel {
        match n {
            -1 => FollowLevel::Mute,
            1 => FollowLevel::Track,
            2 => FollowLevel::Watch,
            _ => FollowLevel::Normal,
        }
    }

    /// The form spelling (`watch`, `track`, `normal`, `mute`).
    pub fn as_str(self) -> &'static str {
        match self {
            FollowLevel::Mute => "mute",
            FollowLevel::Normal => "normal",
            FollowLevel::Track => "track",
            FollowLevel::Watch => "watch",
        }
    }

    /// Parses the form spelling.
    pub fn parse(s: &str) -> Option<FollowLevel> {
        FollowLevel::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// Which thread list a member looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    /// Every thread by last activity (the front page, `/latest`, category pages).
    #[default]
    Latest,
    /// Threads the member tracks or watches with posts they have not read (`/unread`).
    Unread,
    /// Recent threads the member has not opened (`/new`).
    New,
}

impl ListKind {
    /// The URL spelling (`latest`, `unread`, `new`).
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Latest => "latest",
            ListKind::Unread => "unread",
            ListKind::New => "new",
        }
    }

    /// The address of this list for the whole forum (`category` = "") or one
    /// category's slug: latest is the front page or the category's page.
    pub fn path(self, category: &str) -> String {
        match (self, category) {
            (ListKind::Latest, "") => "/".to_string(),
            (ListKind::Latest, c) => format!("/c/{c}"),
            (k, "") => format!("/{}", k.as_str()),
            (k, c) => format!("/{}?category={c}", k.as_str()),
        }
    }

    /// Parses the URL spelling; anything else is the latest list.
    pub fn parse(s: &str) -> ListKind {
        match s {
            "unread" => ListKind::Unread,
            "new" => ListKind::New,
            _ => ListKind::Latest,
        }
    }
}

/// What a thread list row knows of the viewer's reading of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReading {
    /// Posts published since the viewer last read the thread (0 when read, or when
    /// the viewer never opened it).
    pub unread: i64,
    /// A recent thread the viewer has not opened yet.
    pub new: bool,
}

/// What a thread page knows of the viewer's reading of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadReading {
    /// The viewer's level for this thread (their own choice, or the default).
    pub level: FollowLevel,
    /// Whether the level came from the viewer's own choice.
    pub chosen: bool,
    /// The highest post number read before this page was shown.
    pub last_read: i64,
}

/// A composer's text kept on the server for its author: the reply they are writing
/// in a thread, or the thread they are starting (`thread_id` 0).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// The thread replied to, or 0 for a new thread.
    pub thread_id: i64,
    /// Category slug (new threads).
    pub category: String,
    /// Title (new threads).
    pub title: String,
    /// Tags as typed (new threads).
    pub tags: String,
    /// Markdown body.
    pub body: String,
    /// Started as a question (new threads).
    pub question: bool,
    /// The gate found something that may identify a patient: posted as it is, it
    /// would be held.
    pub flagged: bool,
    /// Last saved, unix seconds.
    pub updated_at: i64,
}

impl SavedDraft {
    /// Nothing typed: saving it removes the draft instead.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.tags.trim().is_empty() && self.body.trim().is_empty()
    }
}

/// How long a draft is kept after its last change.
pub const DRAFT_KEEP_SECS: i64 = 30 * 24 * 3600;
