//! Where things live: the one place a post's address inside its thread is worked
//! out (the page follows from the post's number, so it never moves), and the
//! address that opens a notification (a thread list's is `ListKind::path`). Pages, letters and search results all link
//! through these.

/// Posts per page of a thread.
pub const POSTS_PER_PAGE: i64 = 20;

/// The page of its thread that post number `number` (1 = the opening post) is on.
pub fn page_of(number: i64) -> i64 {
    (number.max(1) - 1) / POSTS_PER_PAGE + 1
}

/// The address of a post inside its thread: its page, scrolled to the post.
pub fn post_in_thread(thread_id: i64, number: i64, post_id: i64) -> String {
    match page_of(number) {
        1 => format!("/t/{thread_id}#post-{post_id}"),
        page => format!("/t/{thread_id}?page={page}#post-{post_id}"),
    }
}

/// The address that opens notification `id`: it marks it read and leads on to
/// what it is about (`NotificationView::destination`). Letters and the
/// notifications page link here, so a notification is read once it is opened,
/// from anywhere.
pub fn open_notification(id: i64) -> String {
    format!("/n/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_on_the_page_its_number_puts_it_on() {
        assert_eq!(page_of(1), 1);
        assert_eq!(page_of(20), 1);
        assert_eq!(page_of(21), 2);
        assert_eq!(page_of(0), 1);
        assert_eq!(post_in_thread(3, 7, 40), "/t/3#post-40");
        assert_eq!(post_in_thread(3, 41, 90), "/t/3?page=3#post-90");
        assert_eq!(open_notification(12), "/n/12");
    }
}
