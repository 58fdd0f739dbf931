#!/usr/bin/env python3
"""Independent template-based generator of labelled forum posts (EN + JA).

    python3 gen.py --n 6000 --seed 1 --out train.jsonl [--part train|test|all]

Half the posts carry PHI, half are clean; both use the same templates.  PHI slots are
filled with identifying values in PHI posts (a random non-empty subset of them) and with
non-identifying look-alikes otherwise.  `--part` restricts templates and filler lists to a
stable 80/20 partition so that a test file can be held out from the training file.
Standard library only; deterministic for a given seed."""
import argparse
import collections
import json
import random
import re
import sys
import zlib

import core
from core import parse_markup, cap_first, SLOT_RE, part_of, Picker
import slots_en
import slots_ja
import templates_en
import templates_ja

EMOJI = ["😩", "🙏", "😅", "🤷", "😭", "👍", "🥲", "😤", "💀", "🙃", "☕", "😬"]
EMOJI_JA = ["😭", "🙏", "💦", "😅", "🥲", "（泣）", "（汗）", "w", "…", "orz", "😩"]

REPLIES_EN = [
    "Same here. We switched to the {scale} for this after {cite}.",
    "+1, and check {guide} before anyone reaches for {drug}.",
    "Honestly this is why I love this forum. Seen similar with {eponym}.",
    "Did anyone rule out {eponym}? {lab} would fit.",
    "We had one {reltime} — ended up being {eponym}.",
    "This. Also {puburl} has a decent calculator.",
    "Not medical advice obviously, but {staff} would say the same.",
    "Ugh, I feel this. {time} is the worst time for it.",
]
REPLIES_JA = [
    "うちも同じでした。{jscale}で評価し直したら変わりましたよ。",
    "{jguide}に載っていた気がします。",
    "{jeponym}は除外できてますか？",
    "わかります…{jtime}が一番つらいですよね。",
    "{jdrug}の量、もう一度確認したほうがいいかもです。",
    "{jreltime}に同じような方いました。",
    "参考までに{jpuburl}の資料が分かりやすかったです。",
]


class Ctx:
    def __init__(self, rng, pick, lang):
        self.rng = rng
        self.pick = pick
        self.lang = lang
        self.g = rng.choice("FM")
        self.persons = {}
        self.state = {}
        self.cache = {}
        self.cur_inst = None
        self.young = False
        self.pseudo_only = False   # clean patient references must be letter pseudonyms


def group_of(name, arg, inst, GROUP):
    g = GROUP.get(name, name)
    if g in ("age", "jage"):
        arg = None
    if g == "addr":
        arg = None
    return (g, arg, inst)


def check_templates(tpls, registry, lang):
    errs = []
    for i, t in enumerate(tpls):
        if t.startswith("@"):
            t = t.split(" ", 1)[1]
        names = [m.group(2) for m in SLOT_RE.finditer(t)]
        unknown = [n for n in names if n not in registry]
        if unknown:
            errs.append("%s template %d: unknown slots %s" % (lang, i, unknown))
        if not any(registry.get(n, ("",))[0] == "phi" for n in names):
            errs.append("%s template %d: no PHI slot" % (lang, i))
        has_neg = any(registry.get(n, ("",))[0] == "neg" for n in names) or core.TRAP_OPEN in t
        if not has_neg:
            errs.append("%s template %d: no negative slot" % (lang, i))
        leftover = re.sub(SLOT_RE, "", t)
        if "{" in leftover or "}" in leftover:
            errs.append("%s template %d: stray brace" % (lang, i))
        try:
            parse_markup(re.sub(SLOT_RE, "x", t))
        except core.MarkupError as e:
            errs.append("%s template %d: %s" % (lang, i, e))
    return errs


RARE_FIRST = ["email", "url", "other", "phone", "id", "addr", "fac", "date", "age", "rel"]
SLOT_FAMILY = {"email": "email", "url": "url", "other": "other", "phone": "phone", "id": "id", "idv": "id",
               "addr": "addr", "lives": "addr", "fac": "fac", "when": "date", "since": "date", "date": "date",
               "day": "date", "agenp": "age", "age": "age", "ageshort": "age", "age2": "age", "rel": "rel"}


def split_templates(tpls, registry, frac=0.2):
    """Deterministic stratified 80/20 template split: every PHI slot family (rarest first) gets
    about `frac` of its templates in the test part; the rest is filled in stable hash order."""
    order = sorted(range(len(tpls)), key=lambda i: zlib.crc32(tpls[i].encode("utf-8")))
    fams = {}
    for i in order:
        f = set()
        for m in SLOT_RE.finditer(tpls[i]):
            name = m.group(2)
            base = name[1:] if name.startswith("j") and name[1:] in SLOT_FAMILY else name
            if registry.get(name, ("",))[0] == "phi" and base in SLOT_FAMILY:
                f.add(SLOT_FAMILY[base])
        fams[i] = f
    target = round(len(tpls) * frac)
    test = set()
    for fam in RARE_FIRST:
        members = [i for i in order if fam in fams[i]]
        want = max(1, round(len(members) * frac))
        have = sum(1 for i in members if i in test)
        for i in members:
            if have >= want or len(test) >= target:
                break
            if i not in test:
                test.add(i)
                have += 1
    for i in order:
        if len(test) >= target:
            break
        test.add(i)
    return test


def render(tpl, ctx, registry, GROUP, phi_groups):
    def repl(m):
        cap, name, arg, inst = m.groups()
        key = (name, arg, inst)
        if key in ctx.cache:
            val = ctx.cache[key]
        else:
            cat, fn = registry[name]
            ctx.cur_inst = inst
            if cat == "phi":
                val = fn(ctx, arg, group_of(name, arg, inst, GROUP) in phi_groups)
            else:
                val = fn(ctx, arg)
            ctx.cache[key] = val
        return cap_first(val) if cap else val
    return SLOT_RE.sub(repl, tpl)


def phi_groups_of(tpl, registry, GROUP):
    gs = []
    for m in SLOT_RE.finditer(tpl):
        cap, name, arg, inst = m.groups()
        if registry[name][0] == "phi":
            g = group_of(name, arg, inst, GROUP)
            if g not in gs:
                gs.append(g)
    return gs


PHI_WEIGHT = {"pt": 1.0, "rel": 1.1, "date": 1.8, "age": 1.5, "phone": 2.5, "email": 4.0, "addr": 2.0,
              "id": 2.2, "url": 4.0, "fac": 1.7, "other": 2.5}


def choose_phi(rng, groups):
    """Pick a non-empty subset of PHI groups; often just one (weak-identifier posts).
    Rarer kinds are favoured so every kind is well represented."""
    if rng.random() < 0.45 or len(groups) == 1:
        k = 1
    else:
        k = rng.randint(1, len(groups))
    pool = list(groups)
    chosen = set()
    while len(chosen) < k:
        ws = [PHI_WEIGHT.get(g[0].lstrip("j"), 1.0) for g in pool]
        x = rng.random() * sum(ws)
        for g, w in zip(pool, ws):
            x -= w
            if x <= 0:
                break
        chosen.add(g)
        pool.remove(g)
    return chosen


def wrap(rng, marked, lang, ctx, registry, GROUP, long_post, tpl):
    """Structural variation applied before parsing (quote-reply, title line, sign-off)."""
    if lang == "en":
        x = rng.random()
        if x < 0.07 and not long_post:
            q = "\n".join("> " + ln if ln else ">" for ln in marked.split("\n"))
            reply = render(rng.choice(REPLIES_EN), ctx, registry, GROUP, set())
            marked = q + "\n\n" + reply
        elif x < 0.11:
            marked = render(rng.choice(["**Q re: {eponym}**", "### {eponym} question", "[vent]", "Long one, sorry.",
                                        "quick q —", "**Pharmacy question ({drug})**"]), ctx, registry, GROUP, set()) + "\n\n" + marked
        y = rng.random()
        if y < 0.08 and "signoff" not in tpl and "handle" not in tpl:
            marked += "\n\n" + render(rng.choice(["{signoff#9}", "{handle#9}", "— {handle#9}"]), ctx, registry, GROUP, set())
        elif y < 0.16:
            marked += " " + rng.choice(EMOJI)
    else:
        x = rng.random()
        if x < 0.06 and not long_post:
            q = "\n".join("＞" + ln if ln else "＞" for ln in marked.split("\n"))
            reply = render(rng.choice(REPLIES_JA), ctx, registry, GROUP, set())
            marked = q + "\n\n" + reply
        elif x < 0.10:
            marked = ">>%d\n" % rng.randint(2, 480) + marked
        elif x < 0.13:
            marked = render(rng.choice(["【相談】{jeponym}について", "【質問】", "【愚痴】", "【共有】{jdrug}の件",
                                        "■ご相談"]), ctx, registry, GROUP, set()) + "\n" + marked
        y = rng.random()
        if y < 0.08 and "signoff" not in tpl and "handle" not in tpl:
            marked += "\n" + render(rng.choice(["{jsignoff#9}", "{jhandle#9}"]), ctx, registry, GROUP, set())
        elif y < 0.16:
            marked += rng.choice(EMOJI_JA)
    return marked


# ---------------------------------------------------------------- 1:1 character transforms
URLISH = re.compile(r"(https?://\S+|\b[\w.-]+\.(?:com|net|org|jp|ee|link)\S*|\S+@\S+)")


def fullwidth(text, spans, traps):
    protect = set()
    for s in spans:
        if s["kind"] in ("URL", "EMAIL"):
            protect.update(range(s["start"], s["end"]))
    for t in traps:
        if t["type"] in ("PUBLIC_URL", "HANDLE"):
            protect.update(range(t["start"], t["end"]))
    for m in URLISH.finditer(text):
        protect.update(range(m.start(), m.end()))
    out = list(text)
    for i, c in enumerate(text):
        if i in protect:
            continue
        if c.isdigit() and c.isascii():
            out[i] = chr(ord(c) + 0xFEE0)
        elif c in "-/.:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            out[i] = {"-": "－", "/": "／", ".": "．", ":": "："}[c]
    return "".join(out)


def add_typos(rng, text, spans, traps):
    busy = set()
    for s in spans + traps:
        busy.update(range(s["start"], s["end"]))
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", text)
             if not any(i in busy for i in range(m.start(), m.end()))]
    if not words:
        return text
    out = list(text)
    for m in rng.sample(words, min(len(words), rng.randint(1, 2))):
        i = rng.randint(m.start() + 1, m.end() - 3)
        out[i], out[i + 1] = out[i + 1], out[i]
    return "".join(out)


def post_transform(rng, lang, text, spans, traps):
    if lang == "en":
        if rng.random() < 0.07:
            low = text.lower()
            if len(low) == len(text):
                text = low
        if rng.random() < 0.12:
            text = add_typos(rng, text, spans, traps)
    else:
        if rng.random() < 0.2:
            text = fullwidth(text, spans, traps)
    return text


# ---------------------------------------------------------------- validation
def validate(rec):
    t = rec["text"]
    assert isinstance(t, str) and t.strip(), "empty text"
    assert rec["phi"] == bool(rec["spans"]), "phi flag mismatch"
    prev_end = -1
    for s in sorted(rec["spans"], key=lambda s: s["start"]):
        assert 0 <= s["start"] < s["end"] <= len(t), "span out of range"
        st = t[s["start"]:s["end"]]
        assert st == st.strip(), "whitespace at span edge: %r" % st
        assert s["kind"] in core.KINDS
        assert s["start"] >= prev_end, "overlapping spans"
        prev_end = s["end"]
    for tr in rec["traps"]:
        assert 0 <= tr["start"] < tr["end"] <= len(t), "trap out of range"
        st = t[tr["start"]:tr["end"]]
        assert st == st.strip(), "whitespace at trap edge: %r" % st
        for s in rec["spans"]:
            assert tr["end"] <= s["start"] or tr["start"] >= s["end"], "trap overlaps span"
    assert not any(c in core.MARK_CHARS for c in t), "marker left in text"
    assert not re.search(r"\{[\^a-zA-Z_]", t), "unrendered slot in text: %r" % t[:80]
    json.loads(json.dumps(rec, ensure_ascii=False))


# ---------------------------------------------------------------- main
def generate(n, seed, part):
    rng = random.Random(seed)
    pick = Picker(rng, part)
    langs = {
        "en": (templates_en.TEMPLATES, slots_en.REGISTRY, slots_en.GROUP),
        "ja": (templates_ja.TEMPLATES, slots_ja.REGISTRY, slots_ja.GROUP),
    }
    pools = {}
    for lang, (tpls, reg, grp) in langs.items():
        errs = check_templates(tpls, reg, lang)
        if errs:
            sys.exit("\n".join(errs))
        test_idx = split_templates(tpls, reg)
        pool = [(i, t) for i, t in enumerate(tpls)
                if part == "all" or (i in test_idx) == (part == "test")]
        pools[lang] = pool
    # plan: equal quarters (lang x label), shuffled so labels/langs interleave
    plan = []
    for k, (lang, phi) in enumerate([("en", True), ("en", False), ("ja", True), ("ja", False)]):
        cnt = n // 4 + (1 if k < n % 4 else 0)
        plan += [(lang, phi)] * cnt
    rng.shuffle(plan)
    seen = set()
    recs = []
    tpl_use = collections.Counter()
    for idx, (lang, phi) in enumerate(plan):
        tpls, reg, grp = langs[lang]
        for attempt in range(200):
            ti, tpl = rng.choice(pools[lang])
            ctx = Ctx(rng, pick, lang)
            if tpl.startswith("@"):
                flags, tpl = tpl[1:].split(" ", 1)
                if "F" in flags or "M" in flags:
                    ctx.g = "F" if "F" in flags else "M"
                ctx.young = "Y" in flags
                ctx.pseudo_only = "P" in flags
            groups = phi_groups_of(tpl, reg, grp)
            chosen = choose_phi(rng, groups) if phi else set()
            marked = render(tpl, ctx, reg, grp, chosen)
            marked = wrap(rng, marked, lang, ctx, reg, grp, "\n" in tpl or len(marked) > 380, tpl)
            text, spans, traps = parse_markup(marked)
            text2 = post_transform(rng, lang, text, spans, traps)
            assert len(text2) == len(text)
            text = text2
            if text in seen:
                continue
            seen.add(text)
            rec = {"id": "tg-%d-%05d" % (seed, idx + 1), "lang": lang, "text": text, "phi": bool(spans),
                   "spans": spans, "traps": traps}
            assert rec["phi"] == phi, (lang, ti, marked)
            validate(rec)
            recs.append(rec)
            tpl_use[(lang, ti)] += 1
            break
        else:
            sys.exit("could not produce a unique post for %s" % lang)
    return recs, tpl_use, pools


def summary(recs, tpl_use, pools, out):
    c = collections.Counter((r["lang"], r["phi"]) for r in recs)
    kinds = collections.Counter(s["kind"] for r in recs for s in r["spans"])
    subs = collections.Counter("%s/%s" % (s["kind"], s.get("sub", "")) for r in recs for s in r["spans"])
    traps = collections.Counter(t["type"] for r in recs for t in r["traps"])
    lens = sorted(len(r["text"]) for r in recs)
    nspans = collections.Counter(len(r["spans"]) for r in recs if r["phi"])
    print("wrote %d posts to %s" % (len(recs), out))
    for k in sorted(c):
        print("  %s phi=%s: %d" % (k[0], k[1], c[k]))
    for lang in ("en", "ja"):
        used = len([1 for (l, i) in tpl_use if l == lang])
        print("  %s templates available %d, used %d" % (lang, len(pools[lang]), used))
    print("  span kinds:", dict(kinds.most_common()))
    print("  span kind/sub:", dict(subs.most_common()))
    print("  spans per PHI post:", dict(sorted(nspans.items())))
    print("  trap types:", dict(traps.most_common()))
    for lang in ("en", "ja"):
        ls = sorted(len(r["text"]) for r in recs if r["lang"] == lang)
        longc = sum(1 for r in recs if r["lang"] == lang and
                    (r["text"].count("\n") >= 4 or len(r["text"]) > (400 if lang == "en" else 180)))
        print("  %s length: min %d, median %d, p90 %d, max %d; long/structured posts %d (%.0f%%)" % (
            lang, ls[0], ls[len(ls) // 2], ls[int(len(ls) * 0.9)], ls[-1], longc, 100.0 * longc / len(ls)))
    fwc = sum(1 for r in recs if r["lang"] == "ja" and re.search("[０-９]", r["text"]))
    print("  ja posts with full-width digits: %d" % fwc)
    md = sum(1 for r in recs if re.search(r"(^|\n)(\s*[-*] |\|.*\||> |＞|#+ )", r["text"]))
    print("  posts with markdown/quote structure: %d" % md)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out.jsonl")
    ap.add_argument("--part", choices=["all", "train", "test"], default="all",
                    help="restrict templates and filler lists to a stable 80/20 partition")
    a = ap.parse_args()
    recs, tpl_use, pools = generate(a.n, a.seed, a.part)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and re-validate the file as written
    with open(a.out, encoding="utf-8") as f:
        back = [json.loads(l) for l in f]
    assert len(back) == a.n and len({r["text"] for r in back}) == a.n and len({r["id"] for r in back}) == a.n
    for r in back:
        validate(r)
    assert sum(r["phi"] for r in back) == sum(1 for r in back if r["spans"])
    summary(recs, tpl_use, pools, a.out)


if __name__ == "__main__":
    main()
