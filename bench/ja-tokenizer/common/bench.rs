// Shared benchmark harness: deterministic corpus generator, labelled queries,
// indexing (rate + size) and relevance (P@10, recall) for one tokenizer.
// Included by each scratch crate via #[path = "../../common/bench.rs"] mod bench;
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::time::Instant;

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{doc, DocAddress, Index, Term};

// ---------------------------------------------------------------- generator
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// (group probability, [(surface form, concept tags)])
type Group = (f64, &'static [(&'static str, &'static [&'static str])]);

const GROUPS: &[Group] = &[
    (0.08, &[("褥瘡", &["褥瘡"]), ("仙骨部の褥瘡", &["褥瘡"]), ("褥瘡処置", &["褥瘡"])]),
    (0.08, &[("誤嚥性肺炎", &["誤嚥性肺炎", "肺炎"])]),
    (0.05, &[("肺炎", &["肺炎"]), ("細菌性肺炎", &["肺炎"])]),
    (0.07, &[("せん妄", &["せん妄"]), ("夜間せん妄", &["せん妄"]), ("術後せん妄", &["せん妄"])]),
    (0.03, &[("せん妄予防", &["せん妄", "予防", "せん妄予防"]), ("せん妄の予防", &["せん妄", "予防"])]),
    (0.06, &[("予防", &["予防"]), ("予防的投与", &["予防"]), ("感染予防", &["予防"])]),
    (0.07, &[("転倒", &["転倒"]), ("転倒・転落", &["転倒"]), ("転倒予防", &["転倒", "予防"])]),
    (0.07, &[("抗菌薬", &["抗菌薬"]), ("広域抗菌薬", &["抗菌薬"])]),
    (0.04, &[("バンコマイシン", &["バンコマイシン"]), ("バンコマイシン（ＶＣＭ）", &["バンコマイシン"])]),
    (0.02, &[("vancomycin", &["vancomycin"]), ("Vancomycin", &["vancomycin"])]),
    (0.03, &[("MRSA", &["mrsa"]), ("ＭＲＳＡ", &["mrsa"])]),
    (0.06, &[("インスリン", &["インスリン"]), ("インスリングラルギン", &["インスリン"]), ("持効型インスリン", &["インスリン"])]),
    (0.06, &[("血糖", &["血糖"]), ("血糖値", &["血糖"]), ("高血糖", &["血糖"]), ("低血糖", &["血糖"])]),
    (0.03, &[("ＨｂＡ１ｃ", &["hba1c"]), ("HbA1c", &["hba1c"])]),
    (0.05, &[("咳", &["咳"]), ("咳嗽", &["咳"]), ("乾性咳嗽", &["咳"])]),
    (0.05, &[("痰", &["痰"]), ("喀痰", &["痰"]), ("吸痰", &["痰"])]),
    (0.05, &[("経管栄養", &["経管栄養"]), ("経鼻経管栄養", &["経管栄養"])]),
    (0.06, &[("心不全", &["心不全"]), ("慢性心不全", &["心不全"]), ("うっ血性心不全", &["心不全"])]),
    (0.05, &[("利尿薬", &["利尿薬"]), ("ループ利尿薬", &["利尿薬"])]),
    (0.07, &[("認知症", &["認知症"]), ("アルツハイマー型認知症", &["認知症"])]),
    (0.05, &[("便秘", &["便秘"]), ("便秘症", &["便秘"])]),
    (0.05, &[("疼痛", &["疼痛"]), ("疼痛管理", &["疼痛"]), ("がん性疼痛", &["疼痛"])]),
    (0.08, &[("高齢者", &["高齢者"]), ("後期高齢者", &["高齢者"]), ("高齢者施設", &["高齢者"])]),
    (0.05, &[("カテーテル", &["カテーテル"]), ("尿道カテーテル", &["カテーテル"]), ("中心静脈カテーテル", &["カテーテル"])]),
    (0.02, &[("京都", &["京都"]), ("京都市", &["京都"])]),
    // trap: 東京都 contains the substring 京都 but is not about Kyoto
    (0.03, &[("東京都", &["東京"]), ("東京", &["東京"])]),
];

const TEMPLATES_JA: &[&str] = &[
    "{X}について質問です。",
    "{X}の患者さんへの対応に悩んでいます。",
    "当病棟では{X}のケアをどのようにしていますか？",
    "{X}がみられたため主治医に報告しました。",
    "{X}に関する最新のガイドラインを教えてください。",
    "先週から{X}が続いています。",
    "{X}への介入でうまくいった例があれば共有してください。",
    "カンファレンスで{X}が話題になりました。",
    "新人スタッフ向けに{X}の勉強会を企画しています。",
    "{X}があり、ご家族にも説明しました。",
];
const TEMPLATES_EN: &[&str] = &[
    "We discussed {X} at the morning huddle.",
    "Has anyone managed {X} in a similar setting?",
    "Our team is reviewing the protocol for {X}.",
];
const FILLER_JA: &[&str] = &[
    "夜勤帯は看護師二名で対応しています。",
    "ご家族の面会は週末のみです。",
    "リハビリテーションは午前中に実施しています。",
    "多職種カンファレンスで方針を確認しました。",
    "食事摂取量は五割程度です。",
    "バイタルサインは安定しています。",
    "よろしくお願いいたします。",
    "本人の希望を尊重しながら支援しています。",
    "退院調整を進めているところです。",
    "スタッフ間で情報共有が不十分だと感じています。",
    "ポータブルトイレを使用しています。",
    "訪問看護との連携が課題です。",
    "薬剤師に相談したところ、用量調整を提案されました。",
    "記録の書き方についても意見をいただけると助かります。",
    "ナースコールの頻度が増えています。",
];
const FILLER_EN: &[&str] = &[
    "Any advice would be appreciated.",
    "Thanks in advance for your help.",
    "According to the latest guideline, early mobilization is recommended.",
    "The patient was admitted via the emergency department.",
    "Please share your experience.",
];

fn fullwidth_num(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            '.' => '．',
            c => c,
        })
        .collect()
}

fn numeric_filler(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}歳{}、ＡＤＬは車椅子レベルです。", fullwidth_num(&(65 + rng.below(35)).to_string()), if rng.chance(0.5) { "女性" } else { "男性" }),
        1 => format!("体温{}℃、ＳｐＯ２は{}％でした。", fullwidth_num(&format!("{}.{}", 36 + rng.below(4), rng.below(10))), fullwidth_num(&(88 + rng.below(12)).to_string())),
        2 => format!("ＣＲＰは{}ｍｇ／ｄＬでした。", fullwidth_num(&format!("{}.{}", rng.below(20), rng.below(10)))),
        _ => format!("BP {}/{} mmHg, HR {} bpm.", 100 + rng.below(60), 50 + rng.below(40), 60 + rng.below(50)),
    }
}

pub struct Corpus {
    pub docs: Vec<String>,
    /// concept tag -> doc ids
    pub tags: BTreeMap<&'static str, BTreeSet<u64>>,
}

pub fn generate(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng(seed);
    let mut docs = Vec::with_capacity(n);
    let mut tags: BTreeMap<&'static str, BTreeSet<u64>> = BTreeMap::new();
    for id in 0..n as u64 {
        let mixed = rng.chance(0.3);
        let mut chosen: Vec<usize> = (0..GROUPS.len()).filter(|&g| rng.chance(GROUPS[g].0)).collect();
        while chosen.len() > 5 {
            let i = rng.below(chosen.len());
            chosen.remove(i);
        }
        if chosen.is_empty() {
            chosen.push(rng.below(GROUPS.len()));
        }
        let mut concept_sents = Vec::new();
        for &g in &chosen {
            for _ in 0..1 + rng.below(3) {
                let (surface, ts) = *rng.pick(GROUPS[g].1);
                for t in ts {
                    tags.entry(t).or_default().insert(id);
                }
                let tpl = if mixed && rng.chance(0.3) { rng.pick(TEMPLATES_EN) } else { rng.pick(TEMPLATES_JA) };
                concept_sents.push(tpl.replace("{X}", surface));
            }
        }
        let target = 300 + rng.below(301);
        let mut out = String::new();
        let mut len = 0usize;
        let mut ci = 0usize;
        while ci < concept_sents.len() || len < target {
            let s = if ci < concept_sents.len() && (len >= target || rng.chance(0.35)) {
                ci += 1;
                concept_sents[ci - 1].clone()
            } else if rng.chance(0.2) {
                numeric_filler(&mut rng)
            } else if mixed && rng.chance(0.35) {
                rng.pick(FILLER_EN).to_string()
            } else {
                rng.pick(FILLER_JA).to_string()
            };
            if !out.is_empty() && (s.is_ascii() || out.ends_with('.')) {
                out.push(' ');
                len += 1;
            }
            len += s.chars().count();
            out.push_str(&s);
        }
        docs.push(out);
    }
    Corpus { docs, tags }
}

// ---------------------------------------------------------------- queries
pub enum Kind {
    /// whitespace-separated words, all must match (each word tokenized; >1 token => phrase)
    Words,
    /// whole string is one phrase
    Phrase,
}
pub struct Q {
    pub text: &'static str,
    pub kind: Kind,
    pub label: &'static [&'static str], // intersection of these concept tags
    pub note: &'static str,
}
pub fn queries() -> Vec<Q> {
    use Kind::*;
    let q = |text, kind, label, note| Q { text, kind, label, note };
    vec![
        q("褥瘡", Words, &["褥瘡"][..], "word"),
        q("誤嚥性肺炎", Words, &["誤嚥性肺炎"][..], "compound"),
        q("肺炎", Words, &["肺炎"][..], "word, also inside 誤嚥性肺炎/細菌性肺炎"),
        q("せん妄", Words, &["せん妄"][..], "hiragana+kanji"),
        q("せん妄 予防", Words, &["せん妄", "予防"][..], "two words AND"),
        q("せん妄予防", Phrase, &["せん妄予防"][..], "exact compound phrase"),
        q("予防", Words, &["予防"][..], "word, also in 転倒予防/感染予防"),
        q("転倒", Words, &["転倒"][..], "word"),
        q("抗菌薬", Words, &["抗菌薬"][..], "compound"),
        q("バンコマイシン", Words, &["バンコマイシン"][..], "katakana"),
        q("vancomycin", Words, &["vancomycin"][..], "latin (mixed case in text)"),
        q("MRSA", Words, &["mrsa"][..], "latin, half+full width in text"),
        q("インスリン", Words, &["インスリン"][..], "katakana, also インスリングラルギン"),
        q("血糖", Words, &["血糖"][..], "also 高血糖/低血糖/血糖値"),
        q("HbA1c", Words, &["hba1c"][..], "latin+digit, full-width in text"),
        q("咳", Words, &["咳"][..], "single kanji, also 咳嗽"),
        q("痰", Words, &["痰"][..], "single kanji, also 喀痰/吸痰"),
        q("経管栄養", Words, &["経管栄養"][..], "compound"),
        q("心不全", Words, &["心不全"][..], "compound"),
        q("利尿薬", Words, &["利尿薬"][..], "compound"),
        q("認知症", Words, &["認知症"][..], "compound"),
        q("便秘", Words, &["便秘"][..], "word"),
        q("疼痛", Words, &["疼痛"][..], "word"),
        q("高齢者", Words, &["高齢者"][..], "compound"),
        q("カテーテル", Words, &["カテーテル"][..], "katakana with ー"),
        q("京都", Words, &["京都"][..], "trap: 東京都 contains 京都"),
    ]
}

pub fn label_set(c: &Corpus, q: &Q) -> BTreeSet<u64> {
    let mut it = q.label.iter();
    let mut s = c.tags.get(it.next().unwrap()).cloned().unwrap_or_default();
    for t in it {
        let o = c.tags.get(t).cloned().unwrap_or_default();
        s = s.intersection(&o).cloned().collect();
    }
    s
}

// ---------------------------------------------------------------- query building
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut ts = analyzer.token_stream(text);
    while ts.advance() {
        let t = ts.token();
        out.push((t.position, t.text.clone()));
    }
    out
}

fn word_query(analyzer: &mut TextAnalyzer, field: tantivy::schema::Field, word: &str, regex1: bool) -> Box<dyn Query> {
    let toks = tokens(analyzer, word);
    if toks.is_empty() {
        return Box::new(EmptyQuery);
    }
    if toks.len() == 1 {
        let term = Term::from_field_text(field, &toks[0].1);
        let tq: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
        let t = &toks[0].1;
        if regex1 && t.chars().count() == 1 && !t.is_ascii() {
            // single CJK char: also match any bigram that starts or ends with it
            let c = regex_syntax_escape(t);
            let rq = RegexQuery::from_pattern(&format!("{c}.|.{c}"), field).unwrap();
            return Box::new(BooleanQuery::new(vec![(Occur::Should, tq), (Occur::Should, Box::new(rq))]));
        }
        return tq;
    }
    let base = toks[0].0;
    let terms = toks.iter().map(|(p, t)| (p - base, Term::from_field_text(field, t))).collect();
    Box::new(PhraseQuery::new_with_offset(terms))
}

fn regex_syntax_escape(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_punctuation() { format!("\\{c}") } else { c.to_string() }).collect()
}

fn build_query(analyzer: &mut TextAnalyzer, field: tantivy::schema::Field, q: &Q, regex1: bool) -> Box<dyn Query> {
    match q.kind {
        Kind::Phrase => word_query(analyzer, field, q.text, regex1),
        Kind::Words => {
            let parts: Vec<_> = q.text.split_whitespace().map(|w| (Occur::Must, word_query(analyzer, field, w, regex1))).collect();
            if parts.len() == 1 {
                parts.into_iter().next().unwrap().1
            } else {
                Box::new(BooleanQuery::new(parts))
            }
        }
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum()
}

// ---------------------------------------------------------------- run
pub fn run(name: &str, analyzer: TextAnalyzer, regex1_variant: bool) -> tantivy::Result<()> {
    let n: usize = std::env::var("NDOCS").ok().and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let corpus = generate(n, 42);
    let total_chars: usize = corpus.docs.iter().map(|d| d.chars().count()).sum();
    println!("[{name}] corpus: {n} docs, avg {} chars, total {} bytes", total_chars / n, corpus.docs.iter().map(|d| d.len()).sum::<usize>());
    if std::env::var("SHOW").is_ok() {
        for d in corpus.docs.iter().take(3) {
            println!("---\n{d}");
        }
    }

    // show how the tokenizer splits the query words
    let mut a = analyzer.clone();
    for w in ["誤嚥性肺炎", "せん妄予防", "夜間せん妄", "インスリングラルギン", "咳嗽", "東京都", "ＨｂＡ１ｃ"] {
        let t: Vec<String> = tokens(&mut a, w).into_iter().map(|(p, t)| format!("{t}@{p}")).collect();
        println!("[{name}] tokenize {w} -> {}", t.join(" "));
    }

    let mut sb = Schema::builder();
    let id_f = sb.add_u64_field("id", FAST | INDEXED);
    let body = sb.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer("ja").set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let schema = sb.build();
    let dir = format!("/tmp/jatok/idx-{name}");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let index = Index::create_in_dir(&dir, schema)?;
    index.tokenizers().register("ja", analyzer.clone());

    let t0 = Instant::now();
    let mut w = index.writer_with_num_threads::<tantivy::TantivyDocument>(1, 200_000_000)?;
    for (i, d) in corpus.docs.iter().enumerate() {
        w.add_document(doc!(id_f => i as u64, body => d.as_str()))?;
    }
    w.commit()?;
    w.wait_merging_threads()?;
    let el = t0.elapsed().as_secs_f64();
    let size = dir_size(Path::new(&dir));
    println!("[{name}] index: {:.2}s, {:.0} docs/s, size {} bytes ({:.1} MiB)", el, n as f64 / el, size, size as f64 / 1048576.0);

    let reader = index.reader()?;
    let searcher = reader.searcher();
    let idcols: Vec<_> = searcher.segment_readers().iter().map(|sr| sr.fast_fields().u64("id").unwrap()).collect();
    let to_id = |a: DocAddress| idcols[a.segment_ord as usize].first(a.doc_id).unwrap();

    let variants: Vec<bool> = if regex1_variant { vec![false, true] } else { vec![false] };
    for regex1 in variants {
        let tag = if regex1 { format!("{name}+regex1") } else { name.to_string() };
        let (mut sp, mut sr, mut spa) = (0.0, 0.0, 0.0);
        let qs = queries();
        let tq = Instant::now();
        println!("[{tag}] {:<14} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7}  note", "query", "rel", "hits", "tp", "p@10", "recall", "prec");
        for q in &qs {
            let labels = label_set(&corpus, q);
            let query = build_query(&mut a, body, q, regex1);
            let top = searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
            let all: HashSet<DocAddress> = searcher.search(&query, &DocSetCollector)?;
            let all_ids: BTreeSet<u64> = all.into_iter().map(to_id).collect();
            let tp = all_ids.intersection(&labels).count();
            let top_rel = top.iter().filter(|(_, a)| labels.contains(&to_id(*a))).count();
            let p10 = if top.is_empty() { 0.0 } else { top_rel as f64 / top.len().min(10) as f64 };
            let rec = if labels.is_empty() { 1.0 } else { tp as f64 / labels.len() as f64 };
            let pa = if all_ids.is_empty() { 0.0 } else { tp as f64 / all_ids.len() as f64 };
            sp += p10;
            sr += rec;
            spa += pa;
            println!("[{tag}] {:<14} {:>6} {:>6} {:>6} {:>6.2} {:>7.3} {:>7.3}  {}", q.text, labels.len(), all_ids.len(), tp, p10, rec, pa, q.note);
        }
        let k = qs.len() as f64;
        println!(
            "[{tag}] SUMMARY queries={} mean_p@10={:.3} mean_recall={:.3} mean_precision_all={:.3} query_time={:.1}ms",
            qs.len(),
            sp / k,
            sr / k,
            spa / k,
            tq.elapsed().as_secs_f64() * 1000.0
        );
    }

    // label sanity: for single-word queries, compare labels with NFKC-free substring containment
    if std::env::var("CHECK").is_ok() {
        for q in queries() {
            if let Kind::Words = q.kind {
                if q.text.contains(' ') { continue; }
                let labels = label_set(&corpus, &q);
                let lower = q.text.to_lowercase();
                let sub: BTreeSet<u64> = corpus.docs.iter().enumerate().filter(|(_, d)| {
                    let d2: String = d.chars().map(|c| if ('\u{FF01}'..='\u{FF5E}').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap() } else { c }).collect();
                    d2.to_lowercase().contains(&lower)
                }).map(|(i, _)| i as u64).collect();
                println!("[check] {:<14} labels={} substring={} substring_not_label={} label_not_substring={}", q.text, labels.len(), sub.len(), sub.difference(&labels).count(), labels.difference(&sub).count());
            }
        }
    }
    Ok(())
}
