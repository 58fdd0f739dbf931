//! Notification settings (`/profile/notifications`: per kind, in Rounds and by e-mail,
//! in Rounds and in the daily digest, in Rounds only, or off) and the page a letter's unsubscribe link opens
//! (`/unsubscribe/:user/:kind/:key`: one button; mail clients post to it directly).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{CsrfField, FormError, LoadError};
use crate::i18n::use_i18n;
use crate::server_fns::my_channels;

const CHANNELS: [&str; 4] = ["email", "digest", "in_app", "off"];

/// `/profile/notifications`: one group of choices per kind, saved by one button.
#[component]
pub fn PrefsPage() -> impl IntoView {
    let i = use_i18n();
    let channels = Resource::new(|| (), |_| my_channels());
    view! {
        <Title text=i.tr("prefs.title")/>
        <section class="card">
            <h1>{i.tr("prefs.title")}</h1>
            <p class="lead">{i.tr("prefs.lead")}</p>
            <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
                {move || Suspend::new(async move {
                    match channels.await {
                        Err(e) => view! { <LoadError error=e/> }.into_any(),
                        Ok(list) => view! {
                            <form method="post" action="/profile/notifications" class="prefs">
                                <CsrfField/>
                                <FormError form="prefs"/>
                                {list.into_iter().map(|(kind, channel)| {
                                    let name = format!("kind.{kind}");
                                    view! {
                                        <fieldset class="choices">
                                            <legend>{i.tr(&format!("prefs.kind.{kind}"))}</legend>
                                            {CHANNELS.into_iter().map(|c| {
                                                let id = format!("pref-{kind}-{c}");
                                                let label_for = id.clone();
                                                let checked = channel == c;
                                                view! {
                                                    <label for=label_for class="choice">
                                                        <input type="radio" id=id name=name.clone() value=c checked=checked/>
                                                        " "{i.tr(&format!("prefs.channel.{c}"))}
                                                    </label>
                                                }
                                            }).collect_view()}
                                        </fieldset>
                                    }
                                }).collect_view()}
                                <button type="submit" class="button">{i.tr("prefs.submit")}</button>
                            </form>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <p><a href="/profile">{i.tr("profile.title")}</a></p>
        </section>
    }
}

/// `/unsubscribe/:user/:kind/:key`: what the link stops, and one button.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i = use_i18n();
    let params = leptos_router::hooks::use_params_map();
    let clean = |s: String| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let part = move |k: &str| clean(params.read().get(k).unwrap_or_default());
    let action = move || {
        format!(
            "/unsubscribe/{}/{}/{}",
            part("user"),
            part("kind"),
            part("key")
        )
    };
    let kind = move || i.tr(&format!("prefs.kind.{}", part("kind")));
    view! {
        <Title text=i.tr("unsubscribe.title")/>
        <section class="narrow card">
            <h1>{i.tr("unsubscribe.title")}</h1>
            <p class="lead">{move || i.trf("unsubscribe.lead", &[("kind", &kind())])}</p>
            <form method="post" action=action>
                <CsrfField/>
                <FormError form="unsubscribe"/>
                <button type="submit" class="button">{i.tr("unsubscribe.submit")}</button>
            </form>
        </section>
    }
}
