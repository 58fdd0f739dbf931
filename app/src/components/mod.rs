//! Components shared by pages: the header with navigation and language switcher,
//! notices, error pages and labelled form fields that show their own errors.

mod answer;
mod claim;
mod composer;
mod draft;
pub mod fields;
mod header;
mod helpful;
mod highlight;
mod live_check;
mod preview;
mod reading;
mod search;
mod suggest;
mod toolbar;
mod verdicts;
mod when;

pub use answer::{AnswerBox, AnswerMark};
pub use claim::ClaimBox;
pub use composer::{Composer, ComposerInit};
pub use draft::DraftSlot;
pub use fields::{CsrfField, Field, FormError, ProfessionSelect, TextArea};
pub use header::Header;
pub use helpful::HelpfulBar;
pub use highlight::{Highlighted, ListPager, Pager};
pub use reading::{LevelForm, ListTabs, MarkReadForm, ReadTracker, RowMarks};
pub use search::{
    author_label, encode_path_segment, encode_query_value, person_href, Marked, SearchForm,
};
pub use verdicts::FindingVerdicts;
pub use when::When;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use crate::page_ctx::use_page;

/// Text for the server-rendered HTML of elements whose children leptos writes
/// without escaping (`<textarea>`, and `<title>` through leptos_meta): `&`, `<`
/// and `>` become entities, which the browser decodes back to the typed text. In
/// the browser the DOM is set directly and needs no escaping.
pub fn raw_text_safe(text: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out
    }
    #[cfg(not(feature = "ssr"))]
    {
        text.to_string()
    }
}

/// Whether the router still shows the page the server rendered. The notice and a
/// rejected form's echo belong to that page only, not to pages reached afterwards by
/// client-side navigation.
pub fn on_rendered_page() -> bool {
    let rendered = use_page().path;
    let rendered = rendered.split('?').next().unwrap_or("").to_string();
    let location = leptos_router::hooks::use_location();
    location.pathname.with_untracked(|p| *p == rendered)
}

/// The one-time notice after a successful form post.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let i = use_i18n();
    let notice = use_page().notice;
    let rendered = use_page().path.split('?').next().unwrap_or("").to_string();
    let location = leptos_router::hooks::use_location();
    move || {
        let here = location.pathname.with(|p| *p == rendered);
        notice
            .clone()
            .filter(|_| here)
            .map(|key| view! { <p class="notice" role="status">{i.tr(&key)}</p> })
    }
}

/// A full-page error in the user's language.
#[component]
pub fn ErrorView(status: u16, key: String) -> impl IntoView {
    let i = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(code) = http::StatusCode::from_u16(status) {
            res.set_status(code);
        }
    }
    let title = i.tr(&format!("status.{status}"));
    view! {
        <Title text=title.clone()/>
        <section class="error-page">
            <h1>{title}</h1>
            <p>{i.err(&key)}</p>
            <p><a href="/">{i.tr("nav.home")}</a></p>
        </section>
    }
}

/// Shows a server-function error as a translated message.
#[component]
pub fn LoadError(error: crate::error::PageError) -> impl IntoView {
    let i = use_i18n();
    // The page answers with the error's status, so a missing thread is a 404 to
    // browsers, crawlers and tests alike.
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(code) = http::StatusCode::from_u16(error.status) {
            res.set_status(code);
        }
    }
    if error.key == crate::error::PageError::CONFIRM_READ {
        // Opened from another site: a link from here opens it (a full page load, so
        // the request is this site's own).
        let here = leptos_router::hooks::use_location();
        let href = move || format!("{}{}", here.pathname.get(), here.search.get());
        return view! {
            <div class="notice" role="status">
                <p>{i.tr(&error.key)}</p>
                <p><a href=href rel="external" class="button">{i.tr("held.show_text")}</a></p>
            </div>
        }
        .into_any();
    }
    let key = if error.key.starts_with("err.") {
        error.key
    } else {
        "err.internal".to_string()
    };
    view! { <p class="error" role="alert">{i.tr(&key)}</p> }.into_any()
}
