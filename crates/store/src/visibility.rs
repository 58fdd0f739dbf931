//! The visibility rule of [`domain::visibility`], stated once for SQL. Every query
//! that reads threads or posts for members builds its `WHERE` from these fragments;
//! the test below checks, on a real database, that they agree with the Rust rule for
//! every combination of states.
//!
//! Aliases: `t` is the thread, `p` the post. Placeholders are given by the caller's
//! numbering (`viewer` is the viewer's id, `moderator` 1 or 0).

/// Threads every member sees (lists, search): never a conversation. The partial
/// indexes of the lists (migration 0027) carry the same four conditions.
pub const PUBLIC_THREAD: &str =
    "(t.published = 1 AND t.hidden = 0 AND t.deleted = 0 AND t.private = 0)";

/// Posts every member can read in a public thread (search, reply counts).
pub const PUBLIC_POST: &str = "(p.state = 'published' AND p.hidden = 0)";

/// Both: what the search index holds and what lists count.
pub fn public_post_in_public_thread() -> String {
    format!("{PUBLIC_THREAD} AND {PUBLIC_POST}")
}

/// Conversations `viewer` takes part in (with `t` the thread).
pub fn takes_part(viewer: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM thread_participants tp WHERE tp.thread_id = t.id \
         AND tp.user_id = {viewer})"
    )
}

/// Conversations `viewer` may open: `domain::visibility::thread_visible` for a
/// private thread — they take part, it is not deleted, and it is published and not
/// hidden unless it is their own.
pub fn conversation_visible(viewer: &str) -> String {
    format!(
        "(t.private = 1 AND t.deleted = 0 AND (t.published = 1 OR t.author_id = {viewer}) \
         AND (t.hidden = 0 OR t.author_id = {viewer}) AND {})",
        takes_part(viewer)
    )
}

/// Posts a viewer sees on a page of a thread they may open: published ones (hidden
/// ones only for moderators and their author), placeholders of deleted and removed
/// posts, and their own held or rejected posts.
pub fn post_listed(viewer: &str, moderator: &str) -> String {
    format!(
        "((p.state = 'published' AND (p.hidden = 0 OR {moderator} = 1 OR p.author_id = {viewer})) \
         OR p.state IN ('deleted', 'removed') \
         OR (p.state IN ('held', 'rejected') AND p.author_id = {viewer}))"
    )
}

#[cfg(test)]
mod tests;
