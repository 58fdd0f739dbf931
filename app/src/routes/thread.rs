//! `/t/:id`: a thread with its posts in order, the reply composer, per-post actions
//! (quote, edit, report, helpful, choosing the answer of a question), the member's
//! level for the thread and the tracker that records what they read, and the
//! moderators' controls (pin, lock, hide, retitle).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{
    AnswerBox, AnswerMark, Composer, ComposerInit, CsrfField, DraftSlot, Field, FormError,
    HelpfulBar, LevelForm, LoadError, Pager, ReadTracker, SearchForm, When,
};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::load_thread;
use domain::models::{AnswerView, PostState, PostView, ThreadView};

/// The thread page.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0)),
                query.with(|q| q.get("page").unwrap_or_default()),
                query.with(|q| q.get("quote").unwrap_or_default()),
            )
        },
        |(id, page, quote)| load_thread(id, page, quote),
    );
    view! {
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(t) => view! { <ThreadBody t/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ThreadBody(t: ThreadView) -> impl IntoView {
    let i = use_i18n();
    let page = use_page();
    let lang = page.lang;
    let moderator = page.viewer.as_ref().is_some_and(|v| v.can_moderate());
    let id = t.id;
    let can_reply = t.can_reply;
    let quote = t.quote.clone();
    // A conversation: read by its participants only, so no marks, bookmarks,
    // levels or moderator tools (moderators read a message through a report).
    let private = t.category.is_none();
    // Marks go on posts every member reads: a published thread, not hidden.
    let markable = t.published && !t.hidden && !private;
    let moderator = moderator && !private;
    let qa = Qa {
        question: t.question,
        answer_id: t.answer.as_ref().map(|a| a.post_id),
        chooser: t.can_choose_answer,
    };
    let mut answer = t.answer.clone();
    // What the reading tracker may mark read: the page's published posts.
    let seen: Vec<(i64, i64)> = t
        .posts
        .iter()
        .filter(|p| p.state == PostState::Published)
        .map(|p| (p.number, p.id))
        .collect();
    let reading = t.reading;
    // The reply composer starts with a quote asked for, else the member's kept draft.
    let slot = DraftSlot {
        thread_id: id,
        saved_at: t.draft.as_ref().map_or(0, |d| d.updated_at),
        flagged: t.draft.as_ref().is_some_and(|d| d.flagged),
    };
    let reply_init = ComposerInit {
        body: if quote.is_empty() {
            t.draft.as_ref().map(|d| d.body.clone()).unwrap_or_default()
        } else {
            quote
        },
        ..Default::default()
    };
    let (question, solved) = (t.question, t.answer.is_some());
    let flag_form = move |flag: &'static str, on: bool, label: &'static str| {
        view! {
            <form method="post" action=format!("/mod/thread/{id}") class="inline">
                <CsrfField/>
                <input type="hidden" name="flag" value=flag/>
                <input type="hidden" name="on" value=if on { "1" } else { "0" }/>
                <button type="submit" class="button small secondary">{i.tr(label)}</button>
            </form>
        }
    };
    view! {
        <Title text=t.title.clone()/>
        <article class="thread">
            <header class="thread-head">
                {match &t.category {
                    Some(c) => view! {
                        <p class="meta">
                            <a href=format!("/c/{}", c.slug)>{c.name(lang).to_string()}</a>
                            {t.tags.iter().map(|tag| view! { " " <span class="tag">"#"{tag.clone()}</span> }).collect_view()}
                        </p>
                    }.into_any(),
                    None => view! {
                        <p class="meta">
                            <a href="/messages">{i.tr("messages.title")}</a>" · "
                            <span class="participants">{i.trf("messages.with", &[("names", &t.participants.join(", "))])}</span>
                        </p>
                        <p class="notice">{i.tr("messages.private_note")}</p>
                        {(t.published && can_reply).then(|| view! { <AddParticipant id/> })}
                    }.into_any(),
                }}
                <h1>{t.title.clone()}</h1>
                {t.pinned.then(|| view! { <span class="badge">{i.tr("thread.pinned")}</span> })}
                {t.locked.then(|| view! { <span class="badge">{i.tr("thread.locked")}</span> })}
                {question.then(|| view! {
                    <span class="badge">{i.tr("answer.question")}</span>
                    {if solved {
                        view! { <span class="badge ok">"✓ "{i.tr("answer.solved")}</span> }.into_any()
                    } else {
                        view! { <span class="badge">{i.tr("answer.unsolved")}</span> }.into_any()
                    }}
                })}
                {t.hidden.then(|| view! { <span class="badge warn">{i.tr("thread.hidden")}</span> })}
                {(!t.published).then(|| view! { <p class="notice held">{i.tr("thread.unpublished")}</p> })}
                {(moderator && t.published).then(|| view! {
                    <div class="mod-tools">
                        {flag_form("pinned", !t.pinned, if t.pinned { "thread.unpin" } else { "thread.pin" })}
                        {flag_form("locked", !t.locked, if t.locked { "thread.unlock" } else { "thread.lock" })}
                        {flag_form("hidden", !t.hidden, if t.hidden { "thread.unhide" } else { "thread.hide" })}
                    </div>
                    <RetitleForm id title=if t.title_removed() { String::new() } else { t.title.clone() }
                        removed=t.title_removed()/>
                })}
                // Searching a thread only makes sense once members can see it.
                {t.searchable.then(|| view! {
                    <SearchForm thread=Some(id) class="search-form thread-search"/>
                })}
                {(t.published && !private).then(|| view! {
                    <LevelForm action=format!("/t/{id}/level") label="level.thread_label" level=reading.level/>
                })}
            </header>
            <ol class="posts">
                {t.posts.into_iter().map(|p| {
                    // The answer shows under the question (the opening post).
                    let answer_box = if p.number == 1 { answer.take() } else { None };
                    view! { <PostItem p thread_id=id moderator markable private qa answer_box/> }
                }).collect_view()}
            </ol>
            <Pager base=format!("/t/{id}") page=t.page pages=t.pages/>
            <ReadTracker thread_id=id posts=seen last_read=reading.last_read/>
        </article>
        {if can_reply {
            view! {
                <section id="reply" class="reply card">
                    <h2>{i.tr("thread.reply")}</h2>
                    <Composer action=format!("/t/{id}/reply") opening=false
                        init=reply_init submit="compose.reply" draft=slot/>
                </section>
            }.into_any()
        } else if t.locked {
            view! { <p class="notice">{i.tr("thread.locked_note")}</p> }.into_any()
        } else {
            ().into_any()
        }}
    }
}

/// A participant's form to add a member to the conversation (a plain form).
#[component]
fn AddParticipant(id: i64) -> impl IntoView {
    let i = use_i18n();
    view! {
        <form method="post" action=format!("/t/{id}/participants") class="add-participant">
            <CsrfField/>
            <FormError form="participants"/>
            <Field form="participants" name="name" label="messages.add_label" hint="messages.add_hint"
                required=true maxlength=domain::fields::DisplayName::MAX + 1/>
            <button type="submit" class="button small secondary">{i.tr("messages.add")}</button>
        </form>
    }
}

/// A moderator's form to give the thread a new title (the way back for a thread
/// whose title went with its removed opening post).
#[component]
fn RetitleForm(id: i64, title: String, removed: bool) -> impl IntoView {
    let i = use_i18n();
    view! {
        <form method="post" action=format!("/mod/thread/{id}/title") class="retitle">
            {removed.then(|| view! { <p class="notice held">{i.tr("thread.removed_title_note")}</p> })}
            <CsrfField/>
            <FormError form="retitle"/>
            <Field form="retitle" name="title" label="thread.new_title" required=true
                maxlength=domain::fields::Title::MAX initial=title/>
            <button type="submit" class="button small secondary">{i.tr("thread.retitle")}</button>
        </form>
    }
}

/// What a thread page knows of its question, for each post.
#[derive(Clone, Copy)]
struct Qa {
    question: bool,
    answer_id: Option<i64>,
    chooser: bool,
}

#[component]
fn PostItem(
    p: PostView,
    thread_id: i64,
    moderator: bool,
    markable: bool,
    private: bool,
    qa: Qa,
    answer_box: Option<AnswerView>,
) -> impl IntoView {
    let i = use_i18n();
    let pid = p.id;
    let placeholder = match p.state {
        PostState::Deleted => Some("post.deleted"),
        PostState::Removed => Some("post.removed"),
        PostState::Held => Some("post.held_own"),
        PostState::Rejected => Some("post.rejected_own"),
        PostState::Published => None,
    };
    let published = p.state == PostState::Published;
    view! {
        <li class="post" class:hidden-post=p.hidden id=format!("post-{pid}")>
            <header class="post-head">
                <strong class="author">{if p.author.is_empty() {
                    crate::components::author_label(i, "").into_any()
                } else {
                    view! { <a href=crate::components::person_href(&p.author)>{p.author.clone()}</a> }.into_any()
                }}</strong>
                <When at=p.created_at/>
                {p.edited_at.map(|e| view! { <span class="meta" title=i.time(e)>{i.tr("post.edited")}</span> })}
                {p.hidden.then(|| view! { <span class="badge warn">{i.tr("post.hidden")}</span> })}
            </header>
            {match placeholder {
                Some(key) if p.mine && matches!(p.state, PostState::Held | PostState::Rejected) => view! {
                    <p class="notice held">{i.tr(key)}" "<a href=format!("/p/{pid}")>{i.tr("post.open_own")}</a></p>
                }.into_any(),
                Some(key) => view! { <p class="placeholder">{i.tr(key)}</p> }.into_any(),
                None => view! { <div class="post-body" inner_html=p.html.clone()></div> }.into_any(),
            }}
            {(p.mine && p.edit_held).then(|| view! {
                <p class="notice held">{i.tr("post.edit_held")}" "<a href=format!("/p/{pid}")>{i.tr("post.open_own")}</a></p>
            })}
            {answer_box.map(|answer| view! { <AnswerBox thread_id answer/> })}
            {(published && qa.question && p.number > 1 && (qa.chooser || qa.answer_id == Some(pid))).then(|| view! {
                <AnswerMark thread_id post_id=pid is_answer=qa.answer_id == Some(pid) chooser=qa.chooser && !p.hidden/>
            })}
            {(published && !private).then(|| view! { <HelpfulBar p=p.clone() markable/> })}
            {published.then(|| view! {
                <footer class="post-actions">
                    <a href=format!("/t/{thread_id}?quote={pid}#reply")>{i.tr("post.quote")}</a>
                    {p.mine.then(|| view! { <a href=format!("/p/{pid}")>{i.tr("post.edit")}</a> })}
                    {(!private).then(|| view! { <a href=format!("/p/{pid}/bookmark")>{i.tr("bookmark.action")}</a> })}
                    {(!p.mine).then(|| view! { <a href=format!("/p/{pid}/report")>{i.tr("post.report")}</a> })}
                    {(moderator && !p.mine).then(|| view! {
                        <form method="post" action=format!("/mod/post/{pid}") class="inline">
                            <CsrfField/>
                            <input type="hidden" name="on" value=if p.hidden { "0" } else { "1" }/>
                            <button type="submit" class="link">{i.tr(if p.hidden { "post.unhide" } else { "post.hide" })}</button>
                        </form>
                    })}
                </footer>
            })}
        </li>
    }
}
