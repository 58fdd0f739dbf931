//! The composer's live check (browser only): what the detector finds as the author
//! types — the body highlighted with one-click replacement, and findings in the title
//! and tags listed with the field they are in, so the page agrees with the server,
//! which screens all three.

use leptos::prelude::*;

use crate::i18n::I18n;
use domain::models::{spans, Span};
use phi::Finding;

/// A finding in the title or the tags.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldFinding {
    /// Translation key of the field's label.
    pub label: &'static str,
    /// The field's text.
    pub text: String,
    /// What was found in it.
    pub finding: Finding,
}

/// Replaces the byte range of one finding, if it still matches the text.
fn replace_one(text: &str, f: &Finding) -> String {
    if f.end <= text.len() && text.is_char_boundary(f.start) && text.is_char_boundary(f.end) {
        format!("{}{}{}", &text[..f.start], f.replacement, &text[f.end..])
    } else {
        text.to_string()
    }
}

fn why(i: I18n, f: &Finding) -> &'static str {
    let why = phi::why(&f.rule);
    if i.is_ja() {
        why.1
    } else {
        why.0
    }
}

/// The live findings panel under the body.
#[component]
pub fn LiveCheck(
    i: I18n,
    body: RwSignal<String>,
    findings: Memo<Vec<Finding>>,
    others: Memo<Vec<FieldFinding>>,
) -> impl IntoView {
    view! {
        <div class="live-check" aria-live="polite">
            {move || {
                let list = findings.get();
                let others = others.get();
                if list.is_empty() && others.is_empty() {
                    return view! { <p class="ok">{i.tr("compose.live_clean")}</p> }.into_any();
                }
                let n = list.len() + others.len();
                let preview = body.with(|b| spans(b, &list));
                view! {
                    <p class="warn">{i.trf("compose.live_found", &[("n", &n.to_string())])}</p>
                    <div class="held-text preview">{preview.into_iter().map(|s| match s {
                        Span::Plain(t) => view! { <span>{t}</span> }.into_any(),
                        Span::Found { text, kind, .. } => view! {
                            <mark data-kind=kind.clone() title=i.tr(&format!("phi.{kind}"))>{text}</mark>
                        }.into_any(),
                    }).collect_view()}</div>
                    <ul class="findings">
                        {others.into_iter().map(|o| {
                            let kind = o.finding.kind.as_str();
                            let text = o.text.get(o.finding.start..o.finding.end).unwrap_or("").to_string();
                            view! {
                                <li class="in-field">
                                    <span class="field-name">{i.tr(o.label)}</span>" · "
                                    <span class="kind">{i.tr(&format!("phi.{kind}"))}</span>" "
                                    <mark data-kind=kind>{text}</mark>" "
                                    <span class="why">{why(i, &o.finding)}</span>
                                </li>
                            }
                        }).collect_view()}
                        {list.into_iter().map(|f| {
                            let kind = f.kind.as_str();
                            let label = i.tr(&format!("phi.{kind}"));
                            let text = body.with(|b| b.get(f.start..f.end).unwrap_or("").to_string());
                            let replacement = f.replacement.clone();
                            let why = why(i, &f);
                            view! {
                                <li>
                                    <span class="kind">{label}</span>" "
                                    <mark data-kind=kind>{text}</mark>" → "
                                    <code>{replacement}</code>" "
                                    <span class="why">{why}</span>" "
                                    <button type="button" class="button small"
                                        on:click=move |_| body.update(|b| *b = replace_one(b, &f))>
                                        {i.tr("compose.replace")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
