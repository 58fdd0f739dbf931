//! The composer's draft bar: "Save draft" (a form post, so it works without
//! JavaScript), "Discard draft" once one is kept, and a status line that screen
//! readers announce. With JavaScript the draft is also saved a few seconds after the
//! author stops typing, through `save_draft`; the server keeps one draft per thread
//! and one for a new thread, for its author only, and says whether it would be held.

use leptos::prelude::*;

use crate::i18n::I18n;

/// What the composer knows of its draft slot.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DraftSlot {
    /// The thread replied to, or 0 for a new thread.
    pub thread_id: i64,
    /// When the kept draft was last saved (0: none kept).
    pub saved_at: i64,
    /// The gate found something in the kept draft.
    pub flagged: bool,
}

/// What the composer's fields hold now, as signals (read by the autosave, which runs
/// in the browser only).
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct DraftFields {
    /// Category slug (new threads).
    pub category: RwSignal<String>,
    /// Title (new threads).
    pub title: RwSignal<String>,
    /// Tags (new threads).
    pub tags: RwSignal<String>,
    /// Body.
    pub body: RwSignal<String>,
    /// The question box (new threads).
    pub question: RwSignal<bool>,
    /// The form was submitted: no autosave starts after that (it could reach the
    /// server after the post and bring the draft back).
    pub sent: RwSignal<bool>,
}

/// Where a save stands, for the status line.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum State {
    Kept { at: i64, flagged: bool },
    Saving,
    Failed,
}

/// The draft buttons and status line; autosaves once the page is hydrated.
#[component]
pub fn DraftBar(
    i: I18n,
    kept: DraftSlot,
    fields: DraftFields,
    mounted: RwSignal<bool>,
) -> impl IntoView {
    let slot = kept;
    let state = RwSignal::new(State::Kept {
        at: slot.saved_at,
        flagged: slot.flagged,
    });
    #[cfg(feature = "hydrate")]
    autosave(slot.thread_id, fields, state, mounted);
    #[cfg(not(feature = "hydrate"))]
    let _ = (fields, mounted);
    let status = move || match state.get() {
        State::Kept { at: 0, .. } => String::new(),
        State::Kept { at, flagged } => {
            let saved = i.trf("draft.saved_at", &[("time", &i.time(at))]);
            if flagged {
                format!("{saved} {}", i.tr("draft.flagged"))
            } else {
                saved
            }
        }
        State::Saving => i.tr("draft.saving"),
        State::Failed => i.tr("draft.failed"),
    };
    let flagged = move || matches!(state.get(), State::Kept { flagged: true, .. });
    view! {
        <button type="submit" name="draft" value="1" formnovalidate=true class="button secondary">
            {i.tr("compose.save_draft")}
        </button>
        {(slot.saved_at > 0).then(|| view! {
            <button type="submit" formaction="/draft/discard" formnovalidate=true name="thread"
                value=slot.thread_id.to_string() class="button secondary">{i.tr("compose.discard_draft")}</button>
        })}
        <p class="draft-status hint" class:warn=flagged role="status" aria-live="polite">{status}</p>
    }
}

/// How long after the last keystroke the draft is saved.
#[cfg(feature = "hydrate")]
const PAUSE: std::time::Duration = std::time::Duration::from_secs(3);

#[cfg(feature = "hydrate")]
fn autosave(thread: i64, f: DraftFields, state: RwSignal<State>, mounted: RwSignal<bool>) {
    let typed = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        f.category.track();
        f.title.track();
        f.tags.track();
        f.body.track();
        f.question.track();
        if first.is_none() || !mounted.get_untracked() {
            return;
        }
        let n = typed.get_value() + 1;
        typed.set_value(n);
        set_timeout(
            move || {
                if typed.get_value() != n || f.sent.get_untracked() {
                    return;
                }
                state.set(State::Saving);
                leptos::task::spawn_local(async move {
                    let out = crate::server_fns::save_draft(
                        thread,
                        f.category.get_untracked(),
                        f.title.get_untracked(),
                        f.tags.get_untracked(),
                        f.body.get_untracked(),
                        f.question.get_untracked(),
                    )
                    .await;
                    // A newer save already started: its answer will tell.
                    if typed.get_value() != n {
                        return;
                    }
                    state.set(match out {
                        Ok(d) => State::Kept {
                            at: d.updated_at,
                            flagged: d.flagged,
                        },
                        Err(_) => State::Failed,
                    });
                });
            },
            PAUSE,
        );
    });
}
