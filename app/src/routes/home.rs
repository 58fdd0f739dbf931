//! The front page: what Rounds is for visitors; the member's home once verified.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use crate::page_ctx::use_page;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let i = use_i18n();
    match use_page().viewer.filter(|v| v.is_verified()) {
        None => view! {
            <Title text=i.tr("home.title")/>
            <section class="hero">
                <h1>{i.tr("home.headline")}</h1>
                <p class="lead">{i.tr("home.lead")}</p>
                <p class="actions">
                    <a class="button" href="/register">{i.tr("nav.register")}</a>
                    <a class="button secondary" href="/login">{i.tr("nav.sign_in")}</a>
                </p>
            </section>
            <section class="promises">
                <article><h2>{i.tr("home.p1.title")}</h2><p>{i.tr("home.p1.body")}</p></article>
                <article><h2>{i.tr("home.p2.title")}</h2><p>{i.tr("home.p2.body")}</p></article>
                <article><h2>{i.tr("home.p3.title")}</h2><p>{i.tr("home.p3.body")}</p></article>
            </section>
        }
        .into_any(),
        Some(_) => view! { <crate::routes::ForumList/> }.into_any(),
    }
}
