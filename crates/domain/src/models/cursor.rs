//! Where a page of a thread list starts: keyset positions ("older than this
//! thread", "newer than this thread") by last activity and id, so a list page reads
//! the same few rows whether it is the first or the ten-thousandth, and a link to it
//! keeps working while new threads arrive above it.

use serde::{Deserialize, Serialize};

/// A thread's place in a list ordered by last activity, then id (both descending).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCursor {
    /// Last published activity, unix seconds.
    pub activity: i64,
    /// Thread id (breaks ties between threads active in the same second).
    pub id: i64,
}

impl ListCursor {
    /// Parses the `activity.id` form used in links; anything else is None.
    pub fn parse(s: &str) -> Option<Self> {
        let (a, b) = s.split_once('.')?;
        let activity = a.parse().ok()?;
        let id: i64 = b.parse().ok()?;
        (id > 0).then_some(Self { activity, id })
    }
}

impl std::fmt::Display for ListCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.activity, self.id)
    }
}

/// Which page of a thread list to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListPage {
    /// The newest threads, with pinned ones on top.
    First,
    /// Threads after this one in the list (less recently active).
    Older(ListCursor),
    /// Threads before this one in the list (more recently active).
    Newer(ListCursor),
}

impl ListPage {
    /// From the `older` and `newer` query parameters; a missing or malformed one
    /// means the first page.
    pub fn from_query(older: &str, newer: &str) -> Self {
        if let Some(c) = ListCursor::parse(older) {
            Self::Older(c)
        } else if let Some(c) = ListCursor::parse(newer) {
            Self::Newer(c)
        } else {
            Self::First
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let c = ListCursor {
            activity: 1_700_000_000,
            id: 42,
        };
        assert_eq!(ListCursor::parse(&c.to_string()), Some(c));
        for bad in [
            "",
            "1",
            "1.",
            ".2",
            "a.b",
            "1.0",
            "1.-3",
            "1.2.3",
            "99999999999999999999.1",
        ] {
            assert_eq!(ListCursor::parse(bad), None, "{bad}");
        }
        assert_eq!(
            ListPage::from_query("", "5.6"),
            ListPage::Newer(ListCursor { activity: 5, id: 6 })
        );
        assert_eq!(ListPage::from_query("x", ""), ListPage::First);
    }
}
