//! Direct messages: a member writes to one or more verified members. A conversation
//! is a private thread ([`domain::visibility`]), so every message passes the same gate
//! as a post — a held one reaches no recipient until a moderator clears it in the
//! queue — and replies, edits, reports and reading work as in any thread. This module
//! starts conversations, lists a member's own and searches them; nothing here reads
//! a conversation its viewer does not take part in.

use domain::fields::{check, recipients, FieldErrors, PostForm};
use domain::models::{
    Conversation, ListCursor, MessageSearch, MessagesPage, MAX_RECIPIENTS, MIN_MESSAGE_QUERY,
};
use domain::reading::unread_count;
use store::Stored;

use crate::access::Verified;
use crate::error::AppError;
use crate::gate::{notify_publication, prepare_into};
use crate::services::Services;

/// Conversations on one page of the messages list.
pub const CONVERSATIONS_PER_PAGE: i64 = 30;

/// Starts a conversation from `author` to the members named in `to` (display names,
/// comma separated). Every field is checked before anything is stored, so a form
/// with one mistake comes back with a message on each field it got wrong. The
/// opening message is screened like a post; when held, nobody else hears of it.
pub async fn start(
    s: &Services,
    author: &Verified,
    to: &str,
    form: &PostForm,
) -> Result<Stored, AppError> {
    let mut errors = FieldErrors::new();
    let mut ids = Vec::new();
    if let Some(names) = check(&mut errors, "to", recipients(to)) {
        for name in &names {
            match s
                .store
                .verified_ids_by_names(std::slice::from_ref(name))
                .await?[..]
            {
                [id] if id == author.id() => {
                    domain::fields::flag(&mut errors, "to", "err.message_self");
                }
                [id] => ids.push(id),
                _ => domain::fields::flag(
                    &mut errors,
                    "to",
                    &format!("err.unknown_member|name={}", name.replace('|', " ")),
                ),
            }
        }
    }
    // Two spellings of one name (`Nurse_Kimura`, `nurse kimura`) are one member.
    ids.sort_unstable();
    ids.dedup();
    let draft = prepare_into(&s.store, author.id(), form, &mut errors).await?;
    let Some(draft) = draft.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    let stored = tx.create_conversation(&draft).await?;
    let mut everyone = vec![author.id()];
    everyone.extend(ids.iter().copied().filter(|id| *id != author.id()));
    tx.add_participants(stored.thread_id, &everyone).await?;
    if stored.first_publication {
        let notified = notify_publication(s, &mut tx, &stored, author.id()).await?;
        tracing::info!(post = stored.post_id, notified, "message notified");
    }
    tx.commit().await?;
    tracing::info!(
        user_id = author.id(),
        thread = stored.thread_id,
        recipients = everyone.len() - 1,
        held = !stored.published,
        body_len = form.body.len(),
        "conversation started"
    );
    Ok(stored)
}

/// Adds the verified member named `name` to a published conversation `who` takes
/// part in (at most [`MAX_RECIPIENTS`] besides its author). They read it from the
/// start, as Discourse's "invite" does, and hear that they were added; nobody else
/// can add themselves or be added to a conversation its participants cannot see.
pub async fn add(s: &Services, who: &Verified, thread_id: i64, name: &str) -> Result<(), AppError> {
    let thread = s
        .store
        .thread_row(thread_id)
        .await?
        .filter(|t| t.private)
        .ok_or(AppError::NotFound)?;
    let facts = s.store.thread_facts(&thread, who.id()).await?;
    if !domain::visibility::may_reply(&facts, thread.locked, who.looker()) {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::new();
    let names = check(&mut errors, "name", recipients(name));
    let [name] = names.as_deref().unwrap_or_default() else {
        domain::fields::flag(&mut errors, "name", "err.one_member");
        return Err(AppError::Invalid(errors));
    };
    let Some(id) = s
        .store
        .verified_ids_by_names(std::slice::from_ref(name))
        .await?
        .first()
        .copied()
    else {
        let key = format!("err.unknown_member|name={}", name.replace('|', " "));
        domain::fields::flag(&mut errors, "name", &key);
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    let people = tx.participant_ids(thread_id).await?;
    if people.contains(&id) {
        domain::fields::flag(&mut errors, "name", "err.already_in_conversation");
    } else if people.len() > MAX_RECIPIENTS {
        let key = format!("err.too_many_recipients|max={MAX_RECIPIENTS}");
        domain::fields::flag(&mut errors, "name", &key);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    tx.add_participants(thread_id, &[id]).await?;
    let target = store::notify::Target {
        thread_id: Some(thread_id),
        post_id: None,
        revision_id: None,
    };
    crate::notices::notify(
        s,
        &mut tx,
        id,
        domain::vocab::NotificationKind::MessageAdded,
        Some(who.id()),
        target,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        thread = thread_id,
        added = id,
        "participant added"
    );
    Ok(())
}

/// `who`'s conversations, most recently active first (a page older than `before`),
/// and, when `query` is given, the messages of theirs that contain it.
pub async fn page(
    s: &Services,
    who: &Verified,
    before: Option<ListCursor>,
    query: &str,
) -> Result<MessagesPage, AppError> {
    let mut rows = s
        .store
        .conversations(who.id(), before, CONVERSATIONS_PER_PAGE + 1)
        .await?;
    let more = rows.len() as i64 > CONVERSATIONS_PER_PAGE;
    rows.truncate(CONVERSATIONS_PER_PAGE as usize);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut names = s.store.participant_names(&ids).await?;
    let older = more.then(|| rows.last()).flatten().map(|r| ListCursor {
        activity: r.last_activity_at,
        id: r.id,
    });
    let conversations = rows
        .into_iter()
        .map(|r| Conversation {
            id: r.id,
            title: r.title,
            participants: names.remove(&r.id).unwrap_or_default(),
            last_activity_at: r.last_activity_at,
            unread: if r.published != 0 {
                unread_count(r.reply_count, r.read_count, r.last_post_number, r.last_read)
            } else {
                0
            },
            waiting: r.published == 0,
        })
        .collect();
    let query = query.trim();
    let search = if query.is_empty() {
        None
    } else if query.chars().count() < MIN_MESSAGE_QUERY {
        Some(MessageSearch {
            query: query.to_string(),
            hits: Vec::new(),
            too_short: true,
        })
    } else {
        let hits = s.store.search_messages(who.id(), query).await?;
        // Lengths and counts only: a search in one's messages is as private as they are.
        tracing::info!(
            user_id = who.id(),
            query_len = query.len(),
            hits = hits.len(),
            "messages searched"
        );
        Some(MessageSearch {
            query: query.to_string(),
            hits,
            too_short: false,
        })
    };
    Ok(MessagesPage {
        conversations,
        older,
        search,
    })
}

/// How many of `who`'s conversations have messages they have not read (the badge
/// beside "Messages" in the header).
pub async fn unread(s: &Services, who: &Verified) -> Result<i64, AppError> {
    Ok(s.store.unread_conversations(who.id()).await?)
}
