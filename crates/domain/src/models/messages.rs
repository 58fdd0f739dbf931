//! Direct messages as pages show them: a member's conversations, one conversation's
//! participants, and hits of a search in the member's own messages. A conversation
//! is a private thread (`domain::visibility`): these types never reach anyone who
//! does not take part in it.

use serde::{Deserialize, Serialize};

use super::ListCursor;

/// Most members one conversation can have besides its author.
pub const MAX_RECIPIENTS: usize = 10;

/// One of a member's conversations, as their messages list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// The thread's id (the conversation is read at `/t/{id}`).
    pub id: i64,
    /// Its title; empty while its opening message waits for review.
    pub title: String,
    /// Display names of everyone taking part, the viewer included.
    pub participants: Vec<String>,
    /// Last published activity, unix seconds.
    pub last_activity_at: i64,
    /// Messages the viewer has not read yet.
    pub unread: i64,
    /// The viewer's own conversation whose opening message waits for a moderator.
    pub waiting: bool,
}

/// The messages page: the member's conversations, newest activity first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagesPage {
    /// This page's conversations.
    pub conversations: Vec<Conversation>,
    /// Where the next (older) page starts, when there is one.
    pub older: Option<ListCursor>,
    /// The search in the member's own messages, when one was asked for.
    pub search: Option<MessageSearch>,
}

/// A search in the viewer's own conversations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSearch {
    /// What was searched for (echoed into the search box).
    pub query: String,
    /// Messages that contain it, newest first.
    pub hits: Vec<MessageHit>,
    /// The query was too short to search for.
    pub too_short: bool,
}

/// One message that matched a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageHit {
    /// The conversation.
    pub thread_id: i64,
    /// The conversation's title.
    pub title: String,
    /// The message (for its anchor).
    pub post_id: i64,
    /// Who wrote it.
    pub author: String,
    /// A short piece of its text around the match.
    pub excerpt: String,
    /// When it was published, unix seconds.
    pub created_at: i64,
}

/// Fewest characters a message search needs (one kanji word is two).
pub const MIN_MESSAGE_QUERY: usize = 2;

/// A piece of `text` of about `width` characters around the first case-insensitive
/// occurrence of `needle` (the start of the text when it is not found), on char
/// boundaries, with ellipses where it was cut.
pub fn excerpt_around(text: &str, needle: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    let needle: Vec<char> = needle.chars().flat_map(|c| c.to_lowercase()).collect();
    // Lower-casing can change the length (rarely); fall back to the start then.
    let at = if lower.len() == chars.len() && !needle.is_empty() {
        lower
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
            .unwrap_or(0)
    } else {
        0
    };
    let start = at.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_centre_on_the_match_and_cut_on_characters() {
        let text = "あいうえお かきくけこ Warfarin dose さしすせそ たちつてと";
        let e = excerpt_around(text, "warfarin", 12);
        assert!(e.starts_with('…') && e.contains("Warfarin"), "{e}");
        assert_eq!(excerpt_around("short", "x", 40), "short");
        assert_eq!(excerpt_around("abcdef", "", 3), "abc…");
    }
}
