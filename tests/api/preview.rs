//! The composer's preview (SQLite and PostgreSQL): "Preview" without JavaScript answers
//! with the same page, what was typed and the body as readers will see it — rendered
//! and sanitized by the readers' pipeline — and stores, screens and sends nothing; the
//! server function does the same for the hydrated composer. A preview is refused where
//! posting would be (another's post, a thread the member cannot open, an empty or
//! oversized body), with the form kept.

use crate::helpers::{spawn_app, CLEAN_BODY};

const MARKDOWN: &str =
    "**Dose** by weight\n\n- first\n- second\n\n<script>alert(1)</script> [x](javascript:alert(2))";

/// Rows that any post, revision or notification would add.
const WRITES: &str = "SELECT (SELECT COUNT(*) FROM posts) + (SELECT COUNT(*) FROM post_revisions) \
     + (SELECT COUNT(*) FROM notifications) + (SELECT COUNT(*) FROM detector_findings)";

/// The preview section of a page, if it has one.
fn preview_of(page: &str) -> Option<&str> {
    let at = page.find("class=\"md-preview")?;
    let rest = &page[at..];
    Some(&rest[..rest.find("</section>").unwrap_or(rest.len())])
}

#[tokio::test]
async fn previewing_a_new_thread_renders_it_and_posts_nothing() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let before = app.count(WRITES).await;
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", "Weight-based dosing"),
                ("tags", "antibiotics"),
                ("body", MARKDOWN),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("page");
    let preview = preview_of(&page).expect("the page shows a preview");
    assert!(preview.contains("<strong>Dose</strong>"), "{preview}");
    assert!(preview.contains("<li>first</li>"), "{preview}");
    // The readers' sanitizer ran: no script, no javascript: link.
    assert!(!preview.contains("<script"), "{preview}");
    assert!(!preview.contains("href=\"javascript"), "{preview}");
    assert!(
        preview.contains("&lt;script&gt;"),
        "raw HTML is shown as text: {preview}"
    );
    // What was typed is all still in the form, and it posts to /new-topic again.
    assert!(page.contains("value=\"Weight-based dosing\""));
    assert!(
        page.contains("**Dose** by weight"),
        "{}",
        &page[page.find("<textarea").unwrap_or(0)..][..300]
    );
    assert!(page.contains("action=\"/new-topic\""));
    assert!(
        page.contains("value=\"internal-medicine\" selected"),
        "the category stays chosen"
    );
    assert_eq!(app.count(WRITES).await, before, "nothing was stored");

    // Text that would be held is previewed too (only its author sees it), and nothing
    // is screened, stored or logged as a finding until it is posted.
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", "Follow-up"),
                ("body", "Mrs Okonkwo, 94, was admitted on 3 March."),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("page");
    assert!(preview_of(&page).is_some_and(|p| p.contains("Mrs Okonkwo")));
    assert_eq!(app.count(WRITES).await, before);

    // Posting the same form without "preview" posts it.
    let (thread, _) = app.start_thread("Weight-based dosing", CLEAN_BODY).await;
    assert!(thread > 0);
}

#[tokio::test]
async fn previews_of_a_reply_and_an_edit_stay_on_their_pages() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let (thread, post) = app.start_thread("Night-time agitation", CLEAN_BODY).await;
    let before = app.count(WRITES).await;

    let res = app
        .post_form(
            &format!("/t/{thread}/reply"),
            &[("body", "Try *melatonin* first."), ("preview", "1")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("page");
    assert!(preview_of(&page).is_some_and(|p| p.contains("<em>melatonin</em>")));
    assert!(page.contains("Night-time agitation"), "the thread's page");
    assert!(page.contains(&format!("action=\"/t/{thread}/reply\"")));

    let res = app
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Night-time agitation"),
                ("body", "## Update\n\nIt `worked`."),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("page");
    let preview = preview_of(&page).expect("edit preview");
    assert!(preview.contains("<code>worked</code>"), "{preview}");
    assert_eq!(app.count(WRITES).await, before, "nothing was stored");
    let (_, thread_page) = app.page(&format!("/t/{thread}")).await;
    assert!(!thread_page.contains("worked"), "the post is unchanged");

    // Not one's own post, or a thread one cannot open: refused as posting would be.
    let other = app.new_browser();
    other.member("other@example.jp", "Abe RN").await;
    let res = other
        .post_form(
            &format!("/p/{post}"),
            &[("action", "edit"), ("body", "mine now"), ("preview", "1")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = other
        .post_form("/t/999999/reply", &[("body", "hello"), ("preview", "1")])
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn an_empty_or_oversized_body_is_refused_with_the_form_kept() {
    let app = spawn_app().await;
    app.member("author@example.jp", "Kato MD").await;
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", "Kept title"),
                ("body", "   "),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("page");
    assert!(preview_of(&page).is_none());
    assert!(page.contains("value=\"Kept title\""));
    assert!(
        page.contains("This field is required."),
        "the body's message"
    );

    let long = "a".repeat(domain::fields::Body::MAX + 5);
    let res = app
        .post_form(
            "/new-topic",
            &[
                ("category", "internal-medicine"),
                ("title", "Kept title"),
                ("body", &long),
                ("preview", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("page");
    assert!(page.contains("5 characters too long"), "by how much");
}

#[tokio::test]
async fn the_preview_server_function_renders_for_members_only() {
    let app = spawn_app().await;
    let call = |who: &crate::helpers::TestApp, body: &str| {
        who.client
            .post(format!("{}/api/preview_post", who.address))
            .form(&[("body", body)])
            .send()
    };
    // Signed out: refused.
    let res = call(&app, "**x**").await.expect("request");
    assert!(res.status().is_client_error(), "{}", res.status());

    app.member("author@example.jp", "Kato MD").await;
    let before = app.count(WRITES).await;
    let res = call(&app, MARKDOWN).await.expect("request");
    assert_eq!(res.status(), 200);
    let out: serde_json::Value = res.json().await.expect("json");
    let html = out["html"].as_str().expect("html");
    assert!(html.contains("<strong>Dose</strong>") && !html.contains("<script"));
    assert!(out["error"].is_null());

    let res = call(&app, "").await.expect("request");
    let out: serde_json::Value = res.json().await.expect("json");
    assert!(out["html"].is_null());
    assert_eq!(out["error"], "err.required");
    assert_eq!(app.count(WRITES).await, before, "nothing was stored");
}
