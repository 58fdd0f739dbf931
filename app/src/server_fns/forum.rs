//! Server functions of the forum pages. Each checks the viewer itself and returns
//! only what that viewer may see: published threads and posts, plus the viewer's own
//! held posts; moderators read held posts only through [`held_item`], which is
//! written to the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use domain::models::{ClaimState, ThreadList};
use domain::models::{
    ForumHome, HeldItem, NotificationView, PostDetail, QueueItem, ReportItem, ThreadView,
};
use phi::SiteLists;

#[cfg(feature = "ssr")]
use crate::ssr::error::AppError;
#[cfg(feature = "ssr")]
use domain::access::Need;

#[cfg(feature = "ssr")]
fn sf<E: Into<AppError>>(e: E) -> ServerFnError {
    e.into().into_server_fn()
}

/// A member's display name ('' if the account is gone).
#[cfg(feature = "ssr")]
async fn display_name(state: &crate::ssr::AppState, id: i64) -> Result<String, ServerFnError> {
    Ok(state
        .store
        .user_by_id(id)
        .await
        .map_err(sf)?
        .map(|u| u.applicant.display_name)
        .unwrap_or_default())
}

/// Parses a page parameter: a number, or `last`.
#[cfg(feature = "ssr")]
fn page_no(page: &str) -> i64 {
    if page == "last" {
        i64::MAX / 2
    } else {
        page.parse().unwrap_or(1).max(1)
    }
}

#[cfg(feature = "ssr")]
async fn claim_state(
    state: &crate::ssr::AppState,
    kind: &str,
    id: i64,
    viewer_id: i64,
) -> Result<ClaimState, ServerFnError> {
    Ok(match state.store.claim_of(kind, id).await.map_err(sf)? {
        Some((mid, name, until)) => ClaimState {
            by: Some(name),
            mine: mid == viewer_id,
            until,
        },
        None => ClaimState::default(),
    })
}

/// The thread list of the forum or of one category (`category` = slug or "").
#[server(input = GetUrl, endpoint = "load_forum")]
pub async fn load_forum(category: String, page: String) -> Result<ForumHome, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Verified)?;
    let categories = state.store.categories().await.map_err(sf)?;
    let category = if category.is_empty() {
        None
    } else {
        Some(
            categories
                .iter()
                .find(|c| c.slug == category)
                .cloned()
                .ok_or_else(|| AppError::NotFound.into_server_fn())?,
        )
    };
    let (threads, pages) = state
        .store
        .list_threads(category.as_ref().map(|c| c.id), page_no(&page))
        .await
        .map_err(sf)?;
    let page = page_no(&page).clamp(1, pages);
    let own_held = state.store.own_held(viewer.id).await.map_err(sf)?;
    Ok(ForumHome {
        categories,
        category,
        list: ThreadList {
            threads,
            page,
            pages,
            own_held,
        },
    })
}

/// A thread page as the viewer may see it.
#[server(input = GetUrl, endpoint = "load_thread")]
pub async fn load_thread(
    id: i64,
    page: String,
    quote: String,
) -> Result<ThreadView, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Verified)?;
    let moderator = viewer.can_moderate();
    let row = state
        .store
        .thread_row(id)
        .await
        .map_err(sf)?
        .filter(|t| t.visible_to(viewer.id, moderator))
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let category = state
        .store
        .category_by_id(row.category_id)
        .await
        .map_err(sf)?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let (posts, pages) = state
        .store
        .thread_posts(id, viewer.id, moderator, page_no(&page))
        .await
        .map_err(sf)?;
    // The author of a thread still waiting for review sees their own title.
    let title = if row.published {
        row.title.clone()
    } else {
        match posts.first() {
            Some(p) => state.store.latest_title(p.id).await.map_err(sf)?,
            None => String::new(),
        }
    };
    Ok(ThreadView {
        id,
        title,
        category,
        tags: state.store.thread_tags(id).await.map_err(sf)?,
        pinned: row.pinned,
        locked: row.locked,
        hidden: row.hidden,
        published: row.published,
        posts,
        page: page_no(&page).clamp(1, pages),
        pages,
        quote: quote_of(&state, id, &quote, viewer.id, moderator).await?,
    })
}

/// The quote-reply markdown of a post of this thread, if the viewer may see its
/// published text; '' otherwise (held text is never quoted).
#[cfg(feature = "ssr")]
async fn quote_of(
    state: &crate::ssr::AppState,
    thread_id: i64,
    quote: &str,
    viewer_id: i64,
    moderator: bool,
) -> Result<String, ServerFnError> {
    let Ok(post_id) = quote.parse::<i64>() else {
        return Ok(String::new());
    };
    let Some(post) = state.store.post_row(post_id).await.map_err(sf)? else {
        return Ok(String::new());
    };
    let visible = post.thread_id == thread_id
        && post.state == domain::models::PostState::Published
        && (!post.hidden || moderator || post.author_id == viewer_id);
    if !visible {
        return Ok(String::new());
    }
    let body = state.store.published_body(post_id).await.map_err(sf)?;
    let author = display_name(state, post.author_id).await?;
    Ok(domain::markdown::quote(&author, &body))
}

/// A post's own page: its revisions with findings, for its author and for
/// moderators (read-only; every opening by a moderator is audited, since the
/// history can hold text that was never published).
#[server(input = GetUrl, endpoint = "load_post")]
pub async fn load_post(id: i64) -> Result<PostDetail, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Verified)?;
    let post = state
        .store
        .post_row(id)
        .await
        .map_err(sf)?
        .filter(|p| p.author_id == viewer.id || viewer.can_moderate())
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let own = post.author_id == viewer.id;
    if !own {
        state
            .store
            .audit(
                Some(viewer.id),
                "post.history_open",
                "post",
                &id.to_string(),
                "",
            )
            .await
            .map_err(sf)?;
    }
    let thread = state
        .store
        .thread_row(post.thread_id)
        .await
        .map_err(sf)?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let thread_title = if thread.published {
        thread.title
    } else {
        state.store.latest_title(id).await.map_err(sf)?
    };
    Ok(PostDetail {
        post_id: id,
        thread_id: post.thread_id,
        thread_title,
        opening: post.number == 1,
        state: post.state,
        own,
        revisions: state.store.revisions(id).await.map_err(sf)?,
    })
}

/// The detector's site lists, for the composer's live check in the browser.
#[server(input = GetUrl, endpoint = "composer_lists")]
pub async fn composer_lists() -> Result<SiteLists, ServerFnError> {
    let (state, _) = super::viewer_with(Need::Verified)?;
    state.store.site_lists().await.map_err(sf)
}

/// The viewer's notifications.
#[server(input = GetUrl, endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<Vec<NotificationView>, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Verified)?;
    state.store.notifications(viewer.id).await.map_err(sf)
}

/// The moderation queue (`kind`: all, held, report, verification; `status`: open, closed).
#[server(input = GetUrl, endpoint = "mod_queue")]
pub async fn mod_queue(kind: String, status: String) -> Result<Vec<QueueItem>, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Moderator)?;
    let all = !matches!(kind.as_str(), "held" | "report" | "verification");
    let filter = store::QueueFilter {
        held: all || kind == "held",
        reports: all || kind == "report",
        verification: all || kind == "verification",
        open: status != "closed",
    };
    state.store.queue(filter, viewer.id).await.map_err(sf)
}

/// A held revision, opened by a moderator. Every opening is audited.
#[server(input = GetUrl, endpoint = "load_held")]
pub async fn load_held(id: i64) -> Result<HeldItem, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Moderator)?;
    let rev = state
        .store
        .held_revision(id)
        .await
        .map_err(sf)?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let revision = state
        .store
        .revisions(rev.post_id)
        .await
        .map_err(sf)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    state
        .store
        .audit(
            Some(viewer.id),
            "held.open",
            "revision",
            &id.to_string(),
            "",
        )
        .await
        .map_err(sf)?;
    let thread = state
        .store
        .thread_row(rev.thread_id)
        .await
        .map_err(sf)?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    let author = display_name(&state, rev.author_id).await?;
    Ok(HeldItem {
        revision,
        post_id: rev.post_id,
        thread_id: rev.thread_id,
        thread_title: thread.title,
        opening: state.store.post_number(rev.post_id).await.map_err(sf)? == 1,
        author,
        own: rev.author_id == viewer.id,
        waiting: rev.waiting,
        claim: claim_state(&state, "held", id, viewer.id).await?,
    })
}

/// A member report, opened by a moderator.
#[server(input = GetUrl, endpoint = "load_report")]
pub async fn load_report(id: i64) -> Result<ReportItem, ServerFnError> {
    let (state, viewer) = super::viewer_with(Need::Moderator)?;
    let r = state
        .store
        .report(id)
        .await
        .map_err(sf)?
        .ok_or_else(|| AppError::NotFound.into_server_fn())?;
    Ok(ReportItem {
        id,
        post_id: r.post_id,
        thread_id: r.thread_id,
        author: display_name(&state, r.author_id).await?,
        reporter: display_name(&state, r.reporter_id).await?,
        reason: r.reason,
        note: r.note,
        state: r.state,
        post_html: r.post_html,
        own: r.author_id == viewer.id || r.reporter_id == viewer.id,
        claim: claim_state(&state, "report", id, viewer.id).await?,
    })
}

/// The detector's site lists (admins).
#[server(input = GetUrl, endpoint = "admin_site_lists")]
pub async fn admin_site_lists() -> Result<SiteLists, ServerFnError> {
    let (state, _) = super::viewer_with(Need::Admin)?;
    state.store.site_lists().await.map_err(sf)
}

/// Every category, archived ones too (admins).
#[server(input = GetUrl, endpoint = "admin_categories")]
pub async fn admin_categories() -> Result<Vec<domain::models::Category>, ServerFnError> {
    let (state, _) = super::viewer_with(Need::Admin)?;
    state.store.all_categories().await.map_err(sf)
}
