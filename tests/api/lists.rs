//! Thread lists by keyset: walking "older" from the front page and "newer" back
//! visits every thread exactly once in order, pinned threads stay on top of the first
//! page only, a malformed position is the first page, and the reply count kept on
//! the thread follows every change (published, held, approved, deleted, hidden).

use domain::models::{Role, Status};

use crate::helpers::{spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

/// Thread ids in the order a list page shows them, and its older / newer links.
fn read_list(html: &str) -> (Vec<i64>, Option<String>, Option<String>) {
    let ids = html
        .split("id=\"thread-")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect();
    let link = |rel: &str| {
        let key = format!("rel=\"{rel}\" href=\"");
        html.split(&key)
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(|s| s.replace("&amp;", "&"))
    };
    (ids, link("next"), link("prev"))
}

async fn reply_count(app: &TestApp, thread: i64) -> i64 {
    app.count(&format!(
        "SELECT reply_count FROM threads WHERE id = {thread}"
    ))
    .await
}

#[tokio::test]
async fn older_and_newer_walk_every_thread_once_with_pinned_on_top() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let mut threads = Vec::new();
    for n in 0..65 {
        let (t, _) = app
            .start_thread(&format!("Antibiotic choices, case series {n}"), CLEAN_BODY)
            .await;
        threads.push(t);
    }
    // Newest activity first; threads created in the same second by id.
    threads.reverse();
    let pinned = threads[40];
    let moderator = app.new_browser();
    moderator
        .sign_in_as(
            "m@example.jp",
            "Mod Mori",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let res = moderator
        .post_form(
            &format!("/mod/thread/{pinned}"),
            &[("flag", "pinned"), ("on", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let (status, first) = app.page("/").await;
    assert_eq!(status, 200);
    let (ids, older, newer) = read_list(&first);
    assert_eq!(ids[0], pinned, "the pinned thread leads the first page");
    assert_eq!(ids.len(), 31, "one pinned and a page of 30");
    assert!(newer.is_none(), "the first page has nothing newer");
    let mut pages = vec![ids[1..].to_vec()];
    let mut next = older;
    while let Some(href) = next {
        let (status, html) = app.page(&href).await;
        assert_eq!(status, 200, "{href}");
        let (ids, older, newer) = read_list(&html);
        assert!(newer.is_some(), "an older page links back to newer threads");
        assert!(
            !ids.contains(&pinned),
            "the pinned thread is on the first page only"
        );
        pages.push(ids);
        next = older;
    }
    assert_eq!(
        pages.len(),
        3,
        "64 unpinned threads make pages of 30, 30 and 4"
    );
    let walked: Vec<i64> = pages.concat();
    let want: Vec<i64> = threads.iter().copied().filter(|t| *t != pinned).collect();
    assert_eq!(walked, want, "every thread once, newest first");

    // Walking back with "newer" from the last page gives the same pages.
    let (_, last) = app
        .page(&format!(
            "/?older={}",
            read_list(&app.page("/").await.1)
                .1
                .unwrap()
                .split("older=")
                .nth(1)
                .unwrap()
        ))
        .await;
    let (second, _, newer) = read_list(&last);
    assert_eq!(second, pages[1]);
    let (_, back) = app.page(&newer.expect("newer link")).await;
    let (ids, _, newer) = read_list(&back);
    assert_eq!(
        ids[0], pinned,
        "newer than the second page is the first page"
    );
    assert!(newer.is_none());

    // A malformed position is the first page, never an error; category lists page too.
    for q in [
        "/?older=abc",
        "/?newer=1.x",
        "/?older=99999999999999999999.1",
    ] {
        let (status, html) = app.page(q).await;
        assert_eq!(status, 200, "{q}");
        assert_eq!(read_list(&html).0[0], pinned, "{q}");
    }
    let (_, cat) = app.page("/c/internal-medicine").await;
    let (ids, older, _) = read_list(&cat);
    assert_eq!(ids.len(), 31);
    assert!(older
        .expect("older link")
        .starts_with("/c/internal-medicine?older="));
}

#[tokio::test]
async fn the_kept_reply_count_follows_every_change() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app
        .start_thread("Antibiotics for aspiration pneumonia", CLEAN_BODY)
        .await;
    let other = app.new_browser();
    other.member("b@example.jp", "Nurse Kimura").await;
    let first = other.reply(thread, CLEAN_BODY).await;
    other.reply(thread, CLEAN_BODY).await;
    assert_eq!(reply_count(&app, thread).await, 2);
    let (_, home) = app.page("/").await;
    assert!(home.contains("2 replies"), "the list shows the kept count");

    // A held reply is not counted until a moderator approves it.
    let held = other.reply(thread, PHI_BODY).await;
    assert!(held.starts_with("/p/"), "{held}");
    assert_eq!(reply_count(&app, thread).await, 2);
    let post: i64 = held.trim_start_matches("/p/").parse().unwrap();
    let moderator = app.new_browser();
    moderator
        .sign_in_as(
            "m@example.jp",
            "Mod Mori",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    let res = other
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let revision = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    moderator.claim("held", revision).await;
    let res = moderator
        .post_form(&format!("/mod/held/{revision}"), &[("decision", "approve")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(reply_count(&app, thread).await, 3);

    // Deleted by its author: no longer counted.
    let (_, first_post) = crate::helpers::ids_from(&first);
    let res = other
        .post_form(&format!("/p/{first_post}"), &[("action", "delete")])
        .await;
    assert!(res.status().is_redirection());
    assert_eq!(reply_count(&app, thread).await, 2);
    // The kept count is what counting the posts says.
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM posts WHERE thread_id = {thread} AND number > 1 \
             AND state = 'published' AND hidden = 0"
        ))
        .await,
        2
    );
}

/// The plan of `sql` with every placeholder bound to 1, as text, on this backend.
/// PostgreSQL is told to avoid scans and sorts, so one that remains has no index.
async fn plan(app: &TestApp, sql: &str) -> String {
    let store = app.store().await;
    let mut conn = store.pool().acquire().await.expect("connection");
    let postgres = crate::helpers::backend() == "postgres";
    let explain = if postgres {
        sqlx::query("SET enable_seqscan = off")
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("SET enable_sort = off")
            .execute(&mut *conn)
            .await
            .unwrap();
        format!("EXPLAIN {sql}")
    } else {
        format!("EXPLAIN QUERY PLAN {sql}")
    };
    let mut q = sqlx::query(&explain);
    let params = sql
        .split('$')
        .skip(1)
        .filter_map(|s| {
            s.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse::<usize>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    for _ in 0..params {
        q = q.bind(1i64);
    }
    let rows = q.fetch_all(&mut *conn).await.expect("explain");
    let text: Vec<String> = rows
        .iter()
        .map(|r| {
            // SQLite: (id, parent, notused, detail); PostgreSQL: one text column.
            let col = if postgres { 0 } else { 3 };
            sqlx::Row::try_get::<String, _>(r, col).unwrap_or_default()
        })
        .collect();
    if postgres {
        sqlx::query("RESET ALL").execute(&mut *conn).await.unwrap();
    }
    text.join("\n")
}

#[tokio::test]
async fn every_list_and_page_query_is_served_by_an_index() {
    let app = spawn_app().await;
    let mut queries = store::thread_lists::list_queries();
    queries.push(store::posts::page_sql());
    queries.extend(store::user_list::list_queries());
    for sql in queries {
        let plan = plan(&app, &sql).await;
        for bad in [
            "SCAN t",
            "SCAN p",
            "SCAN posts",
            "TEMP B-TREE",
            "Seq Scan",
            "Sort",
        ] {
            assert!(!plan.contains(bad), "{bad} in the plan of\n{sql}\n{plan}");
        }
        // SQLite names a whole-table scan "SCAN users" (an index scan says which).
        assert!(
            !plan.lines().any(|l| l.trim() == "SCAN users"),
            "a scan of users in the plan of\n{sql}\n{plan}"
        );
    }
}
