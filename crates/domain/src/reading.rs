//! The rules of reading and following, stated once: what counts as new, how many
//! posts are unread, a member's level for a thread given their own choice, their
//! posts there and their category's level, and who hears of a new post. The store
//! applies them in SQL where it must (and says so); pages and notifications call them.

use crate::models::FollowLevel;

/// A thread stays "new" to a member for this long after it starts, unless they open
/// it or dismiss the new list (Discourse's default is two days to weeks; a clinician
/// off for a week of nights still finds what started meanwhile).
pub const NEW_WINDOW_SECS: i64 = 14 * 24 * 3600;

/// The creation time after which a thread can be new to a member: the later of
/// their "dismiss new" and the start of the window.
pub fn new_after(dismissed_at: i64, now: i64) -> i64 {
    dismissed_at.max(now - NEW_WINDOW_SECS)
}

/// Whether a thread is new to a member: recent, started by someone else, never opened.
pub fn is_new(created_at: i64, author_is_viewer: bool, opened: bool, after: i64) -> bool {
    !opened && !author_is_viewer && created_at > after
}

/// Unread posts from the kept numbers: public posts now (`replies` + the opening
/// post) less the public posts there were up to the last one read. A post hidden
/// after it was read can make this one short until the next read; never negative.
pub fn unread_count(replies: i64, read_count: i64, last_post_number: i64, last_read: i64) -> i64 {
    if last_post_number <= last_read {
        0
    } else {
        (replies + 1 - read_count).max(1)
    }
}

/// The level a member has for a thread. Their own choice for the thread wins; then a
/// watched category watches its threads; a muted category mutes them unless the
/// member posted there (their posts make them track); otherwise the thread's default
/// (track once they posted) or the category's tracking.
pub fn level_for(thread: Option<(FollowLevel, bool)>, category: FollowLevel) -> FollowLevel {
    match thread {
        Some((level, true)) => level,
        Some((level, false)) => match category {
            FollowLevel::Watch => FollowLevel::Watch,
            _ => level.max(category),
        },
        None => category,
    }
}

/// The level a thread gets when its member posts in it: their choice stays; otherwise
/// they track it from now on (Discourse's default for threads one started or replied to).
pub fn after_posting(current: Option<(FollowLevel, bool)>) -> FollowLevel {
    match current {
        Some((level, true)) => level,
        Some((level, false)) => level.max(FollowLevel::Track),
        None => FollowLevel::Track,
    }
}

/// Whether a member at `level` hears of every new post in the thread.
pub fn hears_every_post(level: FollowLevel) -> bool {
    level == FollowLevel::Watch
}

/// Whether the thread is shown in the member's lists.
pub fn listed(level: FollowLevel) -> bool {
    level != FollowLevel::Mute
}

#[cfg(test)]
mod tests {
    use super::*;
    use FollowLevel::*;

    #[test]
    fn a_choice_wins_and_posting_tracks() {
        assert_eq!(level_for(Some((Mute, true)), Watch), Mute);
        assert_eq!(level_for(Some((Track, false)), Watch), Watch);
        assert_eq!(level_for(Some((Track, false)), Mute), Track);
        assert_eq!(level_for(None, Mute), Mute);
        assert_eq!(level_for(None, Normal), Normal);
        assert_eq!(after_posting(None), Track);
        assert_eq!(after_posting(Some((Normal, true))), Normal);
        assert_eq!(after_posting(Some((Watch, false))), Watch);
        assert!(hears_every_post(Watch) && !hears_every_post(Track));
        assert!(!listed(Mute) && listed(Normal));
    }

    #[test]
    fn counts_and_newness() {
        assert_eq!(unread_count(9, 10, 10, 10), 0);
        assert_eq!(unread_count(12, 10, 13, 10), 3);
        // A read post hidden since: still at least one unread when one is.
        assert_eq!(unread_count(9, 10, 11, 10), 1);
        let now = 1_000_000_000;
        assert_eq!(new_after(0, now), now - NEW_WINDOW_SECS);
        assert_eq!(new_after(now - 10, now), now - 10);
        assert!(is_new(now - 5, false, false, now - 10));
        assert!(!is_new(now - 5, true, false, now - 10));
        assert!(!is_new(now - 5, false, true, now - 10));
        assert!(!is_new(now - 50, false, false, now - 10));
        use crate::models::ListKind;
        assert_eq!(ListKind::Latest.path(""), "/");
        assert_eq!(ListKind::Latest.path("cardio"), "/c/cardio");
        assert_eq!(ListKind::Unread.path(""), "/unread");
        assert_eq!(ListKind::New.path("cardio"), "/new?category=cardio");
        for l in FollowLevel::ALL {
            assert_eq!(FollowLevel::from_db(l.to_db()), l);
            assert_eq!(FollowLevel::parse(l.as_str()), Some(l));
        }
    }
}
