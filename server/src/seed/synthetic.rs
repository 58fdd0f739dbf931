//! Generated posts for `rounds seed --posts N` (benchmarks and search-index load tests).
//!
//! [`synthetic_post`] turns an index into a post deterministically: a splitmix64 stream
//! seeded from the index picks a language (about half English, half Japanese, some mixed),
//! a condition, drugs used for it, an intervention, a care setting and a lab value from
//! bilingual term lists, and fills sentence templates with them.  The result reads like a
//! forum case discussion and gives a search index a realistic spread of terms in both
//! languages.
//!
//! The text is invented and carries no identifiable data: ages only as decades up to the
//! 80s (or "infant", "toddler"), no dates, names, places or numbers that look like
//! identifiers.

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

/// Who a term applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Any,
    Adult,
    Child,
}

/// A condition a post is about.
struct Cond {
    en: &'static str,
    ja: &'static str,
    tag: &'static str,
    category: &'static str,
    /// English names of drugs (in [`DRUGS`]) used for it or implicated in it.
    drugs: &'static [&'static str],
}

const fn c(
    en: &'static str,
    ja: &'static str,
    tag: &'static str,
    category: &'static str,
    drugs: &'static [&'static str],
) -> Cond {
    Cond {
        en,
        ja,
        tag,
        category,
        drugs,
    }
}

#[rustfmt::skip]
const CONDITIONS: &[Cond] = &[
    c("aspiration pneumonia", "誤嚥性肺炎", "aspiration-pneumonia", "internal-medicine",
      &["ampicillin-sulbactam", "ceftriaxone", "piperacillin-tazobactam", "amoxicillin"]),
    c("urinary tract infection", "尿路感染症", "uti", "internal-medicine",
      &["ceftriaxone", "cefazolin", "levofloxacin", "amoxicillin"]),
    c("heart failure", "心不全", "heart-failure", "internal-medicine",
      &["furosemide", "spironolactone", "bisoprolol"]),
    c("atrial fibrillation", "心房細動", "atrial-fibrillation", "internal-medicine",
      &["apixaban", "edoxaban", "warfarin", "bisoprolol"]),
    c("delirium", "せん妄", "delirium", "nursing",
      &["haloperidol", "quetiapine", "suvorexant", "ramelteon"]),
    c("pressure injury", "褥瘡", "pressure-injury", "nursing",
      &["acetaminophen", "cefazolin", "vancomycin"]),
    c("hypoglycaemia", "低血糖", "hypoglycaemia", "emergency",
      &["glimepiride", "insulin glargine", "sitagliptin"]),
    c("chronic kidney disease", "慢性腎臓病", "ckd", "internal-medicine",
      &["furosemide", "amlodipine", "sodium zirconium cyclosilicate", "ferric carboxymaltose"]),
    c("dehydration", "脱水", "dehydration", "elder-care",
      &["furosemide", "spironolactone", "metformin"]),
    c("hyponatraemia", "低ナトリウム血症", "hyponatraemia", "internal-medicine",
      &["furosemide", "spironolactone", "tramadol"]),
    c("COPD exacerbation", "COPD増悪", "copd", "internal-medicine",
      &["prednisolone", "salbutamol", "levofloxacin", "amoxicillin"]),
    c("cellulitis", "蜂窩織炎", "cellulitis", "internal-medicine",
      &["cefazolin", "amoxicillin", "vancomycin", "ceftriaxone"]),
    c("constipation", "便秘", "constipation", "elder-care",
      &["magnesium oxide", "naldemedine", "oxycodone"]),
    c("recurrent falls", "転倒の繰り返し", "falls", "elder-care",
      &["amlodipine", "suvorexant", "quetiapine", "glimepiride"]),
    c("dementia with agitation", "興奮を伴う認知症", "dementia", "elder-care",
      &["donepezil", "quetiapine", "haloperidol", "ramelteon"]),
    c("dysphagia", "嚥下障害", "dysphagia", "elder-care",
      &["donepezil", "haloperidol", "lansoprazole"]),
    c("sepsis", "敗血症", "sepsis", "emergency",
      &["piperacillin-tazobactam", "vancomycin", "ceftriaxone"]),
    c("febrile seizure", "熱性けいれん", "febrile-seizure", "pediatrics",
      &["diazepam", "acetaminophen"]),
    c("bronchiolitis", "細気管支炎", "bronchiolitis", "pediatrics",
      &["salbutamol", "acetaminophen"]),
    c("acute gastroenteritis", "急性胃腸炎", "gastroenteritis", "pediatrics",
      &["ondansetron", "acetaminophen"]),
    c("C. difficile infection", "CD腸炎", "c-difficile", "internal-medicine",
      &["vancomycin", "fidaxomicin", "lansoprazole"]),
    c("hip fracture", "大腿骨近位部骨折", "hip-fracture", "emergency",
      &["acetaminophen", "tramadol", "edoxaban"]),
    c("acute ischaemic stroke", "急性期脳梗塞", "stroke", "emergency",
      &["alteplase", "apixaban", "edoxaban"]),
    c("iron deficiency anaemia", "鉄欠乏性貧血", "anaemia", "internal-medicine",
      &["ferric carboxymaltose", "lansoprazole", "apixaban"]),
    c("hyperkalaemia", "高カリウム血症", "hyperkalaemia", "emergency",
      &["sodium zirconium cyclosilicate", "spironolactone", "furosemide"]),
    c("influenza", "インフルエンザ", "influenza", "internal-medicine",
      &["oseltamivir", "baloxavir", "acetaminophen"]),
    c("acute asthma", "喘息発作", "asthma", "pediatrics",
      &["salbutamol", "prednisolone"]),
    c("insomnia", "不眠症", "insomnia", "nursing",
      &["suvorexant", "ramelteon", "zolpidem"]),
    c("malnutrition", "低栄養", "malnutrition", "elder-care",
      &["donepezil", "metformin", "magnesium oxide"]),
    c("cancer pain", "がん性疼痛", "cancer-pain", "pharmacy",
      &["oxycodone", "acetaminophen", "loxoprofen", "tramadol"]),
    c("drug-induced parkinsonism", "薬剤性パーキンソニズム", "parkinsonism", "pharmacy",
      &["haloperidol", "metoclopramide", "quetiapine"]),
    c("anticoagulant-related bleeding", "抗凝固薬関連出血", "bleeding", "pharmacy",
      &["warfarin", "apixaban", "edoxaban"]),
    c("anaphylaxis", "アナフィラキシー", "anaphylaxis", "emergency",
      &["adrenaline", "prednisolone"]),
    c("type 2 diabetes", "2型糖尿病", "diabetes", "internal-medicine",
      &["metformin", "sitagliptin", "glimepiride", "insulin glargine"]),
    c("uncontrolled hypertension", "コントロール不良の高血圧", "hypertension", "internal-medicine",
      &["amlodipine", "bisoprolol", "spironolactone"]),
    c("croup", "クループ症候群", "croup", "pediatrics",
      &["dexamethasone", "adrenaline"]),
    c("opioid-induced constipation", "オピオイド誘発性便秘", "opioids", "pharmacy",
      &["naldemedine", "magnesium oxide", "oxycodone"]),
    c("acute kidney injury", "急性腎障害", "aki", "internal-medicine",
      &["vancomycin", "loxoprofen", "furosemide", "piperacillin-tazobactam"]),
];

/// Complications a post worries about, by the English name of the condition.
const ADULT_COMPLICATIONS: &[&str] = &[
    "delirium",
    "pressure injury",
    "hypoglycaemia",
    "dehydration",
    "hyponatraemia",
    "constipation",
    "recurrent falls",
    "dysphagia",
    "acute kidney injury",
    "malnutrition",
    "C. difficile infection",
    "anticoagulant-related bleeding",
    "aspiration pneumonia",
];
const CHILD_COMPLICATIONS: &[&str] = &["dehydration", "febrile seizure", "acute gastroenteritis"];

/// Drugs: English, Japanese.
#[rustfmt::skip]
const DRUGS: &[(&str, &str)] = &[
    ("ampicillin-sulbactam", "アンピシリン・スルバクタム"), ("ceftriaxone", "セフトリアキソン"),
    ("vancomycin", "バンコマイシン"), ("piperacillin-tazobactam", "ピペラシリン・タゾバクタム"),
    ("levofloxacin", "レボフロキサシン"), ("amoxicillin", "アモキシシリン"), ("cefazolin", "セファゾリン"),
    ("fidaxomicin", "フィダキソマイシン"), ("apixaban", "アピキサバン"), ("warfarin", "ワルファリン"),
    ("edoxaban", "エドキサバン"), ("alteplase", "アルテプラーゼ"), ("furosemide", "フロセミド"),
    ("spironolactone", "スピロノラクトン"), ("metformin", "メトホルミン"),
    ("insulin glargine", "インスリングラルギン"), ("sitagliptin", "シタグリプチン"),
    ("glimepiride", "グリメピリド"), ("amlodipine", "アムロジピン"), ("bisoprolol", "ビソプロロール"),
    ("haloperidol", "ハロペリドール"), ("quetiapine", "クエチアピン"), ("suvorexant", "スボレキサント"),
    ("ramelteon", "ラメルテオン"), ("zolpidem", "ゾルピデム"), ("acetaminophen", "アセトアミノフェン"),
    ("loxoprofen", "ロキソプロフェン"), ("tramadol", "トラマドール"), ("oxycodone", "オキシコドン"),
    ("naldemedine", "ナルデメジン"), ("lansoprazole", "ランソプラゾール"),
    ("magnesium oxide", "酸化マグネシウム"), ("metoclopramide", "メトクロプラミド"),
    ("ondansetron", "オンダンセトロン"), ("donepezil", "ドネペジル"), ("prednisolone", "プレドニゾロン"),
    ("dexamethasone", "デキサメタゾン"), ("adrenaline", "アドレナリン"), ("salbutamol", "サルブタモール"),
    ("diazepam", "ジアゼパム"), ("oseltamivir", "オセルタミビル"), ("baloxavir", "バロキサビル"),
    ("sodium zirconium cyclosilicate", "ジルコニウムシクロケイ酸ナトリウム"),
    ("ferric carboxymaltose", "カルボキシマルトース第二鉄"),
];

/// Interventions: English, Japanese, who they apply to.
#[rustfmt::skip]
const INTERVENTIONS: &[(&str, &str, Scope)] = &[
    ("early mobilisation", "早期離床", Scope::Adult),
    ("a bedside swallowing assessment", "ベッドサイドでの嚥下評価", Scope::Adult),
    ("oral care after every meal", "毎食後の口腔ケア", Scope::Adult),
    ("repositioning every two hours", "2時間ごとの体位変換", Scope::Adult),
    ("medication reconciliation", "持参薬の確認と薬歴の突合", Scope::Any),
    ("a structured deprescribing review", "計画的な減薬の見直し", Scope::Adult),
    ("therapeutic drug monitoring", "薬物血中濃度モニタリング（TDM）", Scope::Any),
    ("blood cultures before antibiotics", "抗菌薬投与前の血液培養", Scope::Any),
    ("a fluid balance chart", "水分出納の記録", Scope::Any),
    ("a basal-bolus insulin regimen", "強化インスリン療法", Scope::Adult),
    ("a fall-risk assessment", "転倒リスクの評価", Scope::Adult),
    ("advance care planning", "ACP（人生会議）", Scope::Adult),
    ("sleep hygiene advice", "睡眠衛生指導", Scope::Any),
    ("thickened fluids", "とろみ付けの調整", Scope::Adult),
    ("a pressure-redistributing mattress", "体圧分散マットレス", Scope::Adult),
    ("SBAR handover", "SBARでの申し送り", Scope::Any),
    ("renal dose adjustment", "腎機能に応じた用量調整", Scope::Any),
    ("antibiotic de-escalation", "抗菌薬のデ・エスカレーション", Scope::Any),
    ("nutrition screening", "栄養スクリーニング", Scope::Any),
    ("a multidisciplinary team meeting", "多職種カンファレンス", Scope::Any),
    ("non-pharmacological delirium prevention", "非薬物的なせん妄予防", Scope::Adult),
    ("an early warning score", "早期警告スコア", Scope::Any),
    ("pain assessment with a rating scale", "スケールを用いた疼痛評価", Scope::Any),
    ("a bowel care protocol", "排便コントロールのプロトコル", Scope::Adult),
    ("hand hygiene audits", "手指衛生の監査", Scope::Any),
    ("an oral rehydration plan", "経口補水の計画", Scope::Any),
    ("inhaler technique checks", "吸入手技の確認", Scope::Any),
    ("weight-based dose checks", "体重に基づく投与量の確認", Scope::Child),
    ("written advice for parents", "保護者向けの説明用紙", Scope::Child),
];

/// Care settings: English, Japanese, who they serve.
#[rustfmt::skip]
const SETTINGS: &[(&str, &str, Scope)] = &[
    ("a care home", "介護施設", Scope::Adult),
    ("home visits", "訪問診療", Scope::Adult),
    ("an acute medical ward", "急性期病棟", Scope::Adult),
    ("the emergency department", "救急外来", Scope::Any),
    ("an outpatient clinic", "一般外来", Scope::Any),
    ("the ICU", "ICU", Scope::Any),
    ("a paediatric ward", "小児病棟", Scope::Child),
    ("the night shift", "夜勤帯", Scope::Any),
    ("a rehabilitation unit", "回復期リハビリテーション病棟", Scope::Adult),
    ("a community pharmacy", "保険薬局", Scope::Any),
    ("a day-care service", "通所介護", Scope::Adult),
    ("a general medical ward", "一般病棟", Scope::Adult),
];

/// Lab values: English, Japanese, unit, lowest and highest value in tenths, decimals shown,
/// who they are discussed for.
#[rustfmt::skip]
const LABS: &[(&str, &str, &str, u32, u32, bool, Scope)] = &[
    ("eGFR", "eGFR", "mL/min/1.73m²", 150, 600, false, Scope::Adult),
    ("creatinine", "クレアチニン", "mg/dL", 8, 30, true, Scope::Adult),
    ("CRP", "CRP", "mg/dL", 5, 250, true, Scope::Any),
    ("HbA1c", "HbA1c", "%", 60, 95, true, Scope::Adult),
    ("vancomycin trough", "バンコマイシンのトラフ値", "mg/L", 80, 250, true, Scope::Adult),
    ("SpO2", "SpO2", "%", 850, 970, false, Scope::Any),
    ("lactate", "乳酸値", "mmol/L", 15, 60, true, Scope::Any),
    ("sodium", "血清ナトリウム", "mmol/L", 1250, 1340, false, Scope::Any),
    ("potassium", "血清カリウム", "mmol/L", 55, 72, true, Scope::Adult),
    ("PT-INR", "PT-INR", "", 15, 45, true, Scope::Adult),
    ("procalcitonin", "プロカルシトニン", "ng/mL", 2, 100, true, Scope::Any),
    ("albumin", "アルブミン", "g/dL", 18, 35, true, Scope::Adult),
    ("blood glucose", "血糖値", "mg/dL", 350, 700, false, Scope::Any),
];

/// Children described without an age: English, Japanese.
const CHILDREN: &[(&str, &str)] = &[
    ("an infant", "乳児"),
    ("a toddler", "幼児"),
    ("a school-age child", "学童"),
];

const EN_TITLES: &[&str] = &[
    "{cond} in {set}: how do you approach it?",
    "{drug} for {cond}: dose, duration and monitoring",
    "Practice question: {cond} with {lab} of {labv}",
    "How does your team handle {int} for {cond}?",
    "Case discussion: recurrent {cond} in {who}",
    "{drug} or {drug2} for {cond}?",
    "Stopping {drug} in {cond}: when is it safe?",
    "{int} in {set}: worth the effort?",
    "Monitoring {lab} during {drug} therapy",
    "Learning point: {cond} complicated by {cond2}",
];
const JA_TITLES: &[&str] = &[
    "{set}での{cond}、どう対応していますか",
    "{cond}に対する{drug}の用量と投与期間",
    "症例相談：{cond}を繰り返す{whos}のケース",
    "{drug}と{drug2}、{cond}ではどちらを選びますか",
    "{int}は{set}でどこまでできますか",
    "{lab}が{labv}のときの{drug}の扱い",
    "{cond}の患者さんへの{int}について",
    "{cond}に{cond2}を合併した場合の注意点",
    "{drug}の中止を検討するタイミング",
    "勉強会メモ：{cond}の初期対応",
];
const EN_WORK_TITLES: &[&str] = &[
    "Workload in {set}: how do you protect breaks?",
    "Teaching {int} to new staff in {set}",
    "Staffing for {cond} surges in {set}",
];
const JA_WORK_TITLES: &[&str] = &[
    "{set}の働き方：休憩は取れていますか",
    "新人教育で{int}をどう教えていますか",
    "{cond}が増える時期の{set}の人員配置",
];

const EN_INTROS: &[&str] = &[
    "We see {cond} in {set} almost every week, and practice still varies a lot between teams.",
    "I would like to compare notes on {cond}, especially in {group}.",
    "A practice question from our team meeting about {cond} and {drug}.",
    "Our unit is reviewing how we manage {cond} after a few difficult cases this winter.",
    "Short case summary, details changed: {who} with {cond}, complicated by {cond2}.",
    "We recently changed our local approach to {cond} and I am curious how others do it.",
];
const JA_INTROS: &[&str] = &[
    "{set}では{cond}をほぼ毎週経験しますが、チームによって対応がまちまちです。",
    "{group}の{cond}について、皆さんの考え方を聞かせてください。",
    "先日のカンファレンスで話題になった{cond}と{drug}の使い方について相談です。",
    "最近{cond}の対応で悩むケースが続いたので、当科のやり方を見直しています。",
    "症例は一部改変しています。{whos}の症例です。{cond}で入院し、経過中に{cond2}を合併しました。",
    "{cond}の初期対応について、{set}の立場から意見を聞きたいです。",
];

const EN_DETAILS: &[&str] = &[
    "{lab} was {labv} on admission and improved over {days} days.",
    "We started {drug} and changed to {drug2} on day {day} after reviewing response and side effects.",
    "The main worry was {cond2}, so we started preventive measures early.",
    "{int} was started within the first 24 hours.",
    "Renal function was borderline, with eGFR around {egfr}, so we used a reduced dose.",
    "Nursing staff noticed early signs during the night shift and escalated promptly.",
    "The family asked whether {drug} could be stopped altogether.",
    "Pharmacy suggested {int2}, partly with {cond2} in mind.",
    "We documented the plan clearly so that the next team could continue it.",
    "Follow-up after {days} days showed no recurrence.",
    "Guidelines differ on the duration, anywhere from {days} to {days2} days.",
    "In {set} we cannot always get blood results quickly, so decisions are mostly clinical.",
];
const JA_DETAILS: &[&str] = &[
    "入院時の{lab}は{labv}で、{days}日間で改善しました。",
    "{drug}で開始し、{day}日目に効果と副作用を評価して{drug2}へ変更しました。",
    "{cond2}が心配だったため、予防策を早めに始めました。",
    "{int}を入院当日から開始しています。",
    "eGFRが{egfr}前後と腎機能が境界域のため、減量して使用しました。",
    "夜勤の看護師が早めに変化に気づき、すぐに報告してくれました。",
    "ご家族からは{drug}をやめられないかと相談がありました。",
    "薬剤師から{int2}の提案があり、{cond2}の予防も意識しました。",
    "次のチームが継続できるよう、方針を具体的に記録しました。",
    "{days}日後のフォローアップでは再発はありませんでした。",
    "治療期間はガイドラインによって{days}〜{days2}日と幅があります。",
    "{set}では採血結果がすぐに出ないため、臨床所見で判断することが多いです。",
];

const EN_LIST_HEADS: &[&str] = &[
    "What we currently do:",
    "Points we discussed:",
    "Our checklist:",
    "Things that helped:",
];
const JA_LIST_HEADS: &[&str] = &[
    "現在の対応：",
    "検討したポイント：",
    "チェックリスト：",
    "効果があったこと：",
];
const EN_ITEMS: &[&str] = &[
    "**{int}** as standard for everyone at risk",
    "recheck {lab} within {hours} hours",
    "review {drug} and anything with anticholinergic effects",
    "involve the pharmacist early for {int2}",
    "hand over clearly at the start of the night shift",
    "explain the plan to the family and document it",
    "reassess the risk of {cond2} daily",
    "hold {drug2} while oral intake is poor",
    "switch to oral therapy once afebrile for 48 hours",
    "set a clear review date for every new medicine",
];
const JA_ITEMS: &[&str] = &[
    "**{int}**をリスクのある全員に実施",
    "{hours}時間以内に{lab}を再検",
    "{drug}と抗コリン作用のある薬を見直す",
    "早い段階で薬剤師に{int2}を相談",
    "夜勤の開始時に申し送りを明確にする",
    "ご家族に方針を説明し、記録に残す",
    "{cond2}のリスクを毎日再評価",
    "食事量が少ない間は{drug2}を休薬",
    "解熱後48時間で経口薬へ切り替え",
    "新しく始めた薬には見直し日を決める",
];
const EN_QUESTIONS: &[&str] = &[
    "How do you handle this in {set}?",
    "Is there any evidence for {int} in this situation, or is it mostly habit?",
    "Would you have chosen {drug2} instead?",
    "What duration do you use for {cond}?",
    "Any tips on explaining this to families?",
];
const JA_QUESTIONS: &[&str] = &[
    "{set}ではどのように対応していますか？",
    "この場面で{int}を支持するエビデンスはありますか？それとも慣習でしょうか。",
    "{drug2}を選ぶ方はいますか？",
    "{cond}の治療期間はどのくらいにしていますか？",
    "ご家族への説明で工夫していることがあれば教えてください。",
];
const EN_TABLE: &str = "| Item | Our practice |\n|---|---|\n| Drug | {drug} |\n| Monitoring | {lab}, repeated after {hours} h |\n| Review | day {day} |";
const JA_TABLE: &str = "| 項目 | 当科のやり方 |\n|---|---|\n| 薬剤 | {drug} |\n| モニタリング | {hours}時間後に{lab}を再検 |\n| 見直し | {day}日目 |";
const EN_SUMMARY: &str = "**English summary:** {cond} — questions about {drug} and {int}.";
const JA_SUMMARY: &str =
    "**日本語まとめ：** {cond}に対する{drug}の使い方と{int}について意見をください。";
const EN_CLOSERS: &[&str] = &[
    "Thanks in advance for any thoughts.",
    "Experiences from other settings are very welcome.",
    "Pointers to guidelines or papers would be much appreciated.",
    "Comments from any profession are welcome, not only doctors.",
];
const JA_CLOSERS: &[&str] = &[
    "よろしくお願いします。",
    "他の施設での経験もぜひ聞かせてください。",
    "文献やガイドラインの情報があれば共有していただけると助かります。",
    "職種を問わず、現場の工夫を教えてください。",
];

/// splitmix64: a tiny, well-mixed deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    /// A random element of `xs` that satisfies `ok` (some element must).
    fn pick_where<T>(&mut self, xs: &[T], ok: impl Fn(usize) -> bool) -> usize {
        let fits: Vec<usize> = (0..xs.len()).filter(|&k| ok(k)).collect();
        fits[self.below(fits.len())]
    }
}

fn drug_index(en: &str) -> usize {
    DRUGS
        .iter()
        .position(|d| d.0 == en)
        .unwrap_or_else(|| panic!("drug {en} is not in DRUGS"))
}

fn cond_index(en: &str) -> usize {
    CONDITIONS
        .iter()
        .position(|c| c.en == en)
        .unwrap_or_else(|| panic!("condition {en} is not in CONDITIONS"))
}

/// The terms and numbers one post is written about.
struct Ctx {
    cond: usize,
    cond2: usize,
    drug: usize,
    drug2: usize,
    int: usize,
    int2: usize,
    set: usize,
    lab: usize,
    lab_value: u32,
    /// Adults: the decade (60, 70, 80); children: an index into [`CHILDREN`].
    age: u32,
    child: bool,
    days: u32,
    days2: u32,
    day: u32,
    hours: u32,
    egfr: u32,
}

impl Ctx {
    fn new(rng: &mut Rng) -> Ctx {
        let cond = rng.below(CONDITIONS.len());
        let child = CONDITIONS[cond].category == "pediatrics";
        let fits = |scope: Scope| scope == Scope::Any || (scope == Scope::Child) == child;
        let complications = if child {
            CHILD_COMPLICATIONS
        } else {
            ADULT_COMPLICATIONS
        };
        let cond2 = loop {
            let k = cond_index(rng.pick_str(complications));
            if k != cond {
                break k;
            }
        };
        // The main drug is one used for the condition; the second another one for it, or
        // any drug when the condition has a single one listed.
        let related = CONDITIONS[cond].drugs;
        let drug = drug_index(related[rng.below(related.len())]);
        let drug2 = loop {
            let k = if related.len() > 1 {
                drug_index(related[rng.below(related.len())])
            } else {
                rng.below(DRUGS.len())
            };
            if k != drug {
                break k;
            }
        };
        let int = rng.pick_where(INTERVENTIONS, |k| fits(INTERVENTIONS[k].2));
        let int2 = rng.pick_where(INTERVENTIONS, |k| k != int && fits(INTERVENTIONS[k].2));
        let set = rng.pick_where(SETTINGS, |k| fits(SETTINGS[k].2));
        let lab = rng.pick_where(LABS, |k| fits(LABS[k].6));
        let (_, _, _, lo, hi, _, _) = LABS[lab];
        let days = rng.range(3, 7);
        Ctx {
            cond,
            cond2,
            drug,
            drug2,
            int,
            int2,
            set,
            lab,
            lab_value: rng.range(lo, hi),
            age: if child {
                rng.below(CHILDREN.len()) as u32
            } else {
                rng.range(6, 8) * 10
            },
            child,
            days,
            days2: days + rng.range(3, 7),
            day: rng.range(2, 5),
            hours: *[6, 12, 24].get(rng.below(3)).unwrap_or(&24),
            egfr: rng.range(3, 12) * 5,
        }
    }

    fn lab_value(&self) -> String {
        let (_, _, unit, _, _, decimals, _) = LABS[self.lab];
        let v = if decimals {
            format!("{}.{}", self.lab_value / 10, self.lab_value % 10)
        } else {
            (self.lab_value / 10).to_string()
        };
        match unit {
            "" => v,
            "%" => format!("{v}%"),
            u => format!("{v} {u}"),
        }
    }

    /// "a patient in their 80s" / "80代の方", or "a toddler" / "幼児".
    fn who(&self, ja: bool, short: bool) -> String {
        if self.child {
            let (en, jp) = CHILDREN[self.age as usize];
            return (if ja { jp } else { en }).to_string();
        }
        match (ja, short) {
            (true, true) => format!("{}代", self.age),
            (true, false) => format!("{}代の方", self.age),
            (false, _) => format!("a patient in their {}s", self.age),
        }
    }

    fn value(&self, key: &str, ja: bool) -> String {
        let pick = |en: &'static str, jp: &'static str| (if ja { jp } else { en }).to_string();
        let (c, c2) = (&CONDITIONS[self.cond], &CONDITIONS[self.cond2]);
        match key {
            "cond" => pick(c.en, c.ja),
            "cond2" => pick(c2.en, c2.ja),
            "drug" => pick(DRUGS[self.drug].0, DRUGS[self.drug].1),
            "drug2" => pick(DRUGS[self.drug2].0, DRUGS[self.drug2].1),
            "int" => pick(INTERVENTIONS[self.int].0, INTERVENTIONS[self.int].1),
            "int2" => pick(INTERVENTIONS[self.int2].0, INTERVENTIONS[self.int2].1),
            "set" => pick(SETTINGS[self.set].0, SETTINGS[self.set].1),
            "lab" => pick(LABS[self.lab].0, LABS[self.lab].1),
            "labv" => self.lab_value(),
            "who" => self.who(ja, false),
            "whos" => self.who(ja, true),
            "group" if self.child => pick("young children", "小さなお子さん"),
            "group" => {
                if ja {
                    format!("{}代の方", self.age)
                } else {
                    format!("frail patients in their {}s", self.age)
                }
            }
            "days" => self.days.to_string(),
            "days2" => self.days2.to_string(),
            "day" => self.day.to_string(),
            "hours" => self.hours.to_string(),
            "egfr" => self.egfr.to_string(),
            _ => unreachable!("unknown placeholder {key}"),
        }
    }

    /// Fills `{key}` placeholders; English sentences get a capital first letter.
    fn fill(&self, template: &str, ja: bool) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed placeholder");
            out.push_str(&self.value(&rest[open + 1..close], ja));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        if ja {
            out
        } else {
            capitalise(&out)
        }
    }
}

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
    let mut rng = Rng(i ^ SEED);
    let roll = rng.below(100);
    // 45 % English, 45 % Japanese, 10 % mixed (either main language plus a summary).
    let ja = match roll {
        0..45 => false,
        45..90 => true,
        _ => rng.below(2) == 0,
    };
    let mixed = roll >= 90;
    let ctx = Ctx::new(&mut rng);
    let workplace = rng.below(10) == 0;
    let fill = |t: &str| ctx.fill(t, ja);

    let (title_t, category) = match (workplace, ja) {
        (true, true) => (rng.pick_str(JA_WORK_TITLES), "workplace"),
        (true, false) => (rng.pick_str(EN_WORK_TITLES), "workplace"),
        (false, true) => (rng.pick_str(JA_TITLES), CONDITIONS[ctx.cond].category),
        (false, false) => (rng.pick_str(EN_TITLES), CONDITIONS[ctx.cond].category),
    };
    let title = fill(title_t);

    let (intros, details, heads, items, questions, table, closers) = if ja {
        (
            JA_INTROS,
            JA_DETAILS,
            JA_LIST_HEADS,
            JA_ITEMS,
            JA_QUESTIONS,
            JA_TABLE,
            JA_CLOSERS,
        )
    } else {
        (
            EN_INTROS,
            EN_DETAILS,
            EN_LIST_HEADS,
            EN_ITEMS,
            EN_QUESTIONS,
            EN_TABLE,
            EN_CLOSERS,
        )
    };
    let sep = if ja { "" } else { " " };

    // Details in a random order without repeats (Fisher–Yates).
    let mut order: Vec<usize> = (0..details.len())
        .filter(|&k| !(ctx.child && details[k].contains("{egfr}")))
        .collect();
    for k in (1..order.len()).rev() {
        let j = rng.below(k + 1);
        order.swap(k, j);
    }
    let mut next_detail = order.into_iter();

    // First paragraph: intro plus one to three details.
    let mut para = fill(rng.pick_str(intros));
    for _ in 0..1 + rng.below(3) {
        if let Some(d) = next_detail.next() {
            para.push_str(sep);
            para.push_str(&fill(details[d]));
        }
    }

    // A list of three to five distinct items.
    let mut list = fill(rng.pick_str(heads));
    list.push('\n');
    let n_items = 3 + rng.below(3);
    let mut used = Vec::new();
    while used.len() < n_items {
        let k = rng.below(items.len());
        if !used.contains(&k) {
            used.push(k);
            list.push_str("\n- ");
            list.push_str(&fill(items[k]));
        }
    }

    let table = (rng.below(6) == 0).then(|| fill(table));
    let question = fill(rng.pick_str(questions));
    // Mixed posts end with a summary in the other language.
    let summary = mixed.then(|| ctx.fill(if ja { EN_SUMMARY } else { JA_SUMMARY }, !ja));
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
        extra.push_str(&fill(details[d]));
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
    for c in closers {
        if chars(&body) >= MIN_BODY_CHARS {
            break;
        }
        body.push_str("\n\n");
        body.push_str(c);
    }

    let cond = &CONDITIONS[ctx.cond];
    let mut tags = vec![cond.tag.to_string()];
    match rng.below(3) {
        0 => tags.push(cond.ja.to_string()),
        1 if workplace => tags.push("workplace".to_string()),
        1 => tags.push(slug(DRUGS[ctx.drug].0)),
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
mod tests {
    use super::*;

    fn is_japanese(s: &str) -> bool {
        s.chars().any(|c| {
            matches!(c,
                '\u{3040}'..='\u{309f}' | '\u{30a0}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
        })
    }

    #[test]
    fn deterministic() {
        for i in [0, 1, 2, 17, 999, 123_456, u64::MAX] {
            let (a, b) = (synthetic_post(i), synthetic_post(i));
            assert_eq!(a.title, b.title);
            assert_eq!(a.body, b.body);
            assert_eq!(a.tags, b.tags);
            assert_eq!((a.lang, a.category), (b.lang, b.category));
        }
        assert_ne!(synthetic_post(0).body, synthetic_post(1).body);
    }

    #[test]
    fn shape_and_lengths() {
        const CATEGORIES: &[&str] = &[
            "internal-medicine",
            "nursing",
            "elder-care",
            "pharmacy",
            "pediatrics",
            "emergency",
            "workplace",
        ];
        for i in 0..2000 {
            let p = synthetic_post(i);
            let n = p.body.chars().count();
            assert!(
                (MIN_BODY_CHARS..=MAX_BODY_CHARS).contains(&n),
                "post {i}: {n} chars"
            );
            assert!(!p.title.is_empty() && p.title.chars().count() <= 120);
            assert!(CATEGORIES.contains(&p.category), "{}", p.category);
            assert!((1..=3).contains(&p.tags.len()), "post {i}: {:?}", p.tags);
            for t in &p.tags {
                let ascii = t
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                assert!(ascii || is_japanese(t), "post {i}: tag {t}");
            }
            assert_eq!(
                p.lang == "ja",
                is_japanese(&p.title),
                "post {i}: {}",
                p.title
            );
            assert!(!p.body.contains('{') && !p.body.contains('}'));
        }
    }

    #[test]
    fn both_languages_and_mixed_posts() {
        let posts: Vec<_> = (0..100).map(synthetic_post).collect();
        let ja = posts.iter().filter(|p| p.lang == "ja").count();
        assert!((30..=70).contains(&ja), "{ja} Japanese posts of 100");
        let mixed = posts
            .iter()
            .filter(|p| p.body.contains("English summary") || p.body.contains("日本語まとめ"))
            .count();
        assert!(mixed >= 3, "{mixed} mixed posts of 100");
    }

    #[test]
    fn varied_vocabulary() {
        let text: String = (0..2000)
            .map(|i| {
                let p = synthetic_post(i);
                format!("{}\n{}\n", p.title, p.body)
            })
            .collect();
        let en_terms = CONDITIONS
            .iter()
            .map(|c| c.en)
            .chain(DRUGS.iter().map(|d| d.0))
            .chain(INTERVENTIONS.iter().map(|d| d.0))
            .chain(LABS.iter().map(|l| l.0));
        let ja_terms = CONDITIONS
            .iter()
            .map(|c| c.ja)
            .chain(DRUGS.iter().map(|d| d.1))
            .chain(INTERVENTIONS.iter().map(|d| d.1))
            .chain(LABS.iter().map(|l| l.1));
        let ci = text.to_lowercase();
        let en = en_terms.filter(|t| ci.contains(&t.to_lowercase())).count();
        let ja = ja_terms
            .filter(|t| is_japanese(t) && text.contains(t))
            .count();
        assert!(en >= 40, "{en} distinct English terms");
        assert!(ja >= 40, "{ja} distinct Japanese terms");
    }

    #[test]
    fn first_posts_pass_the_phi_detector() {
        let mut failures = Vec::new();
        for i in 0..2000 {
            let p = synthetic_post(i);
            for (what, text) in [("title", &p.title), ("body", &p.body)] {
                let scan = phi::scan(text);
                if scan.hold {
                    let found: Vec<String> = scan
                        .findings
                        .iter()
                        .map(|f| {
                            let ctx_s = text.floor_char_boundary(f.start.saturating_sub(30));
                            let ctx_e = text.ceil_char_boundary((f.end + 30).min(text.len()));
                            format!(
                                "{} {:?} ({}) in {:?}",
                                f.kind.as_str(),
                                &text[f.start..f.end],
                                f.rule,
                                &text[ctx_s..ctx_e]
                            )
                        })
                        .collect();
                    failures.push(format!("post {i} {what}: {found:?}"));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} held:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn term_lists_are_consistent() {
        for c in CONDITIONS {
            assert!(!c.drugs.is_empty(), "{}", c.en);
            for d in c.drugs {
                drug_index(d);
            }
        }
        for c in ADULT_COMPLICATIONS.iter().chain(CHILD_COMPLICATIONS) {
            cond_index(c);
        }
        let n = |v: &[&str]| {
            let mut v = v.to_vec();
            v.sort();
            v.dedup();
            v.len()
        };
        let en: Vec<&str> = CONDITIONS.iter().map(|c| c.en).collect();
        let ja: Vec<&str> = CONDITIONS.iter().map(|c| c.ja).collect();
        assert_eq!(n(&en), CONDITIONS.len());
        assert_eq!(n(&ja), CONDITIONS.len());
        let en: Vec<&str> = DRUGS.iter().map(|d| d.0).collect();
        let ja: Vec<&str> = DRUGS.iter().map(|d| d.1).collect();
        assert_eq!(n(&en), DRUGS.len());
        assert_eq!(n(&ja), DRUGS.len());
    }

    #[test]
    fn children_are_never_given_a_decade() {
        for i in 0..2000 {
            let p = synthetic_post(i);
            if p.category == "pediatrics" {
                let text = format!("{} {}", p.title, p.body);
                assert!(!text.contains("0s") && !text.contains("0代"), "post {i}");
            }
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("insulin glargine"), "insulin-glargine");
        assert_eq!(slug("ampicillin-sulbactam"), "ampicillin-sulbactam");
        assert_eq!(capitalise("eGFR was low"), "eGFR was low");
        assert_eq!(
            capitalise("**early** mobilisation"),
            "**Early** mobilisation"
        );
    }
}
