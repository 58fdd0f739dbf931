//! Direct messages: `/messages` (the member's conversations, newest activity first,
//! with a search in their own messages) and `/messages/new` (write to one or more
//! verified members). A conversation opens at `/t/{id}` for its participants only.
//! Plain links and forms: everything works with JavaScript blocked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::{Composer, ComposerInit};
use crate::components::{ListPager, LoadError, When};
use crate::i18n::use_i18n;
use crate::server_fns::load_messages;
use domain::models::{Conversation, MessageHit, MessageSearch, MIN_MESSAGE_QUERY};

/// `/messages`
#[component]
pub fn MessagesPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let args = move || {
        query.with(|q| {
            (
                q.get("older").unwrap_or_default(),
                q.get("q").unwrap_or_default(),
            )
        })
    };
    let data = Resource::new(args, |(older, q)| load_messages(older, q));
    view! {
        <Title text=i.tr("messages.title")/>
        <h1>{i.tr("messages.title")}</h1>
        <p class="lead">{i.tr("messages.lead")}</p>
        <p><a href="/messages/new" class="button">{i.tr("messages.new")}</a></p>
        <form method="get" action="/messages" class="search-form messages-search" role="search">
            <label for="messages-q">{i.tr("messages.search_label")}</label>
            <input id="messages-q" type="search" name="q" minlength=MIN_MESSAGE_QUERY
                value=move || args().1/>
            <button type="submit" class="button secondary">{i.tr("search.submit")}</button>
        </form>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(page) => {
                        let older = page.older;
                        let empty = page.conversations.is_empty();
                        view! {
                            {page.search.map(|s| view! { <SearchResults s/> })}
                            <h2>{i.tr("messages.conversations")}</h2>
                            {if empty {
                                view! { <p class="empty">{i.tr("messages.empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="thread-list conversations">
                                        {page.conversations.into_iter().map(|c| view! { <Row c/> }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                            <ListPager base="/messages".to_string() older newer=None/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Row(c: Conversation) -> impl IntoView {
    let i = use_i18n();
    let href = format!("/t/{}", c.id);
    let title = if c.title.is_empty() {
        i.tr("messages.waiting_title")
    } else {
        c.title.clone()
    };
    view! {
        <li class="thread-row conversation" id=format!("conversation-{}", c.id)>
            <a href=href class="title">{title}</a>
            // The count jumps to the first unread message (a server redirect, so the
            // router leaves it to the browser).
            {(c.unread > 0).then(|| view! {
                " "<a class="badge unread" rel="external" href=format!("/t/{}/unread", c.id) title=i.tr("reading.jump")>
                    {i.trf("reading.unread_n", &[("n", &c.unread.to_string())])}
                </a>
            })}
            {c.waiting.then(|| view! { " "<span class="badge warn">{i.tr("messages.waiting")}</span> })}
            <p class="meta">
                {i.trf("messages.with", &[("names", &c.participants.join(", "))])}" · "
                <When at=c.last_activity_at/>
            </p>
        </li>
    }
}

#[component]
fn SearchResults(s: MessageSearch) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="message-hits" aria-live="polite">
            <h2>{i.trf("messages.results_for", &[("q", &s.query)])}</h2>
            {if s.too_short {
                view! { <p class="notice">{i.trf("messages.query_short", &[("n", &MIN_MESSAGE_QUERY.to_string())])}</p> }.into_any()
            } else if s.hits.is_empty() {
                view! { <p class="empty">{i.tr("messages.no_hits")}</p> }.into_any()
            } else {
                view! {
                    <ol class="hits">{s.hits.into_iter().map(|h| view! { <Hit h/> }).collect_view()}</ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Hit(h: MessageHit) -> impl IntoView {
    view! {
        <li class="hit">
            <a href=format!("/t/{}#post-{}", h.thread_id, h.post_id)>{h.title.clone()}</a>
            <p class="excerpt">{h.excerpt.clone()}</p>
            <p class="meta">{h.author.clone()}" · "<When at=h.created_at/></p>
        </li>
    }
}

/// `/messages/new` (`?to=Name` fills in the recipient, as a profile's "Message" link does).
#[component]
pub fn NewMessagePage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let to = query.with_untracked(|q| q.get("to").unwrap_or_default());
    view! {
        <Title text=i.tr("messages.new")/>
        <h1>{i.tr("messages.new")}</h1>
        <p class="lead">{i.tr("messages.new_lead")}</p>
        <Composer action="/messages/new".to_string() opening=true init=ComposerInit::default()
            submit="messages.send" to/>
    }
}
