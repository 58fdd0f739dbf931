//! Forum pages for verified members: the thread lists (the front page and
//! `/latest`, `/unread`, `/new`, each for the whole forum or one category, and the
//! category pages) and the form to start a thread (`/new-topic`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::components::{
    Composer, ComposerInit, DraftSlot, LevelForm, ListPager, ListTabs, LoadError, RowMarks, When,
};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::{load_draft, load_forum};
use domain::models::{ForumHome, ListKind};

/// A thread list: the whole forum (`/`, `/latest`), one category (`/c/:slug`), or the
/// viewer's unread (`/unread`) and new (`/new`) threads, optionally in one category
/// (`?category=slug`).
#[component]
pub fn ForumList() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    let data = Resource::new(
        move || {
            let kind = location.pathname.with(|p| {
                ListKind::parse(p.trim_start_matches('/'))
                    .as_str()
                    .to_string()
            });
            let slug = params
                .with(|p| p.get("slug"))
                .or_else(|| query.with(|q| q.get("category")))
                .unwrap_or_default();
            (
                kind,
                slug,
                query.with(|q| q.get("older").unwrap_or_default()),
                query.with(|q| q.get("newer").unwrap_or_default()),
            )
        },
        |(kind, slug, older, newer)| load_forum(kind, slug, older, newer),
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
    let kind = home.kind;
    let title = match (&home.category, kind) {
        (Some(c), ListKind::Latest) => c.name(lang).to_string(),
        (Some(c), k) => format!(
            "{} · {}",
            i.tr(&format!("list.{}", k.as_str())),
            c.name(lang)
        ),
        (None, ListKind::Latest) => i.tr("forum.latest"),
        (None, k) => i.tr(&format!("list.{}", k.as_str())),
    };
    let slug = home
        .category
        .as_ref()
        .map(|c| c.slug.clone())
        .unwrap_or_default();
    let base = kind.path(&slug);
    let new_href = match &home.category {
        Some(c) => format!("/new-topic?category={}", c.slug),
        None => "/new-topic".to_string(),
    };
    let current = slug.clone();
    let category_link = move |c: &str| kind.path(c);
    let all_link = kind.path("");
    let list = home.list;
    let empty = match kind {
        ListKind::Latest => "forum.empty",
        ListKind::Unread => "list.unread_empty",
        ListKind::New => "list.new_empty",
    };
    view! {
        <Title text=title.clone()/>
        <div class="forum-head">
            <h1>{title}</h1>
            <a class="button" href=new_href>{i.tr("forum.new_thread")}</a>
        </div>
        {home.category.as_ref().filter(|_| kind == ListKind::Latest)
            .map(|c| view! { <p class="lead">{c.description(lang).to_string()}</p> })}
        {(kind != ListKind::Latest).then(|| view! { <p class="lead">{i.tr(&format!("list.{}_lead", kind.as_str()))}</p> })}
        <ListTabs kind category=slug.clone()/>
        <nav class="categories" aria-label=i.tr("forum.categories")>
            <a href=all_link aria-current=current.is_empty().then_some("page")>{i.tr("forum.all")}</a>
            {home.categories.iter().map(|c| {
                let here = c.slug == current;
                view! { <a href=category_link(&c.slug) aria-current=here.then_some("page")>{c.name(lang).to_string()}</a> }
            }).collect_view()}
        </nav>
        {home.category.as_ref().filter(|_| kind == ListKind::Latest).map(|c| view! {
            <LevelForm action=format!("/c/{}/level", c.slug) label="level.category_label" level=home.category_level/>
        })}
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
            view! { <p class="empty">{i.tr(empty)}</p> }.into_any()
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
                                    <RowMarks id=t.id reading=t.reading/>
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
        <crate::components::MarkReadForm kind category=slug/>
    }
}

/// `/new-topic`: start a thread.
#[component]
pub fn NewThreadPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    // The categories and the member's kept draft of a new thread, in one wait.
    let data = Resource::new(
        || (),
        |_| async {
            let home =
                load_forum(String::new(), String::new(), String::new(), String::new()).await?;
            let draft = load_draft(0).await?;
            Ok::<_, crate::error::PageError>((home, draft))
        },
    );
    view! {
        <Title text=i.tr("forum.new_thread")/>
        <h1>{i.tr("forum.new_thread")}</h1>
        <p class="lead">{i.tr("compose.lead")}</p>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok((home, draft)) => {
                        let asked = query.with_untracked(|q| q.get("category").unwrap_or_default());
                        let mut init = match &draft {
                            Some(d) => ComposerInit::from_draft(d),
                            None => ComposerInit::default(),
                        };
                        if !asked.is_empty() || init.category.is_empty() {
                            init.category = asked;
                        }
                        let slot = DraftSlot {
                            thread_id: 0,
                            saved_at: draft.as_ref().map_or(0, |d| d.updated_at),
                            flagged: draft.as_ref().is_some_and(|d| d.flagged),
                        };
                        view! {
                            <Composer action="/new-topic".to_string() opening=true categories=home.categories init draft=slot/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
