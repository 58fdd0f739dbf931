//! The PHI gate on the server, authoritative whatever the browser did: every new
//! thread, reply, edit and redaction is validated, rendered and scanned here (through
//! [`domain::screening`]) with the site's lists as they are in the database now; any
//! finding stores it held. Short texts other members read outside posts (titles a
//! moderator gives, display names, category names, rejection reasons) pass
//! [`screen_line`]. Notifications about a post are written only in the transaction
//! that first publishes it, so held text never reaches another member.

use domain::colleagues;
use domain::fields::{FieldErrors, NewPost, PostForm};
use domain::markdown;
use domain::screening::{screen, Draft};
use domain::vocab::NotificationKind;
use phi::Detector;
use store::notify::Target;
use store::{Store, Stored, Tx};

use crate::cpu;
use crate::error::AppError;

/// Validates a submitted post (one message per bad field) and screens it into a
/// draft by `editor_id`, off the async runtime ([`cpu`]). Members are not patients:
/// when a name was found, the post is screened again with the members' display names
/// as context, as the composer does.
pub async fn prepare(store: &Store, editor_id: i64, form: &PostForm) -> Result<Draft, AppError> {
    let post = NewPost::try_from(form)?;
    let lists = store.site_lists().await?;
    let (draft, post, mut lists) = cpu::run(move || {
        let draft = screen(&Detector::new(lists.clone()), editor_id, &post);
        (draft, post, lists)
    })
    .await?;
    if !draft.findings.all().any(|f| f.kind == phi::Kind::Name) {
        return Ok(draft);
    }
    lists.members = store.member_directory(colleagues::MEMBER_CONTEXT).await?;
    if lists.members.is_empty() {
        return Ok(draft);
    }
    cpu::run(move || screen(&Detector::new(lists), editor_id, &post)).await
}

/// [`prepare`] for a form with other fields: the post's field messages join
/// `errors`, so the form comes back with a message on each field it got wrong.
/// The draft when the post itself is valid.
pub async fn prepare_into(
    store: &Store,
    editor_id: i64,
    form: &PostForm,
    errors: &mut FieldErrors,
) -> Result<Option<Draft>, AppError> {
    match prepare(store, editor_id, form).await {
        Ok(d) => Ok(Some(d)),
        Err(AppError::Invalid(more)) => {
            errors.extend(more);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The kinds of what the gate finds in one line of text that other members will read
/// outside a post — a thread title a moderator gives, a display name, a category's
/// name or description — with the site's lists, off the async runtime. Read as a
/// title is (markdown-like marks and character references resolved).
pub async fn screen_line(store: &Store, text: &str) -> Result<Vec<phi::Kind>, AppError> {
    let lists = store.site_lists().await?;
    let text = markdown::title_text(text);
    cpu::run(move || {
        let mut kinds: Vec<phi::Kind> = Detector::new(lists)
            .scan(&text)
            .findings
            .into_iter()
            .map(|f| f.kind)
            .collect();
        kinds.dedup();
        kinds
    })
    .await
}

/// Whether a draft kept on the server (`saved_drafts`) carries what the gate would
/// hold: its body as a post's (the source and what readers would see), its title
/// and tags as lines. Advisory: a draft is its author's alone, and the post is
/// screened again in full when it goes out.
pub async fn draft_flagged(
    store: &Store,
    title: &str,
    tags: &str,
    body: &str,
) -> Result<bool, AppError> {
    let lists = store.site_lists().await?;
    let (title, tags, body) = (
        markdown::title_text(title),
        tags.to_string(),
        body.to_string(),
    );
    cpu::run(move || {
        let d = Detector::new(lists);
        !domain::screening::scan_body(&d, &body).is_empty()
            || !d.scan(&title).findings.is_empty()
            || !d.scan(&tags).findings.is_empty()
    })
    .await
}

/// The message key when a display name carries what the gate finds, other than a
/// name: a display name is its member's own name, shown beside every post, so a
/// date, number, place or contact detail in it is refused.
pub async fn display_name_problem(
    store: &Store,
    name: &str,
) -> Result<Option<&'static str>, AppError> {
    let kinds = screen_line(store, name).await?;
    Ok(kinds
        .iter()
        .any(|k| *k != phi::Kind::Name)
        .then_some("err.display_name_patient_data"))
}

/// In the transaction that first publishes a post: tell the thread's author about a
/// reply, every verified member mentioned and everyone watching (never the author
/// themself, nobody twice); the author tracks the thread (`reading::on_publication`).
/// In a conversation, its participants hear of every message, and nobody else.
pub async fn notify_publication(
    s: &crate::services::Services,
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
    let mut told = vec![author_id];
    if thread.private {
        // A conversation: everyone taking part hears of each message, and nobody
        // else (a mention of someone outside it tells them nothing).
        for id in tx.participant_ids(stored.thread_id).await? {
            if !told.contains(&id) {
                crate::notices::notify(
                    s,
                    tx,
                    id,
                    NotificationKind::Message,
                    Some(author_id),
                    target,
                )
                .await?;
                told.push(id);
            }
        }
    }
    if thread.private {
        crate::reading::on_publication(s, tx, stored, author_id, post.number, None, &mut told)
            .await?;
        return Ok(told.len() - 1);
    }
    let body = tx.published_body(stored.post_id).await?;
    if post.number > 1 && !told.contains(&thread.author_id) {
        crate::notices::notify(
            s,
            tx,
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
            crate::notices::notify(
                s,
                tx,
                id,
                NotificationKind::Mention,
                Some(author_id),
                target,
            )
            .await?;
            told.push(id);
        }
    }
    crate::reading::on_publication(
        s,
        tx,
        stored,
        author_id,
        post.number,
        thread.category_id,
        &mut told,
    )
    .await?;
    Ok(told.len() - 1)
}
