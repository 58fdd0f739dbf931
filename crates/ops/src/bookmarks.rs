//! Members' bookmarks: keeping a post they may read with a private note (screened
//! like every text a member writes: patient data is refused even here) and an
//! optional reminder, listing them, and sending the reminders when due — in Rounds,
//! and by e-mail if the member chose it, never with the post's text or the note.

use domain::fields::{check, remind_in, BookmarkNote, FieldErrors};
use domain::models::{BookmarkEdit, BookmarkView};
use domain::visibility::post_is_public;
use domain::vocab::NotificationKind;
use store::notify::Target;
use store::PostRow;

use crate::access::Verified;
use crate::error::AppError;
use crate::posting::readable_post;
use crate::services::Services;

/// Most reminders one run sends (the next run takes the rest).
const PER_RUN: i64 = 100;

/// The bookmark form of a post the member may read.
pub async fn edit_view(
    s: &Services,
    member: &Verified,
    post_id: i64,
) -> Result<BookmarkEdit, AppError> {
    let (post, thread) = readable_post(s, member, post_id).await?;
    Ok(BookmarkEdit {
        post_id,
        thread_id: post.thread_id,
        number: post.number,
        title: thread.title,
        existing: s.store.bookmark(member.id(), post_id).await?,
    })
}

/// Keeps the post with a note and a reminder (`remind`: one of the form's choices).
pub async fn save(
    s: &Services,
    member: &Verified,
    post_id: i64,
    note: &str,
    remind: &str,
) -> Result<PostRow, AppError> {
    let (post, _) = readable_post(s, member, post_id).await?;
    let mut errors = FieldErrors::new();
    let note = check(&mut errors, "note", BookmarkNote::parse(note));
    let remind = check(&mut errors, "remind", remind_in(remind));
    if let Some(n) = note.as_ref().filter(|n| !n.as_str().is_empty()) {
        if !crate::gate::screen_line(&s.store, n.as_str())
            .await?
            .is_empty()
        {
            domain::fields::flag(&mut errors, "note", "err.note_patient_data");
        }
    }
    let (Some(note), Some(remind), true) = (note, remind, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let remind_at = remind.map(|secs| store::now() + secs);
    let mut tx = s.store.begin().await?;
    tx.save_bookmark(member.id(), post_id, note.as_str(), remind_at)
        .await?;
    tx.commit().await?;
    tracing::info!(
        user_id = member.id(),
        post = post_id,
        note_len = note.as_str().len(),
        reminder = remind_at.is_some(),
        "bookmark saved"
    );
    Ok(post)
}

/// Removes the member's bookmark of a post (even one they can no longer read).
pub async fn remove(s: &Services, member: &Verified, post_id: i64) -> Result<PostRow, AppError> {
    let post = s.store.post_row(post_id).await?.ok_or(AppError::NotFound)?;
    let mut tx = s.store.begin().await?;
    if !tx.remove_bookmark(member.id(), post_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(post)
}

/// The member's bookmarks, newest first.
pub async fn list(s: &Services, member: &Verified) -> Result<Vec<BookmarkView>, AppError> {
    Ok(s.store.bookmarks(member.id()).await?)
}

/// Sends the reminders due. A post no member may read any more (hidden, deleted,
/// its thread hidden) is not announced; its reminder is spent all the same.
pub async fn send_due(s: &Services) -> Result<usize, AppError> {
    let now = store::now();
    let mut sent = 0;
    for due in s.store.due_bookmarks(now, PER_RUN).await? {
        let mut tx = s.store.begin().await?;
        if !tx.claim_bookmark_reminder(due, now).await? {
            continue;
        }
        let post = tx.post_row(due.post_id).await?;
        let thread = tx.thread_row(due.thread_id).await?;
        let public = match (&post, &thread) {
            (Some(p), Some(t)) => post_is_public(&p.facts(), &t.facts()),
            _ => false,
        };
        if public {
            crate::notices::notify(
                s,
                &mut tx,
                due.user_id,
                NotificationKind::Bookmark,
                None,
                Target {
                    thread_id: Some(due.thread_id),
                    post_id: Some(due.post_id),
                    revision_id: None,
                },
            )
            .await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    if sent > 0 {
        tracing::info!(reminders = sent, "bookmark reminders sent");
    }
    Ok(sent)
}
