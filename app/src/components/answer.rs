//! Questions and their answers on a thread page: the answer shown under the question
//! (with a link to it in the thread), the mark on the reply that is the answer, and
//! for the question's author and moderators a button on each reply to choose it (a
//! form post, so it works without JavaScript).

use leptos::prelude::*;

use super::CsrfField;
use crate::i18n::use_i18n;
use domain::models::AnswerView;

/// The answer under the question.
#[component]
pub fn AnswerBox(thread_id: i64, answer: AnswerView) -> impl IntoView {
    let i = use_i18n();
    let href = domain::links::post_in_thread(thread_id, answer.number, answer.post_id);
    view! {
        <section class="answer-box card" aria-labelledby="answer-heading">
            <h2 id="answer-heading"><span aria-hidden="true">"✓ "</span>{i.tr("answer.title")}</h2>
            <p class="meta">{i.trf("answer.by", &[("name", &super::author_label(i, &answer.author))])}</p>
            <div class="post-body" inner_html=answer.html></div>
            <p><a href=href>{i.tr("answer.go")}</a></p>
        </section>
    }
}

/// Under a published reply of a question: "✓ Answer" on the answer, and the button
/// to choose or unchoose it for those who may (`chooser`).
#[component]
pub fn AnswerMark(
    thread_id: i64,
    post_id: i64,
    /// This reply is the answer.
    is_answer: bool,
    /// The viewer may choose the answer.
    chooser: bool,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="answer-mark">
            {is_answer.then(|| view! { <span class="badge ok">"✓ "{i.tr("answer.badge")}</span> })}
            {chooser.then(|| view! {
                <form method="post" action=format!("/t/{thread_id}/answer") class="inline">
                    <CsrfField/>
                    <input type="hidden" name="post" value=if is_answer { String::new() } else { post_id.to_string() }/>
                    <button type="submit" class="button small secondary">
                        {i.tr(if is_answer { "answer.unchoose" } else { "answer.choose" })}
                    </button>
                </form>
            })}
        </div>
    }
}
