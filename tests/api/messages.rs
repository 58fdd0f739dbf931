//! Direct messages (SQLite and PostgreSQL), through the real forms and pages: a
//! member writes to a colleague; only the people in the conversation read it,
//! hear of it or find it (public search, lists and profiles never show it; a
//! moderator who is not in it cannot open it); a message that may identify a
//! patient is held and reaches nobody until a moderator clears it; a moderator
//! reads a message only through a report, and that reading is audited; the "To"
//! field refuses unknown names and oneself with the text kept; the pages speak
//! Japanese.

use domain::models::{Role, Status};

use crate::helpers::{ids_from, location, spawn_app, TestApp, PHI_BODY};

const BODY: &str = "Could you look at the bridging plan for tomorrow's list? \
     Dabigatran restart timing after the polypectomy is my worry.";

async fn write(from: &TestApp, to: &str, title: &str, body: &str) -> reqwest::Response {
    from.post_form(
        "/messages/new",
        &[("to", to), ("title", title), ("body", body)],
    )
    .await
}

#[tokio::test]
async fn a_conversation_is_read_by_its_participants_only() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "Dr Aoki").await;
    let kimura = app.new_browser();
    kimura.member("kimura@example.jp", "Nurse Kimura").await;
    let outsider = app.new_browser();
    outsider.member("sato@example.jp", "Dr Sato").await;
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;

    let res = write(&app, "@Nurse Kimura", "Bridging plan", BODY).await;
    assert_eq!(res.status().as_u16(), 303);
    let (thread, first) = ids_from(&location(&res));
    assert!(thread > 0 && first > 0, "published: {}", location(&res));

    // The recipient hears of it, finds it in their messages and reads it.
    let (_, notes) = kimura.page("/notifications").await;
    assert!(notes.contains("Dr Aoki wrote to you"), "{notes}");
    let (_, list) = kimura.page("/messages").await;
    assert!(
        list.contains("Bridging plan") && list.contains("1 unread"),
        "{list}"
    );
    assert!(list.contains("With Dr Aoki, Nurse Kimura"));
    let (status, page) = kimura.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Dabigatran restart timing") && page.contains("private conversation"));
    assert!(!page.contains("/bookmark\""), "no bookmarks of messages");
    let back = kimura
        .reply(thread, "Restart on day 2 if the site is dry. Kimura")
        .await;
    assert!(back.starts_with(&format!("/t/{thread}")), "{back}");
    let (_, notes) = app.page("/notifications").await;
    assert!(notes.contains("Nurse Kimura wrote to you"), "{notes}");

    // Nobody else: not the outsider, not a moderator, not search, not lists.
    for who in [&outsider, &m] {
        let (status, _) = who.page(&format!("/t/{thread}")).await;
        assert_eq!(status, 404);
        for q in ["dabigatran", "bridging", "polypectomy"] {
            assert!(who.search(q).await.hits.is_empty(), "{q}");
        }
        for path in ["/", "/latest", "/new", "/u/Dr%20Aoki", "/messages"] {
            let (_, page) = who.page(path).await;
            assert!(!page.contains("Bridging plan"), "{path}");
        }
        let res = who
            .post_form(&format!("/t/{thread}/reply"), &[("body", "Let me in")])
            .await;
        assert_eq!(res.status().as_u16(), 404);
    }
    // Nor may a moderator pin, lock or hide a conversation they cannot see.
    for flag in ["pinned", "locked", "hidden"] {
        let res = m
            .post_form(
                &format!("/mod/thread/{thread}"),
                &[("flag", flag), ("on", "1")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 404, "{flag}");
    }
    // Not even its participants find it in the forum's search.
    assert!(kimura.search("dabigatran").await.hits.is_empty());
    let (_, profile) = kimura.page("/u/Dr%20Aoki").await;
    assert!(
        profile.contains("/messages/new?to=Dr+Aoki"),
        "a Message link"
    );
    assert!(!profile.contains("Bridging plan"));

    // Searching one's own messages.
    let (_, found) = kimura.page("/messages?q=DABIGATRAN").await;
    assert!(found.contains("Dabigatran restart timing"), "{found}");
    let (_, found) = outsider.page("/messages?q=dabigatran").await;
    assert!(found.contains("None of your messages contain this."));
    assert!(!found.contains("Dabigatran restart"));
    let (_, short) = kimura.page("/messages?q=d").await;
    assert!(short.contains("at least 2 characters"));

    // Reading the conversation empties its unread count.
    let res = kimura.get(&format!("/t/{thread}/read?upto=2")).await;
    assert_eq!(res.status().as_u16(), 204);
    let (_, list) = kimura.page("/messages").await;
    assert!(
        list.contains("Bridging plan") && !list.contains("badge unread"),
        "{list}"
    );

    // A reported message: the moderator reads it on the report alone, audited.
    let reply_post = app
        .count(&format!(
            "SELECT id FROM posts WHERE thread_id = {thread} AND number = 2"
        ))
        .await;
    let res = app
        .post_form(
            &format!("/p/{reply_post}/report"),
            &[("reason", "unprofessional"), ("note", "tone")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let report = app
        .count(&format!(
            "SELECT id FROM reports WHERE post_id = {reply_post}"
        ))
        .await;
    let (_, item) = m.page(&format!("/mod/report/{report}")).await;
    assert!(item.contains("Restart on day 2"), "{item}");
    assert!(item.contains("private conversation"));
    assert!(
        !item.contains(&format!("/t/{thread}#post")),
        "no link into it"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.message_open'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_held_message_reaches_nobody_until_a_moderator_clears_it() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "Dr Aoki").await;
    let kimura = app.new_browser();
    kimura.member("kimura@example.jp", "Nurse Kimura").await;
    let res = write(&app, "Nurse Kimura", "About the patient on 4B", PHI_BODY).await;
    assert_eq!(res.status().as_u16(), 303);
    let (thread, post) = ids_from(&location(&res));
    assert_eq!(thread, 0, "held: the author goes to the post's page");

    let (_, notes) = kimura.page("/notifications").await;
    assert!(!notes.contains("Dr Aoki"), "{notes}");
    let (_, list) = kimura.page("/messages").await;
    assert!(!list.contains("About the patient"), "{list}");
    let thread = app
        .count(&format!("SELECT thread_id FROM posts WHERE id = {post}"))
        .await;
    let (status, _) = kimura.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 404);
    let (_, mine) = app.page("/messages").await;
    assert!(mine.contains("Held for review"), "{mine}");

    // Sent to the moderators and approved: now it arrives.
    let res = app
        .post_form(&format!("/p/{post}"), &[("action", "review")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let rev = app
        .count(&format!(
            "SELECT id FROM post_revisions WHERE post_id = {post} AND state = 'held'"
        ))
        .await;
    let m = app.new_browser();
    m.sign_in_as("m@example.jp", "Mod One", Role::Moderator, Status::Verified)
        .await;
    m.claim("held", rev).await;
    let res = m
        .post_form(&format!("/mod/held/{rev}"), &[("decision", "approve")])
        .await;
    assert_eq!(location(&res), "/mod/queue");
    let (_, notes) = kimura.page("/notifications").await;
    assert!(notes.contains("Dr Aoki wrote to you"), "{notes}");
    let (status, page) = kimura.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("About the patient on 4B"));
    // Still nobody else's, and never in search.
    let (status, _) = m.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 404);
    assert!(kimura.search("Whitfield").await.hits.is_empty());
}

#[tokio::test]
async fn the_to_field_refuses_unknown_names_and_oneself_and_keeps_the_text() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "Dr Aoki").await;
    let pending = app.new_browser();
    pending
        .sign_in_as("p@example.jp", "Dr Pending", Role::Member, Status::Pending)
        .await;
    for (to, message) in [
        ("Nobody Here", "No verified member is called “Nobody Here”."),
        ("Dr Pending", "No verified member is called “Dr Pending”."),
        ("Dr Aoki", "You are in the conversation already"),
        (" , ", "This field is required."),
    ] {
        let res = write(&app, to, "Bridging plan", BODY).await;
        assert_eq!(res.status().as_u16(), 422, "{to}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{to}: {message}");
        assert!(
            page.contains("Dabigatran restart timing"),
            "the text is kept"
        );
        assert!(page.contains("value=\"Bridging plan\""));
    }
    let many: Vec<String> = (0..11).map(|n| format!("Member {n}")).collect();
    let res = write(&app, &many.join(", "), "Bridging plan", BODY).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("At most 10 people"));
    assert_eq!(app.count("SELECT COUNT(*) FROM threads").await, 0);
    // Members who are not verified cannot write at all: back to their application.
    let res = write(&pending, "Dr Aoki", "Hello", BODY).await;
    assert_eq!(location(&res), "/pending");
    assert_eq!(app.count("SELECT COUNT(*) FROM threads").await, 0);
}

#[tokio::test]
async fn the_messages_pages_speak_japanese() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "青木医師").await;
    let kimura = app.new_browser();
    kimura.member("kimura@example.jp", "木村看護師").await;
    let res = kimura
        .post_form("/lang", &[("lang", "ja"), ("return_to", "/messages")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = write(
        &app,
        "木村看護師",
        "明日の処置について",
        "ヘパリン置換の計画を確認してもらえますか。",
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = kimura.page("/messages").await;
    assert!(
        list.contains("メッセージ") && list.contains("明日の処置について"),
        "{list}"
    );
    assert!(list.contains("未読 1") && list.contains("参加者: 青木医師, 木村看護師"));
    let (_, found) = kimura.page("/messages?q=ヘパリン").await;
    assert!(
        found.contains("「ヘパリン」を含むあなたのメッセージ"),
        "{found}"
    );
    assert!(found.contains("ヘパリン置換の計画"));
    let (_, form) = kimura.page("/messages/new?to=青木医師").await;
    assert!(
        form.contains("宛先") && form.contains("value=\"青木医師\""),
        "{form}"
    );
    let (_, notes) = kimura.page("/notifications").await;
    assert!(notes.contains("青木医師さんからメッセージ"), "{notes}");
}

#[tokio::test]
async fn titles_and_texts_of_messages_are_shown_as_text_in_the_list_and_the_search() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "Dr Aoki").await;
    let kimura = app.new_browser();
    kimura.member("kimura@example.jp", "Nurse Kimura").await;
    let payloads = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/xss/polyglots.txt"),
    )
    .expect("the shared XSS corpus beside the repository");
    let mut sent = 0;
    for line in payloads.lines().filter(|l| !l.trim().is_empty()).take(12) {
        let title: String = format!("xss {line}").chars().take(200).collect();
        let res = write(&app, "Nurse Kimura", &title, &format!("xss body {line}")).await;
        if res.status().as_u16() == 303 {
            sent += 1;
        }
    }
    assert!(sent >= 6, "most payloads are sent ({sent})");
    for path in ["/messages", "/messages?q=xss"] {
        let (status, page) = kimura.page(path).await;
        assert_eq!(status, 200);
        // Between the heading and the footer, only the tags the page itself writes:
        // user text arrives escaped (`&lt;svg`), never as markup.
        let main = &page[page.find("<main").expect("main")..page.find("</main>").expect("end")];
        let allowed = [
            "main", "h1", "h2", "p", "a", "form", "label", "input", "button", "section", "ol",
            "li", "span", "time", "!", "!--",
        ];
        for tag in main.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
                .collect::<String>()
                .to_lowercase();
            assert!(allowed.contains(&name.as_str()), "{path}: <{name}");
        }
        assert!(main.contains("xss"), "{path} shows the messages");
    }
}

#[tokio::test]
async fn a_participant_adds_a_colleague_who_then_reads_the_whole_conversation() {
    let app = spawn_app().await;
    app.member("aoki@example.jp", "Dr Aoki").await;
    let kimura = app.new_browser();
    kimura.member("kimura@example.jp", "Nurse Kimura").await;
    let sato = app.new_browser();
    sato.member("sato@example.jp", "Dr Sato").await;
    let res = write(&app, "Nurse Kimura", "Bridging plan", BODY).await;
    let (thread, _) = ids_from(&location(&res));
    let (status, _) = sato.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 404);
    // An outsider cannot add themselves.
    let res = sato
        .post_form(&format!("/t/{thread}/participants"), &[("name", "Dr Sato")])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    // Refusals come back on the conversation with a message.
    for (name, message) in [
        ("Nobody Here", "No verified member is called “Nobody Here”."),
        ("Dr Aoki", "They are in this conversation already."),
        ("Dr Sato, Nurse Kimura", "Add one member at a time."),
    ] {
        let res = kimura
            .post_form(&format!("/t/{thread}/participants"), &[("name", name)])
            .await;
        assert_eq!(res.status().as_u16(), 422, "{name}");
        let page = res.text().await.unwrap();
        assert!(
            page.contains(message) && page.contains("Dabigatran restart"),
            "{name}"
        );
    }
    let res = kimura
        .post_form(
            &format!("/t/{thread}/participants"),
            &[("name", "@Dr Sato")],
        )
        .await;
    assert_eq!(location(&res), format!("/t/{thread}"));
    let (status, page) = sato.page(&format!("/t/{thread}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Dabigatran restart") && page.contains("Dr Aoki, Nurse Kimura, Dr Sato"));
    let (_, notes) = sato.page("/notifications").await;
    assert!(
        notes.contains("Nurse Kimura added you to “Bridging plan”"),
        "{notes}"
    );
    // From now on they hear of each message like the others.
    app.reply(thread, "Thanks both. Day 2 it is.").await;
    let (_, notes) = sato.page("/notifications").await;
    assert!(notes.contains("Dr Aoki wrote to you"), "{notes}");
    // Still nobody else's, and never in the forum's search.
    assert!(sato.search("dabigatran").await.hits.is_empty());
}
