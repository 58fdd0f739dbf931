//! The PHI gate on the server, authoritative whatever the browser did: every new
//! thread, reply and edit is rendered, sanitized and scanned here before it is
//! stored; with any finding it is stored held. Notifications for a post are sent
//! only when it is published, so held text never reaches another member.

use super::error::AppError;
use super::AppState;
use domain::fields::{self as validate, FieldErrors};
use domain::markdown;
use domain::models::FieldFindings;
use phi::Detector;
use store::notify::Target;
use store::{Draft, Stored};

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest body, in characters.
pub const MAX_BODY: usize = 30_000;
/// Most tags on a thread.
pub const MAX_TAGS: usize = 5;
/// Longest tag, in characters.
pub const MAX_TAG: usize = 30;

/// What an author submitted.
#[derive(Clone, Debug, Default)]
pub struct Submission {
    /// Title (opening posts).
    pub title: Option<String>,
    /// Tags as typed, space or comma separated (opening posts).
    pub tags: Option<String>,
    /// Markdown body.
    pub body: String,
    /// The author chose to send it to moderators even if it is held.
    pub send_for_review: bool,
}

/// Splits typed tags into lower-case tags without duplicates.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in raw.split([' ', ',', '、', '，', '\u{3000}']) {
        let t = t.trim().trim_start_matches('#').to_lowercase();
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

/// Validates a submission; field errors name `title`, `tags` and `body`.
pub fn validate(sub: &Submission) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    if let Some(title) = &sub.title {
        validate::text(&mut errors, "title", title.trim(), true, MAX_TITLE);
    }
    if let Some(tags) = &sub.tags {
        let list = parse_tags(tags);
        if list.len() > MAX_TAGS {
            errors.insert("tags".into(), format!("err.too_many_tags|max={MAX_TAGS}"));
        } else if list.iter().any(|t| t.chars().count() > MAX_TAG) {
            errors.insert("tags".into(), format!("err.too_long_n|max={MAX_TAG}"));
        }
    }
    validate::multiline(&mut errors, "body", &sub.body, MAX_BODY);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// The detector with the site's lists as they are in the database now (cheap to
/// build, and always current on every node).
pub async fn detector(state: &AppState) -> Result<Detector, AppError> {
    Ok(Detector::new(state.store.site_lists().await?))
}

/// Renders and scans a validated submission into a draft by `editor_id`, with the
/// site's current lists.
pub async fn prepare(
    state: &AppState,
    editor_id: i64,
    sub: &Submission,
) -> Result<(Draft, FieldFindings), AppError> {
    build_draft(&detector(state).await?, editor_id, sub)
}

/// Renders and scans a submission with `detector` (also used by `rounds seed`).
pub fn build_draft(
    detector: &Detector,
    editor_id: i64,
    sub: &Submission,
) -> Result<(Draft, FieldFindings), AppError> {
    let title = sub.title.as_deref().map(markdown::title_text);
    let tags = sub.tags.as_deref().map(parse_tags);
    let body = sub.body.replace("\r\n", "\n");
    let findings = FieldFindings {
        title: title
            .as_deref()
            .map(|t| detector.scan(t).findings)
            .unwrap_or_default(),
        tags: tags
            .as_ref()
            .map(|t| detector.scan(&t.join(" ")).findings)
            .unwrap_or_default(),
        body: detector.scan(&body).findings,
    };
    let rendered = markdown::render(&body);
    let held = findings.any();
    let draft = Draft {
        editor_id,
        title,
        tags,
        body_md: body,
        body_html: rendered.html,
        body_text: rendered.text,
        findings: serde_json::to_string(&findings)
            .map_err(|e| AppError::Internal(format!("findings: {e}")))?,
        held,
        review_requested: sub.send_for_review,
    };
    Ok((draft, findings))
}

/// After a post is published for the first time: tell the thread's author about a
/// reply and everyone mentioned. Failures are logged; the post stays published.
pub async fn after_first_publication(state: &AppState, stored: &Stored, author_id: i64) {
    if let Err(e) = notify_publication(state, stored, author_id).await {
        e.log();
    }
}

async fn notify_publication(
    state: &AppState,
    stored: &Stored,
    author_id: i64,
) -> Result<(), AppError> {
    let store = &state.store;
    let target = Target {
        thread_id: Some(stored.thread_id),
        post_id: Some(stored.post_id),
        revision_id: None,
    };
    let thread = store
        .thread_row(stored.thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = store.published_body(stored.post_id).await?;
    let mut told = vec![author_id];
    let is_reply = store.post_number(stored.post_id).await? > 1;
    if is_reply && !told.contains(&thread.author_id) {
        store
            .notify(thread.author_id, "reply", Some(author_id), target)
            .await?;
        told.push(thread.author_id);
    }
    let names = markdown::mentions(&body);
    for id in store.verified_ids_by_names(&names).await? {
        if !told.contains(&id) {
            store.notify(id, "mention", Some(author_id), target).await?;
            told.push(id);
        }
    }
    tracing::info!(
        post = stored.post_id,
        notified = told.len() - 1,
        "publication notified"
    );
    Ok(())
}

/// Purge deadline for text that was never published, from now.
pub fn purge_deadline(state: &AppState) -> i64 {
    store::now() + state.config.retention_secs
}
