//! Forum pages for verified members: the thread list (front page and category
//! pages) and the form to start a thread.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{Composer, ListPager, LoadError, When};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::load_forum;
use domain::models::ForumHome;

/// The thread list of the whole forum (`/`) or of one category (`/c/:slug`).
#[component]
pub fn ForumList() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.with(|p| p.get("slug").unwrap_or_default()),
                query.with(|q| q.get("older").unwrap_or_default()),
                query.with(|q| q.get("newer").unwrap_or_default()),
            )
        },
        |(slug, older, newer)| load_forum(slug, older, newer),
    );
    view! {
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(home) => view! { <ForumView home/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ForumView(home: ForumHome) -> impl IntoView {
    let i = use_i18n();
    let lang = use_page().lang;
    let title = match &home.category {
        Some(c) => c.name(lang).to_string(),
        None => i.tr("forum.latest"),
    };
    let base = match &home.category {
        Some(c) => format!("/c/{}", c.slug),
        None => "/".to_string(),
    };
    let new_href = match &home.category {
        Some(c) => format!("/new?category={}", c.slug),
        None => "/new".to_string(),
    };
    let current = home
        .category
        .as_ref()
        .map(|c| c.slug.clone())
        .unwrap_or_default();
    let list = home.list;
    view! {
        <Title text=title.clone()/>
        <div class="forum-head">
            <h1>{title}</h1>
            <a class="button" href=new_href>{i.tr("forum.new_thread")}</a>
        </div>
        {home.category.as_ref().map(|c| view! { <p class="lead">{c.description(lang).to_string()}</p> })}
        <nav class="categories" aria-label=i.tr("forum.categories")>
            <a href="/" aria-current=current.is_empty().then_some("page")>{i.tr("forum.all")}</a>
            {home.categories.iter().map(|c| {
                let here = c.slug == current;
                view! { <a href=format!("/c/{}", c.slug) aria-current=here.then_some("page")>{c.name(lang).to_string()}</a> }
            }).collect_view()}
        </nav>
        {(!list.own_held.is_empty()).then(|| view! {
            <section class="own-held card">
                <h2>{i.tr("forum.own_held")}</h2>
                <ul>
                    {list.own_held.iter().map(|h| view! {
                        <li>
                            <a href=format!("/p/{}", h.post_id)>{if h.title.is_empty() { i.tr("forum.untitled_reply") } else { h.title.clone() }}</a>
                            " · "
                            <span class="meta">{if h.review_requested { i.tr("held.waiting_review") } else { i.tr("held.waiting_author") }}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {if list.threads.is_empty() {
            view! { <p class="empty">{i.tr("forum.empty")}</p> }.into_any()
        } else {
            view! {
                <ol class="threads">
                    {list.threads.into_iter().map(|t| {
                        let cat = home.categories.iter().find(|c| c.slug == t.category)
                            .map(|c| c.name(lang).to_string()).unwrap_or_default();
                        view! {
                            <li class="thread-row" id=format!("thread-{}", t.id)>
                                <div class="thread-main">
                                    {t.pinned.then(|| view! { <span class="badge">{i.tr("thread.pinned")}</span>" " })}
                                    {t.locked.then(|| view! { <span class="badge">{i.tr("thread.locked")}</span>" " })}
                                    {t.solved.then(|| view! { <span class="badge ok">"✓ "{i.tr("answer.solved")}</span>" " })}
                                    {(t.question && !t.solved).then(|| view! { <span class="badge">{i.tr("answer.question")}</span>" " })}
                                    <a class="thread-title" href=format!("/t/{}", t.id)>{t.title.clone()}</a>
                                    <div class="meta">
                                        <a href=format!("/c/{}", t.category)>{cat}</a>
                                        " · "{crate::components::author_label(i, &t.author)}
                                        {t.tags.iter().map(|tag| view! { " " <span class="tag">"#"{tag.clone()}</span> }).collect_view()}
                                    </div>
                                </div>
                                <div class="thread-stats">
                                    <span>{i.trf("thread.replies", &[("n", &t.replies.to_string())])}</span>
                                    <When at=t.last_activity_at/>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        <ListPager base older=list.older newer=list.newer/>
    }
}

/// `/new`: start a thread.
#[component]
pub fn NewThreadPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let data = Resource::new(
        || (),
        |_| load_forum(String::new(), String::new(), String::new()),
    );
    view! {
        <Title text=i.tr("forum.new_thread")/>
        <h1>{i.tr("forum.new_thread")}</h1>
        <p class="lead">{i.tr("compose.lead")}</p>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(home) => {
                        let init = crate::components::ComposerInit {
                            category: query.with_untracked(|q| q.get("category").unwrap_or_default()),
                            ..Default::default()
                        };
                        view! {
                            <Composer action="/new".to_string() opening=true categories=home.categories init/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
