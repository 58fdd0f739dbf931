//! What moderators see: queue rows, claims, a held revision opened for a decision,
//! a member's report; and the notifications members receive.

use serde::{Deserialize, Serialize};

use super::forum::RevisionView;
use crate::vocab::{NotificationKind, QueueKind, ReportReason, ReportState};

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
    /// That post's number in its thread (which page it is on).
    #[serde(default)]
    pub post_number: Option<i64>,
    /// A moderator's reason (rejections).
    pub reason: String,
    /// When.
    pub created_at: i64,
    /// Read yet.
    pub read: bool,
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
    /// Findings a moderator has marked "not patient data".
    #[serde(default)]
    pub not_phi: Vec<super::FindingRef>,
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
    /// The post is a direct message: moderators cannot open its conversation, and
    /// opening the report was audited.
    #[serde(default)]
    pub private: bool,
}

impl NotificationView {
    /// Where opening the notification takes its recipient: the post in its thread,
    /// on the page it is on (a reply, a mention, a held post now published); their
    /// own post's page for a rejection (with the reason) or a held post waiting for
    /// them; the forum or their
    /// application for a decision on their licence. A thread the recipient may no
    /// longer see leads to the notifications page.
    pub fn destination(&self) -> String {
        use crate::links::post_in_thread;
        match (self.kind, &self.thread, self.post_id, self.post_number) {
            (NotificationKind::Verified, ..) => "/".to_string(),
            (NotificationKind::VerificationRejected, ..) => "/pending".to_string(),
            (NotificationKind::Rejected | NotificationKind::HeldWaiting, _, Some(post), _) => {
                format!("/p/{post}")
            }
            (_, Some((thread, _)), Some(post), Some(number)) => {
                post_in_thread(*thread, number, post)
            }
            (_, Some((thread, _)), ..) => format!("/t/{thread}"),
            _ => "/notifications".to_string(),
        }
    }
}
