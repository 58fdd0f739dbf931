//! Reading and following (SQLite and PostgreSQL), through the real pages and forms:
//! a thread is new to a colleague until they open it; the page's `<noscript>` image
//! records reading; replying makes a member track a thread, whose list row then
//! counts unread posts and links to the first of them; `/unread` and `/new` list
//! them, "mark read" and "dismiss new" empty them; muting hides a thread from the
//! lists, and watching a thread or a category tells the member of every new post,
//! once.

use crate::helpers::{location, spawn_app, TestApp, CLEAN_BODY};

/// The `upto` of the page's read beacon, if it has one.
fn beacon(page: &str, thread: i64) -> Option<i64> {
    let key = format!("/t/{thread}/read?upto=");
    let at = page.find(&key)? + key.len();
    page[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

async fn watching(app: &TestApp, user: i64) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM notifications WHERE user_id = {user} AND kind = 'watching'"
    ))
    .await
}

#[tokio::test]
async fn new_unread_and_the_first_unread_post() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;

    // New to the colleague, on the front page and on /new; not to its author.
    let (_, front) = colleague.page("/").await;
    assert!(front.contains("class=\"badge new\""), "new mark");
    let (status, new) = colleague.page("/new").await;
    assert_eq!(status, 200);
    assert!(new.contains("Night-time agitation"));
    let (_, mine) = app.page("/new").await;
    assert!(
        !mine.contains("Night-time agitation"),
        "one's own thread is not new"
    );

    // Opening it without JavaScript: the page carries the beacon, the browser loads it.
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    let upto = beacon(&page, thread).expect("the read beacon");
    assert_eq!(upto, 1);
    let res = colleague
        .get(&format!("/t/{thread}/read?upto={upto}"))
        .await;
    assert_eq!(res.status(), 204);
    let (_, new) = colleague.page("/new").await;
    assert!(
        !new.contains("Night-time agitation"),
        "opened: no longer new"
    );
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert_eq!(beacon(&page, thread), None, "nothing left to mark");

    // The colleague replies; the author tracks their own thread and sees one unread.
    let to = colleague
        .reply(thread, "We use a night light and fewer checks.")
        .await;
    let reply_id: i64 = to.rsplit_once("#post-").unwrap().1.parse().unwrap();
    let (_, front) = app.page("/").await;
    assert!(front.contains("1 unread"), "unread count on the front page");
    assert!(front.contains(&format!("href=\"/t/{thread}/unread\"")));
    let (_, unread) = app.page("/unread").await;
    assert!(unread.contains("Night-time agitation"));
    let res = app.get(&format!("/t/{thread}/unread")).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}#post-{reply_id}"));
    // The replier has read their own reply: nothing unread for them.
    let (_, theirs) = colleague.page("/unread").await;
    assert!(!theirs.contains("Night-time agitation"));

    // Reading it (the beacon again) clears it.
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    let upto = beacon(&page, thread).expect("beacon for the reply");
    assert_eq!(
        app.get(&format!("/t/{thread}/read?upto={upto}"))
            .await
            .status(),
        204
    );
    let (_, unread) = app.page("/unread").await;
    assert!(!unread.contains("Night-time agitation"));

    // Another reply, then "mark all read" from the unread list.
    colleague.reply(thread, "And melatonin at nine.").await;
    let (_, unread) = app.page("/unread").await;
    assert!(unread.contains("Night-time agitation"));
    let res = app
        .post_form("/read", &[("list", "unread"), ("category", "")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/unread");
    let (_, unread) = app.page("/unread").await;
    assert!(!unread.contains("Night-time agitation"));
    assert!(unread.contains("Marked as read.") || unread.contains("Nothing unread"));

    // A third member dismisses new; a beacon from another site is refused; nonsense
    // is a 4xx.
    let third = app.new_browser();
    third.member("third@example.jp", "Mori PT").await;
    let (_, new) = third.page("/new").await;
    assert!(new.contains("Night-time agitation"));
    let res = third.post_form("/new/dismiss", &[]).await;
    assert_eq!(location(&res), "/new");
    let (_, new) = third.page("/new").await;
    assert!(!new.contains("Night-time agitation"));
    let res = third
        .client
        .get(format!("{}/t/{thread}/read?upto=3", third.address))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        third
            .get(&format!("/t/{thread}/read?upto=x"))
            .await
            .status(),
        400
    );
    assert_eq!(third.get("/t/999999/read?upto=1").await.status(), 404);
    assert_eq!(third.get("/t/999999/unread").await.status(), 404);

    // In Japanese.
    third
        .post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    let (_, front) = third.page("/").await;
    assert!(
        front.contains(">未読<") && front.contains(">新着<"),
        "tabs in Japanese"
    );
}

#[tokio::test]
async fn muting_hides_and_watching_tells_of_every_post_once() {
    let app = spawn_app().await;
    let author = app.member("author@example.jp", "Kato MD").await;
    let (first, _) = app.start_thread("Melatonin for delirium", CLEAN_BODY).await;
    let member = app.new_browser();
    let member_id = member.member("member@example.jp", "Abe RN").await;
    let watcher = app.new_browser();
    let watcher_id = watcher.member("watcher@example.jp", "Mori PT").await;

    // Muting a thread takes it off the member's lists.
    let (_, page) = member.page(&format!("/t/{first}")).await;
    assert!(page.contains(&format!("action=\"/t/{first}/level\"")));
    let res = member
        .post_form(&format!("/t/{first}/level"), &[("level", "mute")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{first}"));
    let (_, front) = member.page("/").await;
    assert!(
        !front.contains("Melatonin for delirium"),
        "muted threads vanish"
    );
    let (_, front) = app.page("/").await;
    assert!(
        front.contains("Melatonin for delirium"),
        "only for who muted it"
    );
    let (_, page) = member.page(&format!("/t/{first}")).await;
    assert!(page.contains("value=\"mute\" selected"), "the level shows");
    // A level that does not exist is a bad request; the form stays.
    let res = member
        .post_form(&format!("/t/{first}/level"), &[("level", "loud")])
        .await;
    assert_eq!(res.status(), 400);

    // Watching a category: every new thread and post in it is told.
    let res = watcher
        .post_form("/c/internal-medicine/level", &[("level", "watch")])
        .await;
    assert_eq!(location(&res), "/c/internal-medicine");
    let (second, _) = app
        .start_thread("Delirium screening tools", CLEAN_BODY)
        .await;
    assert_eq!(
        watching(&app, watcher_id).await,
        1,
        "a new thread in a watched category"
    );
    // Watching a thread: every reply is told, once, and not to its own author.
    member
        .post_form(&format!("/t/{second}/level"), &[("level", "watch")])
        .await;
    watcher.reply(second, "We use the 4AT on admission.").await;
    assert_eq!(watching(&app, member_id).await, 1);
    assert_eq!(
        watching(&app, watcher_id).await,
        1,
        "not of their own reply"
    );
    // The author hears of the reply as a reply, not twice.
    assert_eq!(watching(&app, author).await, 0);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE user_id = {author} AND kind = 'reply'"
        ))
        .await,
        1
    );
    // A muted thread tells nobody who muted it, even in a watched category.
    watcher
        .post_form(&format!("/t/{second}/level"), &[("level", "mute")])
        .await;
    member
        .reply(second, "The 4AT, and CAM-ICU in the unit.")
        .await;
    assert_eq!(watching(&app, watcher_id).await, 1);
    // The category page shows the level and offers "mark this category read".
    let (_, page) = watcher.page("/c/internal-medicine").await;
    assert!(page.contains("value=\"watch\" selected"));
    assert!(page.contains("Mark this category read"));
    let res = watcher
        .post_form(
            "/read",
            &[("list", "latest"), ("category", "internal-medicine")],
        )
        .await;
    assert_eq!(location(&res), "/c/internal-medicine");
    let (_, page) = watcher.page("/c/internal-medicine").await;
    assert!(
        !page.contains("class=\"badge new\""),
        "nothing new after marking read"
    );
}

/// Many members replying at once, each reply mailing the thread's author: every one
/// goes through. (A letter once read its recipient through the pool inside the
/// reply's transaction; on SQLite, with every pooled connection waiting for the
/// write lock that transaction held, replies failed with "database is locked".)
#[tokio::test]
async fn concurrent_replies_that_mail_their_thread_author_all_go_through() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, _) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let mut members = Vec::new();
    for n in 0..12 {
        let m = app.new_browser();
        m.member(&format!("m{n}@example.jp"), &format!("Member {n} RN"))
            .await;
        members.push(m);
    }
    let path = format!("/t/{thread}/reply");
    let replies = members.iter().map(|m| {
        let path = path.clone();
        async move {
            m.post_form(
                &path,
                &[("body", "Same here: fewer checks at night helped.")],
            )
            .await
            .status()
            .as_u16()
        }
    });
    let statuses = futures::future::join_all(replies).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM mail_outbox").await,
        12,
        "each reply mailed the author"
    );
}
