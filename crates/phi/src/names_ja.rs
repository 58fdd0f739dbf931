//! Personal names in Japanese text: kanji, katakana, hiragana and romaji.
//!
//! The main signal is an honorific (`様`, `さん`, `氏`, `くん`, `ちゃん`, `殿`): the run of
//! kanji/katakana before it is a name once relation and role words glued to its front are
//! removed (`長男田中一郎さん` → `田中一郎`) and generic nouns are ruled out (`患者さん`,
//! `看護師さん`, `皆様`, `同様`, `ヘルパーさん`).  Pseudonyms (`Aさん`, `〇〇さん`) are skipped.
//! Without an honorific, a name needs a relation or field label before it (`長男の田中一郎`,
//! `氏名：`), an age after it (`田中花子（95）`), or must split into a known surname plus a
//! known given name.  Eponyms (`橋本病`, `長谷川式`) and citations (`山田ら`) are excluded.

use super::lex::lex;
use super::lists::Dicts;
use super::lists::HashSet;
use super::text::{is_digit, is_hira, is_kanji, is_kata, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;
use std::sync::OnceLock;

lex!(prefixes, PREFIXES);
lex!(term_after, TERM_AFTER);
lex!(labels_before, LABELS_BEFORE);
lex!(honorifics, HONORIFICS);
lex!(
    name_labels,
    &["氏名", "名前", "患者名", "本名", "旧姓", "お名前"]
);

fn stop_set() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| STOP.iter().copied().collect())
}

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "様", "さま", "さん", "氏", "くん", "君", "ちゃん", "殿", "夫人",
];

/// Relation, role and time words that can be glued to the front of a name (longest first).
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "キーパーソン", "ケアマネ", "入居者", "入所者", "利用者", "患者", "主治医", "担当医", "担当", "長男", "長女", "次男", "次女", "三男", "三女", "息子", "義母",
    "義父", "祖母", "祖父", "叔母", "伯母", "叔父", "伯父", "喪主", "本人", "家族", "昨日", "今日", "本日", "先日", "先週", "今朝", "昨夜", "夜間", "日中",
    "明日", "今回", "前回", "毎日", "隣室", "同室", "新患", "症例", "故", "亡", "元", "夫", "妻", "娘", "母", "父", "孫", "兄", "姉", "弟", "妹",
    "嫁", "甥", "姪", "婿",
];
/// Generic nouns before an honorific.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "皆", "皆々", "患者", "利用者", "入居者", "入所者", "娘", "息子", "奥", "旦那", "嫁", "家族", "看護師", "薬剤師", "医師", "先生", "師長", "主任", "担当",
    "隣", "本人", "神", "客", "お客", "王", "殿", "仏", "各", "貴", "両", "同", "多", "異", "模", "仕", "今", "外", "一", "上", "有", "左",
    "右", "彼", "彼女", "某", "摂", "華", "源", "平", "諸", "主", "暴", "母", "父", "祖母", "祖父", "孫", "兄", "姉", "弟", "妹", "叔母", "伯母",
    "叔父", "伯父", "夫", "妻", "甥", "姪", "赤", "坊", "坊っ", "爺", "婆", "大家", "管理人", "近所", "新人", "研修医", "上司", "同僚", "職員", "業者",
    "相手", "ご家族", "家政婦", "生徒", "学生", "子", "親", "親御", "奥方", "お嬢", "嬢", "店員", "運転手", "住職", "院長", "先方", "相談員", "栄養士",
    "理学療法士", "作業療法士", "言語聴覚士", "介護士", "介護福祉士", "保健師", "助産師", "事務", "受付", "清掃", "警備", "配達", "郵便", "銀行", "役所", "市役所",
    "区役所", "保健所", "包括", "訪看", "施設", "病院", "先輩", "後輩", "友人", "知人", "隣人", "他", "別", "前", "後", "次", "当", "該当", "対象",
    "上記", "下記", "一般", "高齢", "若い", "患児", "児", "ご本人", "本", "様", "全員", "みんな", "皆さ", "我", "自分", "他人", "女", "男", "女性",
    "男性", "奥様", "同氏", "両氏", "私", "僕", "俺", "方", "人", "某氏",
];
/// Katakana words before an honorific that are roles, not names.
#[rustfmt::skip]
const KATA_STOP: &[&str] = &[
    "ヘルパー", "ケアマネ", "ケアマネージャー", "ケアマネジャー", "ナース", "ドクター", "スタッフ", "リハ", "ボランティア", "パート", "ママ", "パパ", "ワーカー", "セラピスト",
    "マネージャー", "ドライバー", "ケースワーカー", "ソーシャルワーカー", "ガイド", "オーナー", "ナースマン", "リーダー", "メンバー", "ファミリー", "クライアント", "ゲスト",
    "ホスト", "アシスタント", "サポーター", "コーディネーター", "カウンセラー", "トレーナー", "インストラクター", "ヤクルト", "ハウスキーパー", "パートナー", "ベテラン", "ジジ",
    "ババ", "オバ", "オジ", "オバア", "オジイ", "オバチャ", "バア", "ジイ",
];
#[rustfmt::skip]
const HIRA_STOP: &[&str] = &[
    "みな", "ばあ", "じい", "ばば", "じじ", "かあ", "とう", "にい", "ねえ", "あか", "ぼっ", "ぼう", "ねえ", "おば", "おじ", "ばっ", "じっ", "あね", "あに",
    "いもうと", "おとうと", "だんな", "むすめ", "むすこ", "まご", "よめ", "おく", "かん", "ちい", "みい", "たろ", "ぼく", "わたし", "あなた", "おまわり", "かんごし",
    "せんせい", "しゃちょう", "ごくろう", "おつかれ", "ありがと", "どうも", "みなさ", "おひめ", "おうじ", "ばーちゃ", "じーちゃ", "たいしょう", "おやじ",
];
/// Words after a kanji run that make it an eponym or a term, not a person.
#[rustfmt::skip]
const TERM_AFTER: &[&str] = &[
    "病", "式", "症", "型", "法", "分類", "反射", "試験", "スケール", "白斑", "現象", "徴候", "兆候", "甲状腺炎", "脳症", "ら", "等", "らの", "ほか",
    "et", "賞", "記念", "線", "駅", "市", "町", "村", "県", "区", "大学", "先生", "医師",
];

fn name_char(c: char) -> bool {
    is_kanji(c) || is_kata(c) || c == '・' || c == '＝'
}

/// Strips relation/role/time words glued to the front of a run (repeatedly).
fn strip_prefixes(t: &Text, mut s: usize, e: usize) -> usize {
    let mut changed = true;
    while changed && s < e {
        changed = false;
        if let Some(n) = prefixes().at(t, s) {
            if s + n < e {
                s += n;
                changed = true;
            }
        }
    }
    s
}

/// Role words that end longer compounds ("看護学生", "実習生", "新人看護師").
#[rustfmt::skip]
const ROLE_ENDINGS: &[&str] = &[
    "学生", "実習生", "研修生", "高校生", "中学生", "小学生", "留学生", "先生", "職員", "スタッフ", "薬剤部", "看護部", "検査部", "事務部", "医事部", "栄養部",
    "病棟", "外来", "相談室", "検査室", "透析室", "手術室", "連携室", "医局", "センター", "ステーション", "事業所", "薬局", "役場", "役所", "入浴", "配食",
    "福祉用具", "業者", "委員", "デイ", "ショート", "放射線", "救急", "地域連携", "包括", "社協",
];

fn is_stop(name: &str) -> bool {
    stop_set().contains(name)
        || ROLE_ENDINGS.iter().any(|w| name.ends_with(w))
        || KATA_STOP.iter().any(|k| name.ends_with(k))
        || name.chars().all(|c| c == 'ー' || c == '・')
        || (name.chars().count() >= 2
            && name.ends_with([
                '者', '師', '士', '員', '医', '係', '達', '方', '長', '科', '課', '局', '所',
            ]))
}

pub(super) fn scan(t: &Text, d: &Dicts, hits: &mut Hits) {
    let hon = honorifics();
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        if !(is_kanji(c) || is_kata(c) || is_hira(c)) {
            i += 1;
            continue;
        }
        if let Some(hn) = hon.at(t, i) {
            let he = i + hn;
            let h = &t.string(i, he);
            // A one-kanji honorific glued to another kanji is usually part of a word (六君子湯, 様式).
            let compound = hn == 1
                && is_kanji(t.at(he))
                && !matches!(t.at(he), '宅' | '方' | '夫' | '家' | '宛' | '分');
            let blocked = compound
                || match h.as_str() {
                    "様" => matches!(t.at(he), '子' | '式' | '相' | '態' | '々' | '変'),
                    "氏" => matches!(t.at(he), '名' | '神' | '族'),
                    "君" => matches!(t.at(he), '主' | '臨'),
                    // さんま, さんかく, さんせい, さんご: words, not honorifics.
                    "さん" => {
                        t.at(he) == 'ま'
                            || t.starts_ci(he, "かく")
                            || t.starts_ci(he, "せい")
                            || (t.starts_ci(he, "ご")
                                && ![
                                    "夫婦", "本人", "家族", "自身", "一家", "両親", "兄弟", "姉妹",
                                ]
                                .iter()
                                .any(|w| t.starts_ci(he + 1, w)))
                    }
                    _ => false,
                };
            if !blocked {
                honorific(t, d, i, hits);
            }
            i = he;
            continue;
        }
        // Katakana name after a name-only field label: "患者名：ヤマモト タロウ".
        if is_kata(c) && !is_kata(t.before(i)) {
            let mut k = t.back_sp(i);
            if matches!(t.before(k), ':' | '：') {
                k = t.back_sp(k - 1);
            }
            if name_labels().before(t, k).is_some() {
                let mut e = t.run_end(i, |c| is_kata(c) || c == '・');
                if t.at(e) == ' ' && is_kata(t.at(e + 1)) {
                    e = t.run_end(e + 1, is_kata);
                }
                push(hits, Kind::Name, i, e, "name.label_ja");
                i = e;
                continue;
            }
            // A bare katakana name in a patient slot ("3床 グエン、").
            super::names_ja_bare::katakana(t, i, hits);
        }
        if is_kanji(c) && !is_kanji(t.before(i)) {
            // Bare surnames in a patient slot and kanji-numeral dates (same walk).
            super::names_ja_bare::run(t, i, hits);
            // The run ends at the first honorific inside it ("田中様" is handled above).
            let mut e = t.run_end(i, is_kanji);
            if let Some(h) = (i + 1..e).find(|&j| hon.at(t, j).is_some()) {
                e = h;
            }
            if e - i <= 12 {
                bare(t, d, i, e, hits);
            }
        }
        i += 1;
    }
}

/// Name before an honorific starting at `h`.
fn honorific(t: &Text, d: &Dicts, h: usize, hits: &mut Hits) {
    // "田中 様": one space between the name and the honorific.
    let h = if t.before(h) == ' ' && name_char(t.before(h - 1)) {
        h - 1
    } else {
        h
    };
    let s = t.run_start(h, 14, name_char);
    if s < h {
        // "佐藤 花子さん": join a surname separated by one space.
        let mut start = s;
        if t.before(s) == ' ' && s >= 2 {
            let s0 = t.run_start(s - 1, 4, is_kanji);
            let given = d.ja_given.contains(t.string(s, h).as_str());
            if s0 < s - 1
                && (d.ja_sur.contains(t.string(s0, s - 1).as_str()) || (given && s - 1 - s0 <= 3))
            {
                start = s0;
            }
        }
        // A role noun as a whole ("ケアマネジャーさん") is not a name even if a prefix strips.
        if is_stop(&t.string(s, h)) {
            return;
        }
        let ns = if start == s {
            strip_prefixes(t, s, h)
        } else {
            start
        };
        let name = t.string(ns, h);
        if !is_stop(&name) {
            push(hits, Kind::Name, ns, h, "name.honorific_ja");
        }
        return;
    }
    // Romaji before an honorific: "Tanakaさん" (one letter is a pseudonym: "Aさん").
    let a = t.run_start(h, 20, |c| c.is_ascii_alphabetic());
    if a < h {
        if h - a >= 2 && !t.c[a..h].iter().all(|c| c.is_ascii_uppercase()) {
            push(hits, Kind::Name, a, h, "name.honorific_romaji");
        }
        return;
    }
    // Hiragana given names: "はなさん" (not "おばあさん", "みなさん").
    let hs = t.run_start(h, 6, is_hira);
    // A particle-like kana at the very start of the run, after no word at all (start of the
    // post, punctuation, a space), begins the name: "はなちゃん", "たろうくん".
    let word_before = is_kanji(t.before(hs)) || is_kata(t.before(hs));
    let cut = (hs..h).rev().find(|&j| {
        (j > hs || word_before)
            && matches!(
                t.at(j),
                'の' | 'は' | 'が' | 'に' | 'を' | 'で' | 'と' | 'も' | 'へ' | 'や' | 'て' | 'た'
            )
    });
    let hs = cut.map_or(hs, |j| j + 1);
    let name = t.string(hs, h);
    let n = h - hs;
    if (2..=4).contains(&n)
        && !name.starts_with(['お', 'ご'])
        && !HIRA_STOP
            .iter()
            .any(|w| name.starts_with(w) || name.ends_with(w))
    {
        push(hits, Kind::Name, hs, h, "name.honorific_hiragana");
    }
}

#[rustfmt::skip]
const LABELS_BEFORE: &[&str] = &[
    "長男", "長女", "次男", "次女", "三男", "三女", "息子", "娘", "夫", "妻", "母", "父", "祖母", "祖父", "孫", "兄", "姉", "弟", "妹", "患者",
    "利用者", "入居者", "入所者", "キーパーソン", "喪主", "氏名", "名前", "患者名", "本名", "旧姓",
];

/// A kanji run `s..e` with no honorific: a name if labelled, aged, or a dictionary full name.
fn bare(t: &Text, d: &Dicts, s: usize, e: usize, hits: &mut Hits) {
    if honorifics().at(t, e).is_some() || term_after().at(t, e).is_some() {
        return;
    }
    let ns = strip_prefixes(t, s, e);
    let len = e - ns;
    if !(1..=6).contains(&len) {
        return;
    }
    // "長女：白鳥 恵美子": a relation label, then an unknown surname, a space and a known given name.
    if t.at(e) == ' ' && len <= 4 {
        let e2 = t.run_end(e + 1, is_kanji);
        if e2 - e > 2 && d.ja_given.contains(t.string(e + 1, e2).as_str()) {
            let mut k = t.back_sp(s);
            if matches!(t.before(k), 'の' | 'は' | ':' | '：' | '、') {
                k = t.back_sp(k - 1);
            }
            if ns > s
                || labels_before().before(t, k).is_some()
                || name_labels().before(t, k).is_some()
            {
                push(hits, Kind::Name, ns, e2, "name.context_ja");
                return;
            }
        }
    }
    if len < 2 {
        return;
    }
    let sur = t.with_str(ns, e, false, |n| d.ja_sur_prefix(n));
    // Every rule below needs a known surname at the front, except a name-only field label.
    if sur.is_none()
        && name_labels().before(t, t.back_sp(s)).is_none()
        && !matches!(t.before(t.back_sp(s)), ':' | '：' | 'は')
    {
        return;
    }
    let name = t.string(ns, e);
    if is_stop(&name) {
        return;
    }
    // Label before: "長男の田中一郎", "氏名：山田花子", "長男田中一郎".
    let mut k = t.back_sp(s);
    if matches!(t.before(k), 'の' | 'は' | ':' | '：' | '、' | 'が') {
        k = t.back_sp(k - 1);
    }
    let labelled = (ns > s && labels_before().before(t, ns).is_some())
        || labels_before().before(t, k).is_some();
    // Field labels that can only be followed by a name.
    let strong = name_labels().before(t, k).is_some();
    let after = t.skip_sp(e);
    let aged = t.at(after) == '(' && is_digit(t.at(after + 1))
        || (t.at(e) == '、'
            && is_digit(t.at(e + 1))
            && t.c[e + 1..(e + 5).min(t.len())].contains(&'歳'));
    let full = d.ja_full(&name);
    if ((labelled || aged) && sur.is_some()) || full || strong {
        push(
            hits,
            Kind::Name,
            ns,
            e,
            if full {
                "name.dictionary_ja"
            } else {
                "name.context_ja"
            },
        );
    }
}

#[cfg(test)]
mod tests;
