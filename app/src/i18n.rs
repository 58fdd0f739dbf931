//! The page's translator: the language comes from the page context the server
//! computed (and shipped to the browser), the strings from [`domain::i18n`].

pub use domain::i18n::*;

/// The translator for the page being rendered.
pub fn use_i18n() -> I18n {
    I18n(
        leptos::prelude::use_context::<domain::models::PageCtx>()
            .map(|c| c.lang)
            .unwrap_or_default(),
    )
}
