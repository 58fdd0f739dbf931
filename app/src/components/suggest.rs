//! The composer's `@` and `#` suggestions (with JavaScript): typing `@Ka` lists
//! verified members whose name starts so, `#car` the matching categories. Arrow keys
//! move through the list, Enter or Tab picks, Escape closes, and a tap or click picks
//! too; the text box announces the list to screen readers (`aria-controls`,
//! `aria-activedescendant`). Picking writes `@Display_Name` (a mention) or a link to
//! the category. Without JavaScript, mentions are typed by hand as the hint says.

use leptos::prelude::*;

use super::toolbar::{byte_of_utf16, utf16_of_byte};
use crate::i18n::I18n;
use domain::models::Suggestion;

/// Longest name looked up after a trigger.
const NAME_MAX: usize = 40;

/// The trigger being typed before the caret (byte offset `caret`): `@` or `#` at the
/// start of the text or after a space or `(`, then up to 40 characters that are not
/// spaces, punctuation of markdown, or another trigger. Returns the trigger, where it
/// starts and what follows it (never empty).
pub fn trigger_at(text: &str, caret: usize) -> Option<(char, usize, &str)> {
    let before = text.get(..caret)?;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if n > NAME_MAX {
            return None;
        }
        if c == '@' || c == '#' {
            let starts = before[..i]
                .chars()
                .next_back()
                .is_none_or(|p| p.is_whitespace() || p == '(');
            let prefix = &before[i + c.len_utf8()..];
            return (starts && !prefix.is_empty()).then_some((c, i, prefix));
        }
        if c.is_whitespace()
            || matches!(
                c,
                '*' | '`' | '[' | ']' | '(' | ')' | '<' | '>' | ',' | ':' | ';'
            )
        {
            return None;
        }
    }
    None
}

/// `text` with `start..caret` replaced by `insert` and a space; the caret after them.
pub fn replace_token(text: &str, start: usize, caret: usize, insert: &str) -> (String, usize) {
    let (start, caret) = (start.min(text.len()), caret.min(text.len()));
    let rest = &text[caret..];
    let space = if rest.starts_with(' ') { "" } else { " " };
    let out = format!("{}{insert}{space}{rest}", &text[..start]);
    (out, start + insert.len() + 1)
}

/// The suggestion list's state, shared by the text box's handlers and the list.
#[derive(Clone, Copy)]
pub struct SuggestState {
    items: RwSignal<Vec<Suggestion>>,
    active: RwSignal<usize>,
    /// Where the trigger starts and where the caret was (bytes).
    token: StoredValue<(usize, usize)>,
    asked: StoredValue<u64>,
}

impl SuggestState {
    /// An empty, closed list.
    pub fn new() -> Self {
        SuggestState {
            items: RwSignal::new(Vec::new()),
            active: RwSignal::new(0),
            token: StoredValue::new((0, 0)),
            asked: StoredValue::new(0),
        }
    }

    /// The id of the option the arrow keys are on, while the list is open.
    pub fn active_id(self) -> Option<String> {
        let open = self.items.with(|v| !v.is_empty());
        open.then(|| format!("compose-suggest-{}", self.active.get()))
    }

    fn close(self) {
        self.asked.update_value(|n| *n += 1);
        self.items.set(Vec::new());
    }

    /// After the text or the caret changed: looks up what the trigger before the
    /// caret asks for, after a short pause; closes the list when there is none.
    pub fn update(self, area: NodeRef<leptos::html::Textarea>, lang: &'static str) {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let text = el.value();
        let caret16 = el.selection_start().ok().flatten().unwrap_or(0) as usize;
        let caret = byte_of_utf16(&text, caret16);
        let Some((trigger, start, prefix)) = trigger_at(&text, caret) else {
            self.close();
            return;
        };
        self.token.set_value((start, caret));
        let n = self.asked.get_value() + 1;
        self.asked.set_value(n);
        let (trigger, prefix) = (trigger.to_string(), prefix.to_string());
        set_timeout(
            move || {
                if self.asked.get_value() != n {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let found = crate::server_fns::suggest(trigger, prefix, lang.to_string()).await;
                    if self.asked.get_value() == n {
                        self.active.set(0);
                        self.items.set(found.unwrap_or_default());
                    }
                });
            },
            std::time::Duration::from_millis(150),
        );
    }

    /// Keys while the list is open: arrows move, Enter or Tab picks, Escape closes.
    pub fn keydown(
        self,
        ev: &leptos::ev::KeyboardEvent,
        area: NodeRef<leptos::html::Textarea>,
        body: RwSignal<String>,
    ) {
        let n = self.items.with(Vec::len);
        if n == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => self.active.update(|a| *a = (*a + 1) % n),
            "ArrowUp" => self.active.update(|a| *a = (*a + n - 1) % n),
            "Enter" | "Tab" => self.pick(self.active.get_untracked(), area, body),
            "Escape" => self.close(),
            _ => return,
        }
        ev.prevent_default();
    }

    /// Writes suggestion `idx` in place of what was typed after the trigger.
    fn pick(self, idx: usize, area: NodeRef<leptos::html::Textarea>, body: RwSignal<String>) {
        let Some(choice) = self.items.with_untracked(|v| v.get(idx).cloned()) else {
            return;
        };
        let Some(el) = area.get_untracked() else {
            return;
        };
        let (start, caret) = self.token.get_value();
        let (text, at) = replace_token(&el.value(), start, caret, &choice.insert);
        el.set_value(&text);
        let at16 = utf16_of_byte(&text, at) as u32;
        let _ = el.set_selection_range(at16, at16);
        let _ = el.focus();
        body.set(text);
        self.close();
    }
}

impl Default for SuggestState {
    fn default() -> Self {
        Self::new()
    }
}

/// The list under the text box (rendered once the page is hydrated).
#[component]
pub fn SuggestList(
    i: I18n,
    state: SuggestState,
    area: NodeRef<leptos::html::Textarea>,
    body: RwSignal<String>,
) -> impl IntoView {
    view! {
        <ul id="compose-suggest" role="listbox" class="suggest" aria-label=i.tr("compose.suggest")
            hidden=move || state.items.with(|v| v.is_empty())>
            {move || state.items.get().into_iter().enumerate().map(|(n, s)| view! {
                <li id=format!("compose-suggest-{n}") role="option"
                    aria-selected=move || (state.active.get() == n).to_string()
                    on:mousedown=move |ev| { ev.prevent_default(); state.pick(n, area, body) }>
                    {s.label.clone()}
                    <span class="meta">" "{s.insert.clone()}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trigger_is_found_only_where_a_mention_or_a_link_can_start() {
        let t = "ask @Kat";
        assert_eq!(trigger_at(t, t.len()), Some(('@', 4, "Kat")));
        let t = "(#car";
        assert_eq!(trigger_at(t, t.len()), Some(('#', 1, "car")));
        assert_eq!(trigger_at("mail a@b", 8), None, "inside an address");
        assert_eq!(trigger_at("@", 1), None, "nothing typed after it");
        assert_eq!(trigger_at("@Kato MD", 8), None, "a space ends it");
        let t = "看護の@佐藤";
        assert_eq!(trigger_at(t, t.len()), None, "not after a letter");
        let t = "看護 @佐藤";
        assert_eq!(trigger_at(t, t.len()).map(|x| x.2), Some("佐藤"));
        assert_eq!(trigger_at("abc", 99), None, "a caret past the end");
    }

    #[test]
    fn picking_replaces_what_was_typed_and_moves_the_caret_past_it() {
        let (t, at) = replace_token("ask @Kat please", 4, 8, "@Kato_MD");
        assert_eq!(t, "ask @Kato_MD please");
        assert_eq!(&t[..at], "ask @Kato_MD ");
        let (t, at) = replace_token("see #car", 4, 8, "[#Cardiology](/c/cardiology)");
        assert_eq!(t, "see [#Cardiology](/c/cardiology) ");
        assert_eq!(at, t.len());
        assert_eq!(Suggestion::member("Kato MD").insert, "@Kato_MD");
    }
}
