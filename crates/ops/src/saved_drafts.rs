//! Drafts on the server: the composer saves what its author is writing (every few
//! seconds with JavaScript, on "Save draft" without it), one draft per thread and one
//! for a new thread, restored on any device. A draft is screened like a post — the
//! author is told when it would be held — and read by nobody else: every use case
//! here acts on the signed-in member's own row. The post going out deletes it in the
//! same transaction (`posting`).

use domain::fields::{Body, FieldErrors, Title};
use domain::models::SavedDraft;

use crate::access::Verified;
use crate::error::AppError;
use crate::services::Services;

/// Longest category slug and tag line a draft keeps (the post's own rules apply when
/// it is posted).
const SHORT_MAX: usize = 200;

/// Checks what a draft may hold: lengths only (an unfinished post need not be valid).
fn check(d: &SavedDraft) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let over = |text: &str, max: usize| text.chars().count() > max;
    for (field, text, max) in [
        ("body", d.body.as_str(), Body::MAX),
        ("title", d.title.as_str(), Title::MAX),
        ("tags", d.tags.as_str(), SHORT_MAX),
        ("category", d.category.as_str(), SHORT_MAX),
    ] {
        if over(text, max) {
            domain::fields::flag(&mut errors, field, &format!("err.too_long_n|max={max}"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// How long after its author posted in a thread an autosave for it is ignored. The
/// composer stops saving once "Post" is pressed, but a save already on its way can
/// reach the server after the post's transaction removed the draft, and would bring
/// it back.
pub const AUTOSAVE_AFTER_POST_SECS: i64 = 10;

/// How a draft reached the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The composer saved it by itself, a few seconds after typing stopped.
    Auto,
    /// The author pressed "Save draft".
    ByHand,
}

/// Saves `who`'s draft for `d.thread_id` (0: a new thread; otherwise a thread they
/// may reply in). An empty draft removes the stored one. Returns it as stored, with
/// whether the gate found something and when it was saved (0 when removed, or when
/// an autosave came in just after its post went out and was dropped).
pub async fn save(
    s: &Services,
    who: &Verified,
    mut d: SavedDraft,
    how: Saved,
) -> Result<SavedDraft, AppError> {
    if d.thread_id < 0 {
        return Err(AppError::BadRequest);
    }
    if d.thread_id > 0 {
        crate::posting::may_reply_in(s, who, d.thread_id).await?;
        // A reply has no title, tags or category of its own.
        d.category.clear();
        d.title.clear();
        d.tags.clear();
        d.question = false;
    }
    check(&d)?;
    let mut tx = s.store.begin().await?;
    let since = store::now() - AUTOSAVE_AFTER_POST_SECS;
    if how == Saved::Auto && tx.posted_since(who.id(), d.thread_id, since).await? {
        tx.commit().await?;
        tracing::info!(
            user_id = who.id(),
            thread = d.thread_id,
            "late autosave dropped"
        );
        d.updated_at = 0;
        d.flagged = false;
        return Ok(d);
    }
    if d.is_empty() {
        tx.delete_draft(who.id(), d.thread_id).await?;
        tx.commit().await?;
        d.updated_at = 0;
        d.flagged = false;
        return Ok(d);
    }
    d.flagged = crate::gate::draft_flagged(&s.store, &d.title, &d.tags, &d.body).await?;
    d.updated_at = tx.save_draft(who.id(), &d).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        thread = d.thread_id,
        body_len = d.body.len(),
        flagged = d.flagged,
        "draft saved"
    );
    Ok(d)
}

/// `who`'s draft for a thread (0: a new thread), if any.
pub async fn load(
    s: &Services,
    who: &Verified,
    thread_id: i64,
) -> Result<Option<SavedDraft>, AppError> {
    Ok(s.store.saved_draft(who.id(), thread_id).await?)
}

/// Throws `who`'s draft for a thread away (0: a new thread).
pub async fn discard(s: &Services, who: &Verified, thread_id: i64) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    let had = tx.delete_draft(who.id(), thread_id).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        thread = thread_id,
        had,
        "draft discarded"
    );
    Ok(())
}

/// Where a composer with a draft for `thread_id` lives (0: the new-thread page).
pub fn composer_path(thread_id: i64) -> String {
    if thread_id == 0 {
        "/new-topic".to_string()
    } else {
        format!("/t/{thread_id}?page=last#reply")
    }
}
