//! The composer's formatting buttons (with JavaScript): each wraps or prefixes the
//! selected text with markdown, as Discourse's toolbar does, and leaves the result
//! selected so a second click or more typing carries on from there. Without
//! JavaScript the hint under the text box says how to write the same by hand.

use leptos::prelude::*;

use crate::i18n::I18n;

/// One formatting button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Bold,
    Italic,
    List,
    Quote,
    Link,
    Table,
}

/// The buttons in order: tool, label key, what the button shows.
const TOOLS: [(Tool, &str, &str); 6] = [
    (Tool::Bold, "compose.tool_bold", "B"),
    (Tool::Italic, "compose.tool_italic", "I"),
    (Tool::List, "compose.tool_list", "•"),
    (Tool::Quote, "compose.tool_quote", "❝"),
    (Tool::Link, "compose.tool_link", "[↗]"),
    (Tool::Table, "compose.tool_table", "▦"),
];

const TABLE: &str = "| Column | Column |\n| --- | --- |\n|  |  |\n";

/// Applies `tool` to `text` with the selection `start..end` (byte offsets on char
/// boundaries). Returns the new text and the new selection.
pub fn apply(tool: Tool, text: &str, start: usize, end: usize) -> (String, usize, usize) {
    let (start, end) = bounds(text, start, end);
    let (before, sel, after) = (&text[..start], &text[start..end], &text[end..]);
    match tool {
        Tool::Bold => wrap(before, sel, after, "**", "**"),
        Tool::Italic => wrap(before, sel, after, "*", "*"),
        Tool::Link => {
            let label = if sel.is_empty() { "text" } else { sel };
            let out = format!("{before}[{label}](https://){after}");
            // The address is what is left to type: select it.
            let at = before.len() + label.len() + 3;
            (out, at, at + "https://".len())
        }
        Tool::List => prefix_lines(text, start, end, "- "),
        Tool::Quote => prefix_lines(text, start, end, "> "),
        Tool::Table => {
            // A table needs a blank line before it to be read as one.
            let lead = if before.is_empty() || before.ends_with("\n\n") {
                ""
            } else if before.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let out = format!("{before}{lead}{TABLE}{sel}{after}");
            let at = before.len() + lead.len();
            (out, at, at + TABLE.len())
        }
    }
}

/// Clamps a selection into the text and onto char boundaries.
fn bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (fix(start), fix(end));
    (a.min(b), a.max(b))
}

fn wrap(before: &str, sel: &str, after: &str, open: &str, close: &str) -> (String, usize, usize) {
    let out = format!("{before}{open}{sel}{close}{after}");
    let at = before.len() + open.len();
    (out, at, at + sel.len())
}

/// Puts `mark` before every line the selection touches.
fn prefix_lines(text: &str, start: usize, end: usize, mark: &str) -> (String, usize, usize) {
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let block: Vec<String> = text[first..last]
        .split('\n')
        .map(|l| format!("{mark}{l}"))
        .collect();
    let block = block.join("\n");
    let out = format!("{}{}{}", &text[..first], block, &text[last..]);
    (out, first, first + block.len())
}

/// The byte offset of a UTF-16 offset (what a text box's selection counts in).
pub fn byte_of_utf16(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of a byte offset.
pub fn utf16_of_byte(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(0, |s| s.encode_utf16().count())
}

/// The formatting buttons over the composer's text box.
#[component]
pub fn Toolbar(
    i: I18n,
    body: RwSignal<String>,
    area: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let act = move |tool: Tool| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        let text = el.value();
        let s16 = el.selection_start().ok().flatten().unwrap_or(0) as usize;
        let e16 = el.selection_end().ok().flatten().unwrap_or(0) as usize;
        let (s, e) = (byte_of_utf16(&text, s16), byte_of_utf16(&text, e16));
        let (new, ns, ne) = apply(tool, &text, s, e);
        el.set_value(&new);
        let _ = el.focus();
        let _ = el.set_selection_range(
            utf16_of_byte(&new, ns) as u32,
            utf16_of_byte(&new, ne) as u32,
        );
        body.set(new);
    };
    view! {
        <div class="toolbar" role="group" aria-label=i.tr("compose.toolbar")>
            {TOOLS.iter().map(|&(tool, key, glyph)| view! {
                <button type="button" class="tool" title=i.tr(key) aria-label=i.tr(key)
                    aria-controls="compose-body" data-tool=key.trim_start_matches("compose.tool_")
                    on:click=move |_| act(tool)>
                    <span aria-hidden="true">{glyph}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_and_italic_wrap_the_selection_and_keep_it_selected() {
        let (t, s, e) = apply(Tool::Bold, "give 5 mg now", 5, 9);
        assert_eq!(t, "give **5 mg** now");
        assert_eq!(&t[s..e], "5 mg");
        let (t, s, e) = apply(Tool::Italic, "", 0, 0);
        assert_eq!((t.as_str(), s, e), ("**", 1, 1));
    }

    #[test]
    fn lists_and_quotes_prefix_every_line_touched() {
        let text = "intro\nfirst\nsecond\nend";
        let (t, s, e) = apply(Tool::List, text, 8, 14);
        assert_eq!(t, "intro\n- first\n- second\nend");
        assert_eq!(&t[s..e], "- first\n- second");
        let (t, _, _) = apply(Tool::Quote, "one line", 3, 3);
        assert_eq!(t, "> one line");
    }

    #[test]
    fn a_link_selects_its_address_and_a_table_starts_its_own_block() {
        let (t, s, e) = apply(Tool::Link, "see guideline", 4, 13);
        assert_eq!(t, "see [guideline](https://)");
        assert_eq!(&t[s..e], "https://");
        let (t, s, _) = apply(Tool::Table, "Doses:", 6, 6);
        assert!(t.starts_with("Doses:\n\n| Column |"), "{t}");
        assert_eq!(s, "Doses:\n\n".len());
    }

    #[test]
    fn selections_count_in_utf16_and_survive_japanese_and_emoji() {
        let text = "投与量😀を確認";
        // 投与量 = 3 units, 😀 = 2 units.
        assert_eq!(byte_of_utf16(text, 5), "投与量😀".len());
        assert_eq!(utf16_of_byte(text, "投与量😀".len()), 5);
        let (t, _, _) = apply(Tool::Bold, text, 0, "投与量".len());
        assert_eq!(t, "**投与量**😀を確認");
        // A selection off a char boundary or past the end is clamped, never a panic.
        let (t, _, _) = apply(Tool::Bold, text, 1, 999);
        assert!(t.starts_with("**"));
    }
}
