//! `/notifications`: replies, mentions, decisions on one's held posts and on one's
//! verification, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{CsrfField, LoadError};
use crate::i18n::use_i18n;
use crate::server_fns::my_notifications;
use domain::models::NotificationView;

/// The notifications page.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| my_notifications());
    view! {
        <Title text=i.tr("notifications.title")/>
        <h1>{i.tr("notifications.title")}</h1>
        <form method="post" action="/notifications" class="inline">
            <CsrfField/>
            <button type="submit" class="button small secondary">{i.tr("notifications.mark_read")}</button>
        </form>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty">{i.tr("notifications.empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="notifications">{list.into_iter().map(|n| view! { <Item n/> }).collect_view()}</ol>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Item(n: NotificationView) -> impl IntoView {
    let i = use_i18n();
    let actor = n.actor.clone().unwrap_or_default();
    let title = n
        .thread
        .as_ref()
        .map(|(_, t)| {
            if t.is_empty() {
                i.tr("notifications.your_thread")
            } else {
                t.clone()
            }
        })
        .unwrap_or_default();
    let text = i.trf(
        &format!("notify.{}", n.kind),
        &[("name", &actor), ("title", &title)],
    );
    let href = match (n.kind.as_str(), n.thread.as_ref(), n.post_id) {
        ("rejected" | "approved", _, Some(p)) => Some(format!("/p/{p}")),
        (_, Some((t, _)), Some(p)) => Some(format!("/t/{t}#post-{p}")),
        (_, Some((t, _)), None) => Some(format!("/t/{t}")),
        _ => None,
    };
    view! {
        <li class="notification" class:unread=!n.read>
            <p>{match href {
                Some(h) => view! { <a href=h>{text}</a> }.into_any(),
                None => view! { <span>{text}</span> }.into_any(),
            }}</p>
            {(!n.reason.is_empty()).then(|| view! { <p><strong>{i.tr("held.reason")}</strong>" "{n.reason.clone()}</p> })}
            <p class="meta"><time>{i.time(n.created_at)}</time></p>
        </li>
    }
}
