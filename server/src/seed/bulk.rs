//! `rounds seed --posts N`: synthetic posts for benchmarks, shaped like a hospital
//! network's forum so lists and search are measured on realistic data: threads of 1
//! to 500 replies (most short, a few very long) with replies interleaved across the
//! threads active at the time, 20 categories, English and Japanese posts with tags
//! ([`super::synthetic`]), and 64 authors of whom a few write most posts. Every post
//! passes the PHI gate as any post does: screening runs on every core while one
//! connection writes the screened posts, a batch per transaction.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use domain::fields::{CategoryInput, NewPost, PostForm};
use domain::models::{Role, Status};
use domain::screening::{screen, Draft};
use ops::passwords;
use phi::{Detector, SiteLists};
use store::{NewUser, Store};

use super::synthetic::{synthetic_post, Rng};

/// Synthetic authors.
const AUTHORS: usize = 64;
/// Categories the seeded forum has (the site's own, then benchmark ones).
const CATEGORIES: usize = 20;
/// Threads receiving replies at any moment.
const ACTIVE: usize = 16;
/// Posts written per transaction.
const BATCH: usize = 250;
/// Screening batches in flight beside the writer.
const IN_FLIGHT: usize = 3;

/// One post to write: a new thread (its ordinal) or a reply to one.
enum Slot {
    Thread { ordinal: u64, category: i64 },
    Reply { ordinal: u64 },
}

/// Replies a thread will get: four in five threads have 1–20, the rest 20–500,
/// log-uniformly, as on forums where a few threads run for months.
fn replies(rng: &mut Rng) -> u64 {
    let (lo, hi) = if rng.below(5) == 0 {
        (20.0f64, 500.0f64)
    } else {
        (1.0, 20.0)
    };
    let u = rng.below(1_000_000) as f64 / 1_000_000.0;
    (lo * (hi / lo).powf(u)).round() as u64
}

/// The next posts of the plan: which thread each belongs to and who writes it.
struct Plan {
    rng: Rng,
    next_thread: u64,
    active: Vec<(u64, u64)>,
}

impl Plan {
    fn next(&mut self, categories: &[i64], own_category: i64) -> (Slot, usize) {
        // Authors by a steep power law: the first few write most posts.
        let u = self.rng.below(1_000_000) as f64 / 1_000_000.0;
        let author = ((AUTHORS as f64) * u.powi(3)) as usize;
        if self.active.len() < ACTIVE {
            let ordinal = self.next_thread;
            self.next_thread += 1;
            let r = replies(&mut self.rng);
            self.active.push((ordinal, r));
            let category = if self.rng.below(100) < 60 {
                own_category
            } else {
                categories[self.rng.below(categories.len())]
            };
            return (Slot::Thread { ordinal, category }, author);
        }
        let at = self.rng.below(self.active.len());
        let (ordinal, left) = &mut self.active[at];
        let ordinal = *ordinal;
        *left -= 1;
        if *left == 0 {
            self.active.swap_remove(at);
        }
        (Slot::Reply { ordinal }, author)
    }
}

/// Adds `n` synthetic posts; `progress` is called with the posts written so far.
/// Returns the posts created.
pub async fn posts(store: &Store, n: u64, progress: impl Fn(u64)) -> anyhow::Result<u64> {
    let detector = Arc::new(Detector::new(SiteLists::default()));
    let authors = authors(store).await?;
    let categories = categories(store).await?;
    let mut by_slug = HashMap::new();
    for c in store.categories().await? {
        by_slug.insert(c.slug, c.id);
    }
    let start = store.count_posts().await? as u64;
    let mut plan = Plan {
        rng: Rng(start ^ 0x5eed_f0f0),
        next_thread: 0,
        active: Vec::new(),
    };
    let mut threads: HashMap<u64, i64> = HashMap::new();
    let mut pending = VecDeque::new();
    let mut planned = 0u64;
    let mut written = 0u64;
    // Statistics early and then at every doubling: plans change as tables grow.
    let mut analyze_at = 1_000u64;
    loop {
        while pending.len() < IN_FLIGHT && planned < n {
            let mut batch = Vec::with_capacity(BATCH);
            while batch.len() < BATCH && planned < n {
                let post = synthetic_post(start + planned);
                let own = by_slug.get(post.category).copied().unwrap_or(categories[0]);
                let (slot, author) = plan.next(&categories, own);
                batch.push((slot, authors[author], post));
                planned += 1;
            }
            let detector = detector.clone();
            pending.push_back(tokio::task::spawn_blocking(move || {
                batch
                    .into_iter()
                    .map(|(slot, author, p)| {
                        let form = match slot {
                            Slot::Thread { .. } => PostForm {
                                title: Some(p.title),
                                tags: Some(p.tags.join(" ")),
                                body: p.body,
                                send_for_review: true,
                            },
                            Slot::Reply { .. } => PostForm {
                                body: p.body,
                                send_for_review: true,
                                ..PostForm::default()
                            },
                        };
                        let post = NewPost::try_from(&form)
                            .map_err(|e| anyhow::anyhow!("invalid seed post: {e:?}"))?;
                        Ok((slot, screen(&detector, author, &post)))
                    })
                    .collect::<anyhow::Result<Vec<(Slot, Draft)>>>()
            }));
        }
        let Some(job) = pending.pop_front() else {
            break;
        };
        let batch = job.await??;
        let mut tx = store.begin().await?;
        for (slot, draft) in &batch {
            match slot {
                Slot::Thread { ordinal, category } => {
                    let stored = tx.create_thread(*category, draft).await?;
                    threads.insert(*ordinal, stored.thread_id);
                }
                Slot::Reply { ordinal } => {
                    if let Some(thread) = threads.get(ordinal) {
                        tx.create_reply(*thread, draft).await?;
                    }
                }
            }
        }
        tx.commit().await?;
        written += batch.len() as u64;
        progress(written);
        if written >= analyze_at {
            analyze_at = (analyze_at * 2).min(analyze_at + 100_000);
            store.analyze().await?;
        }
    }
    store.analyze().await?;
    Ok(written)
}

/// The synthetic authors, created on first use.
async fn authors(store: &Store) -> anyhow::Result<Vec<i64>> {
    let hash = passwords::hash(crate::session::random_token())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut out = Vec::with_capacity(AUTHORS);
    for k in 0..AUTHORS {
        let email = format!("synthetic-{k}@rounds.invalid");
        if let Some(u) = store.user_by_email(&email).await? {
            out.push(u.id);
            continue;
        }
        let mut tx = store.begin().await?;
        let id = tx
            .create_user(&NewUser {
                email,
                password_hash: hash.clone(),
                display_name: format!("synthetic_{k}"),
                profession: "physician".into(),
                licence_number: "SYNTHETIC".into(),
                jurisdiction: "-".into(),
                npi: None,
                specialty: String::new(),
                workplace: String::new(),
                role: Role::Member,
                status: Status::Verified,
            })
            .await?;
        tx.commit().await?;
        out.push(id);
    }
    Ok(out)
}

/// The ids of [`CATEGORIES`] categories: the site's own, then benchmark ones added
/// as needed.
async fn categories(store: &Store) -> anyhow::Result<Vec<i64>> {
    let mut ids: Vec<i64> = store.all_categories().await?.iter().map(|c| c.id).collect();
    let mut k = 1;
    while ids.len() < CATEGORIES {
        let slug = format!("bench-{k:02}");
        k += 1;
        if store.category_by_slug(&slug).await?.is_some() {
            continue;
        }
        let mut tx = store.begin().await?;
        let id = tx
            .create_category(&CategoryInput {
                slug,
                name_en: format!("Benchmark area {k}"),
                name_ja: format!("ベンチマーク領域 {k}"),
                description_en: "Synthetic posts for load tests.".into(),
                description_ja: "負荷試験用の合成投稿。".into(),
                position: 100 + k,
            })
            .await?;
        tx.commit().await?;
        ids.push(id);
    }
    ids.truncate(CATEGORIES);
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_has_short_and_very_long_threads_and_prolific_authors() {
        let mut plan = Plan {
            rng: Rng(7),
            next_thread: 0,
            active: Vec::new(),
        };
        let mut sizes: HashMap<u64, u64> = HashMap::new();
        let mut by_author = vec![0u64; AUTHORS];
        let cats = [1, 2, 3];
        for _ in 0..200_000 {
            let (slot, author) = plan.next(&cats, 1);
            by_author[author] += 1;
            match slot {
                Slot::Thread { ordinal, category } => {
                    assert!(cats.contains(&category));
                    sizes.insert(ordinal, 0);
                }
                Slot::Reply { ordinal } => *sizes.get_mut(&ordinal).expect("thread first") += 1,
            }
        }
        let done: Vec<u64> = sizes
            .iter()
            .filter(|(t, _)| !plan.active.iter().any(|(a, _)| a == *t))
            .map(|(_, n)| *n)
            .collect();
        assert!(done.iter().all(|n| (1..=500).contains(n)));
        assert!(
            done.iter().any(|n| *n >= 300),
            "some threads run to hundreds of replies"
        );
        let short = done.iter().filter(|n| **n <= 20).count();
        assert!(short * 10 > done.len() * 7, "most threads are short");
        assert!(
            by_author[0] > by_author[AUTHORS - 1] * 10,
            "a few authors write most posts"
        );
    }
}
