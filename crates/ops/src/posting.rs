//! Members' use cases in the forum: start a thread, reply, edit, preview, send a held
//! post for review, delete one's own post, report a post, mark notifications read. Every text
//! goes through the gate; each use case is one transaction.

use domain::fields::{check, Body, FieldErrors, Note, PostForm};
use domain::models::PostState;
use domain::visibility::{may_edit, may_reply, post_text_visible, thread_visible};
use domain::vocab::{AuditAction, ReportReason};
use store::{PostRow, Stored};

use crate::access::Verified;
use crate::error::AppError;
use crate::gate::{notify_publication, prepare, prepare_into};
use crate::services::Services;

/// After a draft is stored in `tx`: when it was published for the first time, the
/// notifications go out in the same transaction.
async fn notify_if_first(
    s: &Services,
    tx: &mut store::Tx,
    stored: &Stored,
    author_id: i64,
) -> Result<(), AppError> {
    if stored.first_publication {
        let notified = notify_publication(s, tx, stored, author_id).await?;
        tracing::info!(post = stored.post_id, notified, "publication notified");
    }
    Ok(())
}

/// Starts a thread in the category with `category_slug`; `question`: a reply can be
/// marked as its answer.
pub async fn start_thread(
    s: &Services,
    author: &Verified,
    category_slug: &str,
    form: &PostForm,
    question: bool,
) -> Result<Stored, AppError> {
    let category = s.store.category_by_slug(category_slug).await?;
    let mut errors = FieldErrors::new();
    if category.is_none() {
        domain::fields::flag(&mut errors, "category", "err.choose");
    }
    let draft = prepare_into(&s.store, author.id(), form, &mut errors).await?;
    let (Some(category), Some(draft)) = (category, draft) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    let stored = tx.create_thread(category.id, &draft).await?;
    if question {
        tx.set_question(stored.thread_id, true).await?;
    }
    // The draft kept for this composer went out with the post.
    tx.delete_draft(author.id(), 0).await?;
    notify_if_first(s, &mut tx, &stored, author.id()).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = author.id(),
        thread = stored.thread_id,
        held = !stored.published,
        body_len = form.body.len(),
        "thread created"
    );
    Ok(stored)
}

/// Whether `author` may reply in the thread: one they may open, published; locked and
/// hidden threads take replies from moderators only.
pub async fn may_reply_in(s: &Services, author: &Verified, thread_id: i64) -> Result<(), AppError> {
    let thread = s
        .store
        .thread_row(thread_id)
        .await?
        .filter(|t| t.published)
        .ok_or(AppError::NotFound)?;
    let facts = s.store.thread_facts(&thread, author.id()).await?;
    if !thread_visible(&facts, author.looker()) {
        return Err(AppError::NotFound);
    }
    if !may_reply(&facts, thread.locked, author.looker()) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Replies in a thread the author may open; locked and hidden threads take replies
/// from moderators only.
pub async fn reply(
    s: &Services,
    author: &Verified,
    thread_id: i64,
    form: &PostForm,
) -> Result<Stored, AppError> {
    may_reply_in(s, author, thread_id).await?;
    let draft = prepare(&s.store, author.id(), form).await?;
    let mut tx = s.store.begin().await?;
    let stored = tx.create_reply(thread_id, &draft).await?;
    tx.delete_draft(author.id(), thread_id).await?;
    notify_if_first(s, &mut tx, &stored, author.id()).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = author.id(),
        thread = thread_id,
        post = stored.post_id,
        held = !stored.published,
        body_len = form.body.len(),
        "reply created"
    );
    Ok(stored)
}

/// The author's own post that can still change (not deleted or removed).
pub async fn own_post(s: &Services, author: &Verified, post_id: i64) -> Result<PostRow, AppError> {
    let post = s
        .store
        .post_row(post_id)
        .await?
        .filter(|p| p.author_id == author.id())
        .ok_or(AppError::NotFound)?;
    if matches!(post.state, PostState::Deleted | PostState::Removed) {
        return Err(AppError::Conflict);
    }
    Ok(post)
}

/// The author edits their post (title and tags only on an opening post).
pub async fn edit(
    s: &Services,
    author: &Verified,
    post: &PostRow,
    form: &PostForm,
) -> Result<Stored, AppError> {
    let locked = s
        .store
        .thread_row(post.thread_id)
        .await?
        .is_some_and(|t| t.locked);
    if !may_edit(locked, author.looker()) {
        return Err(AppError::Forbidden);
    }
    let draft = prepare(&s.store, author.id(), form).await?;
    let mut tx = s.store.begin().await?;
    let stored = tx.add_revision(post.id, &draft, s.purge_deadline()).await?;
    notify_if_first(s, &mut tx, &stored, author.id()).await?;
    tx.commit().await?;
    tracing::info!(
        post = post.id,
        held = !stored.published,
        body_len = form.body.len(),
        "post edited"
    );
    Ok(stored)
}

/// What a body will look like to readers, for its author's preview: the readers'
/// own rendering (markdown, then the sanitizer). Nothing is stored, screened or logged
/// but the length; the gate screens the text when it is posted.
pub fn preview(body: &str) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let Some(body) = check(&mut errors, "body", Body::parse(body)) else {
        return Err(AppError::Invalid(errors));
    };
    tracing::debug!(body_len = body.as_str().len(), "preview rendered");
    Ok(domain::markdown::render(body.as_str()).html)
}

/// The author sends their held version to the moderators as it is.
pub async fn send_for_review(s: &Services, post: &PostRow) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    let rev = tx
        .held_revision_of(post.id)
        .await?
        .ok_or(AppError::Conflict)?;
    tx.request_review(rev).await?;
    tx.commit().await?;
    tracing::info!(post = post.id, revision = rev, "sent for review");
    Ok(())
}

/// The author deletes their post (an opening post deletes its thread).
pub async fn delete(s: &Services, post: &PostRow) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    tx.delete_post(post.id, s.purge_deadline()).await?;
    // Deleted text is kept no longer than other unpublished text.
    tx.retire_post_text(post.id, store::retention::Retire::After(s.purge_deadline()))
        .await?;
    tx.commit().await?;
    tracing::info!(post = post.id, "post deleted by author");
    Ok(())
}

/// A post whose published text `who` may read, with its thread; else not found (a
/// post they may not read is, to them, not there).
pub async fn readable_post(
    s: &Services,
    who: &Verified,
    post_id: i64,
) -> Result<(PostRow, store::ThreadRow), AppError> {
    let post = s.store.post_row(post_id).await?.ok_or(AppError::NotFound)?;
    let thread = s
        .store
        .thread_row(post.thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let facts = s.store.thread_facts(&thread, who.id()).await?;
    if !post_text_visible(&post.facts(), &facts, who.looker()) {
        return Err(AppError::NotFound);
    }
    Ok((post, thread))
}

/// A member reports a published post of someone else that they can read. Returns the
/// thread to go back to.
pub async fn report(
    s: &Services,
    reporter: &Verified,
    post_id: i64,
    reason: &str,
    note: &str,
) -> Result<i64, AppError> {
    let (post, thread) = readable_post(s, reporter, post_id).await?;
    if post.author_id == reporter.id() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let reason = ReportReason::parse(reason);
    if reason.is_none() {
        domain::fields::flag(&mut errors, "reason", "err.choose");
    }
    let note = note.trim();
    if !note.is_empty() {
        check(&mut errors, "note", Note::parse(note));
    }
    let Some(reason) = reason.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    let report_id = tx
        .create_report(post_id, reporter.id(), reason, note)
        .await?;
    if reason == ReportReason::PatientData {
        // The detector's record counts it as a miss (language only, no text).
        tx.record_miss(report_id, post_id).await?;
    }
    if reason == ReportReason::PatientData && !post.hidden {
        // Patient data must not stay readable while it waits for a moderator: hidden
        // from everyone but its author and moderators (and from search) at once.
        tx.set_post_hidden(post_id, true).await?;
        tx.audit(
            Some(reporter.id()),
            AuditAction::PostHide,
            "post",
            &post_id.to_string(),
            "reported as patient data",
        )
        .await?;
    }
    tx.commit().await?;
    tracing::info!(report = report_id, post = post_id, reason = %reason, "post reported");
    Ok(thread.id)
}

/// Marks all of the member's notifications read.
pub async fn mark_notifications_read(s: &Services, member: &Verified) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    tx.mark_notifications_read(member.id()).await?;
    tx.commit().await?;
    Ok(())
}
