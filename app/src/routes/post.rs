//! A post's own page for its author: what the detector found in a held version
//! (highlighted, with suggested replacements), sending it for review, editing,
//! deleting, and the revision history. And the page to report someone's post.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::{
    fields::echoed, Composer, ComposerInit, CsrfField, FormError, Highlighted, LoadError,
};
use crate::i18n::use_i18n;
use crate::server_fns::load_post;
use domain::models::{apply_replacements, PostDetail, PostState, RevisionView};

fn id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0))
}

/// `/p/:id`
#[component]
pub fn PostPage() -> impl IntoView {
    let i = use_i18n();
    let id = id_param();
    let data = Resource::new(id, load_post);
    view! {
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(d) => view! { <PostBody d/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PostBody(d: PostDetail) -> impl IntoView {
    let i = use_i18n();
    let pid = d.post_id;
    let latest = d.revisions.first().cloned();
    let held = latest
        .as_ref()
        .filter(|r| r.state == domain::vocab::RevisionState::Held && d.own)
        .cloned();
    let editable = d.own && !matches!(d.state, PostState::Deleted | PostState::Removed);
    let init = latest
        .as_ref()
        .map(|r| ComposerInit {
            title: r.title.clone().unwrap_or_default(),
            tags: r.tags.clone().unwrap_or_default(),
            body: r.body_md.clone(),
            category: String::new(),
            question: false,
        })
        .unwrap_or_default();
    let heading = if d.thread_title.is_empty() {
        i.tr("post.title")
    } else {
        d.thread_title.clone()
    };
    view! {
        <Title text=heading.clone()/>
        <p class="meta"><a href=format!("/t/{}#post-{pid}", d.thread_id)>{i.tr("post.back_to_thread")}</a></p>
        <h1>{heading}</h1>
        {held.map(|r| view! { <HeldPanel r pid opening=d.opening/> })}
        {(d.state == PostState::Rejected).then(|| view! { <p class="notice held">{i.tr("post.rejected_note")}</p> })}
        {editable.then(|| view! {
            <section class="card">
                <h2>{i.tr("post.edit")}</h2>
                <Composer action=format!("/p/{pid}") hidden=vec![("action", "edit".to_string())] opening=d.opening init submit="compose.save"/>
            </section>
            <form method="post" action=format!("/p/{pid}") class="inline delete">
                <CsrfField/>
                <input type="hidden" name="action" value="delete"/>
                <button type="submit" class="button danger small">{i.tr("post.delete")}</button>
            </form>
        })}
        <section class="history">
            <h2>{i.tr("post.history")}</h2>
            <ol class="revisions">
                {d.revisions.into_iter().map(|r| view! { <RevisionRow r/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn HeldPanel(r: RevisionView, pid: i64, opening: bool) -> impl IntoView {
    let i = use_i18n();
    let redacted_body = apply_replacements(&r.body_md, &r.findings.body);
    let redacted_title = r
        .title
        .as_deref()
        .map(|t| apply_replacements(t, &r.findings.title))
        .unwrap_or_default();
    let tags = r.tags.clone().unwrap_or_default();
    let redacted_tags = apply_replacements(&tags, &r.findings.tags);
    let n = r.findings.all().count();
    view! {
        <section class="held-panel card" aria-labelledby="held-heading">
            <h2 id="held-heading">{i.tr("held.title")}</h2>
            <p>{i.trf("held.explain", &[("n", &n.to_string())])}</p>
            <p class="meta" role="status">{if r.review_requested { i.tr("held.waiting_review") } else { i.tr("held.waiting_author") }}</p>
            {r.title.clone().map(|t| view! {
                <h3>{i.tr("compose.title")}</h3>
                <Highlighted text=t findings=r.findings.title.clone()/>
            })}
            {(!r.findings.tags.is_empty()).then(|| view! {
                <h3>{i.tr("compose.tags")}</h3>
                <Highlighted text=tags.clone() findings=r.findings.tags.clone()/>
            })}
            <h3>{i.tr("compose.body")}</h3>
            <Highlighted text=r.body_md.clone() findings=r.findings.body.clone()/>
            <div class="actions">
                <form method="post" action=format!("/p/{pid}") class="inline">
                    <CsrfField/>
                    <input type="hidden" name="action" value="edit"/>
                    {opening.then(|| view! {
                        <input type="hidden" name="title" value=redacted_title.clone()/>
                        <input type="hidden" name="tags" value=redacted_tags.clone()/>
                    })}
                    <input type="hidden" name="body" value=redacted_body.clone()/>
                    <button type="submit" class="button">{i.tr("held.apply_all")}</button>
                </form>
                {(!r.review_requested).then(|| view! {
                    <form method="post" action=format!("/p/{pid}") class="inline">
                        <CsrfField/>
                        <input type="hidden" name="action" value="review"/>
                        <button type="submit" class="button secondary">{i.tr("compose.send_for_review")}</button>
                    </form>
                })}
            </div>
        </section>
    }
}

#[component]
fn RevisionRow(r: RevisionView) -> impl IntoView {
    let i = use_i18n();
    view! {
        <li class="revision">
            <p class="meta">
                <span class="badge">{i.tr(&format!("rev.{}", r.state))}</span>" "
                {r.editor.clone()}" · "{i.time(r.created_at)}
            </p>
            {(!r.reason.is_empty()).then(|| view! { <p><strong>{i.tr("held.reason")}</strong>" "{r.reason.clone()}</p> })}
            {if r.purged {
                view! { <p class="placeholder">{i.tr("rev.purged")}</p> }.into_any()
            } else {
                view! {
                    {r.purge_after.map(|t| view! { <p class="meta">{i.trf("rev.purge_after", &[("when", &i.time(t))])}</p> })}
                    <details>
                        <summary>{i.tr("rev.show_text")}</summary>
                        {r.title.clone().map(|t| view! { <p><strong>{t}</strong></p> })}
                        <pre class="source">{r.body_md.clone()}</pre>
                    </details>
                }.into_any()
            }}
        </li>
    }
}

/// `/p/:id/report`
#[component]
pub fn ReportPage() -> impl IntoView {
    let i = use_i18n();
    let id = id_param();
    let (reason, reason_err) = echoed("report", "reason");
    let (note, note_err) = echoed("report", "note");
    let reason = reason.unwrap_or_default();
    let (reason_bad, note_bad) = (reason_err.is_some(), note_err.is_some());
    view! {
        <Title text=i.tr("report.title")/>
        <h1>{i.tr("report.title")}</h1>
        <p class="lead">{i.tr("report.lead")}</p>
        <form method="post" action=move || format!("/p/{}/report", id()) class="card">
            <CsrfField/>
            <FormError form="report"/>
            <fieldset class="field" class:has-error=reason_bad>
                <legend>{i.tr("report.reason")}</legend>
                {["patient_data", "misinformation", "unprofessional", "other"].into_iter().map(|r| view! {
                    <label class="choice">
                        <input type="radio" name="reason" value=r checked=reason == r required=true/>
                        " "{i.tr(&format!("report.reason.{r}"))}
                    </label>
                }).collect_view()}
                {reason_err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
            </fieldset>
            <div class="field" class:has-error=note_bad>
                <label for="report-note">{i.tr("report.note")}</label>
                <textarea id="report-note" name="note" rows="4">{crate::components::raw_text_safe(&note.unwrap_or_default())}</textarea>
                {note_err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
            </div>
            <button type="submit" class="button">{i.tr("report.send")}</button>
        </form>
    }
}
