//! `/p/:id/bookmark` (keep a post with a note and a reminder, or remove it) and
//! `/bookmarks` (the member's bookmarks, newest first). Plain forms: they work with
//! JavaScript blocked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::fields::echoed;
use crate::components::{CsrfField, FormError, LoadError, When};
use crate::i18n::use_i18n;
use crate::server_fns::{load_bookmark, my_bookmarks};
use domain::fields::{BookmarkNote, REMIND_CHOICES};
use domain::models::{BookmarkEdit, BookmarkView};

/// `/p/:id/bookmark`
#[component]
pub fn BookmarkPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let data = Resource::new(id, load_bookmark);
    view! {
        <Title text=i.tr("bookmark.title")/>
        <h1>{i.tr("bookmark.title")}</h1>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(b) => view! { <BookmarkForm b/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BookmarkForm(b: BookmarkEdit) -> impl IntoView {
    let i = use_i18n();
    let (note, note_err) = echoed("bookmark", "note");
    let (remind, remind_err) = echoed("bookmark", "remind");
    let note = note.unwrap_or_else(|| {
        b.existing
            .as_ref()
            .map(|e| e.note.clone())
            .unwrap_or_default()
    });
    let remind = remind.unwrap_or_default();
    let (note_bad, remind_bad) = (note_err.is_some(), remind_err.is_some());
    let href = domain::links::post_in_thread(b.thread_id, b.number, b.post_id);
    let action = format!("/p/{}/bookmark", b.post_id);
    view! {
        <p class="lead"><a href=href>{i.trf("bookmark.in", &[("title", &b.title), ("n", &b.number.to_string())])}</a></p>
        {b.existing.as_ref().and_then(|e| e.remind_at).map(|at| view! {
            <p class="meta">{i.trf("bookmark.reminds_at", &[("when", &i.time(at))])}</p>
        })}
        <form method="post" action=action.clone() class="card">
            <CsrfField/>
            <input type="hidden" name="action" value="save"/>
            <FormError form="bookmark"/>
            <div class="field" class:has-error=note_bad>
                <label for="bookmark-note">{i.tr("bookmark.note")}</label>
                <p class="hint" id="bookmark-note-hint">{i.tr("bookmark.note_hint")}</p>
                <textarea id="bookmark-note" name="note" rows="3" maxlength=BookmarkNote::MAX
                    aria-describedby="bookmark-note-hint">{crate::components::raw_text_safe(&note)}</textarea>
                {note_err.map(|e| view! { <p class="field-error" role="alert">{i.err(&e)}</p> })}
            </div>
            <div class="field" class:has-error=remind_bad>
                <label for="bookmark-remind">{i.tr("bookmark.remind")}</label>
                <select id="bookmark-remind" name="remind">
                    <option value="">{i.tr("bookmark.remind_never")}</option>
                    {REMIND_CHOICES.iter().map(|(v, _)| view! {
                        <option value=*v selected=remind == *v>{i.tr(&format!("bookmark.remind_{v}"))}</option>
                    }).collect_view()}
                </select>
                {remind_err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
            </div>
            <button type="submit" class="button">{i.tr("bookmark.save")}</button>
        </form>
        {b.existing.is_some().then(|| view! {
            <form method="post" action=action class="inline">
                <CsrfField/>
                <input type="hidden" name="action" value="remove"/>
                <button type="submit" class="button secondary">{i.tr("bookmark.remove")}</button>
            </form>
        })}
    }
}

/// `/bookmarks`
#[component]
pub fn BookmarksPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| my_bookmarks());
    view! {
        <Title text=i.tr("bookmarks.title")/>
        <h1>{i.tr("bookmarks.title")}</h1>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty">{i.tr("bookmarks.empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="bookmarks">{list.into_iter().map(|b| view! { <Item b/> }).collect_view()}</ol>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Item(b: BookmarkView) -> impl IntoView {
    let i = use_i18n();
    let href = domain::links::post_in_thread(b.thread_id, b.number, b.post_id);
    let gone = b.title.is_empty();
    view! {
        <li class="bookmark card" id=format!("bookmark-{}", b.post_id)>
            {if gone {
                view! { <p class="placeholder">{i.tr("bookmarks.gone")}</p> }.into_any()
            } else {
                view! { <a href=href>{i.trf("bookmark.in", &[("title", &b.title), ("n", &b.number.to_string())])}</a> }.into_any()
            }}
            {(!b.note.is_empty()).then(|| view! { <p class="note">{b.note.clone()}</p> })}
            <p class="meta">
                <When at=b.created_at/>
                {b.remind_at.map(|at| view! { " · "{i.trf("bookmark.reminds_at", &[("when", &i.time(at))])} })}
                " · "<a href=format!("/p/{}/bookmark", b.post_id)>{i.tr("bookmark.edit")}</a>
            </p>
        </li>
    }
}
