//! The vocabulary of synthetic posts: bilingual term lists and sentence templates from
//! `synthetic.toml`, embedded at compile time and parsed once, on first use. Parsing resolves
//! the names terms use for each other into indices and checks everything the generator
//! relies on (non-empty lists, something to pick for adults and for children, known
//! placeholders), so that generating a post cannot fail or loop.

use std::sync::OnceLock;

use serde::Deserialize;

use super::template::Template;

/// The vocabulary, embedded at compile time (its format is described at its top).
pub const SYNTHETIC_TOML: &str = include_str!("../synthetic.toml");

/// The category whose conditions are about children.
const CHILD_CATEGORY: &str = "pediatrics";

/// Who a term applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Anyone.
    Any,
    /// Adults only.
    Adult,
    /// Children only.
    Child,
}

impl Scope {
    /// Whether a term of this scope fits a post about a child (`child`) or about an adult.
    pub fn fits(self, child: bool) -> bool {
        self == Scope::Any || (self == Scope::Child) == child
    }
}

/// A term in English and Japanese.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// English.
    pub en: String,
    /// Japanese.
    pub ja: String,
}

/// A term with who it applies to (interventions, care settings).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopedTerm {
    /// English.
    pub en: String,
    /// Japanese.
    pub ja: String,
    /// Who it applies to.
    pub scope: Scope,
}

/// A lab value and the range its readings are drawn from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lab {
    /// English name.
    pub en: String,
    /// Japanese name.
    pub ja: String,
    /// Unit shown after a reading (`""` for none, `"%"` without a space).
    pub unit: String,
    /// Lowest reading, in tenths of the unit.
    pub min_tenths: u32,
    /// Highest reading, in tenths of the unit.
    pub max_tenths: u32,
    /// Whether readings are shown with one decimal.
    pub decimal: bool,
    /// Who the value is discussed for.
    pub scope: Scope,
}

/// A condition a post is about.
#[derive(Debug)]
pub struct Cond {
    /// English name.
    pub en: String,
    /// Japanese name.
    pub ja: String,
    /// Tag of posts about it.
    pub tag: String,
    /// Category slug of posts about it.
    pub category: String,
    /// Whether it is a children's condition (its category is `pediatrics`).
    pub child: bool,
    /// Indices into [`Vocab::drugs`] of the drugs used for it or implicated in it: at least
    /// one, no repeats.
    pub drugs: Vec<usize>,
}

/// The sentence templates of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    /// Thread titles.
    pub titles: Vec<Template>,
    /// Thread titles in the workplace category.
    pub work_titles: Vec<Template>,
    /// Opening sentences.
    pub intros: Vec<Template>,
    /// Further sentences, each used at most once in a post.
    pub details: Vec<Template>,
    /// Lines before the list.
    pub list_heads: Vec<Template>,
    /// List items (at least five: a list has up to five distinct ones).
    pub items: Vec<Template>,
    /// Closing questions.
    pub questions: Vec<Template>,
    /// A markdown table.
    pub table: Template,
    /// The summary that ends a mixed post whose main language is the other one.
    pub summary: Template,
    /// Plain closing lines (not filled), appended while a body is too short.
    pub closers: Vec<String>,
}

/// Everything synthetic posts are made of.
#[derive(Debug)]
pub struct Vocab {
    /// Conditions a post is about.
    pub conditions: Vec<Cond>,
    /// Complications of adults' conditions (indices into `conditions`).
    pub adult_complications: Vec<usize>,
    /// Complications of children's conditions (indices into `conditions`).
    pub child_complications: Vec<usize>,
    /// Drugs.
    pub drugs: Vec<Term>,
    /// Interventions.
    pub interventions: Vec<ScopedTerm>,
    /// Care settings.
    pub settings: Vec<ScopedTerm>,
    /// Lab values.
    pub labs: Vec<Lab>,
    /// Children, described without an age.
    pub children: Vec<Term>,
    /// English templates.
    pub en: Templates,
    /// Japanese templates.
    pub ja: Templates,
}

/// `synthetic.toml` as written: terms refer to each other by English name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabFile {
    conditions: Vec<CondEntry>,
    complications: Complications,
    terms: Terms,
    en: Templates,
    ja: Templates,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CondEntry {
    en: String,
    ja: String,
    tag: String,
    category: String,
    drugs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Complications {
    adult: Vec<String>,
    child: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Terms {
    drugs: Vec<Term>,
    interventions: Vec<ScopedTerm>,
    settings: Vec<ScopedTerm>,
    labs: Vec<Lab>,
    children: Vec<Term>,
}

/// The embedded vocabulary, parsed on first use.
pub fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| match parse(SYNTHETIC_TOML) {
        Ok(vocab) => vocab,
        // Cannot happen in a tested build: the text is fixed at compile time and the unit test
        // `embedded_vocabulary_parses` (synthetic/tests.rs) parses exactly this text.
        Err(e) => panic!("the embedded seed/synthetic.toml is invalid: {e}"),
    })
}

/// Parses a vocabulary file, resolves names into indices and checks that the generator
/// always finds something to pick.
pub fn parse(text: &str) -> Result<Vocab, String> {
    let file: VocabFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let Terms {
        drugs,
        interventions,
        settings,
        labs,
        children,
    } = file.terms;
    let mut conditions = Vec::with_capacity(file.conditions.len());
    for c in file.conditions {
        let mut related = Vec::with_capacity(c.drugs.len());
        for name in &c.drugs {
            let Some(k) = drugs.iter().position(|d| d.en == *name) else {
                return Err(format!("{}: drug {name:?} is not in [terms] drugs", c.en));
            };
            if related.contains(&k) {
                return Err(format!("{}: drug {name:?} is listed twice", c.en));
            }
            related.push(k);
        }
        // A second, different drug comes from the condition's list or, with one listed, from
        // all drugs.
        if related.is_empty() || (related.len() == 1 && drugs.len() < 2) {
            return Err(format!("{}: too few drugs to pick two", c.en));
        }
        conditions.push(Cond {
            child: c.category == CHILD_CATEGORY,
            en: c.en,
            ja: c.ja,
            tag: c.tag,
            category: c.category,
            drugs: related,
        });
    }
    let resolve = |names: &[String]| -> Result<Vec<usize>, String> {
        let find = |name: &String| conditions.iter().position(|c| c.en == *name);
        names
            .iter()
            .map(|n| find(n).ok_or_else(|| format!("complication {n:?} is not a condition")))
            .collect()
    };
    let adult_complications = resolve(&file.complications.adult)?;
    let child_complications = resolve(&file.complications.child)?;
    for (k, c) in conditions.iter().enumerate() {
        let list = if c.child {
            &child_complications
        } else {
            &adult_complications
        };
        if !list.iter().any(|&j| j != k) {
            return Err(format!("{}: no complication other than itself", c.en));
        }
    }
    for child in [false, true] {
        let fits = |scope: &Scope| scope.fits(child);
        let n_int = interventions.iter().map(|t| t.scope).filter(fits).count();
        let n_set = settings.iter().map(|t| t.scope).filter(fits).count();
        let n_lab = labs.iter().map(|l| l.scope).filter(fits).count();
        if n_int < 2 || n_set == 0 || n_lab == 0 {
            let who = if child { "children" } else { "adults" };
            return Err(format!(
                "too few terms for {who}: {n_int} interventions (two needed), {n_set} settings, \
                 {n_lab} labs"
            ));
        }
    }
    if let Some(l) = labs.iter().find(|l| l.min_tenths > l.max_tenths) {
        return Err(format!("lab {}: min_tenths above max_tenths", l.en));
    }
    if conditions.is_empty() || children.is_empty() {
        return Err("no conditions or no children".to_string());
    }
    for (lang, t) in [("en", &file.en), ("ja", &file.ja)] {
        let lists = [
            &t.titles,
            &t.work_titles,
            &t.intros,
            &t.list_heads,
            &t.questions,
        ];
        if lists.iter().any(|l| l.is_empty()) || t.items.len() < 5 {
            return Err(format!(
                "[{lang}]: titles, work_titles, intros, list_heads and questions need at least \
                 one entry, items five"
            ));
        }
    }
    Ok(Vocab {
        conditions,
        adult_complications,
        child_complications,
        drugs,
        interventions,
        settings,
        labs,
        children,
        en: file.en,
        ja: file.ja,
    })
}
