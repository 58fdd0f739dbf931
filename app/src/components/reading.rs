//! Reading and following on pages: the latest / unread / new tabs, a list row's
//! unread count (a link to the first unread post) and "new" mark, the form that sets
//! a level for a thread or a category, "mark read" and "dismiss new", and the thread
//! page's read tracker — posts are marked read as they scroll into view with
//! JavaScript, and by an image inside `<noscript>` when the page loads without it.

use leptos::prelude::*;

use super::CsrfField;
use crate::i18n::use_i18n;
use domain::models::{FollowLevel, ListKind, RowReading};

/// The three thread lists, the current one marked (in one category when `category`
/// is a slug).
#[component]
pub fn ListTabs(kind: ListKind, category: String) -> impl IntoView {
    let i = use_i18n();
    let href = move |k: ListKind| k.path(&category);
    view! {
        <nav class="list-tabs" aria-label=i.tr("list.tabs")>
            {[ListKind::Latest, ListKind::Unread, ListKind::New].into_iter().map(|k| view! {
                <a href=href(k) aria-current=(k == kind).then_some("page")>{i.tr(&format!("list.{}", k.as_str()))}</a>
            }).collect_view()}
        </nav>
    }
}

/// A list row's reading: how many posts are unread (a link to the first of them) or
/// that the thread is new.
#[component]
pub fn RowMarks(id: i64, reading: RowReading) -> impl IntoView {
    let i = use_i18n();
    view! {
        {(reading.unread > 0).then(|| view! {
            // A server redirect, not a page of the router: the browser follows it.
            " "<a class="badge unread" rel="external" href=format!("/t/{id}/unread") title=i.tr("reading.jump")>
                {i.trf("reading.unread_n", &[("n", &reading.unread.to_string())])}
            </a>
        })}
        {reading.new.then(|| view! { " "<span class="badge new">{i.tr("reading.new")}</span> })}
    }
}

/// The form that sets the viewer's level for a thread or a category (a plain form
/// post, with or without JavaScript).
#[component]
pub fn LevelForm(action: String, label: &'static str, level: FollowLevel) -> impl IntoView {
    let i = use_i18n();
    let id = if action.starts_with("/c/") {
        "level-category"
    } else {
        "level-thread"
    };
    view! {
        <form method="post" action=action class="level-form">
            <CsrfField/>
            <label for=id>{i.tr(label)}</label>
            " "
            <select id=id name="level">
                {FollowLevel::ALL.into_iter().map(|l| view! {
                    <option value=l.as_str() selected={l == level}>{i.tr(&format!("level.{}", l.as_str()))}</option>
                }).collect_view()}
            </select>
            " "
            <button type="submit" class="button small secondary">{i.tr("level.save")}</button>
        </form>
    }
}

/// Under a list: "mark read" (a category page, the unread list) or "dismiss new".
#[component]
pub fn MarkReadForm(kind: ListKind, category: String) -> impl IntoView {
    let i = use_i18n();
    match (kind, category.is_empty()) {
        (ListKind::Latest, true) => ().into_any(),
        (ListKind::New, _) => view! {
            <form method="post" action="/new/dismiss" class="list-actions">
                <CsrfField/>
                <button type="submit" class="button small secondary">{i.tr("reading.dismiss_new")}</button>
            </form>
        }
        .into_any(),
        (k, all) => view! {
            <form method="post" action="/read" class="list-actions">
                <CsrfField/>
                <input type="hidden" name="list" value=k.as_str()/>
                <input type="hidden" name="category" value=category/>
                <button type="submit" class="button small secondary">
                    {i.tr(if all { "reading.mark_all_read" } else { "reading.mark_category_read" })}
                </button>
            </form>
        }
        .into_any(),
    }
}

/// Records reading on a thread page. `posts` are the page's published posts as
/// (number, post id). With JavaScript, a post counts as read once its top has
/// scrolled into the window, sent after a short pause; without it, the browser
/// loads the `<noscript>` image, which marks the page read on load.
#[component]
pub fn ReadTracker(thread_id: i64, posts: Vec<(i64, i64)>, last_read: i64) -> impl IntoView {
    let top = posts.iter().map(|p| p.0).max().unwrap_or(0);
    #[cfg(feature = "hydrate")]
    track(thread_id, posts, last_read);
    (top > last_read).then(|| {
        let img = format!(
            "<img src=\"/t/{thread_id}/read?upto={top}\" alt=\"\" width=\"1\" height=\"1\" class=\"read-beacon\">"
        );
        view! { <noscript inner_html=img></noscript> }
    })
}

/// Wait this long after scrolling stops before telling the server.
#[cfg(feature = "hydrate")]
const PAUSE: std::time::Duration = std::time::Duration::from_millis(700);

#[cfg(feature = "hydrate")]
fn track(thread_id: i64, posts: Vec<(i64, i64)>, last_read: i64) {
    let posts = StoredValue::new(posts);
    let sent = StoredValue::new(last_read);
    let waiting = StoredValue::new(false);
    let check = move || {
        if waiting.get_value() {
            return;
        }
        waiting.set_value(true);
        set_timeout(
            move || {
                waiting.set_value(false);
                let upto = posts.with_value(|p| seen_upto(p));
                if upto > sent.get_value() {
                    sent.set_value(upto);
                    leptos::task::spawn_local(async move {
                        let _ = crate::server_fns::mark_read(thread_id, upto).await;
                    });
                }
            },
            PAUSE,
        );
    };
    Effect::new(move |_| check());
    let handle = window_event_listener(leptos::ev::scroll, move |_| check());
    on_cleanup(move || handle.remove());
}

/// The highest post number whose top has entered the window.
#[cfg(feature = "hydrate")]
fn seen_upto(posts: &[(i64, i64)]) -> i64 {
    let Some(window) = web_sys::window() else {
        return 0;
    };
    let Some(doc) = window.document() else {
        return 0;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    posts
        .iter()
        .filter(|(_, id)| {
            doc.get_element_by_id(&format!("post-{id}"))
                .is_some_and(|el| el.get_bounding_client_rect().top() < height)
        })
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(0)
}
