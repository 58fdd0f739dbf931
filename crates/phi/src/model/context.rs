//! Context of each segment beyond its neighbours: the words around it (punctuation
//! skipped), the header of the table column it sits in, and the label that opens its
//! line (`Pt:`, `受け持ち：`). A name in a column headed "Patient", or after "pts:", is
//! a patient's; the same word in a column headed "Drug" is not.

use super::hashing::{mix, text_key};
use super::units::{Class, Segment};
use crate::text::Text;

/// Per segment: the nearest word-like segments on each side (indices), the key of its
/// table column's header, and the key of its line's label.
pub(crate) struct Context {
    /// Index of each segment among the word-like ones (`None` for punctuation).
    pub word_pos: Vec<Option<u32>>,
    /// The word-like segments, in order.
    pub words: Vec<u32>,
    pub column_head: Vec<u32>,
    pub line_label: Vec<u32>,
}

fn word_like(c: Class) -> bool {
    !matches!(c, Class::Sym | Class::Newline)
}

/// Builds the context of every segment.
pub(crate) fn context(t: &Text, segs: &[Segment]) -> Context {
    let mut word_pos = Vec::with_capacity(segs.len());
    let mut words = Vec::new();
    for (k, g) in segs.iter().enumerate() {
        if word_like(g.class) {
            word_pos.push(Some(words.len() as u32));
            words.push(k as u32);
        } else {
            word_pos.push(None);
        }
    }
    let (column_head, line_label) = lines(t, segs);
    Context {
        word_pos,
        words,
        column_head,
        line_label,
    }
}

/// Walks the post line by line: markdown tables (a header row, a `---` row, body rows)
/// give each body cell its column's header; `label:` at the start of a line labels
/// the rest of it.
fn lines(t: &Text, segs: &[Segment]) -> (Vec<u32>, Vec<u32>) {
    let mut column_head = vec![0u32; segs.len()];
    let mut line_label = vec![0u32; segs.len()];
    let mut headers: Vec<u32> = Vec::new();
    let mut k = 0;
    while k < segs.len() {
        // One line: segments k..end.
        let mut end = k;
        while end < segs.len() && segs[end].class != Class::Newline {
            end += 1;
        }
        let line = &segs[k..end];
        let is_row = line
            .first()
            .is_some_and(|g| g.class == Class::Sym && t.c[g.s] == '|');
        if is_row {
            let cells = cells(t, line);
            let dashes = line
                .iter()
                .all(|g| g.class == Class::Sym && matches!(t.c[g.s], '|' | '-' | ':'));
            if dashes {
                // The separator: the previous row was the header.
            } else if headers.is_empty() {
                headers = cells.iter().map(|c| cell_key(t, line, c)).collect();
            } else {
                for (col, range) in cells.iter().enumerate() {
                    let head = headers.get(col).copied().unwrap_or(0);
                    for x in range.clone() {
                        column_head[k + x] = head;
                    }
                }
            }
        } else {
            headers.clear();
            // A short label before `:` or `：` opens the line.
            if let Some(colon) = line
                .iter()
                .take(6)
                .position(|g| g.class == Class::Sym && matches!(t.c[g.s], ':' | '：'))
            {
                if colon > 0 {
                    let label = text_key(t, line[0].s, line[colon - 1].e);
                    for x in colon + 1..line.len() {
                        line_label[k + x] = label;
                    }
                }
            }
        }
        k = end + 1;
    }
    (column_head, line_label)
}

/// The segment ranges of a table row's cells (relative to the line).
fn cells(t: &Text, line: &[Segment]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (x, g) in line.iter().enumerate() {
        if g.class == Class::Sym && t.c[g.s] == '|' {
            if let Some(s) = start {
                out.push(s..x);
            }
            start = Some(x + 1);
        }
    }
    out
}

/// Key of a header cell's words (empty cell: 1).
fn cell_key(t: &Text, line: &[Segment], r: &std::ops::Range<usize>) -> u32 {
    let mut h = 1u32;
    for g in &line[r.clone()] {
        if word_like(g.class) {
            h = mix(h, text_key(t, g.s, g.e));
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::segments;

    #[test]
    fn table_cells_know_their_column_and_lines_their_label() {
        let text = "| Bed | Patient |\n|---|---|\n| 1 | Kurebayashi |\npts: Mori, Ide";
        let t = Text::new(text);
        let segs = segments(&t);
        let c = context(&t, &segs);
        let find = |w: &str| segs.iter().position(|g| t.string(g.s, g.e) == w).unwrap();
        let name = find("Kurebayashi");
        let bed = find("1");
        assert_ne!(c.column_head[name], 0);
        assert_ne!(c.column_head[name], c.column_head[bed]);
        assert_eq!(
            c.column_head[find("Patient")],
            0,
            "the header itself has no column head"
        );
        assert_ne!(c.line_label[find("Mori")], 0);
        assert_eq!(c.line_label[find("Mori")], c.line_label[find("Ide")]);
    }
}
