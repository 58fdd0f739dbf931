//! The findings of a held post as a moderator judges them: each with its kind, text
//! and reason, and one-click forms to mark it "not patient data" — optionally adding
//! its exact text to the site's never-hold list — or to take the mark back. Plain
//! forms, so it works with JavaScript blocked.

use leptos::prelude::*;

use super::CsrfField;
use crate::i18n::use_i18n;
use domain::models::{FindingField, FindingRef, RevisionView};

/// The findings list of held version `id` (`marks`: those already marked).
#[component]
pub fn FindingVerdicts(id: i64, revision: RevisionView, marks: Vec<FindingRef>) -> impl IntoView {
    let i = use_i18n();
    let fields = [
        (
            FindingField::Title,
            revision.title.clone().unwrap_or_default(),
            revision.findings.title.clone(),
        ),
        (
            FindingField::Tags,
            revision.tags.clone().unwrap_or_default(),
            revision.findings.tags.clone(),
        ),
        (
            FindingField::Body,
            revision.body_md.clone(),
            revision.findings.body.clone(),
        ),
    ];
    let rows = fields
        .into_iter()
        .flat_map(|(field, text, list)| {
            list.into_iter().enumerate().map(move |(position, f)| {
                let found = text.get(f.start..f.end).unwrap_or("").to_string();
                (FindingRef { field, position }, f, found)
            })
        })
        .collect::<Vec<_>>();
    let form = move |r: FindingRef, verdict: &'static str, label: String, class: &'static str| {
        view! {
            <form method="post" action=format!("/mod/held/{id}/finding") class="inline">
                <CsrfField/>
                <input type="hidden" name="field" value=r.field.as_str()/>
                <input type="hidden" name="position" value=r.position.to_string()/>
                <input type="hidden" name="verdict" value=verdict/>
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    view! {
        <section class="card" id="findings">
            <h2>{i.tr("verdict.title")}</h2>
            <p class="hint">{i.tr("verdict.hint")}</p>
            <ul class="findings verdicts">
                {rows.into_iter().map(|(r, f, found)| {
                    let kind = f.kind.as_str();
                    let why = phi::why(&f.rule);
                    let why = if i.is_ja() { why.1 } else { why.0 };
                    let marked = marks.contains(&r);
                    let never_label = i.trf("verdict.never", &[("term", &found)]);
                    view! {
                        <li class=if marked { "marked" } else { "" }>
                            <span class="kind">{i.tr(&format!("phi.{kind}"))}</span>" "
                            <mark data-kind=kind>{found.clone()}</mark>" "
                            <span class="why">{why}</span>
                            <div class="verdict-actions">
                                {if marked {
                                    view! {
                                        <span class="badge">{i.tr("verdict.marked")}</span>" "
                                        {form(r, "undo", i.tr("verdict.undo"), "link")}
                                    }.into_any()
                                } else {
                                    view! {
                                        {form(r, "not_phi", i.tr("verdict.not_phi"), "button small")}" "
                                        {form(r, "never", never_label, "button small secondary")}
                                    }.into_any()
                                }}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
