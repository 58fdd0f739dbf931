//! The front page: what Rounds is for visitors; the member's home once verified.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use crate::use_page;

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
        Some(v) => {
            let moderator = v.can_moderate();
            view! {
                <Title text=i.tr("forum.title")/>
                <section class="member-home">
                    <h1>{i.trf("forum.welcome", &[("name", &v.display_name)])}</h1>
                    <p class="lead">{i.tr("forum.lead")}</p>
                    {moderator.then(|| view! {
                        <p><a class="button" href="/mod/verification">{i.tr("nav.verification")}</a></p>
                    })}
                </section>
                <section class="rules">
                    <h2>{i.tr("rules.title")}</h2>
                    <ul>
                        <li>{i.tr("rules.1")}</li>
                        <li>{i.tr("rules.2")}</li>
                        <li>{i.tr("rules.3")}</li>
                        <li>{i.tr("rules.4")}</li>
                    </ul>
                </section>
            }
            .into_any()
        }
    }
}
