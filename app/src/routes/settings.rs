//! The settings cards of `/profile` that change the account itself: the display
//! name (with the link to the public profile) and deleting the account. Plain
//! forms, so they work with JavaScript off.

use leptos::prelude::*;

use crate::components::fields::echoed;
use crate::components::{CsrfField, Field, FormError};
use crate::i18n::use_i18n;

/// The display-name form of `/profile`, with a link to the public profile once
/// verified (applicants have none yet).
#[component]
pub fn RenameCard(name: String, verified: bool) -> impl IntoView {
    let i = use_i18n();
    let href = crate::components::person_href(&name);
    view! {
        <section class="card" id="rename">
            <h2>{i.tr("rename.title")}</h2>
            <p class="hint">{i.tr("rename.lead")}</p>
            <form method="post" action="/profile/name">
                <CsrfField/>
                <FormError form="rename"/>
                <Field form="rename" name="display_name" label="field.display_name" maxlength=domain::fields::DisplayName::MAX required=true initial=name/>
                <button type="submit" class="button secondary">{i.tr("rename.submit")}</button>
            </form>
            {verified.then(|| view! { <p><a href=href>{i.tr("rename.profile_link")}</a></p> })}
        </section>
    }
}

/// Page language and time zone.
#[component]
pub fn SettingsCard(lang: domain::i18n::Lang, zone: String) -> impl IntoView {
    let i = use_i18n();
    let lang = echoed("settings", "lang")
        .0
        .unwrap_or_else(|| lang.code().to_string());
    let zone = echoed("settings", "time_zone").0.unwrap_or(zone);
    view! {
        <section class="card" id="settings">
            <h2>{i.tr("settings.title")}</h2>
            <p class="hint">{i.tr("settings.lead")}</p>
            <form method="post" action="/profile/settings">
                <CsrfField/>
                <FormError form="settings"/>
                <div class="field">
                    <label for="settings-lang">{i.tr("settings.lang")}</label>
                    <select id="settings-lang" name="lang">
                        {[domain::i18n::Lang::En, domain::i18n::Lang::Ja].into_iter().map(|l| view! {
                            <option value=l.code() selected=lang == l.code()>{l.native_name()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="settings-time_zone">{i.tr("settings.zone")}</label>
                    <select id="settings-time_zone" name="time_zone">
                        <option value="" selected=zone.is_empty()>{i.tr("settings.zone_auto")}</option>
                        {domain::zones::ZONES.iter().map(|z| view! {
                            <option value=z.id selected=zone == z.id>{z.id.replace('_', " ")}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button secondary">{i.tr("settings.save")}</button>
            </form>
        </section>
    }
}

/// Deleting the account: what happens to published posts, and the password.
#[component]
pub fn DeleteCard() -> impl IntoView {
    let i = use_i18n();
    let (chosen, posts_err) = echoed("delete", "posts");
    let chosen = chosen.unwrap_or_default();
    let bad = posts_err.is_some();
    view! {
        <section class="card danger-zone" id="delete">
            <h2>{i.tr("delete.title")}</h2>
            <p>{i.tr("delete.lead")}</p>
            <form method="post" action="/profile/delete">
                <CsrfField/>
                <FormError form="delete"/>
                <fieldset class="field" class:has-error=bad>
                    <legend>{i.tr("delete.posts")}</legend>
                    {[("keep", "delete.keep"), ("remove", "delete.remove")].into_iter().map(|(value, label)| {
                        let id = format!("delete-posts-{value}");
                        view! {
                            <label for=id.clone() class="choice">
                                <input type="radio" id=id.clone() name="posts" value=value required=true checked=chosen == value/>
                                " "{i.tr(label)}
                            </label>
                        }
                    }).collect_view()}
                    {posts_err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
                </fieldset>
                <Field form="delete" name="password" label="delete.password" kind="password" autocomplete="current-password" required=true/>
                <button type="submit" class="button danger">{i.tr("delete.submit")}</button>
            </form>
        </section>
    }
}
