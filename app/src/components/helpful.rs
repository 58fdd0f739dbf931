//! The "helpful" mark under a published post: a button for colleagues (a form post,
//! so it works without JavaScript and lands back on the post), the count, and who
//! marked it in a disclosure that opens on a tap or a click.

use leptos::prelude::*;

use super::CsrfField;
use crate::i18n::use_i18n;
use domain::models::PostView;

/// The mark, the count and the names of one post. `markable`: the thread is one every
/// member reads (the server checks the rest: not one's own post, not hidden).
#[component]
pub fn HelpfulBar(p: PostView, markable: bool) -> impl IntoView {
    let i = use_i18n();
    let pid = p.id;
    let more = p.helpful - p.helpful_names.len() as i64;
    let can_mark = markable && !p.mine && !p.hidden;
    (can_mark || p.helpful > 0).then(|| {
        view! {
            <div class="helpful">
                {can_mark.then(|| view! {
                    <form method="post" action=format!("/p/{pid}/helpful") class="inline">
                        <CsrfField/>
                        <button type="submit" class="helpful-button" class:on=p.helped
                            aria-pressed=if p.helped { "true" } else { "false" }>
                            <span aria-hidden="true">"♥ "</span>
                            {i.tr(if p.helped { "post.helpful_marked" } else { "post.helpful" })}
                        </button>
                    </form>
                })}
                {(p.helpful > 0).then(|| view! {
                    <details class="helpful-who">
                        <summary>{i.trf("post.helpful_count", &[("n", &p.helpful.to_string())])}</summary>
                        <ul>
                            {p.helpful_names.iter().map(|n| view! {
                                <li>{super::author_label(i, n)}</li>
                            }).collect_view()}
                            {(more > 0).then(|| view! {
                                <li>{i.trf("post.helpful_more", &[("n", &more.to_string())])}</li>
                            })}
                        </ul>
                    </details>
                })}
            </div>
        }
    })
}
