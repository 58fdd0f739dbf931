"""Slot fillers for Japanese templates."""
from core import S, T, event_date, fw, kanji_num, rand_date, era_of, make_mynumber, make_insurer_no
import data_ja as D
from slots_en import _lab, neg, pron

WD = "月火水木金土日"
PSEUDO_LETTERS = "ABCDEFGHJKLMNPRSTWXYZ"


def maybe_fw(r, s, p=0.15):
    return fw(s) if r.random() < p else s


# ---------------------------------------------------------------- people
def jperson(ctx, key, gender=None):
    p = ctx.persons.get(key)
    if p is None:
        r = ctx.rng
        g = gender or ctx.g
        sur = ctx.pick(D.SURNAMES)
        given = ctx.pick(D.GIVEN_F if g == "F" else D.GIVEN_M)
        x = r.random()
        script = 0 if x < 0.58 else 2 if x < 0.73 else 1 if x < 0.83 else 3 if x < 0.95 else 9
        p = {"g": g, "sur": sur, "given": given, "script": script}
        ctx.persons[key] = p
    return p


def _nm(p, part):
    s = p["script"]
    t = p[part]
    if s == 9:
        return t[0]
    return t[s]


def _space(r):
    return r.choice(["", " ", "\u3000", " "])


def jpt(ctx, arg, phi):
    r = ctx.rng
    p = jperson(ctx, "pt")
    if phi:
        if p["script"] == 9 and r.random() < 0.5:
            p["style"] = "foreign"
            nm = ctx.pick(D.FOREIGN_NAMES_JA)
            p["foreign"] = nm
            return S("NAME", nm, "patient") + r.choice(["さん", "様", "氏"])
        sur, giv = _nm(p, "sur"), _nm(p, "given")
        st = r.choice(["sur", "sur", "sur", "full", "full", "given", "bare", "romaji", "chartkana"])
        p["style"] = st
        if st == "romaji" or p["script"] == 3:
            p["style"] = "romaji"
            rs, rg = p["sur"][3], p["given"][3]
            f = r.randrange(5)
            p["hon"] = ""
            if f == 0:
                p["hon"] = "-san"
                return S("NAME", rs, "patient") + "-san"
            if f == 1:
                return S("NAME", rs.upper() + " " + rg, "patient")
            if f == 2:
                p["hon"] = "さん"
                return S("NAME", rs, "patient") + "さん"
            if f == 3:
                return S("NAME", rg + " " + rs, "patient")
            p["hon"] = " san"
            return S("NAME", rs.lower(), "patient") + " san"
        if st == "chartkana":
            k = p["sur"][2] + _space(r) + p["given"][2]
            p["hon"] = r.choice(["様", "さん", ""])
            return S("NAME", k.strip(), "patient") + p["hon"]
        if st == "sur":
            p["hon"] = r.choice(["さん", "さん", "様", "氏", "さま", "殿", "くん", "san"])
            return S("NAME", sur, "patient") + p["hon"]
        if st == "full":
            p["hon"] = r.choice(["様", "さん", "", "氏"])
            return S("NAME", sur + _space(r) + giv, "patient") + p["hon"]
        if st == "given":
            p["hon"] = r.choice(["さん", "ちゃん", "さん", "様"])
            return S("NAME", giv, "patient") + p["hon"]
        p["hon"] = ""
        return S("NAME", sur, "patient")
    st = r.random()
    if ctx.pseudo_only:
        st = st * 0.55
    if st < 0.45:
        L = r.choice(PSEUDO_LETTERS)
        v = T("PSEUDO", L + r.choice(["さん", "さん", "氏", "様", "さま"]))
    elif st < 0.55:
        v = T("PSEUDO", r.choice(["症例", "患者", "利用者", "Case"]) + r.choice(["1", "2", "3", "A", "B", "①"]))
    elif st < 0.63:
        v = T("PLACEHOLDER", r.choice(D.PLACEHOLDERS)) + "さん（仮名）"
    elif st < 0.72 and not ctx.young:
        v = T("COMMON_NOUN", "おばあちゃん" if p["g"] == "F" else "おじいちゃん")
    else:
        v = r.choice(["本人", "患者さん", "利用者さん", "入居者さん", "この方", "当該患者", "ご本人",
                      "患者", "その方", "対象者"])
    p["clean"] = v
    return v


def jpt2(ctx, arg, phi):
    r = ctx.rng
    p = jperson(ctx, "pt")
    if phi:
        st = p.get("style")
        if st == "foreign":
            return S("NAME", p["foreign"].split("・")[0], "patient") + "さん"
        if st == "romaji":
            return S("NAME", p["sur"][3], "patient") + p.get("hon", "")
        if st == "given":
            return S("NAME", _nm(p, "given"), "patient") + p.get("hon", "さん")
        if st == "chartkana":
            return S("NAME", p["sur"][2], "patient") + r.choice(["さん", "様"])
        return S("NAME", _nm(p, "sur"), "patient") + (p.get("hon") or r.choice(["さん", ""]))
    c = p.get("clean", "本人")
    if "PSEUDO" in c or "COMMON_NOUN" in c:
        return c
    return r.choice(["本人", "患者さん", "ご本人"])


def _jrelation(ctx):
    p = ctx.persons.get("rel")
    if p is None:
        r = ctx.rng
        if r.random() < 0.2:
            rel, g = ("夫", "M") if ctx.g == "F" else ("妻", "F")
        else:
            rel, g = r.choice(list(D.RELATIONS_JA.items()))
            g = g or r.choice("FM")
        given = ctx.pick(D.GIVEN_F if g == "F" else D.GIVEN_M)
        sur = ctx.pick(D.SURNAMES) if r.random() < 0.4 else jperson(ctx, "pt")["sur"]
        script = r.choice([0, 0, 0, 1, 2])
        p = {"rel": rel, "g": g, "given": given[script] if script < 3 else given[0], "sur": sur[script]}
        ctx.persons["rel"] = p
    return p


def jrel(ctx, arg, phi):
    r = ctx.rng
    p = _jrelation(ctx)
    rel = p["rel"]
    if phi:
        st = r.randrange(5)
        p["style"] = st
        if st == 0:
            return rel + "の" + S("NAME", p["given"], "relative") + "さん"
        if st == 1:
            return rel + "・" + S("NAME", p["given"], "relative") + r.choice(["さん", "様"])
        if st == 2:
            return rel + "（" + S("NAME", p["sur"] + r.choice(["", " "]) + p["given"], "relative") + "様）"
        if st == 3:
            return rel + "の" + S("NAME", p["sur"], "relative") + "さん"
        return S("NAME", p["given"], "relative") + "さん（" + rel + "）"
    st = r.randrange(5)
    if st == 0:
        return rel
    if st == 1:
        return rel + ("さん" if rel not in ("夫", "妻") else "")
    if st == 2:
        return "キーパーソンの" + rel
    if st == 3:
        L = r.choice(PSEUDO_LETTERS)
        p["letter"] = L
        return rel + "の" + T("PSEUDO", L + "さん")
    return "ご家族の" + rel + ("さん" if rel not in ("夫", "妻") else "")


def jrel2(ctx, arg, phi):
    p = _jrelation(ctx)
    if phi:
        if p.get("style") == 3:
            return S("NAME", p["sur"], "relative") + "さん"
        return S("NAME", p["given"], "relative") + "さん"
    if p.get("letter"):
        return T("PSEUDO", p["letter"] + "さん")
    return p["rel"] + ("さん" if p["rel"] not in ("夫", "妻") else "")


def jstaff(ctx, arg):
    r = ctx.rng
    s = ctx.pick(D.SURNAMES)[r.choice([0, 0, 0, 2])]
    f = r.choice(D.STAFF_JA)
    pre, _, post = f.partition("{s}")
    return pre + T("STAFF", s) + post


# ---------------------------------------------------------------- dates
def _event_date(ctx, sub):
    return event_date(ctx, sub, ctx.cur_inst)


def _era(d, kanji=False, gan=False):
    name, abbr, y = era_of(d)
    if kanji:
        ys = "元" if (y == 1 and gan) else kanji_num(y)
        return name + ys + "年" + kanji_num(d.month) + "月" + kanji_num(d.day) + "日"
    ys = "元" if (y == 1 and gan) else str(y)
    return name + ys + "年%d月%d日" % (d.month, d.day)


def fmt_date_ja(r, d, birth=False):
    name, abbr, ey = era_of(d)
    m, dd, y = d.month, d.day, d.year
    full = ["%d年%d月%d日" % (y, m, dd), _era(d, gan=r.random() < 0.5), "%s%d.%d.%d" % (abbr, ey, m, dd),
            "%s%d/%d/%d" % (abbr, ey, m, dd), "%s%d年%d月%d日" % (abbr, ey, m, dd), "%d/%d/%d" % (y, m, dd),
            "%d-%02d-%02d" % (y, m, dd), "%d.%d.%d" % (y, m, dd), _era(d, kanji=True),
            "%s%02d.%02d.%02d" % (abbr, ey, m, dd), "%d年%02d月%02d日" % (y, m, dd)]
    if birth:
        return r.choice(full)
    short = ["%d月%d日" % (m, dd), "%d月%d日" % (m, dd), "%d/%d" % (m, dd), "%d月%d日（%s）" % (m, dd, WD[d.weekday()]),
             "%d/%d(%s)" % (m, dd, WD[d.weekday()]), "%d月%d日(%s)" % (m, dd, WD[d.weekday()]),
             kanji_num(m) + "月" + kanji_num(dd) + "日"]
    return r.choice(full + short)


CLEAN_JWHEN = {
    None: ["先日", "昨日", "3日前に", "先週", "今朝", "先月", "2022年に", "昨年", "数日前に", "週末に", "夜勤中に",
           "一昨日", "今週", "連休明けに", "年明けに", "令和4年に", "夕方", "深夜"],
    "death": ["昨夜", "今朝方", "数日後に", "その2日後", "週末に", "明け方に"],
}
CLEAN_JDATE = {
    None: ["（削除）", "非公開", "＊月＊日", "〇月〇日", "不明", "記載なし", "入院当日", "X月Y日", "（伏せます）",
           "●/●", "xx/xx", "未定"],
    "birth": ["昭和一桁", "昭和初期", "大正末期", "（削除）", "＊＊＊＊年＊月＊日", "昭和", "不詳", "非公開"],
}
BIRTH_YEAR_ONLY = ["1930年", "昭和10年", "昭和5年", "大正14年", "1928年", "昭和3年"]


def jwhen(ctx, arg, phi):
    r = ctx.rng
    if phi:
        d = _event_date(ctx, arg)
        s = S("DATE", maybe_fw(r, fmt_date_ja(r, d, arg == "birth")), arg)
        return s + r.choice(["に", "に", "", "、"])
    return r.choice(CLEAN_JWHEN.get(arg, CLEAN_JWHEN[None]))


CLEAN_JDAY = {
    None: ["3日前", "数日前", "先週の金曜", "週明け", "月曜", "年明け", "2週間前", "連休中", "夜勤帯", "先月末",
           "去年の秋", "半月前", "日曜の夜", "先週末", "2022年", "令和4年"],
    "appointment": ["来週", "2週間後", "来月", "次の外来", "月末", "連休明け"],
    "death": ["先週末", "日曜の朝", "数日前", "連休中", "その2日後"],
}


def jday(ctx, arg, phi):
    """A date used as a noun before a particle (に/の/、/。)."""
    r = ctx.rng
    if phi:
        d = _event_date(ctx, arg)
        return S("DATE", maybe_fw(r, fmt_date_ja(r, d, arg == "birth")), arg)
    v = r.choice(CLEAN_JDAY.get(arg, CLEAN_JDAY[None]))
    return T("YEAR", v) if v[-1] == "年" else v


def jdate(ctx, arg, phi):
    r = ctx.rng
    if phi:
        d = _event_date(ctx, arg)
        return S("DATE", maybe_fw(r, fmt_date_ja(r, d, arg == "birth")), arg)
    if arg == "birth" and r.random() < 0.4:
        return T("YEAR", r.choice(BIRTH_YEAR_ONLY))
    return r.choice(CLEAN_JDATE.get(arg, CLEAN_JDATE[None]))


# ---------------------------------------------------------------- ages
LONGEVITY = {90: "卒寿", 99: "白寿", 100: "百寿", 108: "茶寿"}


def _jage_value(ctx):
    a = ctx.state.get("age")
    if a is None:
        r = ctx.rng
        a = {"old": r.choice([90, 90, 91, 92, 93, 94, 95, 95, 96, 97, 98, 99, 99, 100, 100, 101, 102, 103, 105, 108]),
             "young": r.choice([72, 78, 80, 81, 83, 84, 85, 86, 87, 88, 89, 89, 79, 76, 68]),
             "band": r.random() < 0.2}
        ctx.state["age"] = a
    return a


def jage(ctx, arg, phi):
    r = ctx.rng
    a = _jage_value(ctx)
    if phi:
        if a["band"]:
            return S("AGE_OVER_89", r.choice(["90代", "90代", "九十代", "９０代"]), "band") + r.choice(["", "", "前半", "後半"])
        n = a["old"]
        if n in LONGEVITY and r.random() < 0.4:
            return S("AGE_OVER_89", LONGEVITY[n], "exact")
        c = r.randrange(6)
        if c == 0:
            return S("AGE_OVER_89", kanji_num(n) + "歳", "exact")
        if c == 1:
            return "満" + S("AGE_OVER_89", "%d歳" % n, "exact")
        if c == 2:
            return S("AGE_OVER_89", "%d才" % n, "exact")
        return S("AGE_OVER_89", maybe_fw(r, "%d歳" % n), "exact")
    n = a["young"]
    c = r.randrange(8)
    if c == 0:
        return T("AGE_UNDER_90", "%d代" % (n // 10 * 10))
    if c == 1 and n in (88, 80, 77):
        return T("AGE_UNDER_90", {88: "米寿", 80: "傘寿", 77: "喜寿"}[n])
    if c == 2:
        return T("AGE_90", r.choice(["90歳以上", "90歳超"]))
    if c == 3:
        return r.choice(["高齢", "超高齢", "ご高齢"])
    return T("AGE_UNDER_90", "%d歳" % n)


def jage2(ctx, arg, phi):
    """Compact age+sex: 93F / 93歳女性 / 93歳男."""
    r = ctx.rng
    a = _jage_value(ctx)
    sx = ctx.g
    sj = "女性" if sx == "F" else "男性"
    if phi:
        if a["band"]:
            return S("AGE_OVER_89", "90代", "band") + sj
        n = a["old"]
        c = r.randrange(4)
        if c == 0:
            return S("AGE_OVER_89", str(n), "exact") + sx
        if c == 1:
            return S("AGE_OVER_89", "%d歳" % n, "exact") + sj
        if c == 2:
            return S("AGE_OVER_89", "%d歳" % n, "exact") + sj[0]
        return S("AGE_OVER_89", "%dy" % n, "exact") + sx
    n = a["young"]
    c = r.randrange(4)
    if c == 0:
        return T("AGE_UNDER_90", str(n)) + sx
    if c == 1:
        return T("AGE_UNDER_90", "%d歳" % n) + sj
    if c == 2:
        return T("AGE_UNDER_90", "%d代" % (n // 10 * 10)) + sj
    return T("AGE_90", "90歳以上") + "の" + sj


# ---------------------------------------------------------------- contact etc.
def jphone_number(r):
    a = r.choice(["090", "080", "070"])
    b, c = r.randint(1000, 9999), r.randint(0, 9999)
    f = r.randrange(10)
    if f == 0:
        return "%s-%04d-%04d" % (a, b, c)
    if f == 1:
        return "%s %04d %04d" % (a, b, c)
    if f == 2:
        return "%s%04d%04d" % (a, b, c)
    if f == 3:
        return "%s（%04d）%04d" % (a, b, c)
    if f == 4:
        return "+81-%s-%04d-%04d" % (a[1:], b, c)
    if f == 5:
        return "03-5550-%04d" % c
    if f == 6:
        return "0%d-%d-%04d" % (r.randint(100, 999), r.randint(10, 99), c)
    if f == 7:
        return "(06)6555-%04d" % c
    if f == 8:
        return "0%d(%d)%04d" % (r.randint(100, 999), r.randint(10, 99), c)
    return "%s-%04d-%04d" % (a, b, c)


def jphone(ctx, arg, phi):
    r = ctx.rng
    if phi:
        return S("PHONE", maybe_fw(r, jphone_number(r), 0.2), arg or r.choice(["relative", "patient"]))
    return r.choice(["携帯", "自宅の電話", "登録の番号", "カルテ記載の番号", "フェイスシート記載の番号",
                     "＊＊＊－＊＊＊＊－＊＊＊＊", "番号削除", "090-xxxx-xxxx", "緊急連絡先"])


def jemail(ctx, arg, phi):
    r = ctx.rng
    if phi:
        p = jperson(ctx, "pt")
        s, g = p["sur"][3].lower(), p["given"][3].lower()
        local = r.choice(["%s.%s" % (g, s), "%s%s%d" % (g[0], s, r.randint(1, 99)), "%s_%s" % (s, g),
                          "%s%d" % (g, r.randint(1930, 2000)), "%s-family" % s, "mago.%s" % g])
        dom = r.choice(["example.jp", "example.ne.jp", "example.co.jp", "example.com", "mail.example.jp"])
        f = r.randrange(6)
        if f == 0:
            v = local + "＠" + dom
        elif f == 1:
            v = local + "(at)" + dom
        elif f == 2:
            v = local + "［アット］" + dom
        else:
            v = local + "@" + dom
        return S("EMAIL", v, arg or "relative")
    return r.choice(["（アドレス削除）", "フリーメール", "個人のアドレス", "ご家族のアドレス", "＊＊＊＠＊＊＊", "会社のアドレス"])


def _jaddress(ctx):
    r = ctx.rng
    pref = ctx.pick(D.PREFS)
    city = r.choice(D.CITIES[pref])
    town = ctx.pick(D.TOWNS)
    zipc = "%03d-%04d" % (r.randint(0, 999), r.randint(0, 9999))
    ch = r.randint(1, 9)
    f = r.randrange(8)
    if f == 0:
        v = "%s%s%s%d丁目%d番%d号" % (pref, city, town, ch, r.randint(1, 30), r.randint(1, 25))
    elif f == 1:
        v = "%s%s%d-%d-%d" % (city, town, ch, r.randint(1, 30), r.randint(1, 25))
    elif f == 2:
        v = "%s%d丁目" % (town, ch)
    elif f == 3:
        v = "%s%s%s%d番地" % (pref, city, r.choice(D.RURAL), r.randint(1, 2999))
    elif f == 4:
        v = "%s%s%d丁目%d-%d %sハイツ%d号室" % (city, town, ch, r.randint(1, 30), r.randint(1, 25),
                                          r.choice(["グリーン", "サンライズ", "コーポ", "メゾン"]), r.randint(101, 405))
    elif f == 5:
        v = zipc + " " + "%s%s%s%d-%d" % (pref, city, town, ch, r.randint(1, 30))
    elif f == 6:
        v = "%s%s%d丁目" % (city, town, ch)
    else:
        v = "%s%s町%d番地の%d" % (city, r.choice(["中", "上", "下", "西", "東"]), r.randint(1, 999), r.randint(1, 9))
    return v, zipc


def jaddr(ctx, arg, phi):
    r = ctx.rng
    if phi:
        v, z = _jaddress(ctx)
        if r.random() < 0.15:
            return "〒" + S("ADDRESS", maybe_fw(r, z, 0.3), "zip")
        if v[:1].isdigit():
            return "〒" + S("ADDRESS", v, "street")
        return S("ADDRESS", maybe_fw(r, v, 0.12), "street")
    return r.choice([T("PLACE", ctx.pick(D.PLACES)), "市内", "隣の市", "同じ市内", "〇〇市", "××町", "県内",
                     "市街地", "郊外の団地", "駅近くのアパート", "山あいの集落", T("PLACE", ctx.pick(D.PLACES))])


URLS_JA = ["https://ameblo.jp/{h}", "note.com/{h}", "instagram.com/{h}", "x.com/{h}",
           "https://readyfor.jp/projects/{h}", "https://camp-fire.jp/projects/view/{n}", "tiktok.com/@{h}",
           "https://www.facebook.com/{h}", "https://{h}.hatenablog.com", "https://www.youtube.com/@{h}",
           "https://lit.link/{h}"]


def jurl(ctx, arg, phi):
    r = ctx.rng
    if phi:
        p = jperson(ctx, "pt")
        s, g = p["sur"][3].lower(), p["given"][3].lower()
        h = r.choice([s + "_" + g, g + "_baachan", "kaigo_" + s, s + g + str(r.randint(1, 99)), "ouchi_" + s,
                      "mama_" + g, s + "-kaigo-nikki"])
        return S("URL", r.choice(URLS_JA).format(h=h, n=r.randint(100000, 999999)), arg or "personal")
    return r.choice(["URLは貼りません", "リンク削除", "リンクは控えます", "[URL削除]", "＜リンク削除＞"])


def jid_value(ctx, sub):
    r = ctx.rng
    if sub in (None, "any"):
        sub = r.choice(["karte", "karte", "karte", "mynumber", "hihoken", "kaigo", "kourei", "license", "shougai"])
    if sub == "karte":
        lab = r.choice(["カルテ番号", "カルテNo.", "ID", "患者ID", "ID:", "診察券番号", "病歴番号", "ID：", "カルテ"])
        v = r.choice(["%07d", "%08d", "%06d", "%d-%04d"])
        v = v % ((r.randint(10, 99), r.randint(0, 9999)) if v == "%d-%04d" else r.randint(0, 9999999))
        return [(lab, v, "mrn")]
    if sub == "mynumber":
        n = make_mynumber(r)
        v = r.choice(["%s %s %s" % (n[:4], n[4:8], n[8:]), n, "%s-%s-%s" % (n[:4], n[4:8], n[8:])])
        return [(r.choice(["マイナンバー", "個人番号", "マイナンバー：", "個人番号："]), v, "mynumber")]
    if sub == "hihoken":
        return [(r.choice(["記号", "被保険者証 記号"]), "%d" % r.randint(1, 99999), "insured"),
                (r.choice(["番号", "・番号"]), "%d" % r.randint(1, 9999), "insured")]
    if sub == "kaigo":
        return [(r.choice(["介護保険被保険者番号", "介護保険の被保険者番号", "介護保険証番号"]), "%010d" % r.randint(1, 99999999), "ltc")]
    if sub == "kourei":
        return [(r.choice(["後期高齢者医療被保険者番号", "後期高齢の被保険者番号"]), "%08d" % r.randint(1, 99999999), "insured")]
    if sub == "license":
        return [(r.choice(["運転免許証番号", "免許証番号"]), "%012d" % r.randint(0, 999999999999), "licence")]
    if sub == "serial":
        v = r.choice(["PM%d-%05d%s" % (r.randint(1, 9), r.randint(0, 99999), r.choice("QXKRZ")),
                      "SN%08d" % r.randint(0, 99999999), "%s%06d" % (r.choice(["RNV", "PJN", "ICD"]), r.randint(0, 999999))])
        return [(r.choice(["シリアル", "シリアルNo.", "製造番号", "S/N:"]), v, "serial")]
    return [("身体障害者手帳 第", "%06d" % r.randint(1, 999999), "certificate")]


def jid(ctx, arg, phi):
    r = ctx.rng
    key = ("id", arg, ctx.cur_inst)
    got = ctx.state.get(key)
    if got is None:
        got = jid_value(ctx, arg)
        ctx.state[key] = got
    if phi:
        parts = []
        for lab, v, sub in got:
            suffix = "号" if lab.endswith("第") else ""
            sep = "" if lab.endswith((":", "：", "第")) else r.choice([" ", "", "："])
            parts.append(lab + sep + S("ID", maybe_fw(r, v), sub) + suffix)
        return " ".join(parts)
    lab = got[0][0].replace("第", "").strip().rstrip(":：")
    return lab + r.choice(["（伏せます）", "：＊＊＊＊＊＊", "（削除）", "は控えています", "：xxxxxxx", "（省略）"])


def jidv(ctx, arg, phi):
    """ID value(s) without label."""
    r = ctx.rng
    key = ("id", arg, ctx.cur_inst)
    got = ctx.state.get(key)
    if got is None:
        got = jid_value(ctx, arg)
        ctx.state[key] = got
    if phi:
        return "・".join(S("ID", maybe_fw(r, v), sub) for lab, v, sub in got)
    return r.choice(["（伏せます）", "＊＊＊＊＊＊", "（削除）", "xxxxxxx", "―", "（省略）"])


def jfac_name(ctx, kind):
    r = ctx.rng
    kind = kind or r.choice(["hosp", "clinic", "care", "care", "service"])
    pre = ctx.pick(D.FAC_PREFIX)
    if kind == "hosp":
        return pre + ctx.pick(D.FAC_HOSP)
    if kind == "clinic":
        if r.random() < 0.3:
            return ctx.pick(D.SURNAME_CLINIC)
        return pre + ctx.pick(D.FAC_CLINIC)
    if kind == "care":
        f = r.randrange(3)
        if f == 0:
            return pre + r.choice(D.FAC_CARE_SUFFIX)
        if f == 1:
            return r.choice(D.FAC_CARE_PREFIX_TYPE) + pre + r.choice(["", "", "苑", "荘", "の郷"])
        return pre + r.choice(["ケアホーム", "ホーム", "の家", "ヴィレッジ"])
    return r.choice(D.FAC_SERVICE) + pre


JFAC_CLEAN = {
    "hosp": ["前医", "紹介元の病院", "地域の急性期病院", "他院", "近くの総合病院", "急性期病院", "回復期リハ病院", "療養型の病院"],
    "clinic": ["近くのクリニック", "かかりつけ", "近医", "かかりつけ医", "地元の診療所", "通院先", "往診の先生のところ"],
    "care": ["特養", "老健", "サ高住", "グループホーム", "有料老人ホーム", "施設", "入所先", "ショートステイ先"],
    "service": ["訪問看護", "デイ", "デイサービス", "ヘルパー事業所", "居宅のケアマネ", "訪問リハ"],
}


def jfac(ctx, arg, phi):
    r = ctx.rng
    kind = arg if arg in JFAC_CLEAN else None
    if phi:
        return S("FACILITY", jfac_name(ctx, kind), kind or "named")
    k = kind or r.choice(list(JFAC_CLEAN))
    v = r.choice(JFAC_CLEAN[k])
    return T("FAC_GENERIC", v) if r.random() < 0.6 else v


def jother(ctx, arg, phi):
    r = ctx.rng
    arg = arg or "role"
    if arg == "role":
        if phi:
            t = r.choice(D.ROLE_PHI_JA).format(tera=r.choice(D.TERA), town=ctx.pick(D.ROLE_TOWN_JA),
                                               shop=ctx.pick(D.ROLE_SHOP_JA))
            return S("OTHER", t, "unique")
        return ctx.pick(D.ROLE_CLEAN_JA)
    if arg == "plate":
        if phi:
            v = "%s%s%d%s%s%d-%02d" % (r.choice(D.PLATE_REGIONS), r.choice([" ", ""]), r.choice([300, 500, 530, 580, 330, 501]),
                                       r.choice([" ", ""]), r.choice(D.PLATE_KANA), r.randint(1, 99), r.randint(0, 99))
            pre, post = r.choice([("ナンバー：", ""), ("ナンバー ", ""), ("車のナンバー ", ""), ("ナンバー「", "」")])
            return pre + S("OTHER", v, "plate") + post
        return r.choice(["白の軽自動車", "シルバーのワゴン", "電動カート", "（ナンバー控えあり）", "黒い軽トラ"])
    p = jperson(ctx, "pt")
    h = r.choice([p["given"][3].lower() + "_%02d%02d" % (r.randint(1, 12), r.randint(1, 28)),
                  p["sur"][3].lower() + str(r.randint(1, 999)), "baachan_" + p["given"][3].lower()])
    if phi:
        return r.choice(["LINE ID：", "LINEのID ", "ライン ID:", "LINE:"]) + S("OTHER", h, "messaging")
    return r.choice(["家族のLINEグループ", "施設の公式LINE", "LINE（個別には聞いていません）", "病棟の連絡網"])


# ---------------------------------------------------------------- negatives
def jdose(ctx, arg):
    r = ctx.rng
    return T("DOSE", r.choice(D.DOSE_FORMS_JA).format(d=ctx.pick(D.DRUGS)))


def jcite(ctx, arg):
    r = ctx.rng
    s = ctx.pick(D.SURNAMES)[0]
    import data_en
    f = r.choice(D.CITATIONS_JA)
    return T("CITATION", f.format(s=s, y=r.randint(1998, 2024), r=ctx.pick(data_en.SURNAMES)))


def jlab(ctx, arg):
    r = ctx.rng
    return T("LAB", _lab(r, r.choice(D.LAB_FORMS_JA)))


def jlabs(ctx, arg):
    r = ctx.rng
    forms = r.sample(D.LAB_FORMS_JA, r.randint(2, 4))
    return "、".join(T("LAB", _lab(r, f)) for f in forms)


def jinsurer(ctx, arg):
    r = ctx.rng
    return r.choice(["保険者番号", "保険者番号：", "保険者番号 "]) + T("INSURER_NO", make_insurer_no(r))


def jageu(ctx, arg):
    r = ctx.rng
    return T("AGE_UNDER_90", r.choice(D.AGE_U_JA)) + r.choice(["の女性", "の男性", "の方", "男性", "女性"])


def jpseudo(ctx, arg):
    r = ctx.rng
    return T("PSEUDO", r.choice(D.PSEUDOS))


REGISTRY = {
    "jpt": ("phi", jpt), "jpt2": ("phi", jpt2), "jrel": ("phi", jrel), "jrel2": ("phi", jrel2),
    "jwhen": ("phi", jwhen), "jday": ("phi", jday), "jdate": ("phi", jdate), "jage": ("phi", jage), "jage2": ("phi", jage2),
    "jphone": ("phi", jphone), "jemail": ("phi", jemail), "jaddr": ("phi", jaddr), "jid": ("phi", jid), "jidv": ("phi", jidv),
    "jurl": ("phi", jurl), "jfac": ("phi", jfac), "jother": ("phi", jother),
    "jeponym": ("neg", neg("EPONYM", D.EPONYMS)), "jsign": ("neg", neg("EPONYM", D.SIGNS_JA)),
    "jproc": ("neg", neg("EPONYM", D.PROCS_JA)), "jscale": ("neg", neg("SCALE", D.SCALES_JA)),
    "jdrug": ("neg", neg("DRUG", D.DRUGS)), "jdose": ("neg", jdose), "jcite": ("neg", jcite),
    "jguide": ("neg", neg("GUIDELINE", D.GUIDELINES)), "jpubdate": ("neg", neg("PUBLIC_DATE", D.PUBLIC_DATES)),
    "jpubperson": ("neg", neg("PUBLIC_PERSON", D.PUBLIC_PEOPLE)), "jplaceholder": ("neg", neg("PLACEHOLDER", D.PLACEHOLDERS)),
    "jpseudo": ("neg", jpseudo), "jhandle": ("neg", neg("HANDLE", D.HANDLES)), "jsignoff": ("neg", neg("SIGNOFF", D.SIGNOFFS)),
    "jstaff": ("neg", jstaff), "jplace": ("neg", neg("PLACE", D.PLACES)), "jinst": ("neg", neg("INSTITUTION", D.INSTITUTIONS)),
    "jhotline": ("neg", neg("HOTLINE", D.HOTLINES)), "jlab": ("neg", jlab), "jlabs": ("neg", jlabs),
    "jtime": ("neg", neg("TIME", D.TIMES_JA)), "jscore": ("neg", neg("SCORE", D.SCORES_JA)),
    "jreltime": ("neg", neg("RELTIME", D.RELTIMES_JA)), "jyear": ("neg", neg("YEAR", D.YEARS_JA)),
    "jcode": ("neg", neg("CODE", D.CODES_JA)), "jroom": ("neg", neg("ROOM", D.ROOMS_JA)),
    "jfacgen": ("neg", neg("FAC_GENERIC", D.FAC_GENERIC)), "jageu": ("neg", jageu),
    "jagecat": ("neg", neg("AGE_90", D.AGE_90_CAT_JA)), "jcare": ("neg", neg("CARE_LEVEL", D.CARE_LEVELS)),
    "jinsurer": ("neg", jinsurer), "jcommon": ("neg", neg("COMMON_NOUN", D.COMMON_NOUNS)),
    "jpuburl": ("neg", neg("PUBLIC_URL", D.PUBLIC_URLS_JA)),
    "jsex": ("pron", pron("男性", "女性")), "jsexs": ("pron", pron("男", "女")), "jsexF": ("pron", pron("M", "F")),
    "jspouse": ("pron", pron("妻", "夫")),
    "jbaba": ("neg", lambda ctx, arg: T("COMMON_NOUN", "おじいちゃん" if ctx.g == "M" else "おばあちゃん")),
}

GROUP = {"jidv": "jid", "jpt2": "jpt", "jrel2": "jrel", "jwhen": "jdate", "jday": "jdate", "jdate": "jdate", "jage": "jage", "jage2": "jage"}
