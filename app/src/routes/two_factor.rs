//! `/profile/two-factor` (set up, renew recovery codes, turn off) and `/login/code`
//! (the code step of a sign-in). Plain forms and a QR code drawn on the server, so
//! both work with JavaScript off.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::fields::echoed;
use crate::components::{CsrfField, FormError, LoadError};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::two_factor_state;
use domain::access::{SIGN_IN_CODE_PATH, TWO_FACTOR_PATH};
use domain::models::TwoFactorState;

/// A six-digit (or recovery) code field of form `form`.
#[component]
fn CodeField(form: &'static str, #[prop(into)] id: String) -> impl IntoView {
    let i = use_i18n();
    let err = echoed(form, "code").1;
    let bad = err.is_some();
    let err_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=bad>
            <label for=id.clone()>{i.tr("two_factor.code")}</label>
            <input id=id name="code" required=true autocomplete="one-time-code" inputmode="text"
                maxlength="24" spellcheck="false" autocapitalize="off"
                aria-invalid=bad.then_some("true") aria-describedby=bad.then(|| err_id.clone())/>
            {err.map(|e| view! { <p class="field-error" id=err_id>{i.err(&e)}</p> })}
        </div>
    }
}

/// `/profile/two-factor`.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| two_factor_state());
    // Recovery codes just made (the answer to "turn on" or "renew"): shown this once.
    let codes = echoed("recovery_codes", "codes").0.unwrap_or_default();
    view! {
        <Title text=i.tr("two_factor.title")/>
        <h1>{i.tr("two_factor.title")}</h1>
        {(!codes.is_empty()).then(|| view! {
            <section class="card recovery-codes" role="status">
                <h2>{i.tr("two_factor.codes_title")}</h2>
                <p>{i.tr("two_factor.codes_lead")}</p>
                <ul class="codes">{codes.split(' ').map(|c| view! { <li><code>{c.to_string()}</code></li> }).collect_view()}</ul>
            </section>
        })}
        <FormError form="two_factor"/>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(state) => view! { <State state/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn State(state: TwoFactorState) -> impl IntoView {
    let i = use_i18n();
    let session_passed = use_page().viewer.as_ref().is_some_and(|v| v.second_factor);
    let lead = if state.required {
        "two_factor.required"
    } else {
        "two_factor.optional"
    };
    match (state.enabled_at, state.setup) {
        (Some(since), _) => view! {
            <p>{i.trf("two_factor.on_since", &[("time", &i.time(since))])}</p>
            <p>{i.trf("two_factor.codes_left", &[("n", &state.codes_left.to_string())])}</p>
            {(state.required && !session_passed).then(|| view! { <p class="warning" role="status">{i.tr("two_factor.session_without")}</p> })}
            <CodeAction action="renew" form="two_factor_renew" title="two_factor.renew" lead="two_factor.renew_lead" class="button secondary"/>
            {if state.required {
                view! { <p class="hint">{i.tr("two_factor.staff_keep")}</p> }.into_any()
            } else {
                view! {
                    <CodeAction action="disable" form="two_factor_disable" title="two_factor.disable" lead="two_factor.disable_lead" class="button danger"/>
                }.into_any()
            }}
        }.into_any(),
        (None, Some(setup)) => view! {
            <p class="lead">{i.tr(lead)}</p>
            <section class="card" id="enable">
                <p>{i.tr("two_factor.step_scan")}</p>
                <div class="qr" role="img" aria-label=i.tr("two_factor.qr_label") inner_html=setup.qr_svg></div>
                <p>{i.tr("two_factor.step_type")}" "<code class="secret">{setup.secret}</code></p>
                <p>{i.tr("two_factor.step_confirm")}</p>
                <form method="post" action=TWO_FACTOR_PATH>
                    <CsrfField/>
                    <input type="hidden" name="action" value="enable"/>
                    <FormError form="two_factor_enable"/>
                    <CodeField form="two_factor_enable" id="enable-code"/>
                    <button type="submit" class="button">{i.tr("two_factor.enable")}</button>
                </form>
            </section>
        }.into_any(),
        (None, None) => view! { <p class="lead">{i.tr(lead)}</p> }.into_any(),
    }
}

/// One action of an account with two-factor sign-in on that needs a current code
/// (`renew`: new recovery codes; `disable`), in a card of its own whose refusal
/// (form `form`) shows under its own field only.
#[component]
fn CodeAction(
    action: &'static str,
    form: &'static str,
    title: &'static str,
    lead: &'static str,
    class: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="card" id=action>
            <h2>{i.tr(title)}</h2>
            <form method="post" action=TWO_FACTOR_PATH>
                <CsrfField/>
                <input type="hidden" name="action" value=action/>
                <FormError form/>
                <p class="hint">{i.tr(lead)}</p>
                <CodeField form id=format!("{action}-code")/>
                <button type="submit" class=class>{i.tr(title)}</button>
            </form>
        </section>
    }
}

/// `/login/code`: the code step of a sign-in whose password was right.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <Title text=i.tr("sign_in_code.title")/>
        <h1>{i.tr("sign_in_code.title")}</h1>
        <p class="lead">{i.tr("sign_in_code.lead")}</p>
        <FormError form="code"/>
        <form method="post" action=SIGN_IN_CODE_PATH class="card">
            <CsrfField/>
            // Text typed into a composer whose session ended, carried on through the
            // code step (the composer comes back with it).
            {["kept_title", "kept_tags", "kept_body"].into_iter().filter_map(|name| {
                crate::components::fields::echoed("code", name).0
                    .filter(|v| !v.is_empty())
                    .map(|v| view! { <input type="hidden" name=name value=v/> })
            }).collect_view()}
            <CodeField form="code" id="sign-in-code"/>
            <button type="submit" class="button">{i.tr("sign_in_code.submit")}</button>
        </form>
        <p><a href="/login">{i.tr("sign_in_code.again")}</a></p>
    }
}
