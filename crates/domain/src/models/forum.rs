//! Forum types shared by the server and the browser: categories, thread lists,
//! thread pages and the author's view of their post and its revisions. Everything
//! here has already passed the visibility rules of the viewer it is sent to.

use serde::{Deserialize, Serialize};

use super::cursor::ListCursor;
use super::findings::FieldFindings;
use crate::i18n::Lang;
use crate::vocab::RevisionState;

/// A specialty that threads are filed under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Id.
    pub id: i64,
    /// URL slug (`internal-medicine`).
    pub slug: String,
    /// English name.
    pub name_en: String,
    /// Japanese name.
    pub name_ja: String,
    /// English description.
    pub description_en: String,
    /// Japanese description.
    pub description_ja: String,
    /// Sort order.
    pub position: i64,
    /// Archived: no new threads, hidden from navigation (old threads stay readable).
    #[serde(default)]
    pub archived: bool,
}

impl Category {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Ja => &self.name_ja,
        }
    }
    /// The description in `lang`.
    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.description_en,
            Lang::Ja => &self.description_ja,
        }
    }
}

/// A row of a thread list (published threads only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    /// Thread id.
    pub id: i64,
    /// Published title.
    pub title: String,
    /// Category slug.
    pub category: String,
    /// Author's display name.
    pub author: String,
    /// Published, visible replies.
    pub replies: i64,
    /// Last published activity, unix seconds.
    pub last_activity_at: i64,
    /// Pinned by a moderator.
    pub pinned: bool,
    /// Locked by a moderator (no new replies).
    pub locked: bool,
    /// Published tags.
    pub tags: Vec<String>,
    /// Started as a question.
    #[serde(default)]
    pub question: bool,
    /// A reply is marked as its answer.
    #[serde(default)]
    pub solved: bool,
    /// The viewer's reading of it: unread posts, or new to them.
    #[serde(default)]
    pub reading: super::RowReading,
}

/// One page of a thread list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadList {
    /// Threads on this page.
    pub threads: Vec<ThreadSummary>,
    /// Where the next page of less recently active threads starts, if there is one.
    pub older: Option<ListCursor>,
    /// Where the page of more recently active threads ends, if this is not the first page.
    pub newer: Option<ListCursor>,
    /// The viewer's own threads still waiting for review (never shown to others).
    pub own_held: Vec<HeldSummary>,
}

/// The author's own post waiting for review, as their lists show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldSummary {
    /// Post id.
    pub post_id: i64,
    /// Title (opening posts) or the thread's title.
    pub title: String,
    /// Whether the author has sent it to moderators.
    pub review_requested: bool,
    /// When it was written.
    pub created_at: i64,
}

/// How a post stands, as the thread page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostState {
    /// Never published; waiting for review (author and moderators only).
    Held,
    /// Live.
    Published,
    /// Never published; turned down (author and moderators only).
    Rejected,
    /// Deleted by its author.
    Deleted,
    /// Removed by a moderator.
    Removed,
}

impl PostState {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PostState::Held => "held",
            PostState::Published => "published",
            PostState::Rejected => "rejected",
            PostState::Deleted => "deleted",
            PostState::Removed => "removed",
        }
    }
    /// Parses the stored spelling.
    pub fn parse(s: &str) -> Option<PostState> {
        match s {
            "held" => Some(PostState::Held),
            "published" => Some(PostState::Published),
            "rejected" => Some(PostState::Rejected),
            "deleted" => Some(PostState::Deleted),
            "removed" => Some(PostState::Removed),
            _ => None,
        }
    }
}

/// A post on a thread page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostView {
    /// Post id.
    pub id: i64,
    /// Position in the thread.
    pub number: i64,
    /// Author id.
    pub author_id: i64,
    /// Author's display name.
    pub author: String,
    /// State.
    pub state: PostState,
    /// Hidden by a moderator (moderators still see it, marked).
    pub hidden: bool,
    /// The stored, sanitized HTML of the published text ('' when there is none).
    pub html: String,
    /// When written, unix seconds.
    pub created_at: i64,
    /// When last edited, if ever.
    pub edited_at: Option<i64>,
    /// The viewer wrote it.
    pub mine: bool,
    /// The viewer's edit of it is waiting for review.
    pub edit_held: bool,
    /// How many members marked it helpful.
    #[serde(default)]
    pub helpful: i64,
    /// Whether the viewer is one of them.
    #[serde(default)]
    pub helped: bool,
    /// Who marked it, earliest first (at most [`super::HELPFUL_NAMES`]).
    #[serde(default)]
    pub helpful_names: Vec<String>,
}

/// A thread page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadView {
    /// Thread id.
    pub id: i64,
    /// Published title (or, for the author of a held thread, their own title).
    pub title: String,
    /// Category (none for a conversation).
    pub category: Option<Category>,
    /// A conversation's participants (display names); empty for other threads.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Published tags.
    pub tags: Vec<String>,
    /// Pinned.
    pub pinned: bool,
    /// Locked.
    pub locked: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// The opening post has been published.
    pub published: bool,
    /// Posts on this page, in order.
    pub posts: Vec<PostView>,
    /// 1-based page.
    pub page: i64,
    /// Number of pages.
    pub pages: i64,
    /// Markdown to start the reply with (a quote of a published post), or ''.
    pub quote: String,
    /// The viewer may reply here (`visibility::may_reply`).
    pub can_reply: bool,
    /// Every member sees the thread, so searching inside it makes sense.
    pub searchable: bool,
    /// Started as a question.
    #[serde(default)]
    pub question: bool,
    /// The reply marked as its answer, as the viewer may read it.
    #[serde(default)]
    pub answer: Option<super::AnswerView>,
    /// The viewer may mark a reply as the answer (`visibility::may_choose_answer`).
    #[serde(default)]
    pub can_choose_answer: bool,
    /// The viewer's level for the thread and what they had read before this page.
    #[serde(default)]
    pub reading: super::ThreadReading,
    /// The viewer's draft of a reply here, kept on the server.
    #[serde(default)]
    pub draft: Option<super::SavedDraft>,
}

/// The title a thread shows once its opening post's text is gone (a moderator gives
/// it a new one).
pub const REMOVED_TITLE: &str = "[removed]";

impl ThreadView {
    /// The thread's title went with its removed opening post.
    pub fn title_removed(&self) -> bool {
        self.title == REMOVED_TITLE
    }
}

/// A post's own page for its author (and moderators): the held text with findings,
/// or the revision history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostDetail {
    /// Post id.
    pub post_id: i64,
    /// Thread id.
    pub thread_id: i64,
    /// Thread title as the viewer may see it.
    pub thread_title: String,
    /// Whether this is the opening post (title and tags editable).
    pub opening: bool,
    /// State of the post.
    pub state: PostState,
    /// The viewer wrote it (else a moderator reads the history).
    pub own: bool,
    /// Revisions, newest first.
    pub revisions: Vec<RevisionView>,
}

/// One revision as its author or a moderator sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevisionView {
    /// Revision id.
    pub id: i64,
    /// Who wrote it.
    pub editor: String,
    /// Title (opening posts).
    pub title: Option<String>,
    /// Tags, space separated (opening posts).
    pub tags: Option<String>,
    /// Markdown as written ('' once purged).
    pub body_md: String,
    /// Where this version stands.
    pub state: RevisionState,
    /// What the detector found, per field.
    pub findings: FieldFindings,
    /// Sent to moderators by the author.
    pub review_requested: bool,
    /// A moderator's reason (rejections).
    pub reason: String,
    /// When written.
    pub created_at: i64,
    /// When the unpublished text will be deleted, if it will be.
    pub purge_after: Option<i64>,
    /// Whether the text has been deleted.
    pub purged: bool,
}

/// The forum's front page or a category page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ForumHome {
    /// Every category, for the navigation and the new-thread form.
    pub categories: Vec<Category>,
    /// The category shown, if this is a category page.
    pub category: Option<Category>,
    /// The thread list.
    pub list: ThreadList,
    /// Which list this is (latest, unread, new).
    #[serde(default)]
    pub kind: super::ListKind,
    /// The viewer's level for the category shown (category pages).
    #[serde(default)]
    pub category_level: super::FollowLevel,
}
