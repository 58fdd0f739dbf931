//! The page's translator: the language comes from the page context the server
//! computed (and shipped to the browser), the strings from [`domain::i18n`].

pub use domain::i18n::*;

/// The translator for the page being rendered (its language and time zone).
pub fn use_i18n() -> I18n {
    match leptos::prelude::use_context::<domain::models::PageCtx>() {
        Some(c) => I18n::new(c.lang, &c.zone),
        None => I18n::new(Lang::default(), ""),
    }
}
