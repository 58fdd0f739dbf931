//! Small display pieces of the forum: text with its findings highlighted (as
//! escaped text with `<mark>`, never raw HTML), and page links.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use domain::models::{spans, Span};
use phi::Finding;

/// `text` with each finding marked with its kind and suggested replacement.
#[component]
pub fn Highlighted(text: String, findings: Vec<Finding>) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="held-text">{spans(&text, &findings).into_iter().map(|s| match s {
            Span::Plain(t) => view! { <span>{t}</span> }.into_any(),
            Span::Found { text, kind, replacement, why } => {
                let label = i.tr(&format!("phi.{kind}"));
                let why = if i.is_ja() { why.1 } else { why.0 };
                // The reason rides on the mark and the tag (hover, long-press, screen
                // readers), so the held text itself reads exactly as written.
                view! {
                    <mark data-kind=kind.clone() title=format!("{label} → {replacement}: {why}")>{text}</mark>
                    <span class="kind-tag" title=why aria-label=format!("{label}: {why}")>{label.clone()}</span>
                }.into_any()
            }
        }).collect_view()}</div>
    }
}

/// "Newer" / "older" links of a thread list read by keyset (`base` is `/` or
/// `/c/slug`): plain links, so they work without JavaScript.
#[component]
pub fn ListPager(
    base: String,
    older: Option<domain::models::ListCursor>,
    newer: Option<domain::models::ListCursor>,
) -> impl IntoView {
    let i = use_i18n();
    let sep = if base.contains('?') { '&' } else { '?' };
    (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=i.tr("pager.label")>
                {newer.map(|c| view! { <a rel="prev" href=format!("{base}{sep}newer={c}")>{i.tr("pager.prev")}</a> })}
                {newer.is_some().then(|| view! { <a href=base.clone()>{i.tr("pager.first")}</a> })}
                {older.map(|c| view! { <a rel="next" href=format!("{base}{sep}older={c}")>{i.tr("pager.next")}</a> })}
            </nav>
        }
    })
}

/// Previous / next links for a paged list; `base` is the path with any query
/// (`/t/3` or `/?x=1`), to which `page=N` is added.
#[component]
pub fn Pager(base: String, page: i64, pages: i64) -> impl IntoView {
    let i = use_i18n();
    let sep = if base.contains('?') { '&' } else { '?' };
    let link = move |p: i64| format!("{base}{sep}page={p}");
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=i.tr("pager.label")>
                {(page > 1).then(|| view! { <a rel="prev" href=link(page - 1)>{i.tr("pager.prev")}</a> })}
                <span>{i.trf("pager.of", &[("page", &page.to_string()), ("pages", &pages.to_string())])}</span>
                {(page < pages).then(|| view! { <a rel="next" href=link(page + 1)>{i.tr("pager.next")}</a> })}
            </nav>
        }
    })
}
