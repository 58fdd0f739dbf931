//! Server functions of the forum pages. Each returns only what its viewer may see
//! (the rule is `domain::visibility`): published threads and posts, plus the viewer's
//! own held posts; moderators read held text only through [`load_held`] and others'
//! histories through [`load_post`], both written to the audit log first.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
#[cfg(feature = "ssr")]
use domain::models::ThreadList;
use domain::models::{ForumHome, NotificationView, PostDetail, ThreadView};
use phi::SiteLists;

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::{Moderator, Verified};
#[cfg(feature = "ssr")]
use ops::AppError;

/// A member's display name ('' if the account is gone).
#[cfg(feature = "ssr")]
pub(super) async fn display_name(s: &ops::Services, id: i64) -> Result<String, PageError> {
    Ok(s.store
        .user_by_id(id)
        .await?
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
pub(super) fn not_found() -> PageError {
    AppError::NotFound.into()
}

/// A thread list of the forum or of one category (`category` = slug or ""): `kind`
/// = `latest` (also ""), `unread` or `new`; the first page, or the page `older` or
/// `newer` than a thread (`key.id`).
#[server(input = GetUrl, endpoint = "load_forum")]
pub async fn load_forum(
    kind: String,
    category: String,
    older: String,
    newer: String,
) -> Result<ForumHome, PageError> {
    let Verified(viewer) = viewer()?;
    let s = services()?;
    let categories = s.store.categories().await?;
    let category = if category.is_empty() {
        None
    } else {
        Some(
            categories
                .iter()
                .find(|c| c.slug == category)
                .cloned()
                .ok_or_else(not_found)?,
        )
    };
    let kind = domain::models::ListKind::parse(&kind);
    let page = domain::models::ListPage::from_query(&older, &newer);
    let list = s
        .store
        .list_threads(viewer.id, kind, category.as_ref().map(|c| c.id), page)
        .await?;
    let own_held = s.store.own_held(viewer.id).await?;
    let category_level = match &category {
        Some(c) => s.store.category_level(viewer.id, c.id).await?,
        None => Default::default(),
    };
    Ok(ForumHome {
        categories,
        category,
        list: ThreadList {
            threads: list.threads,
            older: list.older,
            newer: list.newer,
            own_held,
        },
        kind,
        category_level,
    })
}

/// A thread page as the viewer may see it.
#[server(input = GetUrl, endpoint = "load_thread")]
pub async fn load_thread(id: i64, page: String, quote: String) -> Result<ThreadView, PageError> {
    let viewer: Verified = viewer()?;
    let s = services()?;
    let row = s.store.thread_row(id).await?.ok_or_else(not_found)?;
    let facts = s.store.thread_facts(&row, viewer.id()).await?;
    if !domain::visibility::thread_visible(&facts, viewer.looker()) {
        return Err(not_found());
    }
    let category = match row.category_id {
        Some(c) => Some(s.store.category_by_id(c).await?.ok_or_else(not_found)?),
        None => None,
    };
    let participants = if row.private {
        s.store
            .participant_names(&[id])
            .await?
            .remove(&id)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let looker = viewer.looker();
    let (posts, pages) = s
        .store
        .thread_posts(id, looker.id, looker.moderator, page_no(&page))
        .await?;
    // The author of a thread still waiting for review sees their own title.
    let title = if row.published {
        row.title.clone()
    } else {
        match posts.first() {
            Some(p) => s.store.latest_title(p.id).await?,
            None => String::new(),
        }
    };
    Ok(ThreadView {
        id,
        title,
        category,
        participants,
        tags: s.store.thread_tags(id).await?,
        pinned: row.pinned,
        locked: row.locked,
        hidden: row.hidden,
        published: row.published,
        posts,
        page: page_no(&page).clamp(1, pages),
        pages,
        quote: quote_of(&s, &row, &facts, &quote, &viewer).await?,
        can_reply: domain::visibility::may_reply(&facts, row.locked, looker),
        searchable: domain::visibility::thread_is_public(&facts),
        question: row.question,
        answer: answer_of(&s, &row, looker).await?,
        can_choose_answer: domain::visibility::may_choose_answer(
            &row.facts(),
            row.question,
            looker,
        ),
        reading: super::reading::reading_of(&s, looker.id, &row).await?,
        draft: if domain::visibility::may_reply(&facts, row.locked, looker) {
            ops::saved_drafts::load(&s, &viewer, id).await?
        } else {
            None
        },
    })
}

/// The answer of a question as the viewer may read it (none when its text is not
/// theirs to read, or it is not a published reply of this thread).
#[cfg(feature = "ssr")]
async fn answer_of(
    s: &ops::Services,
    thread: &store::ThreadRow,
    looker: domain::visibility::Looker,
) -> Result<Option<domain::models::AnswerView>, PageError> {
    let Some(post_id) = thread.answer_post_id.filter(|_| thread.question) else {
        return Ok(None);
    };
    let Some((post, author, html)) = s.store.answer_post(post_id).await? else {
        return Ok(None);
    };
    let readable = post.thread_id == thread.id
        && domain::visibility::post_text_visible(&post.facts(), &thread.facts(), looker);
    Ok(readable.then_some(domain::models::AnswerView {
        post_id,
        number: post.number,
        author,
        html,
    }))
}

/// The quote-reply markdown of a post of this thread, if the viewer may read its
/// published text; '' otherwise (held text is never quoted).
#[cfg(feature = "ssr")]
async fn quote_of(
    s: &ops::Services,
    thread: &store::ThreadRow,
    facts: &domain::visibility::ThreadFacts,
    quote: &str,
    viewer: &Verified,
) -> Result<String, PageError> {
    let Ok(post_id) = quote.parse::<i64>() else {
        return Ok(String::new());
    };
    let Some(post) = s.store.post_row(post_id).await? else {
        return Ok(String::new());
    };
    let visible = post.thread_id == thread.id
        && domain::visibility::post_text_visible(&post.facts(), facts, viewer.looker());
    if !visible {
        return Ok(String::new());
    }
    let body = s.store.published_body(post_id).await?;
    let author = display_name(s, post.author_id).await?;
    Ok(domain::markdown::quote(&author, &body))
}

/// A post's own page: its revisions with findings, for its author and for
/// moderators (read-only; every opening by a moderator is audited, since the
/// history can hold text that was never published).
#[server(input = GetUrl, endpoint = "load_post")]
pub async fn load_post(id: i64) -> Result<PostDetail, PageError> {
    let Verified(viewer) = viewer()?;
    let as_moderator = super::viewer_if::<Moderator>();
    let s = services()?;
    let post = s
        .store
        .post_row(id)
        .await?
        .filter(|p| p.author_id == viewer.id || as_moderator.is_some())
        .ok_or_else(not_found)?;
    let own = post.author_id == viewer.id;
    if let Some(moderator) = as_moderator.filter(|_| !own) {
        super::refuse_cross_site_read()?;
        ops::moderation::record_reading(
            &s,
            &moderator,
            domain::vocab::AuditAction::PostHistoryOpen,
            "post",
            id,
        )
        .await?;
    }
    let thread = s
        .store
        .thread_row(post.thread_id)
        .await?
        .ok_or_else(not_found)?;
    let thread_title = if thread.published {
        thread.title
    } else {
        s.store.latest_title(id).await?
    };
    Ok(PostDetail {
        post_id: id,
        thread_id: post.thread_id,
        thread_title,
        opening: post.number == 1,
        state: post.state,
        own,
        revisions: s.store.revisions(id).await?,
    })
}

/// The detector's site lists and the members' display names, for the composer's live
/// check in the browser: with them it decides like the server without sending
/// anything that is typed.
#[server(input = GetUrl, endpoint = "composer_lists")]
pub async fn composer_lists() -> Result<SiteLists, PageError> {
    let _: Verified = viewer()?;
    let s = services()?;
    let mut lists = s.store.site_lists().await?;
    lists.members = s
        .store
        .member_directory(domain::colleagues::MEMBER_CONTEXT)
        .await?;
    Ok(lists)
}

/// The viewer's notifications.
#[server(input = GetUrl, endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<Vec<NotificationView>, PageError> {
    let Verified(viewer) = viewer()?;
    Ok(services()?.store.notifications(viewer.id).await?)
}

/// The composer's preview: the body as readers will see it, or why it cannot be shown.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Preview {
    /// Sanitized HTML of the body.
    pub html: Option<String>,
    /// The body's message key when it cannot be posted as it is (empty, too long).
    pub error: Option<String>,
}

/// Renders a body for its author's preview. A POST, so the text travels in the request
/// body, never in a URL; nothing is stored or logged but its length.
#[server(endpoint = "preview_post")]
pub async fn preview_post(body: String) -> Result<Preview, PageError> {
    let _: Verified = viewer()?;
    match ops::posting::preview(&body) {
        Ok(html) => Ok(Preview {
            html: Some(html),
            error: None,
        }),
        Err(AppError::Invalid(errors)) => Ok(Preview {
            html: None,
            error: errors.get("body").cloned(),
        }),
        Err(e) => Err(e.into()),
    }
}
