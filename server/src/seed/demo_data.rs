//! Static demo content for `rounds seed --demo`: six verified demo accounts and a dozen
//! threads with replies, in Japanese and English, spread over the forum's categories.
//!
//! Everything here is invented and written the way clinicians discuss cases on a forum:
//! no patient names, exact dates, exact ages, places, facilities or record numbers, so that
//! every post passes the PHI detector (`phi::scan`) and is published, not held.

/// A demo account (all verified, password set by the caller).
pub struct DemoUser {
    /// Login e-mail, always under the reserved `rounds.invalid` domain.
    pub email: &'static str,
    /// Name shown on posts (a handle, never anything that looks like a patient's name).
    pub display_name: &'static str,
    /// One of `physician`, `nurse`, `pharmacist`, `care_worker`, `other`.
    pub profession: &'static str,
    /// Free-text specialty shown on the profile.
    pub specialty: &'static str,
    /// The language the account mainly writes in: `"en"` or `"ja"`.
    pub lang: &'static str,
}

/// A demo reply: author index into USERS, markdown body.
pub struct DemoReply {
    /// Index into [`USERS`].
    pub author: usize,
    /// Markdown body.
    pub body: &'static str,
}

/// A demo thread.
pub struct DemoThread {
    /// Category slug (`internal-medicine`, `nursing`, `elder-care`, `pharmacy`,
    /// `pediatrics`, `emergency`, `workplace`).
    pub category: &'static str,
    /// Index into [`USERS`].
    pub author: usize,
    /// Thread title.
    pub title: &'static str,
    /// One to three tags: lowercase ASCII slugs or Japanese words.
    pub tags: &'static [&'static str],
    /// Markdown body of the opening post.
    pub body: &'static str,
    /// Replies in posting order.
    pub replies: &'static [DemoReply],
}

/// The category slugs the demo threads use (the forum's categories).
pub const CATEGORIES: &[&str] = &[
    "internal-medicine",
    "nursing",
    "elder-care",
    "pharmacy",
    "pediatrics",
    "emergency",
    "workplace",
];

const AOKI: usize = 0;
const MORI: usize = 1;
const MIDORI: usize = 2;
const KIMURA: usize = 3;
const LEE: usize = 4;
const OKAFOR: usize = 5;

/// The demo accounts: three writing mainly Japanese, three mainly English.
pub static USERS: &[DemoUser] = &[
    DemoUser {
        email: "demo-aoki@rounds.invalid",
        display_name: "aoki_im",
        profession: "physician",
        specialty: "総合内科",
        lang: "ja",
    },
    DemoUser {
        email: "demo-mori@rounds.invalid",
        display_name: "mori_er",
        profession: "nurse",
        specialty: "救急看護",
        lang: "ja",
    },
    DemoUser {
        email: "demo-midori@rounds.invalid",
        display_name: "介護福祉士みどり",
        profession: "care_worker",
        specialty: "高齢者介護",
        lang: "ja",
    },
    DemoUser {
        email: "demo-kimura@rounds.invalid",
        display_name: "Nurse Kimura",
        profession: "nurse",
        specialty: "Geriatric nursing",
        lang: "en",
    },
    DemoUser {
        email: "demo-lee@rounds.invalid",
        display_name: "pharm_lee",
        profession: "pharmacist",
        specialty: "Hospital pharmacy, infectious diseases",
        lang: "en",
    },
    DemoUser {
        email: "demo-okafor@rounds.invalid",
        display_name: "Dr. Okafor",
        profession: "physician",
        specialty: "Paediatrics",
        lang: "en",
    },
];

/// The demo threads: six in Japanese, six in English, over all seven categories.
pub static THREADS: &[DemoThread] = &[
    // 1. Aspiration pneumonia (ja, internal medicine)
    DemoThread {
        category: "internal-medicine",
        author: AOKI,
        title: "高齢者の誤嚥性肺炎、初期抗菌薬はどう選んでいますか",
        tags: &["誤嚥性肺炎", "antibiotics"],
        body: r#"施設から搬送される80代の誤嚥性肺炎が今月も続いています。皆さんの初期治療の考え方を教えてください。

当科では現在こうしています：

- 耐性菌リスクが低い場合：**アンピシリン・スルバクタム 3g 6時間ごと**（腎機能で調整）
- 直近90日以内の抗菌薬使用や経管栄養がある場合：ピペラシリン・タゾバクタムを検討
- 嫌気性菌カバーは必須と考えていない（口腔内衛生が極端に悪い場合を除く）

悩んでいるのは次の2点です。

1. 喀痰培養がほぼ採れないケースで、いつ経口へスイッチするか
2. 治療期間を5日で切れるか、7日必要か

参考：[厚生労働省](https://www.mhlw.go.jp/) の高齢者医療関連資料と学会の成人肺炎診療ガイドラインを見ていますが、施設ごとの実情も知りたいです。"#,
        replies: &[
            DemoReply {
                author: LEE,
                body: r#"Pharmacist view, sorry for replying in English.

For ampicillin-sulbactam we adjust by CrCl: **CrCl 15–29 → 3 g every 12 h**, below 15 → every 24 h. Many of these patients have low muscle mass, so a "normal" creatinine can overestimate their clearance — we double-check with cystatin C when it is available.

For oral step-down we usually go to amoxicillin-clavulanate once afebrile for 48 h, eating, and CRP trending down."#,
            },
            DemoReply {
                author: MORI,
                body: r#"> 治療期間を5日で切れるか、7日必要か

救急側の印象ですが、解熱と経口摂取の再開が確認できれば5日で終了しても再搬送は増えていない気がします。むしろ再搬送の原因は**嚥下評価が済まないまま食事を再開した**ケースが多いです。"#,
            },
            DemoReply {
                author: MIDORI,
                body: r#"介護の現場からです。@aoki_im 先生のところに搬送される前の段階で、私たちができることとして：

- 毎食後の口腔ケア（スポンジブラシと保湿剤）
- 食事中は30度以上のギャッジアップ、食後30分は座位を保つ
- むせが増えた、食事に時間がかかるようになった、は早めに看護師へ報告

退院時に「とろみの濃さ」と「食形態」を具体的に書いてもらえると本当に助かります。"#,
            },
        ],
    },
    // 2. Delirium prevention (ja, nursing)
    DemoThread {
        category: "nursing",
        author: MORI,
        title: "せん妄予防：夜間の非薬物的ケアで効果があったこと",
        tags: &["せん妄", "delirium", "夜勤"],
        body: r#"救急から入院した高齢の方の夜間せん妄が多く、病棟とも相談しながら非薬物的な予防策を見直しています。

今取り組んでいること：

- 日中はカーテンを開け、時計とカレンダーを見える位置に置く
- 眼鏡・補聴器を入院当日から使ってもらう
- 夜間の採血やバイタル測定をできるだけまとめる
- 脱水と便秘のチェックを毎日
- ルート類は不要になったら早めに抜去

**身体拘束を減らしつつ転倒も防ぐ**、このバランスに毎回悩みます。皆さんの工夫を教えてください。"#,
        replies: &[
            DemoReply {
                author: AOKI,
                body: r#"医師側からは薬剤の見直しをセットにしています。

- ベンゾジアゼピン系の睡眠薬は原則新規に始めない
- 抗コリン作用の強い薬（一部の抗ヒスタミン薬、過活動膀胱治療薬）を確認
- 不眠にはラメルテオンやスボレキサントを検討

入院3日目くらいまでが勝負なので、入院時点でリスクの高い方にはチームで共有するようにしています。"#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"> 身体拘束を減らしつつ転倒も防ぐ

Same struggle on our unit. What helped most for us was a low bed plus a floor mat and moving high-risk patients closer to the nurses' station, instead of bed rails. We also started a short "delirium huddle" at the start of each night shift — two minutes, just who is at risk and why."#,
            },
            DemoReply {
                author: MIDORI,
                body: r#"施設でも、入院から戻られた方が夜に落ち着かないことがよくあります。なじみのある毛布や写真を持っていくと落ち着かれることがあるので、ご家族にお願いすることもあります。"#,
            },
        ],
    },
    // 3. Pressure ulcer care (ja, elder care)
    DemoThread {
        category: "elder-care",
        author: MIDORI,
        title: "褥瘡ケア：体位変換の間隔とマットレスの選び方",
        tags: &["褥瘡", "pressure-injury"],
        body: r#"特別養護老人ホームで働いています。寝たきりの方の仙骨部に発赤が出ることが増え、ケアの見直しをしています。

現在のやり方：

1. 2時間ごとの体位変換（夜間も）
2. 30度側臥位を基本にしている
3. おむつ交換のときに皮膚を観察して記録
4. 栄養状態は月1回の体重測定で確認

**体圧分散マットレス**を使っている方でも、体位変換の間隔を延ばしてよいのか迷っています。エアマットの種類によって違いますか？"#,
        replies: &[
            DemoReply {
                author: MORI,
                body: r#"高機能のエアマットレスを使っていて、皮膚状態が安定していれば4時間ごとに延ばしている施設も多いと思います。ただし延ばすなら、**ブレーデンスケールの再評価**と皮膚観察の記録をセットにしたほうが安心です。

発赤は指で押して消えるかどうか（消退しない発赤なら既に褥瘡の始まり）を必ず見てください。"#,
            },
            DemoReply {
                author: AOKI,
                body: r#"栄養面も大事です。アルブミンだけで判断せず、食事摂取量と体重の推移を見てください。摂取量が半分以下の日が続くなら、栄養補助食品や亜鉛の補充を主治医と相談するとよいと思います。

DESIGN-Rで評価しておくと、往診医との情報共有がスムーズです。"#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"@介護福祉士みどり one more small thing that made a difference for us: heel offloading with a pillow under the calves, so the heels float. Heels are the second most common site after the sacrum and easy to miss under blankets."#,
            },
        ],
    },
    // 4. Vancomycin monitoring (en, pharmacy)
    DemoThread {
        category: "pharmacy",
        author: LEE,
        title: "Vancomycin monitoring in older adults with renal impairment: trough or AUC?",
        tags: &["vancomycin", "tdm", "renal-dosing"],
        body: r#"We are moving from trough-only monitoring to **AUC-guided dosing** (target AUC 400–600 mg·h/L for MRSA), and I would like to hear how others handle frail older patients with fluctuating renal function.

Our current starting approach:

| eGFR (mL/min) | Loading dose | Initial maintenance | First level |
|---|---|---|---|
| 60 or more | 25 mg/kg | 15 mg/kg every 12 h | before the 4th dose |
| 30 to 59 | 25 mg/kg | 15 mg/kg every 24 h | before the 3rd dose |
| below 30 | 20–25 mg/kg | dose by level | 24–48 h after loading |

Questions:

1. Do you still aim for a **trough of 15–20 mg/L** in anyone, or have you dropped it completely?
2. How do you handle AKI on day 3 of treatment when the level comes back high?

We see more nephrotoxicity when vancomycin is combined with piperacillin-tazobactam, so we review that combination daily."#,
        replies: &[
            DemoReply {
                author: AOKI,
                body: r#"Internal medicine here. We dropped the 15–20 target for most infections; it pushed too many older patients into AKI. For bacteraemia we use two levels (peak and trough) and a Bayesian calculator.

When creatinine rises on day 3, we hold the next dose, recheck the level, and restart only once it is below 15 mg/L."#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"From the nursing side: please tell us clearly **when** to draw the level. Half of our "high trough" results were actually drawn during or right after the infusion. We now put the sampling time on the administration record, and the errors almost disappeared."#,
            },
            DemoReply {
                author: OKAFOR,
                body: r#"> Do you still aim for a trough of 15–20 mg/L in anyone

In children we moved to AUC as well. Troughs in children correlate poorly with AUC because clearance is so high, so we were overdosing to chase a number. @pharm_lee happy to share our paediatric protocol if useful."#,
            },
        ],
    },
    // 5. Polypharmacy review (ja, elder care)
    DemoThread {
        category: "elder-care",
        author: AOKI,
        title: "施設で暮らす高齢者のポリファーマシー：減薬の優先順位は？",
        tags: &["ポリファーマシー", "deprescribing"],
        body: r#"訪問診療で施設を回っていると、10剤以上内服している方が珍しくありません。減薬を進めたいのですが、どこから手をつけるか迷います。

自分なりの優先順位：

1. **転倒・せん妄のリスクを上げる薬**（睡眠薬、抗不安薬、抗コリン薬）
2. 目標が厳しすぎる糖尿病薬・降圧薬（低血糖や起立性低血圧）
3. 漫然と続いているPPI、ビタミン剤、消化器系の薬
4. 予防目的の薬で、余命や本人の希望と合わなくなったもの

[厚生労働省の高齢者の医薬品適正使用の指針](https://www.mhlw.go.jp/) も参考にしています。一度に何剤まで減らしていますか？"#,
        replies: &[
            DemoReply {
                author: LEE,
                body: r#"We usually stop **one drug at a time**, every 2–4 weeks, so that if something goes wrong we know which change caused it. The exceptions are drugs with no plausible benefit at all — those can go together.

Watch out for rebound when stopping: beta-blockers (tachycardia), PPIs (rebound acid symptoms for a couple of weeks), and benzodiazepines (taper over weeks, never stop abruptly)."#,
            },
            DemoReply {
                author: MIDORI,
                body: r#"介護職としては、**錠剤の数が減るだけで服薬介助がずいぶん楽になります**。飲み込みにくい大きな錠剤や、1日3回の薬が1日1回になると、誤薬のリスクも下がります。

減薬した後は「眠れているか」「食欲はどうか」を記録して、次の訪問のときに先生に伝えるようにしています。"#,
            },
            DemoReply {
                author: MORI,
                body: r#"> 予防目的の薬で、余命や本人の希望と合わなくなったもの

ここが一番難しいと感じます。ACP（人生会議）の場で、薬についても話題にしてもらえると、急変時の対応方針とつながって救急側も助かります。"#,
            },
        ],
    },
    // 6. Paediatric fever triage (en, pediatrics)
    DemoThread {
        category: "pediatrics",
        author: OKAFOR,
        title: "Fever in infants under 3 months: how do you triage walk-ins?",
        tags: &["fever", "triage", "infants"],
        body: r#"We are updating our triage guidance for febrile infants who arrive without a referral. Current draft:

- **Under 3 months with a temperature of 38 °C or more → high risk**, seen by a doctor within 15 minutes, full sepsis work-up considered
- Any age: mottled or ashen skin, grunting, non-blanching rash, bulging fontanelle → immediate review
- 3 to 6 months with 39 °C or more → at least amber

We use the traffic-light approach from the [NICE fever guideline](https://www.nice.org.uk/guidance/ng143), adapted locally.

What I am unsure about: do your triage nurses treat **parental concern** as an amber feature on its own? In my experience it is one of the most useful signs we have."#,
        replies: &[
            DemoReply {
                author: KIMURA,
                body: r#"Yes — in our department a parent saying "this is not like my baby" is an amber feature by itself, and the triage nurse can escalate without a doctor's sign-off. It felt uncomfortable at first but it has caught several early sepsis presentations."#,
            },
            DemoReply {
                author: MORI,
                body: r#"日本語で失礼します。当院の救急外来でも生後3か月未満の発熱は原則全例で医師がすぐ診察しています。

> do your triage nurses treat parental concern as an amber feature

JTAS（緊急度判定支援システム）でも「保護者の強い不安」は評価に入れるよう教育しています。"#,
            },
            DemoReply {
                author: AOKI,
                body: r#"@Dr. Okafor one practical point from the adult side of a mixed department: make sure the thermometer method is written down. Axillary readings in young infants run lower, and we have seen "37.8 at home, 38.3 here" lead to confusion about who is high risk."#,
            },
        ],
    },
    // 7. Night-shift handover (en, nursing)
    DemoThread {
        category: "nursing",
        author: KIMURA,
        title: "Night-shift handover: bedside SBAR or at the nurses' station?",
        tags: &["handover", "sbar", "night-shift"],
        body: r#"Our unit is trialling **bedside handover** at the start of the night shift, using a short SBAR structure:

- **S**ituation — why the patient is here, what changed today
- **B**ackground — key history, allergies, resuscitation status
- **A**ssessment — latest observations, early warning score, pain, lines and drains
- **R**ecommendation — what needs doing overnight, what to escalate and when

It takes about 5 minutes longer in total, but the incoming nurse sees the patient, the pumps and the drains straight away. The downside is privacy: in shared bays, other patients can hear.

How do you handle confidential parts of the handover when you do it at the bedside?"#,
        replies: &[
            DemoReply {
                author: MORI,
                body: r#"私たちはベッドサイドでは「見れば分かること」（点滴、ドレーン、創部、モニター）を確認し、病名や家族背景などの話はナースステーションで行う**二段階方式**にしています。時間は少し増えますが、情報漏れは明らかに減りました。"#,
            },
            DemoReply {
                author: OKAFOR,
                body: r#"> The downside is privacy

On the children's ward we ask parents whether they want to join the bedside part. Most do, and they often correct things we had wrong (feeds, last dose of paracetamol). Sensitive safeguarding information is handed over away from the bed."#,
            },
            DemoReply {
                author: LEE,
                body: r#"Small request from pharmacy: please include **time-critical medicines** (Parkinson's medication, insulin, anticoagulants, antibiotics due overnight) in the R of SBAR. Missed or delayed doses of these are still our most common night-time incident reports."#,
            },
        ],
    },
    // 8. Hypoglycaemia from care homes (ja, emergency)
    DemoThread {
        category: "emergency",
        author: MORI,
        title: "施設からの低血糖での搬送が続いています：SU薬の見直しについて",
        tags: &["低血糖", "sulfonylurea"],
        body: r#"ここ数か月、介護施設からの**重症低血糖**での搬送が目立ちます。多くはSU薬（グリメピリドなど）を内服中で、食事摂取量が落ちていた方でした。

救急外来での対応は：

- ブドウ糖静注後も、SU薬の場合は**遷延性低血糖**を考えて入院または長めの経過観察
- 腎機能低下（eGFR 30未満）があると特に遷延しやすい
- 帰宅・帰所させる場合は、施設に血糖測定の頻度と中止薬を明記して返す

施設側や主治医とどう連携すれば再発を減らせるでしょうか。"#,
        replies: &[
            DemoReply {
                author: AOKI,
                body: r#"高齢者ではHbA1cの目標を緩めて（7.5〜8.0%程度でも可）、SU薬は可能な限り中止または最小量にしています。代わりにDPP-4阻害薬を使うことが多いです。

退院サマリーに「食事摂取が半分以下の日はSU薬を休薬」のような**具体的な指示**を書くと、施設の方が判断しやすいようです。"#,
            },
            DemoReply {
                author: LEE,
                body: r#"Agree with @aoki_im. Glimepiride and glibenclamide have active metabolites that accumulate in renal impairment — glibenclamide in particular should be avoided in older adults. If a sulfonylurea is really needed, gliclazide has the lowest hypoglycaemia risk of the class."#,
            },
            DemoReply {
                author: MIDORI,
                body: r#"施設では、食事量が少なかった日の朝に**いつもと様子が違う**（ぼんやりしている、冷や汗、返事が遅い）と感じたら、すぐ血糖を測るようにしています。夜勤帯は看護師が不在の時間もあるので、低血糖時の対応手順を紙に書いて貼っています。"#,
            },
        ],
    },
    // 9. Anticoagulation before endoscopy (en, internal medicine)
    DemoThread {
        category: "internal-medicine",
        author: LEE,
        title: "DOAC interruption before elective endoscopy: who coordinates?",
        tags: &["anticoagulation", "endoscopy", "doac"],
        body: r#"Our anticoagulation clinic keeps getting last-minute calls about patients booked for elective endoscopy who are still taking a DOAC. Rough plan we give for **low-bleeding-risk procedures** (diagnostic endoscopy, biopsy):

- Apixaban, edoxaban, rivaroxaban: usually continue, or omit the morning dose only
- Dabigatran: omit the morning dose

For **high-risk procedures** (polypectomy of large polyps, ESD, ERCP with sphincterotomy):

- Apixaban / rivaroxaban / edoxaban: last dose 2 days before if CrCl is 30 or more
- Dabigatran: 2–4 days depending on CrCl
- No bridging with heparin for DOACs

Who owns this in your hospital — the endoscopy unit, the prescriber, or pharmacy? We would like one named role so the plan is written down before the booking is confirmed."#,
        replies: &[
            DemoReply {
                author: AOKI,
                body: r#"In our setting the endoscopist decides the bleeding risk, and the prescriber (often a cardiologist) decides the thrombotic risk. The problem is that nobody writes the **restart date** — "restart when safe" is not a plan. We now ask for "restart the evening after the procedure unless told otherwise" on the request form."#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"> We would like one named role

Pre-assessment nurses do it here, with a pharmacist checking any patient on dabigatran or with CrCl under 50. The checklist is one page and it goes into the booking. Since we started, same-day cancellations for "still anticoagulated" have become rare."#,
            },
            DemoReply {
                author: MORI,
                body: r#"救急では逆に「休薬中に脳梗塞を起こして搬送」というケースもあり、再開日の明記は本当に大事だと思います。@pharm_lee の提案に賛成です。"#,
            },
        ],
    },
    // 10. Falls on anticoagulants (en, emergency)
    DemoThread {
        category: "emergency",
        author: KIMURA,
        title: "Older adults who fall while on anticoagulants: CT head for everyone?",
        tags: &["falls", "head-injury", "anticoagulation"],
        body: r#"We receive several falls every week from care homes, mostly people in their 80s, many on apixaban or warfarin. Current practice in our ED:

1. **CT head for every anticoagulated patient with any head injury**, even without loss of consciousness
2. Repeat observations every 30 minutes for the first 2 hours
3. If the first CT is normal and GCS is back to baseline, discharge back to the care home with written head-injury advice

Some colleagues want a **repeat CT at 24 h** for everyone on anticoagulants. The evidence for delayed bleeding seems weak and it means an overnight stay for a frail person, which brings its own risks (delirium, falls on the ward).

What do you do?"#,
        replies: &[
            DemoReply {
                author: MORI,
                body: r#"うちでも初回CTは全例撮っていますが、24時間後の再検はルーチンではありません。**意識レベルの変化、頭痛の増悪、嘔吐**があれば再検としています。施設に戻る場合は、観察項目を書いた用紙を渡しています。"#,
            },
            DemoReply {
                author: AOKI,
                body: r#"Agree that routine repeat CT is low yield. Two things I check every time: **INR for those on warfarin** (and reverse if there is any bleed), and **why they fell**. Orthostatic hypotension, new antihypertensives, hyponatraemia and sedatives come up again and again."#,
            },
            DemoReply {
                author: LEE,
                body: r#"If there is a bleed: andexanet alfa or prothrombin complex concentrate for factor Xa inhibitors, depending on what your formulary has; idarucizumab for dabigatran; vitamin K plus PCC for warfarin. It helps to keep a one-page reversal table taped inside the resus room cupboard."#,
            },
        ],
    },
    // 11. Fatigue after night shifts (ja, workplace)
    DemoThread {
        category: "workplace",
        author: MIDORI,
        title: "夜勤明けの疲れが抜けません：休憩と仮眠の取り方",
        tags: &["働き方", "夜勤", "burnout"],
        body: r#"16時間夜勤を月に5〜6回しています。40代になってから、夜勤明けの疲れが2日くらい抜けなくなりました。

工夫していること：

- 仮眠は**90分**を目標にしているが、実際は取れない日が多い
- 明けの日は帰宅後すぐに寝ず、昼過ぎまで起きてから短く寝る
- カフェインは夜勤の後半には取らない

職場として、休憩が確実に取れるように何か取り組んでいるところはありますか？人手不足で「休憩中もコールに出る」のが当たり前になっているのが一番の問題だと思っています。"#,
        replies: &[
            DemoReply {
                author: MORI,
                body: r#"救急も同じです。私たちの部署では、休憩中はPHSを別の人に預けるルールを作りました。最初は気を遣って誰も使いませんでしたが、師長が率先して預けるようになってから定着しました。"#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"> 人手不足で「休憩中もコールに出る」のが当たり前になっている

This is a safety issue, not only a wellbeing one. Fatigue after a long night is comparable to a measurable blood alcohol level in some studies. Framing it as patient safety (not "we are tired") is what finally got our managers to protect breaks."#,
            },
            DemoReply {
                author: AOKI,
                body: r#"医師の働き方改革でも、夜勤・当直明けの勤務間インターバルが議論されていますね。介護や看護の現場こそ、仮眠室の確保とシフト間隔のルール化が必要だと思います。"#,
            },
        ],
    },
    // 12. Burnout (en, workplace)
    DemoThread {
        category: "workplace",
        author: OKAFOR,
        title: "Burnout after a hard run of on-call weeks: what actually helped you?",
        tags: &["burnout", "wellbeing"],
        body: r#"After a winter of back-to-back respiratory seasons I noticed the classic signs in myself: **dreading the pager, cynicism about families, poor sleep even on days off**. I am better now, but I would like to collect practical things that helped people, not just "practise self-care".

What helped me:

- Swapping one on-call weekend a month for weekday clinics, agreed with the rota lead
- A monthly peer-support group (Balint-style) with colleagues from other specialties
- Switching off work messaging on my phone outside working hours

The [WHO page on burn-out](https://www.who.int/) describes it as an occupational phenomenon — which matches my experience: it was the system, not a personal weakness."#,
        replies: &[
            DemoReply {
                author: LEE,
                body: r#"Protected time. Our pharmacy team gets one afternoon a month with no dispensing duties for teaching or audit. It sounds small, but having some control over part of the week made a real difference for me."#,
            },
            DemoReply {
                author: MORI,
                body: r#"日本語で失礼します。救急看護でも同じ悩みがあります。私にとって効果があったのは、**つらかった症例を振り返るデブリーフィング**を勤務後に短時間でも行うことでした。一人で抱え込まないことが大切だと思います。"#,
            },
            DemoReply {
                author: KIMURA,
                body: r#"@Dr. Okafor thank you for writing this openly. Peer support helped me too. I would add: talk to occupational health early. I waited until I was already off sick, and they had options (temporary rota changes) that I did not know existed."#,
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn is_japanese(s: &str) -> bool {
        s.chars().any(|c| {
            matches!(c,
                '\u{3040}'..='\u{309f}' // hiragana
                | '\u{30a0}'..='\u{30ff}' // katakana
                | '\u{4e00}'..='\u{9fff}') // CJK ideographs
        })
    }

    fn findings(what: &str, text: &str, out: &mut Vec<String>) {
        let scan = phi::scan(text);
        if scan.hold {
            let found: Vec<String> = scan
                .findings
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} ({})",
                        f.kind.as_str(),
                        &text[f.start..f.end],
                        f.rule
                    )
                })
                .collect();
            out.push(format!("{what}: {found:?}"));
        }
    }

    #[test]
    fn every_demo_text_passes_the_phi_detector() {
        let mut held = Vec::new();
        for (i, t) in THREADS.iter().enumerate() {
            findings(&format!("thread {i} title"), t.title, &mut held);
            findings(&format!("thread {i} body"), t.body, &mut held);
            for (j, r) in t.replies.iter().enumerate() {
                findings(&format!("thread {i} reply {j}"), r.body, &mut held);
            }
        }
        assert!(
            held.is_empty(),
            "held by the PHI detector:\n{}",
            held.join("\n")
        );
    }

    #[test]
    fn users_are_well_formed() {
        assert_eq!(USERS.len(), 6);
        for u in USERS {
            assert!(
                domain::models::PROFESSIONS.contains(&u.profession),
                "{}",
                u.profession
            );
            assert!(u.email.ends_with("@rounds.invalid"), "{}", u.email);
            assert!(matches!(u.lang, "en" | "ja"));
            assert!(!u.display_name.is_empty() && !u.specialty.is_empty());
        }
        assert_eq!(USERS.iter().filter(|u| u.lang == "ja").count(), 3);
        let mut emails: Vec<_> = USERS.iter().map(|u| u.email).collect();
        emails.sort();
        emails.dedup();
        assert_eq!(emails.len(), USERS.len());
        let mut names: Vec<_> = USERS.iter().map(|u| u.display_name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), USERS.len());
    }

    #[test]
    fn threads_are_well_formed() {
        assert!((10..=12).contains(&THREADS.len()));
        for t in THREADS {
            assert!(CATEGORIES.contains(&t.category), "{}", t.category);
            assert!(t.author < USERS.len());
            assert!(t.replies.len() >= 2, "{}", t.title);
            assert!(t.replies.len() <= 4, "{}", t.title);
            assert!((1..=3).contains(&t.tags.len()), "{}", t.title);
            for tag in t.tags {
                let ascii_slug = tag
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                assert!(ascii_slug || is_japanese(tag), "bad tag {tag}");
            }
            for r in t.replies {
                assert!(r.author < USERS.len());
                assert!(!r.body.trim().is_empty());
            }
        }
        for c in CATEGORIES {
            assert!(THREADS.iter().any(|t| t.category == *c), "no thread in {c}");
        }
    }

    #[test]
    fn both_languages_and_unique_titles() {
        let ja = THREADS.iter().filter(|t| is_japanese(t.title)).count();
        let en = THREADS.len() - ja;
        assert!(ja >= 5 && en >= 5, "ja {ja}, en {en}");
        let mut titles: Vec<_> = THREADS.iter().map(|t| t.title).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), THREADS.len());
    }

    #[test]
    fn mentions_name_existing_users() {
        let mut seen = 0;
        for t in THREADS {
            for text in std::iter::once(t.body).chain(t.replies.iter().map(|r| r.body)) {
                for (at, _) in text.match_indices('@') {
                    let rest = &text[at + 1..];
                    assert!(
                        USERS.iter().any(|u| rest.starts_with(u.display_name)),
                        "unknown mention in {:?}: @{}",
                        t.title,
                        rest.chars().take(20).collect::<String>()
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen >= 3, "only {seen} mentions");
    }

    #[test]
    fn some_replies_quote() {
        let quoting = THREADS
            .iter()
            .flat_map(|t| t.replies)
            .filter(|r| r.body.lines().any(|l| l.starts_with("> ")))
            .count();
        assert!(quoting >= 3);
    }
}
