//! The SQL of a thread list's slices, for each kind of list (`ListKind`): latest
//! (pinned on top, then by last activity; threads the viewer muted left out), unread
//! (threads the viewer follows with posts after the last one they read) and new
//! (recent threads the viewer never opened). Every slice is a keyset range by last
//! activity and id, so no page counts or skips rows. The following rules here are
//! `domain::reading::level_for` and `listed`, restated for SQL: the test
//! `tests/api/reading.rs` checks the lists agree with them.

use domain::models::{ListCursor, ListKind};

use crate::visibility::PUBLIC_THREAD;

/// Which rows one list query reads: pinned or not, and from where.
#[derive(Clone, Copy)]
pub(crate) enum Slice {
    Pinned,
    Top,
    Before(ListCursor),
    After(ListCursor),
}

/// The columns a list row reads (`thread_lists::ListRow`).
const COLUMNS: &str =
    "t.id, t.category_id, t.title, c.slug, u.display_name, t.last_activity_at, t.pinned, \
    t.locked, t.reply_count, t.question, t.answer_post_id, t.created_at, t.author_id, \
    t.last_post_number";

/// The query of one slice. Placeholders in bind order: viewer, then (new lists) the
/// creation time threads must be newer than, then category, cursor, limit.
pub(crate) fn slice_sql(kind: ListKind, category: bool, slice: &Slice) -> String {
    let mut n = 1; // $1 is the viewer
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let newer_than = (kind == ListKind::New).then(&mut next);
    let category_filter = if category {
        format!(" AND t.category_id = {}", next())
    } else {
        String::new()
    };
    // Latest lists key on last activity (pinned threads apart); new lists on when the
    // thread started (`threads_new`), so both read an index in order.
    let key = if kind == ListKind::New {
        "t.created_at"
    } else {
        "t.last_activity_at"
    };
    let (pinned, from, order) = match slice {
        Slice::Pinned => (" AND t.pinned = 1", String::new(), "DESC"),
        Slice::Top => (" AND t.pinned = 0", String::new(), "DESC"),
        Slice::Before(_) => {
            let (a, b) = (next(), next());
            let f = format!(" AND ({key}, t.id) < ({a}, {b})");
            (" AND t.pinned = 0", f, "DESC")
        }
        Slice::After(_) => {
            let (a, b) = (next(), next());
            let f = format!(" AND ({key}, t.id) > ({a}, {b})");
            (" AND t.pinned = 0", f, "ASC")
        }
    };
    let pinned = if kind == ListKind::Latest { pinned } else { "" };
    let limit = next();
    let joins = "JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = t.author_id";
    let muted_thread = "NOT EXISTS (SELECT 1 FROM thread_readers m WHERE m.user_id = $1 \
         AND m.thread_id = t.id AND m.level = -1)";
    // A muted category mutes its threads, except where the member posted (tracks)
    // or chose a level themself.
    let muted_category = "NOT EXISTS (SELECT 1 FROM category_levels cl WHERE cl.user_id = $1 \
         AND cl.category_id = t.category_id AND cl.level = -1 AND NOT EXISTS (SELECT 1 \
         FROM thread_readers k WHERE k.user_id = $1 AND k.thread_id = t.id \
         AND (k.level >= 1 OR k.chosen = 1)))";
    let order = format!("ORDER BY {key} {order}, t.id {order} LIMIT {limit}");
    match kind {
        ListKind::Latest => {
            // A category page shows a muted category's threads (the member went there).
            let cat_mute = if category {
                String::new()
            } else {
                format!(" AND {muted_category}")
            };
            format!(
                "SELECT {COLUMNS} FROM threads t {joins} WHERE {PUBLIC_THREAD}{pinned}\
                 {category_filter}{from} AND {muted_thread}{cat_mute} {order}"
            )
        }
        ListKind::Unread => format!(
            // Followed: tracking or watching the thread, or (no choice of their own)
            // tracking or watching its category.
            "SELECT {COLUMNS} FROM thread_readers r JOIN threads t ON t.id = r.thread_id {joins} \
             WHERE r.user_id = $1 AND t.last_post_number > r.last_read AND {PUBLIC_THREAD}\
             {category_filter}{from} AND (r.level >= 1 OR (r.chosen = 0 AND r.level = 0 AND \
             EXISTS (SELECT 1 FROM category_levels cl WHERE cl.user_id = $1 \
             AND cl.category_id = t.category_id AND cl.level >= 1))) {order}"
        ),
        ListKind::New => format!(
            "SELECT {COLUMNS} FROM threads t {joins} WHERE {PUBLIC_THREAD} \
             AND t.created_at > {newer_than} \
             AND t.author_id <> $1{category_filter}{from} AND NOT EXISTS (SELECT 1 FROM \
             thread_readers o WHERE o.user_id = $1 AND o.thread_id = t.id) AND \
             NOT EXISTS (SELECT 1 FROM category_levels cl WHERE cl.user_id = $1 \
             AND cl.category_id = t.category_id AND cl.level = -1) {order}",
            newer_than = newer_than.unwrap_or_default()
        ),
    }
}

/// Every query the latest and new lists run, for tests that read the databases'
/// plans (each must be served by an index, with no scan and no sort). Bind 1 to
/// every placeholder. The unread list is not among them: it starts from the viewer's
/// own followed threads (their key's prefix) and sorts those, so it reads as many
/// rows as the member follows threads with unread posts, not the forum's size.
pub fn list_queries() -> Vec<String> {
    let c = ListCursor { activity: 1, id: 1 };
    let mut out = Vec::new();
    for category in [false, true] {
        for slice in [Slice::Pinned, Slice::Top, Slice::Before(c), Slice::After(c)] {
            out.push(slice_sql(ListKind::Latest, category, &slice));
        }
        for slice in [Slice::Top, Slice::Before(c), Slice::After(c)] {
            out.push(slice_sql(ListKind::New, category, &slice));
        }
    }
    out
}
