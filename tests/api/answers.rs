//! Questions and answers (SQLite and PostgreSQL), through the real forms: a thread
//! started as a question; its author marks a reply as the answer, which then shows
//! under the question, in lists and in search (`status:solved` / `status:unsolved`);
//! a moderator may change it; nobody else may, and only a published reply of the
//! same question can be the answer; an answer that is hidden stops solving it.

use domain::models::{Role, SearchResults, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp, CLEAN_BODY, PHI_BODY};

/// Starts a thread (a question when `question`); returns (thread id, post id).
async fn start(app: &TestApp, title: &str, body: &str, question: bool) -> (i64, i64) {
    let mut fields = vec![
        ("category", "internal-medicine"),
        ("title", title),
        ("tags", ""),
        ("body", body),
    ];
    if question {
        fields.push(("question", "1"));
    }
    let res = app.post_form("/new-topic", &fields).await;
    assert_eq!(res.status(), 303, "thread posted");
    ids_from(&location(&res))
}

/// A reply's post id.
async fn reply(who: &TestApp, thread: i64, body: &str) -> i64 {
    let to = who.reply(thread, body).await;
    to.rsplit("#post-")
        .next()
        .and_then(|p| p.parse().ok())
        .expect("post id")
}

async fn choose(who: &TestApp, thread: i64, post: Option<i64>) -> reqwest::Response {
    let post = post.map(|p| p.to_string()).unwrap_or_default();
    who.post_form(&format!("/t/{thread}/answer"), &[("post", &post)])
        .await
}

fn ids(r: &SearchResults) -> Vec<i64> {
    let mut v: Vec<i64> = r.hits.iter().map(|h| h.post_id).collect();
    v.sort_unstable();
    v
}

#[tokio::test]
async fn the_author_marks_a_reply_as_the_answer_and_everyone_sees_it() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, question) = start(
        &app,
        "Which laxative for opioid constipation?",
        "Senna is not enough for several of our palliative patients. What works next?",
        true,
    )
    .await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    let first = reply(&colleague, thread, "We add macrogol before anything else.").await;
    let second = reply(
        &colleague,
        thread,
        "Naldemedine worked when macrogol failed.",
    )
    .await;

    // Before: a question, unsolved; only its author (and moderators) get the buttons.
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Unsolved"));
    assert_eq!(
        page.matches("Mark as the answer").count(),
        2,
        "one per reply"
    );
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("Mark as the answer"));
    assert_eq!(choose(&colleague, thread, Some(second)).await.status(), 403);

    let res = choose(&app, thread, Some(second)).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}#post-{second}"));
    for who in [&app, &colleague] {
        let (_, page) = who.page(&format!("/t/{thread}")).await;
        assert!(
            page.contains("class=\"answer-box"),
            "the answer under the question"
        );
        assert!(page.contains("Marked as the answer · by Abe RN"));
        let boxed = &page[page.find("answer-box").unwrap()..];
        assert!(boxed[..boxed.find("</section>").unwrap()].contains("Naldemedine worked"));
        assert!(page.contains("Solved"));
    }
    let (_, home) = colleague.page("/").await;
    assert!(home.contains("Solved"), "the list says so");

    // Search: the filter and the marks.
    let r = colleague.search("status:solved").await;
    assert_eq!(ids(&r), {
        let mut v = vec![question, first, second];
        v.sort_unstable();
        v
    });
    assert!(r.hits.iter().all(|h| h.solved));
    assert!(r.hits.iter().any(|h| h.post_id == second && h.answer));
    assert!(r.hits.iter().filter(|h| h.answer).count() == 1);
    assert!(colleague.search("status:unsolved").await.hits.is_empty());
    let r = colleague.search("naldemedine status:solved").await;
    assert_eq!(ids(&r), vec![second]);

    // Another reply can replace it, and the mark can come off.
    assert_eq!(choose(&app, thread, Some(first)).await.status(), 303);
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    let boxed = &page[page.find("answer-box").expect("answer box")..];
    let boxed = &boxed[..boxed.find("</section>").expect("end of the box")];
    assert!(boxed.contains("We add macrogol") && !boxed.contains("Naldemedine"));
    assert_eq!(page.matches("Unmark as the answer").count(), 1);
    let res = choose(&app, thread, None).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/t/{thread}"));
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("answer-box") && page.contains("Unsolved"));
    let r = colleague.search("status:unsolved").await;
    assert_eq!(r.hits.len(), 3, "the question and both replies");
    assert!(colleague.search("status:solved").await.hits.is_empty());
}

#[tokio::test]
async fn only_published_replies_of_a_question_can_be_the_answer() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, question) = start(&app, "Which laxative?", CLEAN_BODY, true).await;
    let (plain, plain_post) = start(&app, "Ward news", CLEAN_BODY, false).await;
    let colleague = app.new_browser();
    colleague.member("colleague@example.jp", "Abe RN").await;
    let elsewhere = reply(&colleague, plain, "Congratulations to the team.").await;
    let held = colleague
        .post_form(&format!("/t/{thread}/reply"), &[("body", PHI_BODY)])
        .await;
    let held: i64 = location(&held)
        .trim_start_matches("/p/")
        .parse()
        .expect("held post");

    assert_eq!(
        choose(&app, thread, Some(question)).await.status(),
        409,
        "the question itself"
    );
    assert_eq!(
        choose(&app, thread, Some(held)).await.status(),
        409,
        "a held reply"
    );
    assert_eq!(
        choose(&app, thread, Some(elsewhere)).await.status(),
        404,
        "another thread's"
    );
    assert_eq!(choose(&app, thread, Some(999_999)).await.status(), 404);
    assert_eq!(
        choose(&app, plain, Some(elsewhere)).await.status(),
        403,
        "not a question"
    );
    assert_eq!(choose(&app, plain, Some(plain_post)).await.status(), 403);
    let res = app
        .post_form(&format!("/t/{thread}/answer"), &[("post", "abc")])
        .await;
    assert_eq!(res.status(), 400);
    let (_, page) = app.page(&format!("/t/{plain}")).await;
    assert!(!page.contains("Unsolved") && !page.contains("Mark as the answer"));

    // A moderator may choose; a hidden reply cannot be chosen.
    let good = reply(&colleague, thread, "Macrogol first, then naldemedine.").await;
    let moderator = app.new_browser();
    moderator
        .sign_in_as(
            "mod@example.jp",
            "Mori MD",
            Role::Moderator,
            Status::Verified,
        )
        .await;
    assert_eq!(choose(&moderator, thread, Some(good)).await.status(), 303);
    let hidden = reply(&colleague, thread, "Try prune juice.").await;
    moderator
        .post_form(&format!("/mod/post/{hidden}"), &[("on", "1")])
        .await;
    assert_eq!(choose(&moderator, thread, Some(hidden)).await.status(), 409);
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Marked as the answer · by Abe RN"));

    // An answer a moderator hides no longer solves the question: not in the thread,
    // not in lists, not in search (in the same transaction as the hiding).
    assert!(!colleague
        .search("status:solved macrogol")
        .await
        .hits
        .is_empty());
    moderator
        .post_form(&format!("/mod/post/{good}"), &[("on", "1")])
        .await;
    let (_, page) = colleague.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Unsolved") && !page.contains("Marked as the answer"));
    let (_, list) = colleague.page("/").await;
    let row = list
        .split("<li class=\"thread-row\"")
        .find(|r| r.contains("Which laxative?"))
        .expect("the question in the list");
    assert!(!row.contains("Solved"), "{row}");
    let solved = colleague.search("status:solved macrogol").await;
    assert!(solved.hits.is_empty(), "search follows");
    // The author marks it again once it is back: a choice, not a leftover.
    moderator
        .post_form(&format!("/mod/post/{good}"), &[("on", "0")])
        .await;
    assert_eq!(choose(&app, thread, Some(good)).await.status(), 303);

    // Japanese labels.
    app.post_form("/lang", &[("lang", "ja"), ("return_to", "/")])
        .await;
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("解決済み") && page.contains("回答の選択を外す"));
}
