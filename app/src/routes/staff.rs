//! Staff pages: the verification queue (moderators) and the user list (admins).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{ClaimBox, CsrfField, ListPager, LoadError, TextArea};
use crate::i18n::use_i18n;
use crate::server_fns::{list_users, verification_queue};
use domain::models::{or_dash, Applicant, ClaimState, Role, Status};

/// `/mod/verification`: pending applicants with their licence details.
#[component]
pub fn VerificationPage() -> impl IntoView {
    let i = use_i18n();
    let queue = Resource::new(|| (), |_| verification_queue());
    view! {
        <Title text=i.tr("verify.title")/>
        <h1>{i.tr("verify.title")}</h1>
        <p class="lead">{i.tr("verify.lead")}</p>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty">{i.tr("verify.empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <p class="meta">{i.trf("verify.count", &[("n", &list.len().to_string())])}</p>
                        <ol class="queue">
                            {list.into_iter().map(|(a, claim)| view! { <ApplicantCard a claim/> }).collect_view()}
                        </ol>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ApplicantCard(a: Applicant, claim: ClaimState) -> impl IntoView {
    let i = use_i18n();
    let id = a.id;
    let reason_field = format!("reason_{id}");
    let resubmitted = a.rejection_reason.is_some();
    let kept = crate::components::fields::echoed("decide", &reason_field)
        .1
        .is_some();
    let row = move |k: &'static str, v: String| view! { <dt>{i.tr(k)}</dt><dd>{v}</dd> };
    view! {
        <li class="card applicant" id=format!("applicant-{id}")>
            <h2>{a.display_name.clone()}</h2>
            {resubmitted.then(|| view! { <p class="badge">{i.tr("verify.resubmitted")}</p> })}
            <dl class="details">
                {row("field.email", a.email.clone())}
                {row("field.profession", i.tr(&format!("profession.{}", a.profession)))}
                {row("field.licence_number", a.licence_number.clone())}
                {row("field.jurisdiction", a.jurisdiction.clone())}
                {row("field.npi", a.npi.clone().unwrap_or_else(|| "—".into()))}
                {row("field.specialty", or_dash(&a.specialty))}
                {row("field.workplace", or_dash(&a.workplace))}
                {row("verify.submitted", i.time(a.submitted_at))}
            </dl>
            <ClaimBox kind="verification" id claim=claim.clone() back=format!("/mod/verification#applicant-{id}")/>
            // Shown once claimed, and after a refused rejection (its reason kept).
            <div class="decisions" hidden=!(claim.mine || kept)>
                <form method="post" action="/mod/verification" class="inline">
                    <CsrfField/>
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <input type="hidden" name="decision" value="verify"/>
                    <button type="submit" class="button">{i.tr("verify.verify")}</button>
                </form>
                <form method="post" action="/mod/verification" class="reject">
                    <CsrfField/>
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <input type="hidden" name="decision" value="reject"/>
                    <TextArea form="decide" name=reason_field label="verify.reason" required=true/>
                    <button type="submit" class="button danger">{i.tr("verify.reject")}</button>
                </form>
            </div>
        </li>
    }
}

/// `/admin/users`: the accounts, newest first, fifty a page (keyset "older" /
/// "newer" links that work without JavaScript), with moderator grants.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let users = Resource::new(
        move || {
            (
                query.with(|q| q.get("older").unwrap_or_default()),
                query.with(|q| q.get("newer").unwrap_or_default()),
            )
        },
        |(older, newer)| list_users(older, newer),
    );
    // A reset link just made (the answer to its button): shown this once.
    let link = crate::components::fields::echoed("reset_link", "link").0;
    view! {
        <Title text=i.tr("users.title")/>
        <h1>{i.tr("users.title")}</h1>
        {link.filter(|l| !l.is_empty()).map(|l| view! {
            <section class="notice reset-link" role="status">
                <p>{i.tr("users.reset_link_made")}</p>
                <p><a href=l.clone() class="reset-url">{l.clone()}</a></p>
                <p class="hint">{i.tr("users.reset_link_hint")}</p>
            </section>
        })}
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(page) => view! {
                        <div class="table-wrap">
                        <table class="users">
                            <thead><tr>
                                <th scope="col">{i.tr("field.display_name")}</th>
                                <th scope="col">{i.tr("field.email")}</th>
                                <th scope="col">{i.tr("profile.status")}</th>
                                <th scope="col">{i.tr("profile.role")}</th>
                                <th scope="col">{i.tr("users.joined")}</th>
                                <th scope="col"><span class="sr-only">{i.tr("users.actions")}</span></th>
                            </tr></thead>
                            <tbody>
                            {page.users.into_iter().map(|u| {
                                let action = match (u.role, u.status) {
                                    (Role::Member, Status::Verified) => Some(("moderator", "users.grant")),
                                    (Role::Moderator, _) => Some(("member", "users.revoke")),
                                    _ => None,
                                };
                                view! {
                                    <tr id=format!("user-{}", u.id)>
                                        <td><a href=format!("/mod/members/{}", u.id)>{u.display_name.clone()}</a></td>
                                        <td>{u.email.clone()}</td>
                                        <td>{i.tr(&format!("status_name.{}", u.status.as_str()))}</td>
                                        <td>{i.tr(&format!("role.{}", u.role.as_str()))}</td>
                                        <td>{i.time(u.created_at)}</td>
                                        <td>{action.map(|(role, label)| view! {
                                            <form method="post" action="/admin/users" class="inline">
                                                <CsrfField/>
                                                <input type="hidden" name="user_id" value=u.id.to_string()/>
                                                <input type="hidden" name="role" value=role/>
                                                <button type="submit" class="button small">{i.tr(label)}</button>
                                            </form>
                                        })}
                                        " "<UserAction user_id=u.id action="reset_link" label="users.reset_link"/>
                                        " "<UserAction user_id=u.id action="end_sessions" label="users.end_sessions"/></td>
                                    </tr>
                                }
                            }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                        <ListPager base="/admin/users".to_string() older=page.older newer=page.newer/>
                    }.into_any(),
                }
            })}
        </Suspense>
        <MailStatusCard/>
    }
}

/// Where outgoing mail goes, and how the outbox stands: an admin sees at once when
/// members cannot reset their own passwords (no SMTP server) or mail is piling up.
#[component]
fn MailStatusCard() -> impl IntoView {
    let i = use_i18n();
    let status = Resource::new(|| (), |_| crate::server_fns::admin_mail_status());
    view! {
        <section class="card mail-status">
            <h2>{i.tr("admin.mail.title")}</h2>
            <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => view! { <LoadError error=e/> }.into_any(),
                        Ok(m) => {
                            let place = match (&m.smtp_host, &m.file_dir) {
                                (Some(host), _) => view! { <p>{i.trf("admin.mail.smtp", &[("host", host)])}</p> }.into_any(),
                                (None, dir) => view! {
                                    <p class="warning" role="status">{i.trf("admin.mail.files", &[("dir", dir.as_deref().unwrap_or(""))])}</p>
                                }.into_any(),
                            };
                            let counts = i.trf("admin.mail.counts", &[
                                ("waiting", &m.waiting.to_string()),
                                ("sent", &m.sent_day.to_string()),
                                ("failed", &m.failed_week.to_string()),
                            ]);
                            view! { {place}<p class="hint">{counts}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

/// One account action of `/admin/users` (a reset link, signing out everywhere): a
/// button in a plain form, so it works with JavaScript off.
#[component]
fn UserAction(user_id: i64, action: &'static str, label: &'static str) -> impl IntoView {
    let i = use_i18n();
    view! {
        <form method="post" action="/admin/users" class="inline">
            <CsrfField/>
            <input type="hidden" name="user_id" value=user_id.to_string()/>
            <input type="hidden" name="action" value=action/>
            <button type="submit" class="button small secondary">{i.tr(label)}</button>
        </form>
    }
}

/// `/admin/site-lists`: the detector's extra terms for this site.
#[component]
pub fn SiteListsPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| crate::server_fns::admin_site_lists());
    let list_box = move |list: &'static str, terms: Vec<String>| {
        let field = format!("term_{list}");
        view! {
            <section class="card site-list" id=format!("list-{list}")>
                <h2>{i.tr(&format!("site_lists.{list}"))}</h2>
                <p class="hint">{i.tr(&format!("site_lists.{list}_hint"))}</p>
                <ul class="terms">
                    {terms.into_iter().map(|t| view! {
                        <li>
                            <span>{t.clone()}</span>" "
                            <form method="post" action="/admin/site-lists" class="inline">
                                <CsrfField/>
                                <input type="hidden" name="list" value=list/>
                                <input type="hidden" name="action" value="remove"/>
                                <input type="hidden" name="term" value=t/>
                                <button type="submit" class="link">{i.tr("site_lists.remove")}</button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
                <form method="post" action="/admin/site-lists">
                    <CsrfField/>
                    <input type="hidden" name="list" value=list/>
                    <input type="hidden" name="action" value="add"/>
                    <label for=field.clone()>{i.tr("site_lists.term")}</label>
                    <input id=field.clone() name="term" maxlength=domain::fields::SiteTerm::MAX required=true/>
                    {crate::components::fields::echoed("site_lists", &field).1.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
                    <button type="submit" class="button small">{i.tr("site_lists.add")}</button>
                </form>
            </section>
        }
    };
    view! {
        <Title text=i.tr("site_lists.title")/>
        <h1>{i.tr("site_lists.title")}</h1>
        <p class="lead">{i.tr("site_lists.lead")}</p>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(lists) => view! {
                        {list_box("always", lists.always_hold)}
                        {list_box("never", lists.never_hold)}
                    }.into_any(),
                }
            })}
        </Suspense>
        <super::detector_record::DetectorRecordSection/>
    }
}
