//! Account pages: sign in, register, the applicant's pending page and the profile.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::{CsrfField, Field, FormError, LoadError, ProfessionSelect};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::my_profile;
use domain::fields::{DisplayName, Email, Licence, Npi};
use domain::models::{or_dash, Applicant, Status};

/// `/login`
#[component]
pub fn LoginPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    let next = crate::components::fields::echoed("login", "next")
        .0
        .unwrap_or(next);
    view! {
        <Title text=i.tr("login.title")/>
        <section class="narrow card">
            <h1>{i.tr("login.title")}</h1>
            <form method="post" action="/login" novalidate>
                <CsrfField/>
                <input type="hidden" name="next" value=next/>
                // Text typed into a composer whose session ended, carried through
                // sign-in (the composer comes back with it).
                {["kept_title", "kept_tags", "kept_body"].into_iter().filter_map(|name| {
                    crate::components::fields::echoed("login", name).0
                        .filter(|v| !v.is_empty())
                        .map(|v| view! { <input type="hidden" name=name value=v/> })
                }).collect_view()}
                <FormError form="login"/>
                <Field form="login" name="email" label="field.email" kind="email" required=true autocomplete="username"/>
                <Field form="login" name="password" label="field.password" kind="password" required=true autocomplete="current-password"/>
                <button type="submit" class="button">{i.tr("login.submit")}</button>
            </form>
            <p><a href="/forgot">{i.tr("forgot.link")}</a></p>
            <p>{i.tr("login.no_account")}" "<a href="/register">{i.tr("nav.register")}</a></p>
        </section>
    }
}

/// `/register`
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i = use_i18n();
    // Enhancement once hydrated: a live count toward the password minimum.
    let pw_len = RwSignal::new(0usize);
    view! {
        <Title text=i.tr("register.title")/>
        <section class="narrow card">
            <h1>{i.tr("register.title")}</h1>
            <p class="lead">{i.tr("register.lead")}</p>
            <form method="post" action="/register" novalidate>
                <CsrfField/>
                <FormError form="register"/>
                <fieldset>
                    <legend>{i.tr("register.account")}</legend>
                    <Field form="register" name="email" label="field.email" kind="email" required=true autocomplete="email" maxlength=Email::MAX/>
                    <div on:input=move |ev| {
                        pw_len.set(event_target_value(&ev).chars().count());
                    }>
                        <Field form="register" name="password" label="field.password" kind="password" required=true autocomplete="new-password" hint="hint.password"/>
                        <p class="hint live" aria-live="polite">
                            {move || {
                                let n = pw_len.get();
                                (n > 0).then(|| i.trf("hint.password_count", &[("n", &n.to_string())]))
                            }}
                        </p>
                    </div>
                    <Field form="register" name="display_name" label="field.display_name" required=true autocomplete="nickname" hint="hint.display_name" maxlength=DisplayName::MAX/>
                </fieldset>
                <LicenceFields form="register" current=None/>
                <button type="submit" class="button">{i.tr("register.submit")}</button>
            </form>
            <p>{i.tr("register.have_account")}" "<a href="/login">{i.tr("nav.sign_in")}</a></p>
        </section>
    }
}

/// The licence details asked at registration and resubmission.
#[component]
fn LicenceFields(form: &'static str, current: Option<Applicant>) -> impl IntoView {
    let i = use_i18n();
    let c = current.clone();
    let get = move |f: fn(&Applicant) -> String| c.as_ref().map(f);
    view! {
        <fieldset>
            <legend>{i.tr("register.licence")}</legend>
            <ProfessionSelect form=form initial=get(|a| a.profession.clone()).unwrap_or_default()/>
            <Field form=form name="licence_number" label="field.licence_number" required=true maxlength=Licence::NUMBER_MAX
                hint="hint.licence_number" initial=get(|a| a.licence_number.clone()).unwrap_or_default()/>
            <Field form=form name="jurisdiction" label="field.jurisdiction" required=true maxlength=Licence::JURISDICTION_MAX
                hint="hint.jurisdiction" initial=get(|a| a.jurisdiction.clone()).unwrap_or_default()/>
            <Field form=form name="npi" label="field.npi" maxlength=Npi::MAX_INPUT hint="hint.npi"
                initial=get(|a| a.npi.clone().unwrap_or_default()).unwrap_or_default()/>
            <Field form=form name="specialty" label="field.specialty" maxlength=Licence::SPECIALTY_MAX
                initial=get(|a| a.specialty.clone()).unwrap_or_default()/>
            <Field form=form name="workplace" label="field.workplace" maxlength=Licence::WORKPLACE_MAX hint="hint.workplace"
                autocomplete="organization" initial=get(|a| a.workplace.clone()).unwrap_or_default()/>
        </fieldset>
    }
}

/// `/pending`: where an applicant stands, and the form to correct and resubmit.
#[component]
pub fn PendingPage() -> impl IntoView {
    let i = use_i18n();
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <Title text=i.tr("pending.title")/>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(p) => {
                        let a = p.applicant;
                        let status = a.status;
                        view! {
                            <section class="card">
                                <h1>{i.tr(match status {
                                    Status::Pending => "pending.title",
                                    Status::Rejected => "pending.rejected_title",
                                    Status::Verified => "pending.verified_title",
                                })}</h1>
                                {match status {
                                    Status::Pending => view! {
                                        <p>{i.tr("pending.explain")}</p>
                                        <p class="meta">{i.trf("pending.submitted", &[("when", &i.time(a.submitted_at))])}</p>
                                    }.into_any(),
                                    Status::Rejected => view! {
                                        <p>{i.tr("pending.rejected_explain")}</p>
                                        <blockquote class="reason" id="rejection-reason">{a.rejection_reason.clone().unwrap_or_default()}</blockquote>
                                    }.into_any(),
                                    Status::Verified => view! {
                                        <p>{i.tr("pending.verified_explain")}</p>
                                        <p><a class="button" href="/">{i.tr("nav.forum")}</a></p>
                                    }.into_any(),
                                }}
                            </section>
                            {(status != Status::Verified).then(|| view! {
                                <section class="card">
                                    <h2>{i.tr("pending.resubmit_title")}</h2>
                                    <p>{i.tr("pending.resubmit_explain")}</p>
                                    <form method="post" action="/pending" novalidate>
                                        <CsrfField/>
                                        <FormError form="resubmit"/>
                                        <LicenceFields form="resubmit" current=Some(a.clone())/>
                                        <button type="submit" class="button">{i.tr("pending.resubmit")}</button>
                                    </form>
                                </section>
                            })}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// `/profile`: the signed-in user's own details, sessions and password.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i = use_i18n();
    let profile = Resource::new(|| (), |_| my_profile());
    let page = use_page();
    view! {
        <Title text=i.tr("profile.title")/>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                match profile.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(p) => {
                        let a = p.applicant;
                        let row = |k: &'static str, v: String| view! { <dt>{i.tr(k)}</dt><dd>{v}</dd> };
                        view! {
                            <section class="card">
                                <h1>{i.tr("profile.title")}</h1>
                                <dl class="details">
                                    {row("field.display_name", a.display_name.clone())}
                                    {row("field.email", a.email.clone())}
                                    {row("field.profession", i.tr(&format!("profession.{}", a.profession)))}
                                    {row("field.licence_number", a.licence_number.clone())}
                                    {row("field.jurisdiction", a.jurisdiction.clone())}
                                    {row("field.npi", a.npi.clone().unwrap_or_else(|| "—".into()))}
                                    {row("field.specialty", or_dash(&a.specialty))}
                                    <dt>{i.tr("field.workplace")}</dt>
                                    <dd>{or_dash(&a.workplace)}<br/><span class="hint">{i.tr("hint.workplace")}</span></dd>
                                    {row("profile.role", i.tr(&format!("role.{}", p.role.as_str())))}
                                    {row("profile.status", i.tr(&format!("status_name.{}", a.status.as_str())))}
                                    {row("profile.language", page.lang.native_name().to_string())}
                                </dl>
                            </section>
                            <super::settings::SettingsCard lang=p.lang.unwrap_or(page.lang) zone=p.time_zone.clone().unwrap_or_default()/>
                            <super::settings::RenameCard name=a.display_name.clone() verified=a.status == domain::models::Status::Verified/>
                            <section class="card" id="export">
                                <h2>{i.tr("export.title")}</h2>
                                <p>{i.tr("export.lead")}</p>
                                <a class="button secondary" href="/profile/export" download="" rel="external">{i.tr("export.download")}</a>
                            </section>
                            <super::settings::DeleteCard/>
                            <section class="card">
                                <h2>{i.tr("profile.sessions_title")}</h2>
                                <p>{i.trf("profile.sessions", &[("n", &p.sessions.len().to_string())])}</p>
                                <super::security::SessionList sessions=p.sessions.clone()/>
                                <form method="post" action="/logout-all">
                                    <CsrfField/>
                                    <button type="submit" class="button secondary">{i.tr("profile.logout_all")}</button>
                                </form>
                            </section>
                            <section class="card">
                                <h2>{i.tr("prefs.title")}</h2>
                                <p>{i.tr("prefs.lead")}</p>
                                <a class="button secondary" href="/profile/notifications">{i.tr("prefs.open")}</a>
                            </section>
                            <section class="card">
                                <h2>{i.tr("email_change.title")}</h2>
                                <p>{i.trf("email_change.current", &[("email", &a.email)])}</p>
                                <a class="button secondary" href="/profile/email">{i.tr("email_change.open")}</a>
                            </section>
                            <section class="card">
                                <h2>{i.tr("profile.password_title")}</h2>
                                <p>{i.tr("profile.password_lead")}</p>
                                <a class="button secondary" href="/profile/password">{i.tr("profile.password_submit")}</a>
                            </section>
                            <section class="card">
                                <h2>{i.tr("two_factor.title")}</h2>
                                <p>{i.tr("two_factor.optional")}</p>
                                <a class="button secondary" href=domain::access::TWO_FACTOR_PATH>{i.tr("two_factor.link")}</a>
                            </section>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}
