//! `/notifications`: replies, mentions, decisions on one's held posts and on one's
//! verification, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{CsrfField, LoadError, When};
use crate::i18n::use_i18n;
use crate::server_fns::my_notifications;
use domain::models::NotificationView;
use domain::vocab::NotificationKind;

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
    // A thread whose opening post was never published has no title to show: its
    // notices say "your new thread" in a sentence of their own.
    let untitled = n.thread.as_ref().is_some_and(|(_, t)| t.is_empty());
    let key = match n.kind {
        NotificationKind::HeldWaiting | NotificationKind::Rejected if untitled => {
            format!("notify.{}_untitled", n.kind)
        }
        _ => format!("notify.{}", n.kind),
    };
    let text = i.trf(&key, &[("name", &actor), ("title", &title)]);
    // Opening goes through the server, which marks it read and works out the page
    // the post is on (`rel=external`: a full navigation, JavaScript or not).
    let leads = n.destination() != "/notifications";
    let href = domain::links::open_notification(n.id);
    view! {
        <li class="notification" class:unread=!n.read>
            <p>{if leads {
                view! { <a href=href rel="external">{text}</a> }.into_any()
            } else {
                view! { <span>{text}</span> }.into_any()
            }}</p>
            {(!n.reason.is_empty()).then(|| view! { <p><strong>{i.tr("held.reason")}</strong>" "{n.reason.clone()}</p> })}
            <p class="meta"><When at=n.created_at/></p>
        </li>
    }
}
