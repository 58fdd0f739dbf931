//! The page's translator: the language comes from the page context the server
//! computed (and shipped to the browser), the strings from [`domain::i18n`].

pub use domain::i18n::*;

/// The translator for the page being rendered (its language, time zone and the time
/// "how long ago" is counted from).
pub fn use_i18n() -> I18n {
    match leptos::prelude::use_context::<domain::models::PageCtx>() {
        Some(c) => I18n::new(c.lang, &c.zone).at(page_now(c.now)),
        None => I18n::new(Lang::default(), ""),
    }
}

/// The time "how long ago" is counted from: when the server rendered the page; in
/// the browser, that time moved on by how long the page has been open, so a page
/// reached later by a link inside the app counts from its own moment. The first call
/// in the browser is during hydration and finds it unmoved, so hydration renders the
/// server's words.
fn page_now(rendered: i64) -> i64 {
    if rendered == 0 {
        // Not known: times are shown exactly.
        return 0;
    }
    #[cfg(feature = "hydrate")]
    {
        use std::cell::Cell;
        thread_local! {
            static OPENED_MS: Cell<f64> = const { Cell::new(0.0) };
        }
        let now_ms = js_sys::Date::now();
        let opened = OPENED_MS.with(|o| {
            if o.get() == 0.0 {
                o.set(now_ms);
            }
            o.get()
        });
        rendered + ((now_ms - opened) / 1000.0) as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        rendered
    }
}
