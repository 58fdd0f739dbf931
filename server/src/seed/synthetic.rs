//! Generated posts for `rounds seed --posts N` (benchmarks and search-index load tests).
//!
//! [`synthetic_post`] turns an index into a post deterministically: a splitmix64 stream
//! seeded from the index picks a language (about half English, half Japanese, some mixed),
//! a condition, drugs used for it, an intervention, a care setting and a lab value from
//! bilingual term lists, and fills sentence templates with them.  The result reads like a
//! forum case discussion and gives a search index a realistic spread of terms in both
//! languages.
//!
//! The term lists and templates live in `synthetic.toml` next to this file, embedded at
//! compile time and parsed once (`synthetic/vocab.rs`); the random choices are made in
//! `synthetic/ctx.rs`, placeholders parsed in `synthetic/template.rs`.
//!
//! The text is invented and carries no identifiable data: ages only as decades up to the
//! 80s (or "infant", "toddler"), no dates, names, places or numbers that look like
//! identifiers.

mod ctx;
mod template;
mod vocab;

use ctx::Ctx;
pub use ctx::Rng;
use template::{Slot, Template};

/// One generated post.
pub struct SyntheticPost {
    /// `"en"` or `"ja"`: the main language of the post (mixed posts add a summary in the other).
    pub lang: &'static str,
    /// Category slug.
    pub category: &'static str,
    /// Thread title.
    pub title: String,
    /// Markdown body, 300 to 1500 characters.
    pub body: String,
    /// One to three tags: lowercase ASCII slugs or Japanese words.
    pub tags: Vec<String>,
}

/// Mixed into the index so that post 0 does not start from a zero state.
const SEED: u64 = 0x726f_756e_6473_5eed;

/// Shortest body, in characters.
pub const MIN_BODY_CHARS: usize = 300;
/// Longest body, in characters.
pub const MAX_BODY_CHARS: usize = 1500;

/// Upper-cases the first letter when the first word is all lower case ("eGFR" stays).
fn capitalise(s: &str) -> String {
    let lead = s.trim_start_matches('*');
    let word: &str = lead
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return s.to_string();
    }
    let at = s.len() - lead.len();
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..at]);
    let mut chars = lead.chars();
    if let Some(c) = chars.next() {
        out.push(c.to_ascii_uppercase());
    }
    out.push_str(chars.as_str());
    out
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The i-th synthetic post: deterministic (same i → same post), about half English and half
/// Japanese with some mixed posts, 300–1500 characters of markdown, no identifiable data.
pub fn synthetic_post(i: u64) -> SyntheticPost {
    let v = vocab::vocab();
    let mut rng = Rng(i ^ SEED);
    let roll = rng.below(100);
    // 45 % English, 45 % Japanese, 10 % mixed (either main language plus a summary).
    let ja = match roll {
        0..45 => false,
        45..90 => true,
        _ => rng.below(2) == 0,
    };
    let mixed = roll >= 90;
    let ctx = Ctx::new(&mut rng, v);
    let workplace = rng.below(10) == 0;
    let fill = |t: &Template| ctx.fill(t, ja);
    // The templates of the post's language, and of the other one (for a summary).
    let (lang, other) = if ja { (&v.ja, &v.en) } else { (&v.en, &v.ja) };

    let (title_t, category) = if workplace {
        (rng.pick(&lang.work_titles), "workplace")
    } else {
        (
            rng.pick(&lang.titles),
            v.conditions[ctx.cond].category.as_str(),
        )
    };
    let title = fill(title_t);

    let details = &lang.details;
    let sep = if ja { "" } else { " " };

    // Details in a random order without repeats (Fisher–Yates).
    let mut order: Vec<usize> = (0..details.len())
        .filter(|&k| !(ctx.child && details[k].uses(Slot::Egfr)))
        .collect();
    for k in (1..order.len()).rev() {
        let j = rng.below(k + 1);
        order.swap(k, j);
    }
    let mut next_detail = order.into_iter();

    // First paragraph: intro plus one to three details.
    let mut para = fill(rng.pick(&lang.intros));
    for _ in 0..1 + rng.below(3) {
        if let Some(d) = next_detail.next() {
            para.push_str(sep);
            para.push_str(&fill(&details[d]));
        }
    }

    // A list of three to five distinct items.
    let mut list = fill(rng.pick(&lang.list_heads));
    list.push('\n');
    let n_items = 3 + rng.below(3);
    let mut used = Vec::new();
    while used.len() < n_items {
        let k = rng.below(lang.items.len());
        if !used.contains(&k) {
            used.push(k);
            list.push_str("\n- ");
            list.push_str(&fill(&lang.items[k]));
        }
    }

    let table = (rng.below(6) == 0).then(|| fill(&lang.table));
    let question = fill(rng.pick(&lang.questions));
    // Mixed posts end with a summary in the other language.
    let summary = mixed.then(|| ctx.fill(&other.summary, !ja));
    let target = MIN_BODY_CHARS + 20 + rng.below(900);

    let assemble = |extra: &str, table: &Option<String>| {
        let mut parts = vec![para.as_str()];
        if !extra.is_empty() {
            parts.push(extra);
        }
        parts.push(&list);
        if let Some(t) = table {
            parts.push(t);
        }
        parts.push(&question);
        if let Some(s) = &summary {
            parts.push(s);
        }
        parts.join("\n\n")
    };
    // A second paragraph of further details until the target length is reached.
    let mut extra = String::new();
    while chars(&assemble(&extra, &table)) < target {
        let Some(d) = next_detail.next() else { break };
        if !extra.is_empty() {
            extra.push_str(sep);
        }
        extra.push_str(&fill(&details[d]));
    }
    let mut body = assemble(&extra, &table);
    // Too long (not reached with the current lists, kept as a guard): drop the table, then
    // the second paragraph.
    if chars(&body) > MAX_BODY_CHARS {
        body = assemble(&extra, &None);
    }
    if chars(&body) > MAX_BODY_CHARS {
        body = assemble("", &None);
    }
    // Still short of the minimum: closing lines.
    for c in &lang.closers {
        if chars(&body) >= MIN_BODY_CHARS {
            break;
        }
        body.push_str("\n\n");
        body.push_str(c);
    }

    let cond = &v.conditions[ctx.cond];
    let mut tags = vec![cond.tag.to_string()];
    match rng.below(3) {
        0 => tags.push(cond.ja.to_string()),
        1 if workplace => tags.push("workplace".to_string()),
        1 => tags.push(slug(&v.drugs[ctx.drug].en)),
        _ => {}
    }
    if rng.below(4) == 0 {
        let t = if ja {
            "症例相談"
        } else {
            "case-discussion"
        };
        tags.push(t.to_string());
    }
    let mut seen = Vec::new();
    tags.retain(|t| {
        let new = !seen.contains(t);
        seen.push(t.clone());
        new
    });

    SyntheticPost {
        lang: if ja { "ja" } else { "en" },
        category,
        title,
        body,
        tags,
    }
}

/// A lowercase ASCII slug of an English term ("insulin glargine" → "insulin-glargine").
fn slug(s: &str) -> String {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| p.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests;
