//! The composer's preview: the body rendered by the readers' own pipeline (markdown,
//! then the sanitizer, on the server), so what the author sees is what readers will.
//! Without JavaScript "Preview" posts the form and the server answers with the page
//! and the preview; with it, the button asks `preview_post` and the open preview
//! follows the text as the author types (after a pause, the latest answer winning).

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::I18n;

/// What the preview shows: sanitized HTML, or the body's message key.
pub type Shown = RwSignal<Option<Result<String, String>>>;

/// How long typing must pause before the open preview is brought up to date.
const PAUSE: Duration = Duration::from_millis(400);

/// Asks the server to render `text`; an answer to an older question is dropped.
fn ask(shown: Shown, asked: StoredValue<u64>, text: String) {
    let n = asked.get_value() + 1;
    asked.set_value(n);
    leptos::task::spawn_local(async move {
        let out = crate::server_fns::preview_post(text).await;
        if asked.get_value() != n {
            return;
        }
        shown.set(Some(match out {
            Ok(p) => p
                .html
                .ok_or_else(|| p.error.unwrap_or_else(|| "err.invalid".into())),
            Err(e) => Err(e.key),
        }));
    });
}

/// "Preview": a submit button (the server renders the preview without JavaScript);
/// once hydrated, it asks for the preview in place.
#[component]
pub fn PreviewButton(
    i: I18n,
    body: RwSignal<String>,
    preview: Shown,
    mounted: RwSignal<bool>,
) -> impl IntoView {
    let asked = StoredValue::new(0u64);
    view! {
        <button type="submit" name="preview" value="1" formnovalidate=true
            class="button secondary preview-button" aria-controls="compose-preview"
            on:click=move |ev| {
                if mounted.get_untracked() {
                    ev.prevent_default();
                    ask(preview, asked, body.get_untracked());
                }
            }>
            {i.tr("compose.preview")}
        </button>
    }
}

/// The preview under the text box, when there is one; with JavaScript it follows the
/// text and can be closed.
#[component]
pub fn PreviewPanel(
    i: I18n,
    body: RwSignal<String>,
    preview: Shown,
    mounted: RwSignal<bool>,
) -> impl IntoView {
    let asked = StoredValue::new(0u64);
    let typed = StoredValue::new(0u64);
    // Typing while the preview is open brings it up to date after a pause.
    Effect::new(move |first: Option<()>| {
        body.track();
        if first.is_none() || preview.with_untracked(|p| p.is_none()) {
            return;
        }
        let n = typed.get_value() + 1;
        typed.set_value(n);
        set_timeout(
            move || {
                if typed.get_value() == n && preview.with_untracked(|p| p.is_some()) {
                    ask(preview, asked, body.get_untracked());
                }
            },
            PAUSE,
        );
    });
    view! {
        <div id="compose-preview" aria-live="polite">
            {move || preview.get().map(|shown| view! {
                <section class="md-preview card" aria-labelledby="compose-preview-title">
                    <h3 id="compose-preview-title">{i.tr("compose.preview_heading")}</h3>
                    {match shown {
                        Ok(html) => view! { <div class="post-body" inner_html=html></div> }.into_any(),
                        Err(key) => view! { <p class="field-error">{i.err(&key)}</p> }.into_any(),
                    }}
                    <p class="hint">{i.tr("compose.preview_note")}</p>
                    {move || mounted.get().then(|| view! {
                        <button type="button" class="button small secondary"
                            on:click=move |_| preview.set(None)>{i.tr("compose.preview_hide")}</button>
                    })}
                </section>
            })}
        </div>
    }
}
