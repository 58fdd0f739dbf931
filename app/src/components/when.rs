//! A time as lists and threads show it: how long ago ("3 hours ago", 「3時間前」),
//! with the exact time in the reader's zone on hover and the instant for machines
//! (`datetime`). Seen from the time the server rendered the page, so the browser
//! renders the same words when it hydrates; after that the words move on once a
//! minute while the page stays open ("just now" becomes "5 minutes ago").

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// How often an open page says again how long ago things were.
#[cfg(feature = "hydrate")]
const TICK: std::time::Duration = std::time::Duration::from_secs(60);

/// `<time>` for unix seconds `at`.
#[component]
pub fn When(at: i64) -> impl IntoView {
    let i = use_i18n();
    let tick = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), TICK) {
            on_cleanup(move || handle.clear());
        }
    });
    // Each tick asks the translator again: its "now" is the page's render time moved
    // on by how long the page has been open (`i18n::use_i18n`).
    let words = move || {
        if tick.get() == 0 {
            i.ago(at)
        } else {
            use_i18n().ago(at)
        }
    };
    view! { <time datetime=domain::time::iso_utc(at) title=i.time(at)>{words}</time> }
}
