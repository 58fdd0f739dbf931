//! The composer for threads, replies and edits. It is a plain form, so it works
//! without JavaScript (the server scans on submit and shows what it found). Once the
//! page is hydrated it also checks the text as the author types, with the same
//! detector compiled to wasm — nothing leaves the browser for this — highlights each
//! finding with its kind and offers one-click replacement, formatting buttons, and a
//! preview that follows the text. "Preview" works without JavaScript too: the server
//! answers with the same page and the body as readers will see it. New threads and
//! replies keep a draft on the server for their author (`DraftBar`).

use leptos::prelude::*;

use super::draft::{DraftBar, DraftFields, DraftSlot};
use super::fields::{echoed, echoed_preview};
use super::live_check::{FieldFinding, LiveCheck};
use super::preview::{PreviewButton, PreviewPanel};
use super::suggest::{SuggestList, SuggestState};
use super::toolbar::Toolbar;
use super::{CsrfField, Field, FormError};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use domain::models::Category;
use phi::{Detector, SiteLists};

/// What the composer starts with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComposerInit {
    /// Title (opening posts).
    pub title: String,
    /// Tags, space separated (opening posts).
    pub tags: String,
    /// Body markdown.
    pub body: String,
    /// Category slug (new threads).
    pub category: String,
    /// Started as a question (new threads).
    pub question: bool,
}

impl ComposerInit {
    /// The composer as its author left it in a kept draft.
    pub fn from_draft(d: &domain::models::SavedDraft) -> Self {
        ComposerInit {
            title: d.title.clone(),
            tags: d.tags.clone(),
            body: d.body.clone(),
            category: d.category.clone(),
            question: d.question,
        }
    }
}

/// The composer form.
#[component]
pub fn Composer(
    /// Where the form posts.
    action: String,
    /// Hidden fields the form also posts (`action=edit`, `decision=redact`).
    #[prop(optional)]
    hidden: Vec<(&'static str, String)>,
    /// Whether to offer "send for review" (authors; not a moderator's redaction).
    #[prop(default = true)]
    review: bool,
    /// Whether title and tags are edited (opening posts).
    opening: bool,
    /// Categories to choose from (new threads only).
    #[prop(optional)]
    categories: Option<Vec<Category>>,
    /// Initial values (the echo of a rejected post wins).
    #[prop(optional)]
    init: ComposerInit,
    /// Label of the main button.
    #[prop(default = "compose.post")]
    submit: &'static str,
    /// Offer "publish anyway: I checked every finding" (a moderator's redaction, which
    /// the gate screens again).
    #[prop(default = false)]
    confirm: bool,
    /// The author's draft slot (new threads and replies): offers "Save draft" and
    /// saves as they type.
    #[prop(optional)]
    draft: Option<DraftSlot>,
    /// A new conversation: the "To" field, starting with these display names (a
    /// conversation has no tags).
    #[prop(optional)]
    to: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let lang = use_page().lang;
    let (echo_body, body_err) = echoed("compose", "body");
    let (echo_cat, cat_err) = echoed("compose", "category");
    let initial_body = echo_body.unwrap_or(init.body.clone());
    // Title and tags are screened too (the server does): their text follows the inputs.
    let title = RwSignal::new(echoed("compose", "title").0.unwrap_or(init.title.clone()));
    let tags = RwSignal::new(echoed("compose", "tags").0.unwrap_or(init.tags.clone()));
    let body = RwSignal::new(initial_body.clone());
    let category = echo_cat.unwrap_or(init.category.clone());
    let category_now = RwSignal::new(category.clone());
    let (cat_bad, body_bad) = (cat_err.is_some(), body_err.is_some());
    // The live check renders only in the browser, after hydration, so the server's
    // HTML and the hydrated page always agree.
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    // The site's lists arrive after hydration through a task, not a resource: a
    // resource read here would suspend the page's Suspense and flash "Loading…".
    let lists = RwSignal::new(None::<SiteLists>);
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(l) = crate::server_fns::composer_lists().await {
                lists.set(Some(l));
            }
        });
    });
    let findings = Memo::new(move |_| {
        if !mounted.get() {
            return Vec::new();
        }
        // Building a detector only folds the site's few terms; the dictionaries are shared.
        // The lists carry the members' display names: a colleague named is not held.
        let detector = Detector::new(lists.get().unwrap_or_default());
        body.with(|b| domain::screening::scan_body(&detector, b))
    });
    let others = Memo::new(move |_| {
        if !mounted.get() || !opening {
            return Vec::new();
        }
        let detector = Detector::new(lists.get().unwrap_or_default());
        let mut out = Vec::new();
        for (label, text) in [("compose.title", title.get()), ("compose.tags", tags.get())] {
            for finding in detector.scan(&text).findings {
                out.push(FieldFinding {
                    label,
                    text: text.clone(),
                    finding,
                });
            }
        }
        out
    });
    // The preview: the server's answer to a preview post (without JavaScript), or
    // `preview_post`'s (with it). `Err` holds a message key.
    let preview = RwSignal::new(echoed_preview("compose").map(Ok::<String, String>));
    let area = NodeRef::<leptos::html::Textarea>::new();
    // A new thread can be a question (kept through a refusal or a preview).
    let new_thread = categories.is_some();
    let question = match echoed("compose", "question").0 {
        Some(v) => v == "1",
        None => init.question,
    };
    let question_now = RwSignal::new(question);
    let sent = RwSignal::new(false);
    let fields = DraftFields {
        category: category_now,
        title,
        tags,
        body,
        question: question_now,
        sent,
    };
    let suggest = SuggestState::new();
    let lang_code = lang.code();
    let body_id = "compose-body";
    let err_id = "compose-body-error";
    view! {
        <form method="post" action=action class="composer" on:submit=move |_| sent.set(true)>
            <CsrfField/>
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
            <FormError form="compose"/>
            {categories.map(|cats| view! {
                <div class="field" class:has-error=cat_bad>
                    <label for="compose-category">{i.tr("compose.category")}<span class="req" aria-hidden="true">" *"</span></label>
                    <select id="compose-category" name="category" required=true
                        aria-invalid=cat_bad.then_some("true")
                        on:change=move |ev| category_now.set(event_target_value(&ev))>
                        <option value="">{i.tr("field.choose")}</option>
                        {cats.into_iter().map(|c| {
                            let selected = c.slug == category;
                            view! { <option value=c.slug.clone() selected=selected>{c.name(lang).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    {cat_err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
                </div>
            })}
            {to.clone().map(|to| view! {
                <Field form="compose" name="to" label="messages.to" hint="messages.to_hint" required=true initial=to/>
            })}
            {opening.then(|| view! {
                <Field form="compose" name="title" label="compose.title" required=true maxlength=domain::fields::Title::MAX initial=init.title.clone() on_input=title/>
            })}
            {(opening && to.is_none()).then(|| view! {
                <Field form="compose" name="tags" label="compose.tags" hint="compose.tags_hint" initial=init.tags.clone() on_input=tags/>
            })}
            {new_thread.then(|| view! {
                <div class="field checkbox">
                    <input type="checkbox" id="compose-question" name="question" value="1" checked=question
                        on:change=move |ev| question_now.set(event_target_checked(&ev))/>
                    <label for="compose-question">{i.tr("compose.question")}</label>
                </div>
            })}
            <div class="field" class:has-error=body_bad>
                <label for=body_id>{i.tr("compose.body")}</label>
                <p class="hint" id="compose-body-hint">{i.tr("compose.body_hint")}</p>
                {move || mounted.get().then(|| view! { <Toolbar i body area/> })}
                <textarea id=body_id node_ref=area name="body" rows="12" required=true
                    aria-describedby=if body_bad { format!("compose-body-hint {err_id}") } else { "compose-body-hint".to_string() }
                    aria-invalid=body_bad.then_some("true")
                    // The suggestion list exists once the page is hydrated.
                    aria-autocomplete=move || mounted.get().then_some("list")
                    aria-controls=move || mounted.get().then_some("compose-suggest")
                    aria-activedescendant=move || suggest.active_id()
                    prop:value=move || body.get()
                    on:input=move |ev| { body.set(event_target_value(&ev)); suggest.update(area, lang_code) }
                    on:keydown=move |ev| suggest.keydown(&ev, area, body)
                    on:click=move |_| suggest.update(area, lang_code)
                >{super::raw_text_safe(&initial_body)}</textarea>
                {move || mounted.get().then(|| view! { <SuggestList i state=suggest area body/> })}
                {body_err.map(|e| view! { <p class="field-error" id=err_id>{i.err(&e)}</p> })}
            </div>
            <PreviewPanel i body preview mounted/>
            {move || mounted.get().then(|| view! { <LiveCheck i body findings others/> })}
            {confirm.then(|| view! {
                <div class="field checkbox">
                    <input type="checkbox" id="compose-confirm" name="confirm_findings" value="1"/>
                    <label for="compose-confirm">{i.tr("held.confirm_findings")}</label>
                </div>
            })}
            <div class="actions">
                <button type="submit" class="button">{i.tr(submit)}</button>
                <PreviewButton i body preview mounted/>
                {review.then(|| view! {
                    <button type="submit" name="review" value="1" class="button secondary">{i.tr("compose.send_for_review")}</button>
                })}
                {draft.map(|kept| view! { <DraftBar i kept fields mounted/> })}
            </div>
            {review.then(|| view! { <p class="hint">{i.tr("compose.review_hint")}</p> })}
        </form>
    }
}
