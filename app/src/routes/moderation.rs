//! Moderator pages: the one queue (held posts, reports, verification requests),
//! a held post opened for a decision (audited), and a report.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{
    ClaimBox, Composer, ComposerInit, CsrfField, FindingVerdicts, FormError, Highlighted, LoadError,
};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::{load_held, load_report, mod_queue};
use domain::models::{HeldItem, QueueItem, ReportItem};

/// `/mod/queue?kind=&status=`
#[component]
pub fn QueuePage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let filter = move || {
        (
            query.with(|q| q.get("kind").unwrap_or_else(|| "all".into())),
            query.with(|q| q.get("status").unwrap_or_else(|| "open".into())),
        )
    };
    let data = Resource::new(filter, |(kind, status)| mod_queue(kind, status));
    let (kind, status) = filter();
    view! {
        <Title text=i.tr("queue.title")/>
        <h1>{i.tr("queue.title")}</h1>
        <form method="get" action="/mod/queue" class="filters">
            <label>{i.tr("queue.kind")}" "
                <select name="kind">
                    {["all", "held", "report", "verification"].into_iter().map(|k| view! {
                        <option value=k selected=kind == k>{i.tr(&format!("queue.kind.{k}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{i.tr("queue.status")}" "
                <select name="status">
                    {["open", "closed"].into_iter().map(|s| view! {
                        <option value=s selected=status == s>{i.tr(&format!("queue.status.{s}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit" class="button small">{i.tr("queue.filter")}</button>
        </form>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty">{i.tr("queue.empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="queue">{list.into_iter().map(|q| view! { <QueueRow q/> }).collect_view()}</ol>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn item_href(q: &QueueItem) -> String {
    match q.kind.as_str() {
        "held" => format!("/mod/held/{}", q.id),
        "report" => format!("/mod/report/{}", q.id),
        _ => format!("/mod/verification#applicant-{}", q.id),
    }
}

#[component]
fn QueueRow(q: QueueItem) -> impl IntoView {
    let i = use_i18n();
    let summary = match q.kind.as_str() {
        "report" => i.tr(&format!("report.reason.{}", q.summary)),
        "verification" => i.tr(&format!("profession.{}", q.summary)),
        _ => q
            .summary
            .split_whitespace()
            .map(|k| i.tr(&format!("phi.{k}")))
            .collect::<Vec<_>>()
            .join(", "),
    };
    view! {
        <li class="card queue-item" id=format!("{}-{}", q.kind, q.id)>
            <p class="meta">
                <span class="badge">{i.tr(&format!("queue.kind.{}", q.kind))}</span>" "
                {i.time(q.since)}" · "{q.who.clone()}
            </p>
            <p>{summary}</p>
            <p class="meta">{match q.claimed_by.clone() {
                Some(_) if q.claimed_by_me => i.tr("claim.yours"),
                Some(name) => i.trf("claim.by", &[("name", &name)]),
                None => i.tr("claim.none"),
            }}</p>
            <a class="button small" href=item_href(&q)>{i.tr("queue.open")}</a>
        </li>
    }
}

fn id_from_params() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0))
}

/// `/mod/held/:id`
#[component]
pub fn HeldItemPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(id_from_params(), load_held);
    view! {
        <Title text=i.tr("held.mod_title")/>
        <h1>{i.tr("held.mod_title")}</h1>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(h) => view! { <HeldDecision h/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HeldDecision(h: HeldItem) -> impl IntoView {
    let i = use_i18n();
    let id = h.revision.id;
    let r = h.revision.clone();
    let can_act = h.waiting && !h.own && h.claim.mine;
    let init = ComposerInit {
        title: r.title.clone().unwrap_or_default(),
        tags: r.tags.clone().unwrap_or_default(),
        body: r.body_md.clone(),
        category: String::new(),
        question: false,
    };
    let decision_form = move |decision: &'static str, label: &'static str, class: &'static str| {
        view! {
            <form method="post" action=format!("/mod/held/{id}") class="inline">
                <CsrfField/>
                <input type="hidden" name="decision" value=decision/>
                <button type="submit" class=class>{i.tr(label)}</button>
            </form>
        }
    };
    view! {
        <p class="meta">
            {i.trf("held.by", &[("name", &crate::components::author_label(i, &h.author))])}" · "{i.time(r.created_at)}
            {(!h.thread_title.is_empty()).then(|| view! { " · " <a href=format!("/t/{}", h.thread_id)>{h.thread_title.clone()}</a> })}
        </p>
        {h.own.then(|| view! { <p class="notice warn">{i.tr("held.own")}</p> })}
        {(!h.waiting).then(|| view! { <p class="notice">{i.tr("held.decided")}</p> })}
        {r.title.clone().map(|t| view! { <h2>{i.tr("compose.title")}</h2><Highlighted text=t findings=r.findings.title.clone()/> })}
        <h2>{i.tr("compose.body")}</h2>
        <Highlighted text=r.body_md.clone() findings=r.findings.body.clone()/>
        {(h.waiting && !h.own).then(|| view! { <ClaimBox kind="held" id claim=h.claim.clone() back=format!("/mod/held/{id}")/> })}
        {can_act.then(|| view! {
            <FindingVerdicts id revision=r.clone() marks=h.not_phi.clone()/>
            <section class="card decisions">
                <FormError form="held"/>
                {decision_form("approve", "held.approve", "button")}
                <form method="post" action=format!("/mod/held/{id}") class="reject">
                    <CsrfField/>
                    <input type="hidden" name="decision" value="reject"/>
                    <crate::components::TextArea form="held" name="reason".to_string() label="held.reason" required=true/>
                    <button type="submit" class="button danger">{i.tr("held.reject")}</button>
                </form>
            </section>
            <section class="card">
                <h2>{i.tr("held.redact")}</h2>
                <p class="hint">{i.tr("held.redact_hint")}</p>
                <Composer action=format!("/mod/held/{id}") hidden=vec![("decision", "redact".to_string())] review=false opening=h.opening init submit="held.redact_approve" confirm=true/>
            </section>
        })}
    }
}

/// `/mod/report/:id`
#[component]
pub fn ReportItemPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(id_from_params(), load_report);
    view! {
        <Title text=i.tr("report.mod_title")/>
        <h1>{i.tr("report.mod_title")}</h1>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(r) => view! { <ReportDecision r/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportDecision(r: ReportItem) -> impl IntoView {
    let i = use_i18n();
    let id = r.id;
    let open = r.state == domain::vocab::ReportState::Open;
    let can_act = open && !r.own && r.claim.mine;
    let _ = use_page();
    let form = move |decision: &'static str, label: &'static str| {
        view! {
            <form method="post" action=format!("/mod/report/{id}") class="inline">
                <CsrfField/>
                <input type="hidden" name="decision" value=decision/>
                <button type="submit" class="button">{i.tr(label)}</button>
            </form>
        }
    };
    view! {
        <p class="meta">{i.trf("report.by", &[("name", &r.reporter)])}" · "
            <span class="badge">{i.tr(&format!("report.reason.{}", r.reason))}</span></p>
        {(!r.note.is_empty()).then(|| view! { <blockquote class="note">{r.note.clone()}</blockquote> })}
        <h2>{i.trf("report.post_by", &[("name", &crate::components::author_label(i, &r.author))])}</h2>
        <div class="post-body card" inner_html=r.post_html.clone()></div>
        {if r.private {
            view! { <p class="notice">{i.tr("report.private")}</p> }.into_any()
        } else {
            view! { <p><a href=format!("/t/{}#post-{}", r.thread_id, r.post_id)>{i.tr("report.in_thread")}</a></p> }.into_any()
        }}
        {r.own.then(|| view! { <p class="notice warn">{i.tr("report.own")}</p> })}
        {(!open).then(|| view! { <p class="notice">{i.tr(&format!("report.state.{}", r.state))}</p> })}
        {(open && !r.own).then(|| view! { <ClaimBox kind="report" id claim=r.claim.clone() back=format!("/mod/report/{id}")/> })}
        {can_act.then(|| view! {
            <div class="decisions">
                <FormError form="report_decision"/>
                {form("dismiss", "report.dismiss")}
                {form("hide", "report.hide")}
                {form("remove", "report.remove")}
            </div>
        })}
    }
}
