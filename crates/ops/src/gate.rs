//! The PHI gate on the server, authoritative whatever the browser did: every new
//! thread, reply, edit and redaction is validated, rendered and scanned here (through
//! [`domain::screening`]) with the site's lists as they are in the database now; any
//! finding stores it held. Notifications about a post are written only in the
//! transaction that first publishes it, so held text never reaches another member.

use domain::colleagues;
use domain::fields::{NewPost, PostForm};
use domain::markdown;
use domain::screening::{screen, Draft};
use domain::vocab::NotificationKind;
use phi::Detector;
use store::notify::Target;
use store::{Store, Stored, Tx};

use crate::error::AppError;

/// Validates a submitted post (one message per bad field) and screens it into a
/// draft by `editor_id`. Members are not patients: when a name was found, the post is
/// screened again with the members' display names as context, as the composer does.
pub async fn prepare(store: &Store, editor_id: i64, form: &PostForm) -> Result<Draft, AppError> {
    let post = NewPost::try_from(form)?;
    let mut lists = store.site_lists().await?;
    let draft = screen(&Detector::new(lists.clone()), editor_id, &post);
    if !draft.findings.all().any(|f| f.kind == phi::Kind::Name) {
        return Ok(draft);
    }
    lists.members = store.member_directory(colleagues::MEMBER_CONTEXT).await?;
    if lists.members.is_empty() {
        return Ok(draft);
    }
    Ok(screen(&Detector::new(lists), editor_id, &post))
}

/// In the transaction that first publishes a post: tell the thread's author about a
/// reply and every verified member mentioned (never the author themself).
pub async fn notify_publication(
    tx: &mut Tx,
    stored: &Stored,
    author_id: i64,
) -> Result<usize, AppError> {
    let target = Target {
        thread_id: Some(stored.thread_id),
        post_id: Some(stored.post_id),
        revision_id: None,
    };
    let thread = tx
        .thread_row(stored.thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let post = tx
        .post_row(stored.post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = tx.published_body(stored.post_id).await?;
    let mut told = vec![author_id];
    if post.number > 1 && !told.contains(&thread.author_id) {
        tx.notify(
            thread.author_id,
            NotificationKind::Reply,
            Some(author_id),
            target,
        )
        .await?;
        told.push(thread.author_id);
    }
    let names = markdown::mentions(&body);
    for id in tx.verified_ids_by_names(&names).await? {
        if !told.contains(&id) {
            tx.notify(id, NotificationKind::Mention, Some(author_id), target)
                .await?;
            told.push(id);
        }
    }
    Ok(told.len() - 1)
}
