//! The detector's record on `/admin/site-lists`: per kind and language, how many
//! findings held posts and what moderators decided, the live precision, and what
//! members reported as patient data after publication (the misses). Counts only.

use leptos::prelude::*;

use crate::components::LoadError;
use crate::i18n::use_i18n;
use crate::server_fns::admin_detector_record;
use domain::models::{DetectorRecord, KindRecord};

/// The record, loaded with the page.
#[component]
pub fn DetectorRecordSection() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| admin_detector_record());
    view! {
        <section class="card detector-record" id="record">
            <h2>{i.tr("record.title")}</h2>
            <p class="hint">{i.tr("record.hint")}</p>
            <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <LoadError error=e/> }.into_any(),
                        Ok(r) => view! { <RecordTables r/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn precision(k: &KindRecord) -> String {
    k.precision_permille()
        .map(|p| format!("{}.{}%", p / 10, p % 10))
        .unwrap_or_else(|| "—".into())
}

#[component]
fn RecordTables(r: DetectorRecord) -> impl IntoView {
    let i = use_i18n();
    let head = [
        "record.kind",
        "record.lang",
        "record.held",
        "record.waiting",
        "record.approved",
        "record.rejected",
        "record.redacted",
        "record.withdrawn",
        "record.not_phi",
        "record.precision",
    ];
    view! {
        {if r.kinds.is_empty() {
            view! { <p class="empty">{i.tr("record.none")}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="record">
                        <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{i.tr(h)}</th> }).collect_view()}</tr></thead>
                        <tbody>{r.kinds.into_iter().map(|k| view! {
                            <tr>
                                <th scope="row">{i.tr(&format!("phi.{}", k.kind))}</th>
                                <td>{i.tr(&format!("lang.{}", k.lang))}</td>
                                <td>{k.held}</td><td>{k.waiting}</td><td>{k.approved}</td>
                                <td>{k.rejected}</td><td>{k.redacted}</td><td>{k.withdrawn}</td>
                                <td>{k.not_phi}</td><td>{precision(&k)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h3>{i.tr("record.misses")}</h3>
        <div class="table-scroll">
            <table class="record misses">
                <thead><tr>
                    <th scope="col">{i.tr("record.lang")}</th>
                    <th scope="col">{i.tr("record.miss_open")}</th>
                    <th scope="col">{i.tr("record.miss_confirmed")}</th>
                    <th scope="col">{i.tr("record.miss_dismissed")}</th>
                </tr></thead>
                <tbody>{r.misses.into_iter().map(|m| view! {
                    <tr>
                        <th scope="row">{i.tr(&format!("lang.{}", m.lang))}</th>
                        <td>{m.open}</td><td>{m.confirmed}</td><td>{m.dismissed}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
