//! Search latency in process, and the same queries against PostgreSQL full-text
//! search (tsvector + GIN), on a seeded database (see BENCHMARKS.md):
//!
//! ```text
//! ROUNDS_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/rounds_bench \
//! ROUNDS_BENCH_SEARCH_DIR=/tmp/rounds-bench/search \
//!   cargo bench -p server --bench search
//! ```
//!
//! Prints p50/p99/max over every query of [`TERMS`] repeated, for: the index alone
//! (parse, build, run), the whole search as the page gets it (plus the database
//! rows and snippets), and PostgreSQL FTS (top 20 by `ts_rank`). Not criterion:
//! percentiles over a rotating query mix are the figure wanted, not a mean.

use std::time::{Duration, Instant};

use search::exec::{build, Plan};
use search::highlight::Marker;
use search::{query, search};
use sqlx::Row;
use store::Store;

/// The query mix: common and rare words, phrases and filters, in both languages.
const TERMS: &[&str] = &[
    "pneumonia",
    "aspiration pneumonia",
    "vancomycin",
    "delirium",
    "haloperidol",
    "insulin",
    "heart failure",
    "furosemide",
    "pressure ulcer",
    "dressing",
    "falls",
    "sepsis",
    "\"blood culture\"",
    "antibiotics",
    "dementia",
    "constipation",
    "pain",
    "morphine",
    "hypoglycemia",
    "warfarin",
    "renal",
    "elderly",
    "infection",
    "nutrition",
    "誤嚥性肺炎",
    "肺炎",
    "褥瘡",
    "せん妄",
    "\"せん妄 予防\"",
    "抗菌薬",
    "インスリン",
    "心不全",
    "利尿薬",
    "転倒",
    "認知症",
    "便秘",
    "疼痛",
    "経管栄養",
    "血糖",
    "バンコマイシン",
    "高齢者",
    "家族",
    "delirium order:latest",
    "pneumonia -aspiration",
    "insulin OR 血糖",
];

fn percentiles(mut v: Vec<Duration>) -> (f64, f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |q: f64| ms(v[((v.len() as f64 - 1.0) * q).round() as usize]);
    (at(0.5), at(0.99), ms(*v.last().unwrap_or(&Duration::ZERO)))
}

fn report(name: &str, v: Vec<Duration>) -> f64 {
    let n = v.len();
    let (p50, p99, max) = percentiles(v);
    println!("{name:<34} n={n:<6} p50 {p50:>8.3} ms   p99 {p99:>8.3} ms   max {max:>8.3} ms");
    p99
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Ok(url) = std::env::var("ROUNDS_BENCH_DATABASE_URL") else {
        eprintln!("set ROUNDS_BENCH_DATABASE_URL (and ROUNDS_BENCH_SEARCH_DIR) to a seeded database; see BENCHMARKS.md");
        return Ok(());
    };
    let dir = std::env::var("ROUNDS_BENCH_SEARCH_DIR").unwrap_or_else(|_| "data/search".into());
    let rounds: usize = std::env::var("ROUNDS_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let store = Store::connect(&url).await?;
    let index = search::open_and_catch_up(std::path::Path::new(&dir), &store).await?;
    println!(
        "{} posts in the database; index {:.1} MB; {} queries x {rounds} rounds",
        store.count_posts().await?,
        index.size_bytes() as f64 / 1e6,
        TERMS.len()
    );

    // Warm the page cache and the reader once.
    for q in TERMS {
        search(&store, &index, q, 1, "", None).await;
    }

    let mut bare = Vec::new();
    let mut full = Vec::new();
    let mut db = Vec::new();
    let mut marks = Vec::new();
    let mut total_hits = 0usize;
    for _ in 0..rounds {
        for q in TERMS {
            let t = Instant::now();
            let plan = Plan {
                parsed: query::parse(q).expect("bench queries parse"),
                ..Plan::default()
            };
            let built = build(&index.fields(), &plan).expect("bench queries build");
            let m = index.run(built.as_ref(), query::Order::Relevance, 0, 20)?;
            bare.push(t.elapsed());
            total_hits += m.total;

            // Where the rest goes: reading the 20 rows back, and highlighting them.
            let t = Instant::now();
            let rows = store.search_hits(&m.post_ids).await?;
            db.push(t.elapsed());
            let t = Instant::now();
            let marker = Marker::for_query(&plan.parsed);
            for r in &rows {
                std::hint::black_box((marker.mark_all(&r.title), marker.snippet(&r.body)));
            }
            marks.push(t.elapsed());

            let t = Instant::now();
            let r = search(&store, &index, q, 1, "", None).await;
            full.push(t.elapsed());
            assert!(r.error.is_none(), "{q}: {:?}", r.error);
        }
    }
    println!(
        "mean matches per query: {}",
        total_hits / (rounds * TERMS.len())
    );
    report("tantivy: index only", bare);
    report("  rows from the database", db);
    report("  highlighting 20 rows", marks);
    let ours = report("tantivy: whole search (rows, snippets)", full);

    if store.backend() == store::Backend::Postgres {
        pg_fts(&store, rounds, ours).await?;
    }
    Ok(())
}

/// The same queries with PostgreSQL's own full-text search: an expression GIN index
/// over title and body (English configuration), `websearch_to_tsquery` (which reads
/// quotes, OR and -exclusion like our syntax), top 20 by `ts_rank`.
async fn pg_fts(store: &Store, rounds: usize, ours_p99: f64) -> anyhow::Result<()> {
    let pool = store.pool();
    let t = Instant::now();
    sqlx::query(
        "CREATE INDEX IF NOT EXISTS bench_posts_fts ON posts USING GIN \
         (to_tsvector('english', body_text))",
    )
    .execute(pool)
    .await?;
    sqlx::query("ANALYZE posts").execute(pool).await?;
    println!(
        "PostgreSQL GIN index ready in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let size: i64 = sqlx::query("SELECT pg_relation_size('bench_posts_fts') AS s")
        .fetch_one(pool)
        .await?
        .try_get("s")?;
    println!("PostgreSQL GIN index size: {:.1} MB", size as f64 / 1e6);
    let sql = "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id \
               WHERE to_tsvector('english', p.body_text) @@ websearch_to_tsquery('english', $1) \
               AND p.state = 'published' AND p.hidden = 0 AND t.hidden = 0 AND t.deleted = 0 \
               ORDER BY ts_rank(to_tsvector('english', p.body_text), websearch_to_tsquery('english', $1)) DESC \
               LIMIT 20";
    // Filters are not PostgreSQL syntax: strip them so the words are compared.
    let words = |q: &str| {
        q.split_whitespace()
            .filter(|w| !w.contains(':'))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for q in TERMS {
        sqlx::query(sql).bind(words(q)).fetch_all(pool).await?;
    }
    let mut times = Vec::new();
    let mut found = 0usize;
    for _ in 0..rounds.min(10) {
        for q in TERMS {
            let t = Instant::now();
            let rows = sqlx::query(sql).bind(words(q)).fetch_all(pool).await?;
            times.push(t.elapsed());
            found += rows.len();
        }
    }
    println!(
        "PostgreSQL: mean rows per query (max 20): {}",
        found / times.len().max(1)
    );
    let theirs = report("PostgreSQL FTS (tsvector + GIN)", times);
    println!(
        "ratio tantivy whole-search p99 / PostgreSQL FTS p99: {:.3}",
        ours_p99 / theirs
    );
    Ok(())
}
