//! The pages of an account's security: changing the password, setting one through a
//! one-time reset link, and the list of signed-in devices on `/profile`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{CsrfField, Field, FormError};
use crate::i18n::use_i18n;

/// `/profile/password`: the current password, the new one twice. A plain form, so it
/// works with JavaScript off; a refusal comes back here with the reason by each field
/// (passwords are never sent back into the page).
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.tr("profile.password_title")/>
        <section class="narrow card">
            <h1>{i.tr("profile.password_title")}</h1>
            <p class="lead">{i.tr("profile.password_lead")}</p>
            <form method="post" action="/profile/password" novalidate>
                <CsrfField/>
                <FormError form="password"/>
                <Field form="password" name="current_password" label="profile.password_current" kind="password" required=true autocomplete="current-password"/>
                <Field form="password" name="new_password" label="profile.password_new" kind="password" required=true autocomplete="new-password" hint="hint.password"/>
                <Field form="password" name="new_password_confirm" label="profile.password_confirm" kind="password" required=true autocomplete="new-password"/>
                <button type="submit" class="button">{i.tr("profile.password_submit")}</button>
            </form>
            <p><a href="/profile">{i.tr("profile.title")}</a></p>
        </section>
    }
}

/// `/reset/:token`: a new password through a one-time link an admin made. The token
/// stays in the address the form posts back to; it is checked only when the form is
/// sent (an unusable link says so then, with what to do).
#[component]
pub fn ResetPage() -> impl IntoView {
    let i = use_i18n();
    let params = leptos_router::hooks::use_params_map();
    let action = move || {
        let token = params.read().get("token").unwrap_or_default();
        // Only the token's own characters reach the form's address.
        let token: String = token.chars().filter(char::is_ascii_alphanumeric).collect();
        format!("/reset/{token}")
    };
    view! {
        <Title text=i.tr("reset.title")/>
        <section class="narrow card">
            <h1>{i.tr("reset.title")}</h1>
            <p class="lead">{i.tr("reset.lead")}</p>
            <form method="post" action=action novalidate>
                <CsrfField/>
                <FormError form="reset"/>
                <Field form="reset" name="new_password" label="profile.password_new" kind="password" required=true autocomplete="new-password" hint="hint.password"/>
                <Field form="reset" name="new_password_confirm" label="profile.password_confirm" kind="password" required=true autocomplete="new-password"/>
                <button type="submit" class="button">{i.tr("reset.submit")}</button>
            </form>
        </section>
    }
}

/// The member's sessions: which device, when it signed in and was last active (no
/// place), and a "sign out" for each but this one.
#[component]
pub(crate) fn SessionList(sessions: Vec<domain::models::SessionInfo>) -> impl IntoView {
    let i = use_i18n();
    view! {
        <FormError form="sessions"/>
        <ul class="sessions">
            {sessions.into_iter().map(|s| {
                let device = if s.device.is_empty() { i.tr("profile.device_unknown") } else { s.device.clone() };
                view! {
                    <li class="session" class:current=s.current>
                        <strong class="device">{device}</strong>
                        {s.current.then(|| view! { " "<span class="badge">{i.tr("profile.this_device")}</span> })}
                        <br/>
                        <span class="hint">
                            {i.trf("profile.session_times", &[("since", &i.time(s.created_at)), ("seen", &i.time(s.last_seen_at))])}
                        </span>
                        {(!s.current).then(|| view! {
                            <form method="post" action="/profile/sessions" class="inline">
                                <CsrfField/>
                                <input type="hidden" name="session" value=s.key.clone()/>
                                <button type="submit" class="button small secondary">{i.tr("profile.end_session")}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
