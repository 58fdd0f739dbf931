//! `/search`: full-text search of published posts for verified members. A plain GET
//! form, so it works without JavaScript; results show the thread title, category,
//! author, date and a snippet with the matching words marked (`<mark>` around text
//! nodes — no HTML from a post is ever inserted).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::{encode_query_value, LoadError, Marked, Pager, SearchForm, When};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::search_posts;
use domain::models::{SearchHit, SearchResults};

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let args = move || {
        query.with(|m| {
            (
                m.get("q").unwrap_or_default(),
                m.get("page").unwrap_or_default(),
                m.get("order").unwrap_or_default(),
                m.get("thread").unwrap_or_default(),
            )
        })
    };
    let data = Resource::new(args, |(q, page, order, thread)| {
        search_posts(q, page, order, thread)
    });
    view! {
        <Title text=i.tr("search.title")/>
        <h1>{i.tr("search.title")}</h1>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                let (q, _, order, thread) = args();
                let thread = thread.trim().parse::<i64>().ok();
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(r) => view! { <Results q order thread r/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Results(q: String, order: String, thread: Option<i64>, r: SearchResults) -> impl IntoView {
    let i = use_i18n();
    // A rejected query keeps its thread scope (the results carry none then).
    let thread_id = r.thread.as_ref().map(|t| t.0).or(thread);
    let shown_order = if r.error.is_some() {
        order.clone()
    } else {
        r.order.clone()
    };
    let mut base = format!("/search?q={}", encode_query_value(&q));
    if !order.is_empty() {
        base.push_str(&format!("&order={}", encode_query_value(&order)));
    }
    if let Some(t) = thread_id {
        base.push_str(&format!("&thread={t}"));
    }
    // An empty box is the page's starting state, not a mistake.
    let error = r.error.clone().filter(|_| !q.trim().is_empty());
    let searched = !q.trim().is_empty() && r.error.is_none();
    view! {
        {r.thread.clone().map(|(id, title)| view! {
            <p class="search-scope">
                {i.trf("search.in_thread_of", &[("title", &title)])}" · "
                <a href=format!("/t/{id}")>"↩"</a>" "
                <a href=format!("/search?q={}", encode_query_value(&q))>{i.tr("search.whole_forum")}</a>
            </p>
        })}
        <SearchForm q=q.clone() thread=thread_id order=Some(shown_order) class="search-form page"/>
        {error.map(|key| view! { <p class="error" role="alert">{i.tr(&key)}</p> })}
        <details class="search-help">
            <summary>{i.tr("search.help_summary")}</summary>
            <ul>
                <li>{i.tr("search.help.words")}</li>
                <li>{i.tr("search.help.phrase")}</li>
                <li>{i.tr("search.help.or")}</li>
                <li><code>{i.tr("search.help.filters")}</code></li>
            </ul>
        </details>
        {searched.then(|| {
            let count = if r.total == 1 {
                i.tr("search.result_one")
            } else {
                i.trf("search.results", &[("n", &r.total.to_string())])
            };
            view! {
                <p class="search-count" role="status">{count}</p>
                {if r.hits.is_empty() {
                    view! { <p class="empty">{i.tr("search.none")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="search-results">
                            {r.hits.iter().cloned().map(|h| view! { <Hit h/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <Pager base=base.clone() page=r.page pages=r.pages/>
            }
        })}
    }
}

#[component]
fn Hit(h: SearchHit) -> impl IntoView {
    let i = use_i18n();
    let lang = use_page().lang;
    let category = match lang {
        crate::i18n::Lang::Ja => h.category_ja.clone(),
        crate::i18n::Lang::En => h.category_en.clone(),
    };
    let href = format!("/t/{}?page={}#post-{}", h.thread_id, h.page, h.post_id);
    view! {
        <li class="search-hit" id=format!("hit-{}", h.post_id)>
            <a class="hit-title" href=href><Marked pieces=h.title.clone()/></a>
            <div class="meta">
                <a href=format!("/c/{}", h.category_slug)>{category}</a>
                " · "{crate::components::author_label(i, &h.author)}
                " · "<When at=h.created_at/>
                {(h.number > 1).then(|| view! { " · "{i.trf("search.post_number", &[("n", &h.number.to_string())])} })}
                {h.answer.then(|| view! { " " <span class="badge ok">"✓ "{i.tr("answer.badge")}</span> })}
                {(h.solved && !h.answer).then(|| view! { " " <span class="badge ok">"✓ "{i.tr("answer.solved")}</span> })}
            </div>
            <p class="snippet"><Marked pieces=h.snippet.clone()/></p>
        </li>
    }
}
