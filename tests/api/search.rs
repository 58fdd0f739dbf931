//! Search: English stemming, Japanese words and phrases, mixed posts, every filter,
//! ranking, what is never found (held, rejected, deleted, hidden), re-indexing
//! after edits, the page without JavaScript, and who may search.

use domain::models::{Role, SearchResults, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp, PHI_BODY};

fn post_ids(r: &SearchResults) -> Vec<i64> {
    r.hits.iter().map(|h| h.post_id).collect()
}

fn marks(r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .flat_map(|h| h.title.iter().chain(&h.snippet))
        .filter(|p| p.mark)
        .map(|p| p.text.clone())
        .collect()
}

/// Starts a thread in `category` with `tags`; returns (thread id, post id).
async fn thread_in(
    app: &TestApp,
    category: &str,
    tags: &str,
    title: &str,
    body: &str,
) -> (i64, i64) {
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", category),
                ("title", title),
                ("tags", tags),
                ("body", body),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "thread posted");
    ids_from(&location(&res))
}

#[tokio::test]
async fn english_words_are_found_by_their_stem_and_marked_as_written() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, post) = app
        .start_thread(
            "Wound infections after hip surgery",
            "Two infections in a month; cultures grew MSSA.",
        )
        .await;
    let r = app.search("infection").await;
    assert_eq!(post_ids(&r), vec![post]);
    assert!(
        marks(&r).contains(&"infections".to_string()),
        "{:?}",
        r.hits
    );
    // Stop words alone find nothing and say why.
    let r = app.search("the of").await;
    assert_eq!(r.error.as_deref(), Some("search.err.common"));
}

#[tokio::test]
async fn japanese_words_and_phrases_are_found() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, ulcer) = app
        .start_thread(
            "仙骨部の褥瘡",
            "ステージ3の褥瘡にどのドレッシングを使いますか。",
        )
        .await;
    let (_, pneumonia) = app
        .start_thread(
            "高齢者の誤嚥性肺炎",
            "誤嚥性肺炎の抗菌薬はアンピシリン・スルバクタムで開始しました。",
        )
        .await;
    let (_, phrase) = app
        .start_thread("術後の対策", "せん妄予防のために睡眠リズムを整えています。")
        .await;
    let (_, apart) = app
        .start_thread("夜間の対応", "せん妄が出たため、転倒予防も強化しました。")
        .await;
    assert_eq!(post_ids(&app.search("褥瘡").await), vec![ulcer]);
    assert_eq!(post_ids(&app.search("誤嚥性肺炎").await), vec![pneumonia]);
    // A phrase needs its words together; the same words apart match without quotes.
    assert_eq!(post_ids(&app.search("\"せん妄 予防\"").await), vec![phrase]);
    let mut both = post_ids(&app.search("せん妄 予防").await);
    both.sort();
    assert_eq!(both, vec![phrase, apart]);
    // Part of a longer word is found, and marked as one piece.
    let r = app.search("肺炎").await;
    assert_eq!(post_ids(&r), vec![pneumonia]);
    assert!(marks(&r).iter().all(|m| m == "肺炎"), "{:?}", marks(&r));
}

#[tokio::test]
async fn mixed_language_posts_are_found_by_words_of_either_language_and_width() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, post) = app
        .start_thread(
            "MRSA肺炎とvancomycin",
            "ＭＲＳＡ肺炎にバンコマイシンを使用し、trough levels を確認しました。",
        )
        .await;
    for q in [
        "vancomycin",
        "バンコマイシン",
        "MRSA",
        "ｍｒｓａ",
        "肺炎",
        "trough level",
        "\"mrsa 肺炎\"",
    ] {
        assert_eq!(post_ids(&app.search(q).await), vec![post], "query {q}");
    }
}

#[tokio::test]
async fn each_filter_narrows_the_results() {
    let app = spawn_app().await;
    app.member("a@example.jp", "Aoki Ken").await;
    let (t_old, old) = thread_in(
        &app,
        "nursing",
        "falls",
        "Falls at night",
        "Hip protectors and delirium checks.",
    )
    .await;
    let other = app.new_browser();
    other.member("b@example.jp", "kimura_rn").await;
    let (_, new) = thread_in(
        &other,
        "pharmacy",
        "delirium",
        "Haloperidol dosing",
        "Delirium in the ICU: haloperidol or quetiapine?",
    )
    .await;
    // The first thread is from 2024.
    let store = app.store().await;
    let now = store::now();
    let jan_2024 = search::query::parse_day("2024-01-15").unwrap();
    store.backdate_thread(t_old, now - jan_2024).await.unwrap();
    // A change made outside the app reaches its index through the change log, which
    // the app follows (every 200 ms in tests).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while post_ids(&app.search("delirium before:2024-06-01").await) != vec![old] {
        assert!(
            std::time::Instant::now() < deadline,
            "the backdated post is never found by date"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    let find = |q: &'static str| {
        let app = &app;
        async move { post_ids(&app.search(q).await) }
    };
    assert_eq!(find("delirium @Aoki_Ken").await, vec![old]);
    assert_eq!(find("delirium @kimura_rn").await, vec![new]);
    assert_eq!(find("delirium #nursing").await, vec![old]);
    assert_eq!(find("delirium tag:delirium").await, vec![new]);
    assert_eq!(find("delirium in:title").await, Vec::<i64>::new());
    assert_eq!(find("falls in:title").await, vec![old]);
    assert_eq!(find("delirium before:2024-06-01").await, vec![old]);
    assert_eq!(find("delirium after:2024-06-01").await, vec![new]);
    // after: includes its own day (the old thread is from 2024-01-15), as in Discourse;
    // before: does not.
    let mut both = find("delirium after:2024-01-15").await;
    both.sort();
    assert_eq!(both, {
        let mut v = vec![old, new];
        v.sort();
        v
    });
    assert_eq!(
        find("delirium after:2024-01-16 before:2024-06-01").await,
        Vec::<i64>::new()
    );
    assert_eq!(find("delirium before:2024-01-15").await, Vec::<i64>::new());
    // in:body: the words must be in the post's text, not only in the title.
    assert_eq!(find("falls in:body").await, Vec::<i64>::new());
    assert_eq!(find("protectors in:body").await, vec![old]);
    assert_eq!(find("delirium -haloperidol").await, vec![old]);
    assert_eq!(find("delirium -\"hip protectors\"").await, vec![new]);
    let mut either = find("quetiapine OR protectors").await;
    either.sort();
    assert_eq!(either, vec![old, new]);
    assert_eq!(find("delirium order:latest").await, vec![new, old]);
    let r = app.search_with("delirium", "latest", "").await;
    assert_eq!((post_ids(&r), r.order.as_str()), (vec![new, old], "latest"));
    // A filter alone is a query.
    assert_eq!(find("#pharmacy").await, vec![new]);
    // Unknown names and categories say so.
    assert_eq!(
        app.search("x @nobody").await.error.as_deref(),
        Some("search.err.author")
    );
    assert_eq!(
        app.search("x #nowhere").await.error.as_deref(),
        Some("search.err.category")
    );
}

#[tokio::test]
async fn title_matches_rank_above_body_only_matches() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, body_only) = app
        .start_thread(
            "Renal dosing question",
            "How do you dose vancomycin when the eGFR falls below 30?",
        )
        .await;
    let (_, titled) = app
        .start_thread(
            "Vancomycin in older adults",
            "Loading doses and levels for frail patients over 80.",
        )
        .await;
    let r = app.search("vancomycin").await;
    assert_eq!(post_ids(&r), vec![titled, body_only]);
}

#[tokio::test]
async fn held_rejected_deleted_and_hidden_posts_are_never_found() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    // Held: the detector keeps it from everyone but its author and moderators.
    let res = author.post_thread("Aspiration case", PHI_BODY).await;
    let (_, held) = ids_from(&location(&res));
    assert!(location(&res).starts_with("/p/"));
    // Published, then deleted by its author.
    let (_, deleted) = author
        .start_thread(
            "Aspiration pneumonia antibiotics",
            "Which antibiotic for aspiration pneumonia?",
        )
        .await;
    let res = author
        .post_form(&format!("/p/{deleted}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // Published, then hidden by a moderator.
    let (thread, hidden) = author
        .start_thread(
            "Aspiration pneumonia in stroke",
            "Aspiration pneumonia after stroke: swallow screens.",
        )
        .await;
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;
    let res = m
        .post_form(&format!("/mod/post/{hidden}"), &[("on", "1")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    for who in [&author, &m] {
        for q in ["aspiration", "Whitfield", "pneumonia"] {
            let r = who.search(q).await;
            assert!(post_ids(&r).is_empty(), "{q}: {:?}", r.hits);
        }
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM posts WHERE id IN ({held}, {deleted}, {hidden})"
        ))
        .await,
        3
    );
    // A hidden thread hides every post in it; showing the post again brings it back.
    let res = m
        .post_form(&format!("/mod/post/{hidden}"), &[("on", "0")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(post_ids(&author.search("swallow").await), vec![hidden]);
    let res = m
        .post_form(
            &format!("/mod/thread/{thread}"),
            &[("flag", "hidden"), ("on", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(post_ids(&author.search("swallow").await).is_empty());
}

#[tokio::test]
async fn an_approved_post_becomes_findable_and_a_rejected_one_never_does() {
    let app = spawn_app().await;
    let author = app.new_browser();
    author.member("a@example.jp", "aoki_im").await;
    let mut revs = Vec::new();
    let mut posts = Vec::new();
    for title in ["Approved aspiration case", "Rejected aspiration case"] {
        let res = author.post_thread(title, PHI_BODY).await;
        let (_, post) = ids_from(&location(&res));
        author
            .post_form(&format!("/p/{post}"), &[("action", "review")])
            .await;
        posts.push(post);
        revs.push(
            app.count(&format!(
                "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
            ))
            .await,
        );
    }
    assert!(post_ids(&author.search("aspiration").await).is_empty());
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;
    m.claim("held", revs[0]).await;
    let res = m
        .post_form(
            &format!("/mod/held/{}", revs[0]),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(location(&res), "/mod/queue");
    m.claim("held", revs[1]).await;
    let res = m
        .post_form(
            &format!("/mod/held/{}", revs[1]),
            &[("decision", "reject"), ("reason", "Contains a name")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(post_ids(&author.search("aspiration").await), vec![posts[0]]);
}

#[tokio::test]
async fn an_edit_is_reindexed_and_a_held_edit_keeps_the_published_words() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, post) = app
        .start_thread("Dressing choice", "Hydrocolloid for a stage 2 ulcer?")
        .await;
    assert_eq!(post_ids(&app.search("hydrocolloid").await), vec![post]);
    let res = app
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Dressing choice"),
                ("tags", "wounds"),
                ("body", "Foam dressing for a stage 2 ulcer?"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(post_ids(&app.search("hydrocolloid").await).is_empty());
    assert_eq!(post_ids(&app.search("foam").await), vec![post]);
    assert_eq!(post_ids(&app.search("tag:wounds").await), vec![post]);
    // A held edit changes nothing searchable.
    app.post_form(
        &format!("/p/{post}"),
        &[
            ("action", "edit"),
            ("title", "Dressing choice"),
            ("tags", "wounds"),
            ("body", PHI_BODY),
        ],
    )
    .await;
    assert_eq!(post_ids(&app.search("foam").await), vec![post]);
    assert!(post_ids(&app.search("Whitfield").await).is_empty());
}

#[tokio::test]
async fn malformed_queries_get_a_message_and_never_a_server_error() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    for (q, key) in [
        ("\"unclosed", "search.err.quote"),
        ("x before:2024-02-30", "search.err.before"),
        ("x after:soon", "search.err.after"),
        ("OR x", "search.err.or"),
        ("-x", "search.err.nothing"),
        ("x order:random", "search.err.order"),
        ("x in:likes", "search.err.in"),
        ("", "search.err.empty"),
    ] {
        assert_eq!(
            app.search(q).await.error.as_deref(),
            Some(key),
            "query {q:?}"
        );
    }
    let long = "a".repeat(600);
    assert_eq!(
        app.search(&long).await.error.as_deref(),
        Some("search.err.too_long")
    );
    // The page says it in words and keeps what was typed.
    let (status, page) = app.page("/search?q=x+before%3A2024-02-30").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("before: needs a date written as YYYY-MM-DD"),
        "{page}"
    );
    assert!(page.contains("value=\"x before:2024-02-30\""));
    for q in ["%22", "(((", "%00", "tag:", "*", "%E3%81", "a%20OR%20OR"] {
        let (status, _) = app.page(&format!("/search?q={q}")).await;
        assert_eq!(status, 200, "query {q}");
    }
}

#[tokio::test]
async fn the_search_page_works_without_javascript_and_escapes_what_it_marks() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, post) = app
        .start_thread("Sepsis bundle timing", "We give antibiotics within an hour. `<script>alert(1)</script>` appears in our old wiki.")
        .await;
    let (status, page) = app.page("/search?q=antibiotics").await;
    assert_eq!(status, 200);
    assert!(page.contains("<mark>antibiotics</mark>"), "{page}");
    assert!(page.contains(&format!("href=\"/t/{thread}?page=1#post-{post}\"")));
    assert!(
        page.contains("Sepsis bundle timing")
            && page.contains("Internal medicine")
            && page.contains("aoki_im")
    );
    assert!(!page.contains("<script>alert(1)"), "post text is escaped");
    assert!(page.contains("&lt;script&gt;"));
    // The header offers the search box on every page.
    let (_, home) = app.page("/").await;
    assert!(home.contains("class=\"header-search\"") && home.contains("action=\"/search\""));
    // Japanese page.
    let res = app
        .post_form("/lang", &[("lang", "ja"), ("return_to", "/search?q=wiki")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.page("/search?q=wiki").await;
    assert!(
        page.contains("1件") && page.contains("<mark>wiki</mark>"),
        "{page}"
    );
}

#[tokio::test]
async fn a_search_inside_a_thread_finds_only_that_thread() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (first, _) = app
        .start_thread(
            "Insulin sliding scale",
            "Sliding scale insulin on the ward.",
        )
        .await;
    let loc = app
        .reply(first, "We stopped sliding scale insulin last year.")
        .await;
    let (_, reply) = ids_from(&loc);
    let (_, other) = app
        .start_thread(
            "Insulin pumps",
            "Insulin pump on admission: who manages it?",
        )
        .await;
    let r = app
        .search_with("stopped insulin", "", &first.to_string())
        .await;
    assert_eq!(post_ids(&r), vec![reply]);
    assert_eq!(r.thread.as_ref().map(|t| t.0), Some(first));
    // A reply carries its thread's tags.
    assert_eq!(
        post_ids(&app.search("stopped tag:antibiotics").await),
        vec![reply]
    );
    let mut all = post_ids(&app.search("insulin").await);
    all.sort();
    assert_eq!(all.len(), 3);
    assert!(all.contains(&other));
    let (_, page) = app.page(&format!("/t/{first}")).await;
    assert!(
        page.contains(&format!("name=\"thread\" value=\"{first}\"")),
        "the thread page has its own search box"
    );
    let (_, page) = app.page(&format!("/search?q=stopped&thread={first}")).await;
    assert!(page.contains("In the thread “Insulin sliding scale”"));
}

#[tokio::test]
async fn only_verified_members_can_search() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/api/search_posts", app.address))
        .form(&[("q", "x"), ("page", "1"), ("order", ""), ("thread", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    let res = app.get("/search?q=x").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"), "{}", location(&res));
    let (_, login) = app.page("/login").await;
    assert!(
        !login.contains("class=\"header-search\""),
        "no search box for visitors"
    );
    app.sign_in_as("p@example.jp", "pending_one", Role::Member, Status::Pending)
        .await;
    let res = app
        .client
        .post(format!("{}/api/search_posts", app.address))
        .form(&[("q", "x"), ("page", "1"), ("order", ""), ("thread", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let (_, page) = app.page("/pending").await;
    assert!(
        !page.contains("class=\"header-search\""),
        "no search box before verification"
    );
}

#[tokio::test]
async fn results_come_in_pages_of_twenty() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app
        .start_thread(
            "Oral care rounds",
            "Oral care twice a day on the stroke unit.",
        )
        .await;
    for i in 0..22 {
        app.reply(
            thread,
            &format!("Oral care with chlorhexidine, ward note {i}."),
        )
        .await;
    }
    let (_, first) = app.page("/search?q=oral+care").await;
    assert!(first.contains("23 results"), "{first}");
    assert_eq!(first.matches("class=\"search-hit\"").count(), 20);
    assert!(
        first.contains("href=\"/search?q=oral+care&amp;page=2\""),
        "a link to page 2"
    );
    let (_, second) = app.page("/search?q=oral+care&page=2").await;
    assert_eq!(second.matches("class=\"search-hit\"").count(), 3);
    assert!(second.contains("Page 2 of 2"));
    // A reply on page 2 of its thread links there.
    assert!(
        second.contains(&format!("href=\"/t/{thread}?page=2#post-"))
            || first.contains(&format!("href=\"/t/{thread}?page=2#post-"))
    );
}
