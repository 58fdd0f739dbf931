//! Japanese surnames with no honorific, label or dictionary entry.
//!
//! Handover notes drop the honorific (`申し送り：3床 勅使河原、血糖200台`, `患者は百目鬼、`,
//! `九十九の家族から電話`), and rare surnames are missing from any list.  A short kanji run
//! (2–4 characters) is taken as a name when its *position* says it is a person:
//! * a patient slot before it: `患者は`, `患者`, a bed (`3床`, `ベッド5の`, `302号室の`),
//!   `入院中の`, `入所中の`;
//! * a relation after it: `…の家族`, `…の娘`, `…の長男`, `…の奥様`;
//! * the head of a note line (start of the post or of a sentence) followed by `、` or `は`,
//!   when the run does not look like a common word (time words, and the suffixes of clinical
//!   nouns: `…症`, `…炎`, `…熱`, `…日`, …).
//!
//! Person nouns (`患者`, `本人`, `男性`) and anything followed by an eponym or term word are
//! excluded.  Look-around is bounded to a few characters.

use super::lex::lex;
use super::text::{is_digit, is_hira, is_kanji, is_kata, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

#[rustfmt::skip]
lex!(family_after, &[
    "家族", "ご家族", "娘", "息子", "長男", "長女", "次男", "次女", "妻", "夫", "奥様", "奥さん", "ご主人", "旦那",
    "お孫さん", "孫", "お嫁さん", "嫁", "母", "父", "兄", "姉", "弟", "妹", "ご両親", "両親", "キーパーソン",
]);
#[rustfmt::skip]
lex!(relation_after, &["採血", "点滴", "内服", "食事", "退院", "入院", "血糖", "検査", "部屋", "病室"]);
// What a handover line says about a patient: a line that starts with a bare kanji run needs
// one of these soon after ("纐纈、食事摂取5割", not "札幌、旭川からの紹介").
#[rustfmt::skip]
lex!(patient_state, &[
    "発熱", "解熱", "不穏", "せん妄", "転倒", "転落", "退院", "入院", "手術", "術後", "食事", "摂取", "血糖", "血圧",
    "腎機能", "肝機能", "悪化", "改善", "痛み", "疼痛", "訴え", "採血", "内視鏡", "点滴", "酸素", "SpO2", "CT", "MRI",
    "嘔吐", "下痢", "便秘", "意識", "呼吸", "尿量", "浮腫", "褥瘡", "誤嚥", "拒否", "拒薬", "抜去", "離床", "リハビリ",
    "ナースコール", "家族", "面会", "逝去", "永眠", "死亡", "急変", "搬送", "昨夜", "夜間", "本日", "明日", "今朝",
]);
// Slot words glued to the front of the run ("患者祖父江の家族").
#[rustfmt::skip]
const GLUED: &[&str] = &["患者", "利用者", "入所者", "入居者"];
#[rustfmt::skip]
lex!(slot_before, &[
    "患者は", "患者の", "患者", "床", "床の", "号室の", "号室", "入院中の", "入所中の", "利用者の", "利用者は",
    "入所者の", "担当患者の", "ベッド",
]);
lex!(stop_words, STOP);
// Kanji words that sit in the same positions but are not persons.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "患者", "本人", "男性", "女性", "高齢", "家族", "主治医", "担当", "全員", "一部", "最近", "現在", "今後", "以前",
    "初回", "毎日", "本日", "今日", "昨日", "明日", "今朝", "昨夜", "夜間", "日中", "当院", "当科", "先日", "先週",
    "今回", "前回", "入院", "退院", "外来", "自宅", "独居", "食事", "発熱", "意識", "呼吸", "血圧", "血糖", "嘔吐",
    "下痢", "咳嗽", "浮腫", "疼痛", "倦怠感", "経過", "状態", "予後", "既往", "家人", "妻", "夫", "長男", "長女",
    "次男", "次女", "息子", "娘", "母親", "父親", "祖母", "祖父", "同室", "隣室", "看護師", "医師", "薬剤師", "介護",
    "施設", "病棟", "病院", "地域", "在宅", "訪問", "通所", "要介護", "要支援", "独歩", "車椅子", "歩行", "排泄",
    "入浴", "整容", "更衣", "睡眠", "不眠", "不穏", "転倒", "誤嚥", "嚥下", "褥瘡", "感染", "抗菌薬", "治療", "投与",
    "検査", "採血", "画像", "結果", "所見", "評価", "方針", "説明", "同意", "相談", "連絡", "報告", "確認", "注意",
    "全身", "左右", "両側", "右側", "左側", "上肢", "下肢", "頭部", "胸部", "腹部", "背部", "腰部", "各位", "皆様",
    "質問", "参考", "皆さん", "先生", "先輩", "後輩", "同僚", "研修医", "専攻医", "指導医", "当直", "夜勤", "日勤",
    "申し送り", "旧姓", "氏名", "名前", "本名", "症例", "一例", "今月", "先月", "来月", "今年", "昨年", "来年", "今週", "来週", "午前", "午後",
    "朝食", "昼食", "夕食", "水分", "摂取", "体重", "身長", "体温", "脈拍", "酸素", "点滴", "内服", "処方", "減量",
    "増量", "中止", "再開", "継続", "開始", "終了", "手術", "術後", "術前", "麻酔", "鎮静", "鎮痛", "緩和", "看取",
    // Age groups that open a case sentence ("幼児、クループで入院").
    "新生児", "乳児", "幼児", "学童", "小児", "成人", "妊婦", "産婦", "若年", "壮年", "中年",
    // Places (prefectures, large cities, regions) that head a line like a surname; those that
    // are also common surnames (石川, 千葉, 長野, 広島 …) are left out on purpose.
    "北海道", "青森", "岩手", "宮城", "山形", "茨城", "栃木", "群馬", "埼玉", "東京", "神奈川", "富山", "山梨",
    "岐阜", "静岡", "愛知", "三重", "滋賀", "京都", "大阪", "兵庫", "奈良", "和歌山", "鳥取", "島根", "徳島",
    "愛媛", "高知", "福岡", "佐賀", "熊本", "大分", "鹿児島", "沖縄", "札幌", "仙台", "横浜", "名古屋", "神戸",
    "北九州", "浜松", "相模原", "旭川", "函館", "都内", "県内", "市内", "関東", "関西", "東北", "九州", "四国",
    "近畿", "北陸", "海外", "国内", "地方", "地元",
];
// Last characters of clinical and general nouns (surnames rarely end in these).
const NOUN_END: &str = "症炎病痛熱剤率値量歴者性的中時後前日間化感度型科室院所薬法査療術血液尿便圧温数能期回週月年分側内管音色状態況果析定診断察施設制力体重息吸識覚害常身際点向動護援応送録報告題問答割以等費金料額案件係関連続各糖吐痢嗽腫怠傷折塞全程様毎今昨明当先次同初最現翌調器機具灯扉窓棚台品紙取修来方朝夕晩夜掃";

fn is_stop(t: &Text, s: usize, e: usize) -> bool {
    NOUN_END.contains(t.at(e - 1)) || stop_words().is(t, s, e)
}

/// Scans kanji runs of 2–4 characters with no honorific after them.
/// Checks the kanji run starting at `i` (called by `names_ja` for every run start, so that
/// the text is walked once): a bare name, and kanji-numeral dates inside the run.
pub(super) fn run(t: &Text, i: usize, hits: &mut Hits) {
    // The run stops at a one-kanji honorific ("権藤氏"); `names_ja` reports those.
    let e = t.run_end(i, |c| {
        is_kanji(c) && !matches!(c, '様' | '氏' | '君' | '殿')
    });
    let full = t.run_end(e, is_kanji);
    if matches!(t.at(i), '元' | '前') {
        super::other::former_ja(t, i, hits);
    }
    for j in i..full {
        if t.c[j] == '月' {
            super::dates_kanji::at_month(t, j, hits);
        }
    }
    bare(t, i, e, hits);
}

/// Is there a patient slot right before `s`: "患者は", "3床 ", "ベッド5の", "302号室の"?
fn in_slot(t: &Text, s: usize) -> bool {
    let b = t.back_sp(s);
    let mut k = b;
    // "ベッド5の": skip "の" and the bed number.
    if t.before(k) == 'の' && is_digit(t.before(k - 1)) {
        k = t.run_start(k - 1, 4, is_digit);
    }
    slot_before().before(t, k).is_some()
        || (matches!(t.before(b), '：' | ':') && t.before(b - 1) == '床')
}

// Katakana words that can stand in a patient slot but are not names.
#[rustfmt::skip]
lex!(kata_stop, &[
    "インフルエンザ", "コロナ", "ステロイド", "インスリン", "リハビリ", "ベッド", "トイレ", "オムツ", "ナースコール",
    "バイタル", "カテーテル", "ドレーン", "ポート", "ペースメーカー", "ストーマ", "ケア", "スタッフ", "ヘルパー",
    "カトリック", "クリスチャン", "エホバ", "ベジタリアン", "アレルギー", "ペニシリン", "ワーファリン", "ワルファリン",
]);

/// A katakana name (a foreign patient: "3床 グエン、", "患者はハンナ、") in a patient slot or
/// before a family word (called by `names_ja` at each katakana run).  Returns the run end.
pub(super) fn katakana(t: &Text, i: usize, hits: &mut Hits) -> usize {
    let e = t.run_end(i, |c| is_kata(c) || c == '・');
    let n = e - i;
    let nx = t.at(e);
    let family = nx == 'の' && family_after().at(t, e + 1).is_some();
    if (2..=15).contains(&n)
        && ((matches!(nx, '、' | ',' | 'は' | ' ') && in_slot(t, i)) || family)
        && !kata_stop().is(t, i, e)
    {
        push(hits, Kind::Name, i, e, "name.bare_kata_ja");
    }
    e
}

fn bare(t: &Text, i: usize, e: usize, hits: &mut Hits) {
    let mut s = i;
    let nx = t.at(e);
    // Every rule needs one of these after the run; most kanji runs stop here.
    if !matches!(nx, '、' | ',' | 'は' | '。' | ' ' | '\0' | 'の') {
        return;
    }
    let mut glued = false;
    if let Some(g) = GLUED
        .iter()
        .find(|g| matches!(t.at(s), '患' | '利' | '入') && t.starts_ci(s, g))
    {
        s += g.chars().count();
        glued = true;
    }
    if !(2..=4).contains(&(e - s)) || t.at(s) == '々' {
        return;
    }
    let family = nx == 'の' && family_after().at(t, e + 1).is_some();
    // The slot before: "患者は", "3床 ", "ベッド5の", "302号室の".
    let b = t.back_sp(s);
    let slot = glued || in_slot(t, s);
    let rel = family || (nx == 'の' && relation_after().at(t, e + 1).is_some());
    // Head of a note line: start of post or sentence, then "、" or "は" + more text; four
    // kanji at the head are mostly two-word compounds ("救急外来"), so only 2–3 here.
    let head = e - s <= 3
        && (b == 0
            || matches!(
                t.before(b),
                '。' | '\n' | '！' | '？' | '!' | '?' | '：' | ':'
            ))
        && (nx == '、'
            || nx == ','
            || (nx == 'は' && !is_hira(t.at(e + 1)) && t.at(e + 1) != '、'))
        && patient_state().any_in(t, e + 1, e + 16);
    // A name in a slot is the topic of the note: "、" or "は" after it, not "を" or "が"
    // ("302号室の清掃を", "302号室の空調が", "210号室の清掃。").
    let end_ok = matches!(nx, '、' | ',' | 'は' | ' ');
    // Stop words last (most runs have no context at all).  A family word after is strong
    // enough to skip the noun-ending test ("外間の家族").
    let stop = || {
        if family {
            stop_words().is(t, s, e)
        } else {
            is_stop(t, s, e)
        }
    };
    if ((slot && end_ok) || rel || head) && !stop() {
        push(hits, Kind::Name, s, e, "name.bare_ja");
    }
}

#[cfg(test)]
mod tests {
    use crate::kinds::Kind;

    fn names(s: &str) -> Vec<String> {
        crate::detector::texts_of_kind(s, Kind::Name)
    }

    #[test]
    fn positives() {
        for (s, want) in [
            ("患者は百目鬼、昨夜から発熱あり。", "百目鬼"),
            ("申し送り：3床 勅使河原、血糖200台。", "勅使河原"),
            ("九十九の家族から電話がありました。", "九十九"),
            ("ベッド5の御手洗、夜間不穏。", "御手洗"),
            ("3床 ハンナ、食事摂取良好。", "ハンナ"),
            ("外間の家族が来院。", "外間"),
        ] {
            assert_eq!(names(s).first().map(String::as_str), Some(want), "{s}");
        }
    }

    #[test]
    fn negatives() {
        for s in [
            "発熱、咳嗽あり。",
            "本日は落ち着いています。",
            "患者は80代女性。",
            "患者の家族に説明しました。",
            "302号室の空調が故障。",
            "210号室の清掃。",
            "患者はカトリック、輸血拒否あり。",
            "大阪、神戸からの搬送が多い。",
            "明朝、採血予定。",
        ] {
            assert!(names(s).is_empty(), "{s}: {:?}", names(s));
        }
    }

    #[test]
    fn age_groups_opening_a_case_are_not_names() {
        // Found by the demo content: these were held as bare names.
        for text in [
            "症例は一部改変しています。幼児、クループ症候群で入院しました。",
            "乳児、発熱で受診。",
            "学童、喘息発作で救急搬送。",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
