//! The staff's member pages — `/mod/members` (find a member by name) and
//! `/mod/members/:id` (their record: suspend, lift, sign out everywhere) — and
//! `/suspended`, the one page a suspended member may read. Every form is a plain
//! post, so all of it works with JavaScript off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::fields::echoed;
use crate::components::{CsrfField, FormError, LoadError, TextArea};
use crate::i18n::use_i18n;
use crate::server_fns::{find_members, load_member, my_suspension};
use domain::fields::SuspensionDays;
use domain::models::{MemberFile, MemberHit, Suspension, MEMBER_HITS};

/// `/mod/members`: a name search (a GET form).
#[component]
pub fn MembersPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let hits = Resource::new(q, find_members);
    view! {
        <Title text=i.tr("members.title")/>
        <h1>{i.tr("members.title")}</h1>
        <p class="lead">{i.tr("members.lead")}</p>
        <form method="get" action="/mod/members" class="member-search" role="search">
            <label for="members-q">{i.tr("members.query")}</label>
            <input id="members-q" name="q" type="search" value=q maxlength=domain::fields::DisplayName::MAX/>
            <button type="submit" class="button small">{i.tr("members.find")}</button>
        </form>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                let asked = !q().trim().is_empty();
                match hits.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) if list.is_empty() && asked => view! { <p class="empty">{i.tr("members.none")}</p> }.into_any(),
                    Ok(list) => {
                        let full = list.len() as i64 >= MEMBER_HITS;
                        view! {
                            <ul class="members">{list.into_iter().map(|h| view! { <Hit h/> }).collect_view()}</ul>
                            {full.then(|| view! { <p class="hint">{i.trf("members.more", &[("n", &MEMBER_HITS.to_string())])}</p> })}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Hit(h: MemberHit) -> impl IntoView {
    let i = use_i18n();
    view! {
        <li>
            <a href=format!("/mod/members/{}", h.id)>{h.display_name.clone()}</a>
            " · "{i.tr(&format!("role.{}", h.role.as_str()))}
            " · "{i.tr(&format!("status_name.{}", h.status.as_str()))}
            {h.suspended_until.map(|t| view! {
                " · "<span class="badge warning">{i.trf("members.suspended_until", &[("time", &i.time(t))])}</span>
            })}
        </li>
    }
}

/// `/mod/members/:id`: one member's record and the staff's actions on it.
#[component]
pub fn MemberPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let file = Resource::new(id, load_member);
    view! {
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match file.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(f) => view! { <Record f/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Record(f: MemberFile) -> impl IntoView {
    let i = use_i18n();
    let title = i.trf("member.title", &[("name", &f.display_name)]);
    let action = format!("/mod/members/{}", f.id);
    let row = move |k: &'static str, v: String| view! { <dt>{i.tr(k)}</dt><dd>{v}</dd> };
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <dl class="details">
            {row("profile.role", i.tr(&format!("role.{}", f.role.as_str())))}
            {row("profile.status", i.tr(&format!("status_name.{}", f.status.as_str())))}
            {row("field.profession", i.tr(&format!("profession.{}", f.profession)))}
            {row("member.joined", i.time(f.created_at))}
            {row("member.sessions", f.sessions.to_string())}
        </dl>
        <FormError form="member"/>
        {f.current.clone().map(|s| view! {
            <section class="card suspension-current" id="current">
                <h2>{i.tr("member.current")}</h2>
                <SuspensionText s/>
                {f.may_suspend.then(|| view! {
                    <form method="post" action=action.clone() class="inline">
                        <CsrfField/>
                        <input type="hidden" name="action" value="lift"/>
                        <button type="submit" class="button secondary">{i.tr("member.lift")}</button>
                    </form>
                })}
            </section>
        })}
        {if f.may_suspend { view! { <SuspendForm action=action.clone()/> }.into_any() } else {
            view! { <p class="hint">{i.tr("member.cannot_suspend")}</p> }.into_any()
        }}
        {f.may_end_sessions.then(|| view! {
            <form method="post" action=action.clone() class="inline">
                <CsrfField/>
                <input type="hidden" name="action" value="end_sessions"/>
                <button type="submit" class="button small secondary">{i.tr("member.end_sessions")}</button>
            </form>
        })}
        <section class="card" id="history">
            <h2>{i.tr("member.history")}</h2>
            {if f.suspensions.is_empty() {
                view! { <p class="empty">{i.tr("member.history_none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="suspensions">
                        {f.suspensions.into_iter().map(|s| view! { <li><SuspensionText s/></li> }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// The suspend form: a reason the member reads and a length in days.
#[component]
fn SuspendForm(action: String) -> impl IntoView {
    let i = use_i18n();
    let (chosen, err) = echoed("member", "days");
    let chosen = chosen.unwrap_or_else(|| "7".into());
    let has_err = err.is_some();
    view! {
        <section class="card" id="suspend">
            <h2>{i.tr("member.suspend")}</h2>
            <p class="hint">{i.tr("member.suspend_lead")}</p>
            <form method="post" action=action>
                <CsrfField/>
                <input type="hidden" name="action" value="suspend"/>
                <TextArea form="member" name="reason".to_string() label="member.reason" required=true/>
                <div class="field" class:has-error=has_err>
                    <label for="member-days">{i.tr("member.days")}</label>
                    <select id="member-days" name="days" aria-invalid=has_err.then_some("true")>
                        {SuspensionDays::CHOICES.into_iter().map(|d| {
                            let label = if d == 1 { i.tr("member.day_1") } else { i.trf("member.days_n", &[("n", &d.to_string())]) };
                            view! { <option value=d.to_string() selected=chosen == d.to_string()>{label}</option> }
                        }).collect_view()}
                    </select>
                    {err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
                </div>
                <button type="submit" class="button danger">{i.tr("member.suspend")}</button>
            </form>
        </section>
    }
}

/// One suspension: its period, who made it, the reason, and whether it was lifted.
#[component]
fn SuspensionText(s: Suspension) -> impl IntoView {
    let i = use_i18n();
    let period = i.trf(
        "member.period",
        &[("from", &i.time(s.starts_at)), ("to", &i.time(s.ends_at))],
    );
    view! {
        <p class="meta">
            {period}
            {s.by.clone().map(|n| view! { " · "{i.trf("member.by", &[("name", &n)])} })}
            {s.lifted_at.map(|t| view! {
                " · "{i.trf("member.lifted", &[("time", &i.time(t)), ("name", s.lifted_by.as_deref().unwrap_or("—"))])}
            })}
        </p>
        <p class="reason">{s.reason.clone()}</p>
    }
}

/// `/suspended`: why the viewer's account is suspended and until when.
#[component]
pub fn SuspendedPage() -> impl IntoView {
    let i = use_i18n();
    let signed_in = crate::page_ctx::use_page().viewer.is_some();
    let data = Resource::new(|| (), |_| my_suspension());
    view! {
        <Title text=i.tr("suspended.title")/>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(Some(s)) => view! {
                        <h1>{i.tr("suspended.title")}</h1>
                        <p class="lead">{i.trf("suspended.until", &[("time", &i.time(s.ends_at))])}</p>
                        <section class="card">
                            <h2>{i.tr("suspended.reason")}</h2>
                            <p class="reason">{s.reason}</p>
                        </section>
                        <p class="hint">{i.tr("suspended.help")}</p>
                    }.into_any(),
                    Ok(None) if signed_in => view! {
                        <h1>{i.tr("suspended.none")}</h1>
                        <p><a href="/">{i.tr("nav.home")}</a></p>
                    }.into_any(),
                    Ok(None) => view! {
                        <h1>{i.tr("suspended.title")}</h1>
                        <p><a href=format!("/login?next={}", domain::access::SUSPENDED_PATH)>{i.tr("suspended.sign_in")}</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
