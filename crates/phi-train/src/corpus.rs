//! The labelled corpora and the one split of them into a part the model learns from
//! and a part it is only measured on. The split is fixed here, in code, and never
//! changes with the model: `natural_dev` is halved per file and per label by a hash of
//! each post's id; whole sets by writers the model never learns from (written sets j
//! and m) and the template generator's held-out templates are validation only.

use std::path::{Path, PathBuf};

use phi::Kind;

/// One labelled post.
#[derive(Debug, Clone)]
pub struct Post {
    pub id: String,
    pub lang: String,
    pub text: String,
    pub phi: bool,
    /// Gold spans in characters (code points).
    pub spans: Vec<(usize, usize, Kind)>,
    /// The line as stored (for writing a set back out for the shared scorer).
    pub raw: String,
}

/// A named set of posts.
#[derive(Debug, Clone)]
pub struct Set {
    pub name: String,
    pub posts: Vec<Post>,
    /// How many times a post of this set counts per epoch (hand-written text counts
    /// more than generated text).
    pub weight: u32,
}

/// The whole split.
pub struct Split {
    pub train: Vec<Set>,
    pub validation: Vec<Set>,
}

fn read(path: &Path) -> Result<Vec<Post>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let mut spans = Vec::new();
        for s in v["spans"].as_array().into_iter().flatten() {
            let kind = s["kind"].as_str().and_then(Kind::parse);
            let (Some(a), Some(b), Some(k)) = (s["start"].as_u64(), s["end"].as_u64(), kind) else {
                return Err(format!("{}:{}: bad span", path.display(), n + 1));
            };
            spans.push((a as usize, b as usize, k));
        }
        out.push(Post {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            lang: v["lang"].as_str().unwrap_or("en").to_string(),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            phi: v["phi"].as_bool().unwrap_or(!spans.is_empty()),
            spans,
            raw: line.to_string(),
        });
    }
    Ok(out)
}

/// FNV-1a of an id: the split's coin.
fn coin(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// Halves posts per label by the hash of their ids: (first half, second half).
fn halve(posts: Vec<Post>) -> (Vec<Post>, Vec<Post>) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for label in [true, false] {
        let mut group: Vec<Post> = posts.iter().filter(|p| p.phi == label).cloned().collect();
        group.sort_by_key(|p| coin(&p.id));
        let half = group.len() / 2;
        b.extend(group.split_off(half));
        a.extend(group);
    }
    (a, b)
}

/// Where the repository and the shared corpora are.
pub struct Paths {
    pub corpus: PathBuf,
    pub shared: PathBuf,
}

impl Paths {
    /// From the crate's location: `crates/phi/corpus` and `../shared/phi` beside the repo.
    pub fn default_paths() -> Paths {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        Paths {
            corpus: root.join("crates/phi/corpus"),
            shared: root.join("../shared/phi"),
        }
    }
}

/// Loads every corpus and splits it.
pub fn load(p: &Paths) -> Result<Split, String> {
    let set = |name: &str, posts: Vec<Post>, weight: u32| Set {
        name: name.to_string(),
        posts,
        weight,
    };
    let mut train = vec![set("dev", read(&p.shared.join("dev.jsonl"))?, 1)];
    let mut validation = Vec::new();
    for f in ["en", "ja", "mixed"] {
        let all = read(&p.shared.join(format!("natural_dev/{f}.jsonl")))?;
        let (learn, measure) = halve(all);
        train.push(set(&format!("natural_{f}.train"), learn, 3));
        validation.push(set(&format!("natural_{f}.val"), measure, 1));
    }
    for f in [
        "en_a", "ja_a", "en_c", "ja_c", "mixed_c", "en_d", "ja_d", "en_g", "ja_g", "en_h", "ja_h",
        "en_i", "ja_i", "en_b", "ja_b", "en_e", "ja_e", "en_f", "ja_f", "en_k", "ja_k", "en_l",
        "ja_l",
    ] {
        train.push(set(
            &format!("written_{f}"),
            read(&p.corpus.join(format!("written/{f}.jsonl")))?,
            3,
        ));
    }
    for f in ["en_j", "ja_j", "en_m", "ja_m"] {
        validation.push(set(
            &format!("written_{f}"),
            read(&p.corpus.join(format!("written/{f}.jsonl")))?,
            1,
        ));
    }
    train.push(set(
        "templates.train",
        read(&p.corpus.join("templates/train.jsonl"))?,
        1,
    ));
    // Clean posts from the seed generator (ordinary questions, no patient data by
    // construction; the posts the seed test checks are not among them).
    train.push(set(
        "seed.clean",
        read(&p.corpus.join("seed/clean.jsonl"))?,
        1,
    ));
    validation.push(set(
        "templates.test",
        read(&p.corpus.join("templates/test.jsonl"))?,
        1,
    ));
    Ok(Split { train, validation })
}
