//! The claim on a moderation queue item: who holds it, and the button to take it.
//! Moderators must claim an item before they act on it.

use leptos::prelude::*;

use super::CsrfField;
use crate::i18n::use_i18n;
use domain::models::ClaimState;

/// The claim line and, unless the viewer holds the claim, the button to claim.
#[component]
pub fn ClaimBox(
    /// `held`, `report` or `verification`.
    kind: &'static str,
    /// The item's id.
    id: i64,
    /// The claim as it stands.
    claim: ClaimState,
    /// Where to come back to after claiming.
    back: String,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="claim">
            <p>{match &claim.by {
                Some(_) if claim.mine => i.trf("claim.yours_until", &[("when", &i.time(claim.until))]),
                Some(name) => i.trf("claim.by", &[("name", name)]),
                None => i.tr("claim.none"),
            }}</p>
            {(!claim.mine).then(|| view! {
                <form method="post" action="/mod/claim" class="inline">
                    <CsrfField/>
                    <input type="hidden" name="kind" value=kind/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="return_to" value=back.clone()/>
                    <button type="submit" class="button">{i.tr("claim.claim")}</button>
                </form>
            })}
        </div>
    }
}
