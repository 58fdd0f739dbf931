//! Who may see what — the one statement of the rule, in Rust. The store states the same
//! rule once for SQL (`store::visibility`), and a test there checks both agree on every
//! combination of states. Pages, server functions, search and notifications call these
//! functions instead of restating them.
//!
//! The rule: every verified member sees published threads that are neither hidden nor
//! deleted, and in them the published posts that are not hidden. A thread's author also
//! sees their own hidden thread and their own thread while it waits for review; a post's
//! author also sees their own hidden post. Moderators see hidden threads and posts and
//! deleted threads. Text that was never published reaches nobody but its author (and
//! moderators through the audited queue).
//!
//! A conversation (direct messages, `private`) is read by its participants only:
//! never listed or searched for others, and not opened by moderators for being
//! moderators — they read a message through a report (audited), and a held one in
//! the queue like any held post.

use crate::models::PostState;

/// Who is looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Looker {
    /// The viewer's account id.
    pub id: i64,
    /// Whether they are a verified moderator or admin.
    pub moderator: bool,
}

/// What the rule needs to know about a thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThreadFacts {
    /// Who started it.
    pub author_id: i64,
    /// Its opening post has been published.
    pub published: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// Deleted with its opening post.
    pub deleted: bool,
    /// A conversation between the members taking part in it.
    pub private: bool,
    /// For a conversation: the looker takes part in it. False when not known, which
    /// keeps it closed.
    pub participant: bool,
}

/// What the rule needs to know about a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostFacts {
    /// Who wrote it.
    pub author_id: i64,
    /// Its state.
    pub state: PostState,
    /// Hidden by a moderator.
    pub hidden: bool,
}

/// Whether every member sees the thread (lists, search, notifications of others).
pub fn thread_is_public(t: &ThreadFacts) -> bool {
    t.published && !t.hidden && !t.deleted && !t.private
}

/// Whether `who` may open the thread.
pub fn thread_visible(t: &ThreadFacts, who: Looker) -> bool {
    let own = t.author_id == who.id;
    if t.private {
        return t.participant && !t.deleted && (t.published || own) && (!t.hidden || own);
    }
    if t.deleted {
        return who.moderator;
    }
    if !t.published {
        return own;
    }
    !t.hidden || own || who.moderator
}

/// Whether `who` may reply in the thread: a published thread they may open; a locked
/// or hidden one takes replies from moderators only.
pub fn may_reply(t: &ThreadFacts, locked: bool, who: Looker) -> bool {
    thread_visible(t, who) && t.published && ((!locked && !t.hidden) || who.moderator)
}

/// Whether `who` may change their own post in this thread: not once it is locked
/// (moderators still may), so a locked discussion stays as it was read.
pub fn may_edit(locked: bool, who: Looker) -> bool {
    !locked || who.moderator
}

/// Whether every member can read the post's published text (search, quotes of others).
pub fn post_is_public(p: &PostFacts, t: &ThreadFacts) -> bool {
    thread_is_public(t) && p.state == PostState::Published && !p.hidden
}

/// Whether `who` can read the post's published text in a thread they may open.
pub fn post_text_visible(p: &PostFacts, t: &ThreadFacts, who: Looker) -> bool {
    thread_visible(t, who)
        && p.state == PostState::Published
        && (!p.hidden || who.moderator || p.author_id == who.id)
}

/// Whether `who` may mark the post "helpful" (or take the mark back): a post every
/// member can read, written by someone else. Hidden posts and threads take no marks,
/// so a moderator's reading them is never shown as approval.
pub fn may_mark_helpful(p: &PostFacts, t: &ThreadFacts, who: Looker) -> bool {
    post_is_public(p, t) && p.author_id != who.id
}

/// Whether `who` may mark a reply of the thread as its answer (or unmark it): the
/// thread's author or a moderator, in a question every member can read.
pub fn may_choose_answer(t: &ThreadFacts, question: bool, who: Looker) -> bool {
    question && thread_is_public(t) && (t.author_id == who.id || who.moderator)
}

/// Whether a post can be the answer of its thread: a reply (not the question itself)
/// every member can read.
pub fn may_be_answer(p: &PostFacts, number: i64, t: &ThreadFacts) -> bool {
    number > 1 && post_is_public(p, t)
}

/// Whether `who` sees the post at all on a thread page: published text as above,
/// placeholders of deleted and removed posts, and their own held or rejected posts.
pub fn post_listed(p: &PostFacts, t: &ThreadFacts, who: Looker) -> bool {
    if !thread_visible(t, who) {
        return false;
    }
    match p.state {
        PostState::Published => !p.hidden || who.moderator || p.author_id == who.id,
        PostState::Deleted | PostState::Removed => true,
        PostState::Held | PostState::Rejected => p.author_id == who.id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTHOR: i64 = 1;
    const OTHER: i64 = 2;

    fn thread(published: bool, hidden: bool, deleted: bool) -> ThreadFacts {
        ThreadFacts {
            author_id: AUTHOR,
            published,
            hidden,
            deleted,
            private: false,
            participant: false,
        }
    }

    #[test]
    fn conversations_are_read_by_their_participants_only() {
        let mut t = thread(true, false, false);
        t.private = true;
        let moderator = Looker {
            id: 3,
            moderator: true,
        };
        let member = Looker {
            id: OTHER,
            moderator: false,
        };
        assert!(!thread_is_public(&t));
        assert!(
            !thread_visible(&t, moderator),
            "moderators read through reports"
        );
        assert!(!thread_visible(&t, member));
        t.participant = true;
        assert!(thread_visible(&t, member) && thread_visible(&t, moderator));
        assert!(may_reply(&t, false, member));
        let p = PostFacts {
            author_id: AUTHOR,
            state: PostState::Published,
            hidden: false,
        };
        assert!(!post_is_public(&p, &t) && !may_mark_helpful(&p, &t, member));
        assert!(post_text_visible(&p, &t, member));
        assert!(!may_choose_answer(&t, true, member));
        t.published = false;
        assert!(!thread_visible(&t, member), "held until cleared");
        t.deleted = true;
        t.published = true;
        assert!(!thread_visible(&t, member));
    }

    #[test]
    fn members_see_published_visible_threads_authors_and_moderators_more() {
        let member = Looker {
            id: OTHER,
            moderator: false,
        };
        let author = Looker {
            id: AUTHOR,
            moderator: false,
        };
        let moderator = Looker {
            id: 3,
            moderator: true,
        };
        let public = thread(true, false, false);
        assert!(thread_visible(&public, member) && thread_is_public(&public));
        let waiting = thread(false, false, false);
        assert!(!thread_visible(&waiting, member) && thread_visible(&waiting, author));
        assert!(
            !thread_visible(&waiting, moderator),
            "held text only through the queue"
        );
        let hidden = thread(true, true, false);
        assert!(!thread_visible(&hidden, member) && thread_visible(&hidden, author));
        assert!(thread_visible(&hidden, moderator) && !thread_is_public(&hidden));
        let deleted = thread(true, false, true);
        assert!(!thread_visible(&deleted, author) && thread_visible(&deleted, moderator));
    }

    #[test]
    fn held_text_reaches_only_its_author() {
        let t = thread(true, false, false);
        let held = PostFacts {
            author_id: AUTHOR,
            state: PostState::Held,
            hidden: false,
        };
        let member = Looker {
            id: OTHER,
            moderator: true,
        };
        assert!(!post_listed(&held, &t, member));
        assert!(!post_text_visible(&held, &t, member));
        assert!(post_listed(
            &held,
            &t,
            Looker {
                id: AUTHOR,
                moderator: false
            }
        ));
        assert!(!post_is_public(&held, &t));
    }
}
