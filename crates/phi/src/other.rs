//! Other identifying characteristics: unique roles (`the former mayor of Pinecrest`,
//! `城南村の元村長`, `〇〇寺の住職`), vehicle plates (`足立 500 あ 12-34`, `plate ABC-1234`)
//! messaging IDs (`LINE ID: hanako_88`), social-media handles after a platform name
//! (`Instagram (@lily.loves.grandpa)`, `インスタ @taro_1960`), "the town's only pharmacist"
//! and a former office (`元校長先生`, `元町長`, `村長の奥様`).

use super::lex::lex;
use super::text::{is_alnum, is_digit, is_hira, is_kanji, is_kata, is_latin, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

lex!(roles_en, ROLES_EN);
lex!(
    messengers,
    &[
        "wechat",
        "kakaotalk",
        "kakao",
        "telegram",
        "whatsapp",
        "signal",
        "viber",
        "skype",
        "discord",
        "snapchat",
        "instagram",
        "tiktok",
        "twitter",
        "facebook",
        "threads"
    ]
);

#[rustfmt::skip]
const ROLES_EN: &[&str] = &[
    "mayor", "sheriff", "principal", "pastor", "priest", "vicar", "imam", "rabbi", "headmaster", "headteacher",
    "superintendent", "senator", "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "judge",
    "bishop", "chief of police", "police chief", "fire chief", "coach", "ceo", "founder", "owner", "chairman",
    "chairwoman", "governor", "alderman", "minister", "postmaster", "librarian",
];
#[rustfmt::skip]
const ROLES_JA: &[&str] = &[
    "村長", "町長", "市長", "区長", "知事", "議員", "宮司", "住職", "神主", "校長", "園長", "社長", "会長", "組合長", "署長", "局長", "院長", "理事長",
    "牧師", "神父", "駅長", "館長", "組長", "頭取", "住持", "和尚", "教頭", "市議", "町議", "村議", "県議", "団長",
    "自治会長", "町内会長", "家元", "横綱", "大関", "棋士",
];
/// Platforms whose `@handle` names a person (the poster's own handle is not after these).
#[rustfmt::skip]
const PLATFORMS: &[&str] = &[
    "instagram", "insta", "ig", "tiktok", "twitter", "telegram", "whatsapp", "wechat", "kakaotalk", "kakao",
    "snapchat", "facebook", "threads", "bluesky", "インスタグラム", "インスタ", "ツイッター", "ティックトック",
    "フェイスブック", "テレグラム", "スレッズ", "カカオトーク",
];
/// Places whose "only" role identifies a person: "the town's only pharmacist".
const PLACES_EN: &[&str] = &[
    "town's",
    "village's",
    "island's",
    "city's",
    "county's",
    "parish's",
    "community's",
    "area's",
    "valley's",
];
/// Family words after a role: "村長の奥様" (the role's holder is identified).
const FAMILY_JA: &[&str] = &[
    "奥様",
    "奥さん",
    "ご主人",
    "娘",
    "息子",
    "ご家族",
    "家族",
    "母",
    "父",
    "妻",
    "夫",
];
#[rustfmt::skip]
const PLACES_JA: &[char] = &[
    '村', '町', '市', '寺', '社', '校', '園', '会', '署', '局', '館', '駅',
];

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    let roles = roles_en();
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        if is_latin(c) && !is_latin(t.before(i)) {
            // "the" checked by hand: this runs at every Latin word.
            if matches!(c, 't' | 'T')
                && matches!(t.at(i + 1), 'h' | 'H')
                && matches!(t.at(i + 2), 'e' | 'E')
                && t.at(i + 3) == ' '
            {
                only_role(t, i, hits);
            }
            if let Some(n) = roles.word_at(t, i) {
                role_en(t, i, i + n, hits);
            } else if matches!(c, 'l' | 'L' | 'p' | 'P') {
                let k = t.skip_sp(i + 4);
                if t.word_ci(i, "line")
                    && (matches!(t.at(k), ':' | 'の' | 'I' | 'i' | '@' | '=')
                        || (t.starts_ci(i, "LINE") && t.at(i + 1) == 'I' && t.word_ci(k, "is")))
                    || t.word_ci(i, "plate")
                {
                    labelled_token(t, i, hits);
                }
            } else if matches!(
                c.to_ascii_lowercase(),
                'w' | 'k' | 't' | 's' | 'v' | 'd' | 'i' | 'f'
            ) && t.run_end(i, is_latin) - i >= 5
            {
                // "WeChat ID: wxid_mama1950", "KakaoTalk: kim_halmoni77": the label must be
                // followed by ":" or "ID" (not "on WhatsApp they said").  Every messenger name
                // has five or more letters, which skips most words cheaply.
                if let Some(n) = messengers().word_at(t, i) {
                    let k = t.skip_sp(i + n);
                    if matches!(t.at(k), ':' | '：') || t.starts_ci(k, "id") || t.word_ci(k, "is")
                    {
                        labelled_token(t, i, hits);
                    }
                }
            }
            i = t.run_end(i, is_latin).max(i + 1);
            continue;
        }
        if c == 'の' {
            role_ja(t, i, hits);
        } else if is_hira(c)
            && is_digit(t.at(t.skip_sp(i + 1)))
            && !is_hira(t.before(i))
            && !is_hira(t.at(i + 1))
        {
            plate_ja(t, i, hits);
        } else if matches!(c, 'ラ' | 'ナ')
            && (t.starts_ci(i, "ライン") || t.starts_ci(i, "ナンバー"))
            && !is_kata(t.before(i))
        {
            labelled_token(t, i, hits);
        }
        i += 1;
    }
}

/// "the (former) mayor of Pinecrest", "principal of Oakview Elementary".
fn role_en(t: &Text, s: usize, e: usize, hits: &mut Hits) {
    let k = t.skip_sp(e);
    let of = if t.word_ci(k, "of") || t.word_ci(k, "in") || t.word_ci(k, "at") {
        k + 2
    } else {
        return;
    };
    let mut j = t.skip_sp(of);
    if t.word_ci(j, "the") {
        j = t.skip_sp(j + 3);
    }
    if !t.at(j).is_uppercase() {
        return;
    }
    let mut end = t.run_end(j, is_latin);
    // Following capitalised words ("Oakview Elementary", "St. Jude Parish").
    for _ in 0..3 {
        let n = t.skip_sp(end);
        if n == end + 1 && t.at(n).is_uppercase() {
            end = t.run_end(n, is_latin);
        } else {
            break;
        }
    }
    let mut start = s;
    for q in [
        "former ", "retired ", "town ", "village ", "local ", "county ", "city ", "the ",
    ] {
        let b = t.back_sp(start);
        let n = q.trim_end().len();
        if t.ends_ci(b, q.trim_end()) && !is_alnum(t.before(b - n)) {
            start = b - n;
        }
    }
    push(hits, Kind::Other, start, end, "other.role");
}

/// `@handle` right after a platform name (called by `contacts` at each `@`) ("Instagram (@lily.loves.grandpa)", "TikTok @x").
pub(super) fn handle(t: &Text, at: usize, hits: &mut Hits) {
    let mut b = at;
    for _ in 0..4 {
        if matches!(t.before(b), ' ' | '(' | ':' | '：' | 'の' | 'は' | '（') {
            b -= 1;
        } else {
            break;
        }
    }
    let platform = PLATFORMS.iter().any(|p| {
        let n = p.chars().count();
        n <= b && t.ends_ci(b, p) && !is_latin(t.before(b - n))
    });
    let e = t.run_end(at + 1, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '.')
    });
    let e = if t.before(e) == '.' { e - 1 } else { e };
    if platform && e > at + 3 {
        push(hits, Kind::Url, at, e, "other.social_handle");
    }
}

/// "the town's only pharmacist", "the village's only GP": the place's only holder of a role.
fn only_role(t: &Text, the: usize, hits: &mut Hits) {
    let p = t.skip_sp(the + 3);
    let Some(place) = PLACES_EN.iter().find(|w| t.starts_ci(p, w)) else {
        return;
    };
    let o = t.skip_sp(p + place.len());
    if !t.word_ci(o, "only") {
        return;
    }
    let w = t.skip_sp(o + 4);
    let e = t.run_end(w, is_latin);
    if e > w {
        push(hits, Kind::Other, the, e, "other.only_role");
    }
}

/// "元校長先生", "元小学校校長", "前町長": a former office, up to four kanji between (called by
/// `names_ja_bare` at each kanji run).
pub(super) fn former_ja(t: &Text, s: usize, hits: &mut Hits) {
    let e = t.run_end(s + 1, is_kanji).min(s + 8);
    for j in s + 1..e {
        if let Some(r) = ROLES_JA.iter().find(|r| t.starts_ci(j, r)) {
            let re = j + r.chars().count();
            if re == e || t.starts_ci(re, "先生") {
                push(hits, Kind::Other, s, re, "other.former_role_ja");
            }
            return;
        }
    }
}

/// "城南村の元村長", "〇〇寺の住職": place + の + (元|前)? + role.
fn role_ja(t: &Text, no: usize, hits: &mut Hits) {
    // "村長の奥様": a one-of-a-kind office at the start of a clause, then a family word.
    // Cheap first-character test before the list (this runs at every "の").
    if is_kanji(t.before(no))
        && matches!(
            t.at(no + 1),
            '奥' | 'ご' | '娘' | '息' | '家' | '母' | '父' | '妻' | '夫'
        )
        && FAMILY_JA.iter().any(|f| t.starts_ci(no + 1, f))
    {
        if let Some(r) = ROLES_JA.iter().find(|r| t.ends_ci(no, r)) {
            let n = r.chars().count();
            if !is_kanji(t.before(no - n)) {
                push(hits, Kind::Other, no - n, no, "other.role_family_ja");
            }
        }
    }
    if !PLACES_JA.contains(&t.before(no)) {
        return;
    }
    let mut k = no + 1;
    if matches!(t.at(k), '元' | '前' | '現') {
        k += 1;
    }
    let Some(r) = ROLES_JA.iter().find(|r| t.starts_ci(k, r)) else {
        return;
    };
    let s = t.run_start(no, 10, |c| {
        is_kanji(c) || is_kata(c) || c == '〇' || c == '○'
    });
    // "〇〇村の元村長"; a bare "村の元町長" is still a unique role when it says "former".
    if s + 1 < no || (s < no && matches!(t.at(no + 1), '元' | '前')) {
        push(hits, Kind::Other, s, k + r.chars().count(), "other.role_ja");
    }
}

/// Japanese plate "足立 500 あ 12-34": region, class number, kana, serial.
fn plate_ja(t: &Text, kana: usize, hits: &mut Hits) {
    let a = t.skip_sp(kana + 1);
    let b = t.run_end(a, is_digit);
    let ok_serial = (b - a == 2 && t.at(b) == '-' && t.run_end(b + 1, is_digit) == b + 3)
        || (b - a == 4 && !is_digit(t.at(b)));
    if !ok_serial {
        return;
    }
    let end = if b - a == 2 { b + 3 } else { b };
    let p = t.back_sp(kana);
    let cls = t.run_start(p, 3, is_digit);
    if cls == p {
        return;
    }
    let r = t.back_sp(cls);
    let region = t.run_start(r, 4, is_kanji);
    push(
        hits,
        Kind::Other,
        if region < r { region } else { cls },
        end,
        "other.plate_ja",
    );
}

/// "LINE ID: hanako_88", "plate ABC-1234", "ナンバー 品川 300 さ 12-34".
fn labelled_token(t: &Text, i: usize, hits: &mut Hits) {
    let mut k = t.run_end(i, |c| c.is_ascii_alphabetic() || is_kata(c));
    // After "is" / "handle" the token must look like a handle, not "20G".
    let mut worded = false;
    for _ in 0..6 {
        if matches!(t.at(k), ':' | ' ' | 'は' | 'の' | '@' | '=' | '：') {
            k += 1;
        } else if t.starts_ci(k, "id") && !t.at(k + 2).is_ascii_lowercase() {
            k += 2;
        } else if let Some(w) = ["is", "handle", "username", "account"]
            .iter()
            .find(|w| t.word_ci(k, w))
        {
            k += w.len();
            worded = true;
        } else {
            break;
        }
    }
    let e = t.run_end(k, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
    });
    let e = if t.before(e) == '.' { e - 1 } else { e };
    let handle_like = !worded || (e >= k + 5 && t.c[k..e].iter().any(|c| c.is_ascii_alphabetic()));
    if e > k + 2 && handle_like && t.c[k..e].iter().any(|c| is_digit(*c) || *c == '_') {
        push(hits, Kind::Other, k, e, "other.labelled");
    }
}

#[cfg(test)]
mod tests;
