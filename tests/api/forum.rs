//! Threads, replies and edits behind the PHI gate: what is published, what is held,
//! and that held text reaches nobody but its author through any route.

use domain::models::{Role, Status};

use crate::helpers::{ids_from, location, spawn_app, CLEAN_BODY, PHI_BODY};

#[tokio::test]
async fn a_clean_thread_is_published_and_members_see_it() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, post) = app
        .start_thread("Antibiotics for aspiration pneumonia", CLEAN_BODY)
        .await;
    assert!(thread > 0 && post > 0);

    let other = app.new_browser();
    other.member("b@example.jp", "Nurse Kimura").await;
    let (status, home) = other.page("/").await;
    assert_eq!(status, 200);
    assert!(
        home.contains("Antibiotics for aspiration pneumonia"),
        "{home}"
    );
    let (status, page) = other.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("penicillin allergy"));
    assert!(page.contains("aoki_im"));
    let (_, cat) = other.page("/c/internal-medicine").await;
    assert!(cat.contains("Antibiotics for aspiration pneumonia"));
    let (_, cat) = other.page("/c/nursing").await;
    assert!(!cat.contains("Antibiotics for aspiration pneumonia"));

    // Applicants and visitors see nothing of the forum.
    let anon = app.new_browser();
    let res = anon.get(&format!("/t/{thread}")).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/login"));
    let res = anon
        .get(&format!("/api/load_thread?id={thread}&page=&quote="))
        .await;
    assert!(!res.text().await.unwrap().contains("penicillin"));
    let pending = app.new_browser();
    pending
        .sign_in_as("p@example.jp", "Pending", Role::Member, Status::Pending)
        .await;
    let res = pending.get(&format!("/t/{thread}")).await;
    assert_eq!(location(&res), "/pending");
}

#[tokio::test]
async fn a_post_with_a_patient_name_is_held_and_only_its_author_sees_it() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let res = app.post_thread("Whitfield case", PHI_BODY).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, post) = ids_from(&location(&res));
    assert!(
        location(&res).starts_with("/p/"),
        "the author goes to the held post"
    );

    // The author sees the findings highlighted with their kinds.
    let (status, mine) = app.page(&format!("/p/{post}")).await;
    assert_eq!(status, 200);
    assert!(mine.contains("Held for review"), "{mine}");
    assert!(mine.contains("<mark data-kind=\"NAME\""), "{mine}");
    assert!(mine.contains("<mark data-kind=\"DATE\""), "{mine}");
    let (_, home) = app.page("/").await;
    assert!(home.contains("Your posts waiting for review"));

    // Nobody else finds it anywhere.
    let other = app.new_browser();
    other.member("b@example.jp", "Nurse Kimura").await;
    let thread: i64 = app
        .count(&format!("SELECT thread_id FROM posts WHERE id = {post}"))
        .await;
    for path in [
        "/".to_string(),
        "/c/internal-medicine".to_string(),
        format!("/t/{thread}"),
        format!("/p/{post}"),
        format!("/api/load_thread?id={thread}&page=&quote="),
        format!("/api/load_post?id={post}"),
        "/api/load_forum?category=&older=&newer=".to_string(),
        "/notifications".to_string(),
    ] {
        let (_, body) = other.page(&path).await;
        assert!(!body.contains("Whitfield"), "{path} leaks held text");
        assert!(!body.contains("1941"), "{path} leaks held text");
    }
    // A moderator reads it only on pages that write the opening to the audit log.
    let moderator = app.new_browser();
    moderator
        .sign_in_as("m@example.jp", "Mod", Role::Moderator, Status::Verified)
        .await;
    let (_, page) = moderator.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("Whitfield"));
    let (status, page) = moderator.page(&format!("/p/{post}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Whitfield") && !page.contains("Save changes"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'post.history_open'")
            .await,
        1
    );
}

#[tokio::test]
async fn held_replies_neither_notify_nor_count_nor_can_be_quoted() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app.start_thread("Delirium prevention", CLEAN_BODY).await;
    let other = app.new_browser();
    other.member("b@example.jp", "kimura_rn").await;
    let to = other.reply(thread, &format!("@aoki_im {PHI_BODY}")).await;
    let (_, held_post) = ids_from(&to);
    assert!(to.starts_with("/p/"));

    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications").await,
        0,
        "no reply or mention notification for held text"
    );
    let (_, home) = app.page("/").await;
    assert!(home.contains("0 replies"), "{home}");
    let (_, page) = app.page(&format!("/t/{thread}?quote={held_post}")).await;
    assert!(!page.contains("Whitfield"), "held text is never quoted");

    // Its author sees that it waits, in place.
    let (_, page) = other.page(&format!("/t/{thread}")).await;
    assert!(page.contains("waiting for review"));
    assert!(!page.contains("Whitfield"), "the thread shows no held text");
}

#[tokio::test]
async fn replies_and_mentions_notify_once_published_and_quotes_work() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, first) = app.start_thread("Vancomycin troughs", CLEAN_BODY).await;
    let c = app.new_browser();
    c.member("c@example.jp", "Pharm Lee").await;
    let b = app.new_browser();
    b.member("b@example.jp", "kimura_rn").await;
    let (_, page) = b.page(&format!("/t/{thread}?quote={first}")).await;
    assert!(page.contains("wrote:"), "the quote names the author");
    assert!(
        page.contains("> Woman in her 80s"),
        "the quoted text is in the composer"
    );
    b.reply(thread, "We aim for 15–20 mg/L; @Pharm_Lee may know more.")
        .await;

    let (_, header) = app.page("/").await;
    assert!(
        header.contains("class=\"count\""),
        "unread count in the header"
    );
    let (_, notes) = app.page("/notifications").await;
    assert!(notes.contains("kimura_rn replied to"), "{notes}");
    let (_, notes) = c.page("/notifications").await;
    assert!(notes.contains("kimura_rn mentioned you"), "{notes}");
    let res = c.post_form("/notifications", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = c.page("/").await;
    assert!(!page.contains("class=\"count\""));
}

#[tokio::test]
async fn an_edit_with_patient_data_leaves_the_published_version_visible() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, post) = app.start_thread("Pressure ulcer care", CLEAN_BODY).await;
    let res = app
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Pressure ulcer care"),
                ("tags", "褥瘡"),
                ("body", PHI_BODY),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/p/{post}"));
    let other = app.new_browser();
    other.member("b@example.jp", "kimura_rn").await;
    let (_, page) = other.page(&format!("/t/{thread}")).await;
    assert!(
        page.contains("penicillin allergy"),
        "previous version still shown"
    );
    assert!(!page.contains("Whitfield"));
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("Your latest edit is waiting for review"));

    // A clean edit publishes at once and keeps the history for the author.
    let res = app
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Pressure ulcer care, revised"),
                ("tags", "褥瘡 nursing"),
                (
                    "body",
                    "Stage 3 sacral ulcer; which dressing do you prefer?",
                ),
            ],
        )
        .await;
    assert!(location(&res).starts_with(&format!("/t/{thread}")));
    let (_, page) = other.page(&format!("/t/{thread}")).await;
    assert!(
        page.contains("Pressure ulcer care, revised") && page.contains(">褥瘡</span>"),
        "{page}"
    );
    let (_, history) = app.page(&format!("/p/{post}")).await;
    assert!(history.contains("Earlier version") && history.contains("Replaced before review"));
}

#[tokio::test]
async fn markdown_is_rendered_and_sanitized_when_saved() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let body = "**Dose** <script>alert(1)</script> [x](javascript:alert(2)) \
                see https://www.who.int/ for guidance";
    let (thread, _) = app.start_thread("Markdown check", body).await;
    let (_, page) = app.page(&format!("/t/{thread}")).await;
    assert!(page.contains("<strong>Dose</strong>"));
    assert!(!page.contains("<script>alert(1)"), "raw HTML escaped");
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains("javascript:alert"));
    assert!(page.contains("rel=\"nofollow noopener noreferrer\""));
    let stored = app
        .count("SELECT COUNT(*) FROM posts WHERE body_html LIKE '%<strong>Dose</strong>%'")
        .await;
    assert_eq!(stored, 1, "sanitized HTML is stored");
}

#[tokio::test]
async fn a_rejected_thread_form_keeps_what_was_typed() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "no-such-category"),
                ("title", ""),
                ("tags", "a b c d e f"),
                ("body", "Kept text of the case"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Kept text of the case"));
    assert!(page.contains("This field is required."));
    assert!(page.contains("Please use at most 5 tags."));
    assert!(page.contains("Please choose one of the options."));
    assert_eq!(app.count("SELECT COUNT(*) FROM threads").await, 0);
}

#[tokio::test]
async fn authors_delete_their_posts_and_the_text_leaves_the_thread() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app.start_thread("Handover practice", CLEAN_BODY).await;
    let to = app
        .reply(thread, "A second thought about night shifts.")
        .await;
    let (_, reply) = ids_from(&to);
    let res = app
        .post_form(&format!("/p/{reply}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let other = app.new_browser();
    other.member("b@example.jp", "kimura_rn").await;
    let (_, page) = other.page(&format!("/t/{thread}")).await;
    assert!(!page.contains("second thought"));
    assert!(page.contains("deleted by its author"));
    // Someone else's post cannot be deleted.
    let res = other
        .post_form(&format!("/p/{reply}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 404);
}

#[tokio::test]
async fn the_demo_seed_fills_an_empty_forum_once_with_clean_threads() {
    let app = spawn_app().await;
    let store = app.store().await;
    let summary = server::seed::demo(&store, &app.settings.data_dir)
        .await
        .unwrap()
        .expect("an empty forum is seeded");
    assert!(summary.threads >= 10 && summary.replies >= 20);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM posts WHERE state <> 'published'")
            .await,
        0,
        "demo content is clean"
    );
    assert!(server::seed::demo(&store, &app.settings.data_dir)
        .await
        .unwrap()
        .is_none());
    let accounts =
        std::fs::read_to_string(app.settings.data_dir.join("demo-accounts.txt")).unwrap();
    assert!(accounts.contains(&summary.password));
    // A demo member signs in with the written password and sees both languages.
    let (email, _) = &summary.accounts[0];
    let res = app.login(email, &summary.password).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, home) = app.page("/").await;
    assert!(
        home.contains("誤嚥性肺炎") || home.contains("せん妄"),
        "{home}"
    );
    let n = server::seed::posts(&store, 40, |_| {}).await.unwrap();
    assert_eq!(n, 40);
    assert_eq!(app.count("SELECT COUNT(*) FROM posts").await, 48 + 40);
}

#[tokio::test]
async fn site_list_terms_apply_to_the_next_post() {
    let app = spawn_app().await;
    app.sign_in_as("admin@example.jp", "Admin", Role::Admin, Status::Verified)
        .await;
    let member = app.new_browser();
    member.member("a@example.jp", "aoki_im").await;
    let body = "Our ward uses the kestrelbay protocol for swallow assessment.";
    let (thread, _) = member.start_thread("Swallow assessment", body).await;
    assert!(thread > 0, "published before the term is listed");

    let res = app
        .post_form(
            "/admin/site-lists",
            &[
                ("list", "always"),
                ("action", "add"),
                ("term", "kestrelbay"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin/site-lists");
    let (_, page) = app.page("/admin/site-lists").await;
    assert!(page.contains("kestrelbay"));
    let res = member.post_thread("Swallow assessment again", body).await;
    assert!(location(&res).starts_with("/p/"), "now held");
    let (_, page) = member.page(&location(&res)).await;
    assert!(page.contains("data-kind=\"FACILITY\""));
    // The composer gets the same lists.
    let (_, lists) = member.page("/api/composer_lists").await;
    assert!(lists.contains("kestrelbay"));
    let (status, _) = member.page("/admin/site-lists").await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn text_in_titles_and_text_boxes_cannot_break_out_of_them() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let evil = "</textarea><img src=x onerror=alert(1)> &colon; </title><b>x</b>";
    let (thread, post) = app.start_thread(evil, evil).await;
    for path in [
        format!("/t/{thread}"),
        format!("/t/{thread}?quote={post}"),
        format!("/p/{post}"),
    ] {
        let (_, page) = app.page(&path).await;
        assert!(!page.contains("<img src=x"), "{path}: raw tag in the page");
        assert!(!page.contains("</title><b>"), "{path}: the title broke out");
        assert!(page.contains("&lt;/textarea&gt;"), "{path}");
    }
    let (_, page) = app.page(&format!("/p/{post}")).await;
    assert!(
        page.contains("&amp;colon;"),
        "entities survive a round trip"
    );
}

#[tokio::test]
async fn a_refused_reply_comes_back_on_the_thread_with_its_text() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app.start_thread("Long replies", CLEAN_BODY).await;
    let long = format!("Kept reply text {}", "x".repeat(30_001));
    let res = app
        .post_form(&format!("/t/{thread}/reply"), &[("body", &long)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Long replies"), "the thread page, not a 404");
    assert!(page.contains("Kept reply text"));
    assert!(page.contains("This is 17 characters too long: please use at most 30000."));
}

#[tokio::test]
async fn parallel_replies_all_succeed() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, _) = app.start_thread("Busy thread", CLEAN_BODY).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let client = app.client.clone();
        let url = format!("{}/t/{thread}/reply", app.address);
        let token = app.csrf().await;
        let origin = app.address.clone();
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .header("origin", origin)
                .form(&[("body", format!("Reply number {i}")), ("_csrf", token)])
                .send()
                .await
                .map(|r| r.status().as_u16())
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), 303);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM posts WHERE thread_id = {thread}"
        ))
        .await,
        21
    );
}

#[tokio::test]
async fn authors_cannot_edit_in_a_locked_thread() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (thread, post) = app.start_thread("Pressure ulcer care", CLEAN_BODY).await;
    let m = app.new_browser();
    m.sign_in_as(
        "m@example.jp",
        "Mod One",
        domain::models::Role::Moderator,
        domain::models::Status::Verified,
    )
    .await;
    let res = m
        .post_form(
            &format!("/mod/thread/{thread}"),
            &[("flag", "locked"), ("on", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Pressure ulcer care"),
                ("tags", "褥瘡"),
                ("body", "Rewritten after the thread was locked."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM post_revisions WHERE post_id = {post}"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_composers_old_address_still_starts_threads_and_keeps_a_refused_form() {
    let app = spawn_app().await;
    app.member("old@example.jp", "Old Address").await;
    let fields = |title: &'static str, body: &'static str| {
        [
            ("category", "internal-medicine"),
            ("title", title),
            ("tags", ""),
            ("body", body),
        ]
    };
    let res = app
        .post_form("/new", &fields("Posted to the old address", CLEAN_BODY))
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/t/"), "{}", location(&res));
    let res = app
        .post_form("/new", &fields("Patient case", PHI_BODY))
        .await;
    assert!(location(&res).starts_with("/p/"), "held like any post");
    // A refused form comes back as the composer, with what was typed.
    let res = app
        .post_form("/new", &fields("", "Kept text of a refused form"))
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Kept text of a refused form") && page.contains("compose-title"));
    // GET /new is the list of new threads.
    let (status, page) = app.page("/new").await;
    assert_eq!(status, 200);
    assert!(!page.contains("compose-title"));
}
