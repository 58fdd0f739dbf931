//! PHI detector throughput: mixed English/Japanese posts (per 2 KB post and MB/s) and 1 MB
//! adversarial inputs (digits, kanji, `@`, repeated honorifics, title repeats).
//!
//! Run: `cargo bench -p app --bench phi`.  Posts are synthesised here (no corpus file is read),
//! in the styles the detector must handle: case presentations, sign-outs, handovers, care-home
//! notes, with and without identifiers, half-width and full-width.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use phi::scan;

/// Representative post fragments (about half contain identifiers, half are clean).
const FRAGMENTS: &[&str] = &[
    "Case: Harold Whitfield, 93M, admitted 2024-09-11 with hypotension. Hx Parkinson's disease. INR 4.2. Thoughts? ",
    "Sign-out: bed 16 Okafor, MRN 0848578, on rivaroxaban 15 mg; watch potassium 6.1 overnight. ",
    "Could the weekend team ring Aisha Rahman (wife) on (617) 555-0142 with the CT result? ",
    "Is HAS-BLED 3 enough to skip anticoagulation? The 2019 Beers Criteria says no. Any thoughts welcome. ",
    "Journal club: Tanaka et al. (NEJM, 2021) on Cushing's syndrome. Worth reading. ",
    "Patient Y, 82-year-old woman, Hashimoto's thyroiditis, on sertraline 50 mg. eGFR 24. Dose adjust? ",
    "【相談】佐藤花子さん（９５歳）、令和６年３月２日入院、肺炎。Cr ２．０。 ",
    "申し送り：101号室 四十物様、ID 5709758、リクシアナ30mg継続。 ",
    "長男の一ノ瀬拓也さんの携帯０９０－１２３４－５６７８に連絡がつきません。 ",
    "脳卒中治療ガイドライン2021では90歳以上の方の扱いが曖昧です。橋本病の既往もあります。 ",
    "Aさん、80代女性、パーキンソン病。ロキソプロフェン60mgの減量を検討中です。 ",
    "特別養護老人ホームさくらの里入所中の方が先週から食欲低下。HDS-R 15点。 ",
    "住所東京都新宿区西新宿2-8-1の方、訪問リハの依頼です。〒160-0023エリアです。 ",
    "The son posted her wound photos on https://www.facebook.com/jane.doe.77 — how do we address this kindly? ",
    "#7119をご家族に案内しています。資料（https://www.mhlw.go.jp/）が参考になります。 ",
    "Grand rounds on March 3, 2026: Alzheimer's disease in older adults. Bring questions. ",
];

/// Builds mixed posts of about `size` bytes each, rotating through the fragments.
fn posts(count: usize, size: usize) -> Vec<String> {
    (0..count)
        .map(|p| {
            let mut s = String::new();
            let mut k = p;
            while s.len() < size {
                s.push_str(FRAGMENTS[k % FRAGMENTS.len()]);
                k += 7;
            }
            s
        })
        .collect()
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn mixed(c: &mut Criterion) {
    let _ = scan("warm-up builds the shared dictionaries");
    let two_kb = posts(64, 2048);
    let bytes: usize = two_kb.iter().map(String::len).sum();
    let mut g = c.benchmark_group("mixed_posts");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("64_posts_of_2KB", |b| {
        b.iter(|| {
            for p in &two_kb {
                black_box(scan(black_box(p)));
            }
        })
    });
    // Baseline in the same run: the recognizers alone, as the detector was before the
    // model.
    let rules = phi::Detector::rules_only(phi::SiteLists::default());
    g.bench_function("64_posts_of_2KB_rules_only", |b| {
        b.iter(|| {
            for p in &two_kb {
                black_box(rules.scan(black_box(p)));
            }
        })
    });
    let one_mb = posts(1, 1 << 20).remove(0);
    g.throughput(Throughput::Bytes(one_mb.len() as u64));
    g.bench_function("one_1MB_post", |b| {
        b.iter(|| black_box(scan(black_box(&one_mb))))
    });
    g.finish();
}

fn adversarial(c: &mut Criterion) {
    let mb = 1 << 20;
    let inputs = [
        ("digits", repeat_to("7", mb)),
        ("kanji", repeat_to("漢", mb)),
        ("at_signs", repeat_to("@", mb)),
        ("honorific_san", repeat_to("さん", mb)),
        ("honorific_sama", repeat_to("様", mb)),
        ("name_san", repeat_to("田中さん", mb)),
        ("titles", repeat_to("Mr. ", mb)),
        ("fullwidth_phone", repeat_to("０９０－", mb)),
        ("email_chain", repeat_to("a@", mb)),
        ("bare_names", repeat_to("Mary Smith ", mb)),
        ("bed_and_surname", repeat_to("12B, Fitzgerald, ", mb)),
        ("kanji_dates", repeat_to("三月二日", mb)),
    ];
    let mut g = c.benchmark_group("adversarial_1MB");
    g.sample_size(10);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(scan(black_box(t))))
        });
    }
    g.finish();
}

criterion_group!(benches, mixed, adversarial);
criterion_main!(benches);
