//! A time as lists and threads show it: how long ago ("3 hours ago", 「3時間前」),
//! with the exact time in the reader's zone on hover and the instant for machines
//! (`datetime`). Seen from the time the server rendered the page, so the browser
//! renders the same words when it hydrates.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// `<time>` for unix seconds `at`.
#[component]
pub fn When(at: i64) -> impl IntoView {
    let i = use_i18n();
    view! { <time datetime=domain::time::iso_utc(at) title=i.time(at)>{i.ago(at)}</time> }
}
