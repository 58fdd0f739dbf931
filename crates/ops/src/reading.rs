//! Reading and following as use cases: recording what a member read (as posts scroll
//! into view with JavaScript, or when a page loads without it), choosing a level for a
//! thread or a category, "mark read" and "dismiss new", where "jump to the first
//! unread" leads, and — in the transaction that publishes a post — tracking for its
//! author and a notice for everyone watching. The rules are `domain::reading`.

use domain::models::FollowLevel;
use domain::reading::{after_posting, hears_every_post, level_for, new_after};
use domain::visibility::thread_visible;
use domain::vocab::NotificationKind;
use store::notify::Target;
use store::{now, Stored, Tx};

use crate::access::Verified;
use crate::error::AppError;
use crate::services::Services;

/// Records that `who` read thread `thread_id` up to post number `upto` (never back).
/// A thread they may not open is not found.
pub async fn mark_read(
    s: &Services,
    who: &Verified,
    thread_id: i64,
    upto: i64,
) -> Result<(), AppError> {
    if upto < 1 {
        return Err(AppError::BadRequest);
    }
    let mut tx = s.store.begin().await?;
    let thread = tx.thread_row(thread_id).await?.ok_or(AppError::NotFound)?;
    if !thread_visible(&tx.thread_facts(&thread, who.id()).await?, who.looker()) {
        return Err(AppError::NotFound);
    }
    let moved = tx.mark_read(who.id(), thread_id, upto).await?;
    tx.commit().await?;
    if moved {
        tracing::debug!(user_id = who.id(), thread = thread_id, upto, "read");
    }
    Ok(())
}

/// Sets `who`'s level for a thread they may open (`level`: `watch`, `track`,
/// `normal`, `mute`).
pub async fn set_thread_level(
    s: &Services,
    who: &Verified,
    thread_id: i64,
    level: &str,
) -> Result<FollowLevel, AppError> {
    let level = FollowLevel::parse(level).ok_or(AppError::BadRequest)?;
    let mut tx = s.store.begin().await?;
    let thread = tx.thread_row(thread_id).await?.ok_or(AppError::NotFound)?;
    if !thread_visible(&tx.thread_facts(&thread, who.id()).await?, who.looker()) {
        return Err(AppError::NotFound);
    }
    tx.set_thread_level(who.id(), thread_id, level, true)
        .await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        thread = thread_id,
        level = level.as_str(),
        "thread level"
    );
    Ok(level)
}

/// Sets `who`'s level for the category `slug`.
pub async fn set_category_level(
    s: &Services,
    who: &Verified,
    slug: &str,
    level: &str,
) -> Result<FollowLevel, AppError> {
    let level = FollowLevel::parse(level).ok_or(AppError::BadRequest)?;
    let category = s
        .store
        .category_by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = s.store.begin().await?;
    tx.set_category_level(who.id(), category.id, level).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        category = category.id,
        level = level.as_str(),
        "category level"
    );
    Ok(level)
}

/// Marks everything `who` has unread or new as read, in one category (`slug`) or in
/// the whole forum (`""`). Returns how many threads it marked.
pub async fn mark_all_read(s: &Services, who: &Verified, slug: &str) -> Result<u64, AppError> {
    let category = if slug.is_empty() {
        None
    } else {
        Some(
            s.store
                .category_by_slug(slug)
                .await?
                .ok_or(AppError::NotFound)?
                .id,
        )
    };
    let after = new_after(s.store.new_dismissed_at(who.id()).await?, now());
    let mut tx = s.store.begin().await?;
    let n = tx.mark_all_read(who.id(), category, after).await?;
    tx.commit().await?;
    tracing::info!(user_id = who.id(), category, threads = n, "marked read");
    Ok(n)
}

/// "Dismiss new": nothing started before now is new to `who` any more.
pub async fn dismiss_new(s: &Services, who: &Verified) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    tx.dismiss_new(who.id()).await?;
    tx.commit().await?;
    tracing::info!(user_id = who.id(), "dismissed new");
    Ok(())
}

/// Where "jump to the first unread" leads in a thread `who` may open: the first public
/// post after the last one they read, or the thread's last page when none is unread.
pub async fn first_unread(
    s: &Services,
    who: &Verified,
    thread_id: i64,
) -> Result<String, AppError> {
    let thread = s
        .store
        .thread_row(thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !thread_visible(
        &s.store.thread_facts(&thread, who.id()).await?,
        who.looker(),
    ) {
        return Err(AppError::NotFound);
    }
    let read = s
        .store
        .reader(who.id(), thread_id)
        .await?
        .map_or(0, |r| r.last_read);
    Ok(match s.store.first_post_after(thread_id, read).await? {
        Some((number, id)) => domain::links::post_in_thread(thread_id, number, id),
        None => format!("/t/{thread_id}?page=last"),
    })
}

/// In the transaction that first publishes a post: its author tracks the thread from
/// now on (unless they chose otherwise) and has read it up to their post; everyone
/// watching the thread or its category, other than those in `told` (already told of
/// this post as its thread's author or by a mention), hears of it.
pub async fn on_publication(
    s: &Services,
    tx: &mut Tx,
    stored: &Stored,
    author_id: i64,
    number: i64,
    category_id: Option<i64>,
    told: &mut Vec<i64>,
) -> Result<(), AppError> {
    let current = tx
        .reader(author_id, stored.thread_id)
        .await?
        .map(|r| r.follow());
    let level = after_posting(current);
    if current.map(|c| c.0) != Some(level) {
        let chosen = current.is_some_and(|c| c.1);
        tx.set_thread_level(author_id, stored.thread_id, level, chosen)
            .await?;
    }
    tx.mark_read(author_id, stored.thread_id, number).await?;
    let target = Target {
        thread_id: Some(stored.thread_id),
        post_id: Some(stored.post_id),
        revision_id: None,
    };
    // A conversation (no category) has no followers beyond its participants, who
    // were told already.
    let Some(category_id) = category_id else {
        return Ok(());
    };
    for (user, thread, category) in tx.followers(stored.thread_id, category_id).await? {
        if told.contains(&user) || !hears_every_post(level_for(thread, category)) {
            continue;
        }
        crate::notices::notify(
            s,
            tx,
            user,
            NotificationKind::Watching,
            Some(author_id),
            target,
        )
        .await?;
        told.push(user);
    }
    Ok(())
}
