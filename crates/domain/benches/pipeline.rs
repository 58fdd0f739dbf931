//! The post pipeline: markdown → sanitized HTML + plain text, and the PHI scan of
//! title, tags and body — what the server does to every new post and edit before it
//! is stored. Reported per KB of markdown (target ≤ 100 µs per KB).
//!
//! Run: `cargo bench -p domain --features markdown --bench pipeline`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use domain::fields::{NewPost, PostForm};
use domain::screening::screen;
use phi::{Detector, SiteLists};

/// Markdown paragraphs in the styles members write: case questions in English and
/// Japanese, lists, a table, links, quotes, code; about half carry identifiers.
const BLOCKS: &[&str] = &[
    "Woman in her 80s with **aspiration pneumonia** after a stroke. We started ampicillin-sulbactam; what do you use when there is a penicillin allergy?\n\n",
    "- eGFR 28, CRP 14\n- on apixaban 2.5 mg bid\n- [ ] swallow assessment\n- [x] chest X-ray\n\n",
    "| drug | dose | trough |\n|---|---|---|\n| vancomycin | 15 mg/kg | 15–20 mg/L |\n| gentamicin | 5 mg/kg | < 1 mg/L |\n\n",
    "> **@aoki_im** wrote:\n>\n> We aim for an AUC of 400–600 rather than a trough.\n\n",
    "高齢者の誤嚥性肺炎で、初期抗菌薬はアンピシリン・スルバクタムを使っています。腎機能が低下している場合の投与量はどうしていますか？\n\n",
    "【相談】佐藤花子さん（９５歳）、令和６年３月２日入院、肺炎。Cr ２．０。ご家族の連絡先は０９０－１２３４－５６７８です。\n\n",
    "Sign-out: bed 16 Okafor, MRN 0848578, on rivaroxaban 15 mg; see https://www.who.int/ and `CrCl = (140 - age) × weight / (72 × Cr)`.\n\n",
    "せん妄予防には、夜間の照明調整、日中の離床、眼鏡と補聴器の使用が効果的でした。詳しくは https://www.mhlw.go.jp/ を参照。\n\n",
];

fn post(bytes: usize, offset: usize) -> String {
    let mut s = String::new();
    let mut k = offset;
    while s.len() < bytes {
        s.push_str(BLOCKS[k % BLOCKS.len()]);
        k += 3;
    }
    s
}

fn pipeline(c: &mut Criterion) {
    let detector = Detector::new(SiteLists::default());
    let _ = detector.scan("warm up the dictionaries");
    let mut group = c.benchmark_group("pipeline");
    for kb in [1usize, 4, 16] {
        let posts: Vec<String> = (0..8).map(|o| post(kb * 1024, o)).collect();
        let bytes: usize = posts.iter().map(String::len).sum::<usize>() / posts.len();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::new("render+sanitize+scan", format!("{kb}KB")),
            &posts,
            |b, posts| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % posts.len();
                    let form = PostForm {
                        title: Some("Antibiotics for aspiration pneumonia in older adults".into()),
                        tags: Some("antibiotics 誤嚥性肺炎".into()),
                        body: posts[i].clone(),
                        send_for_review: false,
                    };
                    black_box(
                        NewPost::try_from(&form)
                            .map(|p| screen(&detector, 1, &p).body_html.len())
                            .unwrap_or(0),
                    )
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("render+sanitize only", format!("{kb}KB")),
            &posts,
            |b, posts| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % posts.len();
                    black_box(domain::markdown::render(&posts[i]).html.len())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
