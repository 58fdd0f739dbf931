//! Labelled form fields. Each reads the echo of a rejected post from the page
//! context, so the field comes back with what the user typed and its own message,
//! tied to the input with `aria-describedby`.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use domain::models::PROFESSIONS;

/// The echoed value and error of `field` in `form`, if this page answers that form.
pub fn echoed(form: &str, field: &str) -> (Option<String>, Option<String>) {
    if !crate::components::on_rendered_page() {
        return (None, None);
    }
    match use_page().echo {
        Some(e) if e.form == form => (e.values.get(field).cloned(), e.error(field)),
        _ => (None, None),
    }
}

/// The preview the server rendered for `form`, if this page answers its "Preview".
pub fn echoed_preview(form: &str) -> Option<String> {
    if !crate::components::on_rendered_page() {
        return None;
    }
    use_page()
        .echo
        .filter(|e| e.form == form)
        .and_then(|e| e.preview)
}

/// The hidden anti-CSRF field every form carries.
#[component]
pub fn CsrfField() -> impl IntoView {
    view! { <input type="hidden" name="_csrf" value=use_page().csrf/> }
}

/// The form-level error of a rejected post (`_form`).
#[component]
pub fn FormError(form: &'static str) -> impl IntoView {
    let i = use_i18n();
    let (_, err) = echoed(form, "_form");
    err.map(
        |e| view! { <p class="form-error" role="alert" id=format!("{form}-error")>{i.err(&e)}</p> },
    )
}

/// A labelled single-line input.
#[component]
pub fn Field(
    /// The form this field belongs to (matches the echo).
    form: &'static str,
    /// The field name posted.
    name: &'static str,
    /// Translation key of the label.
    label: &'static str,
    /// Input type (text, email, password…).
    #[prop(default = "text")]
    kind: &'static str,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// Autocomplete hint for browsers and password managers.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Translation key of a hint shown under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Value to show when the page does not answer a rejected post.
    #[prop(optional, into)]
    initial: Option<String>,
    /// Largest number of characters accepted.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Follows what is typed (the composer screens the title and tags live).
    #[prop(optional)]
    on_input: Option<RwSignal<String>>,
) -> impl IntoView {
    let i = use_i18n();
    let (value, err) = echoed(form, name);
    let has_err = err.is_some();
    let value = if kind == "password" {
        String::new()
    } else {
        value.or(initial).unwrap_or_default()
    };
    let id = format!("{form}-{name}");
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match (&err, hint) {
        (Some(_), Some(_)) => format!("{err_id} {hint_id}"),
        (Some(_), None) => err_id.clone(),
        (None, Some(_)) => hint_id.clone(),
        (None, None) => String::new(),
    };
    view! {
        <div class="field" class:has-error=has_err>
            <label for=id.clone()>{i.tr(label)}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                maxlength=maxlength
                aria-invalid=has_err.then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)
                on:input=move |ev| {
                    if let Some(typed) = on_input {
                        typed.set(event_target_value(&ev));
                    }
                }
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{i.tr(h)}</p> })}
            {err.map(|e| view! { <p class="field-error" id=err_id>{i.err(&e)}</p> })}
        </div>
    }
}

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    /// The form this field belongs to.
    form: &'static str,
    /// The field name posted.
    name: String,
    /// Translation key of the label.
    label: &'static str,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// Unique id suffix when the same form appears several times on a page.
    #[prop(optional, into)]
    id_suffix: String,
) -> impl IntoView {
    let i = use_i18n();
    let (value, err) = echoed(form, &name);
    let has_err = err.is_some();
    let id = format!("{form}-{name}{id_suffix}");
    let err_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=has_err>
            <label for=id.clone()>{i.tr(label)}</label>
            <textarea
                id=id
                name=name
                rows="3"
                required=required
                aria-invalid=has_err.then_some("true")
                aria-describedby=has_err.then(|| err_id.clone())
            >{super::raw_text_safe(&value.unwrap_or_default())}</textarea>
            {err.map(|e| view! { <p class="field-error" id=err_id>{i.err(&e)}</p> })}
        </div>
    }
}

/// The profession select of registration and resubmission.
#[component]
pub fn ProfessionSelect(
    /// The form this field belongs to.
    form: &'static str,
    /// Value when the page does not answer a rejected post.
    #[prop(optional, into)]
    initial: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let (value, err) = echoed(form, "profession");
    let has_err = err.is_some();
    let value = value.or(initial).unwrap_or_default();
    let id = format!("{form}-profession");
    let err_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=has_err>
            <label for=id.clone()>{i.tr("field.profession")}<span class="req" aria-hidden="true">" *"</span></label>
            <select id=id name="profession" required=true
                aria-invalid=has_err.then_some("true")
                aria-describedby=has_err.then(|| err_id.clone())>
                <option value="" selected=value.is_empty()>{i.tr("field.choose")}</option>
                {PROFESSIONS.iter().map(|p| {
                    let selected = value == *p;
                    view! { <option value=*p selected=selected>{i.tr(&format!("profession.{p}"))}</option> }
                }).collect_view()}
            </select>
            {err.map(|e| view! { <p class="field-error" id=err_id>{i.err(&e)}</p> })}
        </div>
    }
}
