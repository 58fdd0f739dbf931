//! Forum types shared by the server and the browser: categories, thread lists,
//! thread pages, the author's view of a held post, the moderation queue and
//! notifications. Everything here has already passed the visibility rules of the
//! viewer it is sent to.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::vocab::{NotificationKind, QueueKind, ReportReason, ReportState, RevisionState};
use phi::Finding;

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
}

/// One page of a thread list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadList {
    /// Threads on this page.
    pub threads: Vec<ThreadSummary>,
    /// 1-based page number.
    pub page: i64,
    /// Number of pages (at least 1).
    pub pages: i64,
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
}

/// A thread page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadView {
    /// Thread id.
    pub id: i64,
    /// Published title (or, for the author of a held thread, their own title).
    pub title: String,
    /// Category.
    pub category: Category,
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

/// What a moderator's queue row shows (no post text: opening an item is audited).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    /// Held post, report or verification request.
    pub kind: QueueKind,
    /// Revision id, report id or user id.
    pub id: i64,
    /// Who wrote or asked.
    pub who: String,
    /// Finding kinds (held), report reason, or profession (verification).
    pub summary: String,
    /// Open, or how it was decided.
    pub status: String,
    /// Since when, unix seconds.
    pub since: i64,
    /// The moderator holding a live claim, if any.
    pub claimed_by: Option<String>,
    /// The claim is the viewer's.
    pub claimed_by_me: bool,
}

/// A notification as the header and the notifications page show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    /// Id.
    pub id: i64,
    /// What happened.
    pub kind: NotificationKind,
    /// Who caused it.
    pub actor: Option<String>,
    /// The thread concerned and its title as the recipient may see it.
    pub thread: Option<(i64, String)>,
    /// The post concerned.
    pub post_id: Option<i64>,
    /// A moderator's reason (rejections).
    pub reason: String,
    /// When.
    pub created_at: i64,
    /// Read yet.
    pub read: bool,
}

/// The detector's findings for each field of a post (byte offsets into that field).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldFindings {
    /// In the title.
    #[serde(default)]
    pub title: Vec<Finding>,
    /// In the tags (space separated).
    #[serde(default)]
    pub tags: Vec<Finding>,
    /// In the body.
    #[serde(default)]
    pub body: Vec<Finding>,
}

impl FieldFindings {
    /// Whether anything was found.
    pub fn any(&self) -> bool {
        !(self.title.is_empty() && self.tags.is_empty() && self.body.is_empty())
    }
    /// Every finding, whatever the field.
    pub fn all(&self) -> impl Iterator<Item = &Finding> {
        self.title.iter().chain(&self.tags).chain(&self.body)
    }
}

/// A piece of text split for display: plain runs and findings to highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Span {
    /// Text with nothing found.
    Plain(String),
    /// A finding: the text, its kind label and the suggested replacement.
    Found {
        /// The matched text.
        text: String,
        /// `NAME`, `DATE`, …
        kind: String,
        /// Suggested neutral text.
        replacement: String,
    },
}

/// Splits `text` at its findings (sorted, non-overlapping byte ranges on char
/// boundaries, as the detector returns them; anything else is shown plain).
pub fn spans(text: &str, findings: &[Finding]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for f in findings {
        let ok = f.start >= at
            && f.end > f.start
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end);
        if !ok {
            continue;
        }
        if f.start > at {
            out.push(Span::Plain(text[at..f.start].to_string()));
        }
        out.push(Span::Found {
            text: text[f.start..f.end].to_string(),
            kind: f.kind.as_str().to_string(),
            replacement: f.replacement.clone(),
        });
        at = f.end;
    }
    if at < text.len() {
        out.push(Span::Plain(text[at..].to_string()));
    }
    out
}

/// `text` with every finding replaced by its suggested replacement.
pub fn apply_replacements(text: &str, findings: &[Finding]) -> String {
    spans(text, findings)
        .into_iter()
        .map(|s| match s {
            Span::Plain(t) => t,
            Span::Found { replacement, .. } => replacement,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use phi::Kind;

    fn f(start: usize, end: usize) -> Finding {
        Finding {
            kind: Kind::Name,
            start,
            end,
            rule: "t".into(),
            replacement: "[name]".into(),
        }
    }

    #[test]
    fn spans_split_text_at_findings_and_skip_bad_ranges() {
        let text = "Mr Sato seen today";
        let s = spans(text, &[f(3, 7), f(2, 4), f(10, 99)]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], Span::Plain("Mr ".into()));
        assert!(matches!(&s[1], Span::Found { text, .. } if text == "Sato"));
        assert_eq!(apply_replacements(text, &[f(3, 7)]), "Mr [name] seen today");
        // Not on a char boundary: shown plain, never panics.
        assert_eq!(apply_replacements("佐藤さん", &[f(1, 3)]), "佐藤さん");
    }
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
}

/// Who holds a claim on a queue item, as the item page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimState {
    /// The claiming moderator's name, when a live claim exists.
    pub by: Option<String>,
    /// The viewer holds it.
    pub mine: bool,
    /// Until when, unix seconds.
    pub until: i64,
}

/// A held revision opened by a moderator (the opening is audited).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldItem {
    /// The revision.
    pub revision: RevisionView,
    /// Its post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// The thread's published title ('' for a new thread).
    pub thread_title: String,
    /// Opening post (title and tags belong to it).
    pub opening: bool,
    /// The post's author.
    pub author: String,
    /// The viewer wrote it (four eyes: they may not act).
    pub own: bool,
    /// Still waiting for a decision.
    pub waiting: bool,
    /// Claim.
    pub claim: ClaimState,
}

/// A report opened by a moderator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportItem {
    /// Report id.
    pub id: i64,
    /// The reported post.
    pub post_id: i64,
    /// Its thread.
    pub thread_id: i64,
    /// The post's author.
    pub author: String,
    /// Who reported it.
    pub reporter: String,
    /// Why it was reported.
    pub reason: ReportReason,
    /// The reporter's note.
    pub note: String,
    /// Where it stands.
    pub state: ReportState,
    /// The post's published, sanitized HTML.
    pub post_html: String,
    /// The viewer filed it or wrote the post (four eyes).
    pub own: bool,
    /// Claim.
    pub claim: ClaimState,
}
