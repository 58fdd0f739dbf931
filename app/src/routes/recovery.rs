//! The pages that start or finish a letter: a forgotten password (`/forgot`), moving
//! the account to another e-mail address (`/profile/email`) and confirming the move
//! from the link in the letter (`/email/confirm/:token`). Plain forms, so each works
//! with JavaScript off; a refusal comes back with what was typed (never a password).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{CsrfField, Field, FormError};
use crate::i18n::use_i18n;

/// `/forgot`: the address to send a reset link to. The answer is the same whether or
/// not the address has an account.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.tr("forgot.title")/>
        <section class="narrow card">
            <h1>{i.tr("forgot.title")}</h1>
            <p class="lead">{i.tr("forgot.lead")}</p>
            <form method="post" action="/forgot" novalidate>
                <CsrfField/>
                <FormError form="forgot"/>
                <Field form="forgot" name="email" label="field.email" kind="email" required=true autocomplete="username"/>
                <button type="submit" class="button">{i.tr("forgot.submit")}</button>
            </form>
            <p><a href="/login">{i.tr("login.title")}</a></p>
        </section>
    }
}

/// `/profile/email`: the new address and the password that proves it is the member.
#[component]
pub fn EmailPage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.tr("email_change.title")/>
        <section class="narrow card">
            <h1>{i.tr("email_change.title")}</h1>
            <p class="lead">{i.tr("email_change.lead")}</p>
            <form method="post" action="/profile/email" novalidate>
                <CsrfField/>
                <FormError form="email"/>
                <Field form="email" name="email" label="email_change.new" kind="email" required=true autocomplete="email"/>
                <Field form="email" name="password" label="field.password" kind="password" required=true autocomplete="current-password"/>
                <button type="submit" class="button">{i.tr("email_change.submit")}</button>
            </form>
            <p><a href="/profile">{i.tr("profile.title")}</a></p>
        </section>
    }
}

/// `/email/confirm/:token`: one button that confirms. Opening the link changes
/// nothing by itself (mail scanners open links too); the button's post does.
#[component]
pub fn EmailConfirmPage() -> impl IntoView {
    let i = use_i18n();
    let params = leptos_router::hooks::use_params_map();
    let action = move || {
        let token = params.read().get("token").unwrap_or_default();
        let token: String = token.chars().filter(char::is_ascii_alphanumeric).collect();
        format!("/email/confirm/{token}")
    };
    view! {
        <Title text=i.tr("email_confirm.title")/>
        <section class="narrow card">
            <h1>{i.tr("email_confirm.title")}</h1>
            <p class="lead">{i.tr("email_confirm.lead")}</p>
            <form method="post" action=action novalidate>
                <CsrfField/>
                <FormError form="email_confirm"/>
                <button type="submit" class="button">{i.tr("email_confirm.submit")}</button>
            </form>
        </section>
    }
}
