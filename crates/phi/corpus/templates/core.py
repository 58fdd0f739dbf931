"""Engine for the template generator: markers, slot rendering, check digits,
date/number formatting helpers.  Standard library only."""
import re
import zlib
import datetime as _dt

# ---------------------------------------------------------------- markers
PHI_OPEN, PHI_CLOSE = "\u27e6", "\u27e7"    # ⟦ ⟧
TRAP_OPEN, TRAP_CLOSE = "\u27ea", "\u27eb"  # ⟪ ⟫
MARK_CHARS = {PHI_OPEN, PHI_CLOSE, TRAP_OPEN, TRAP_CLOSE}

KINDS = {"NAME", "DATE", "AGE_OVER_89", "PHONE", "EMAIL", "ADDRESS", "ID",
         "URL", "FACILITY", "OTHER"}


def S(kind, text, sub=None):
    """PHI span marker."""
    assert kind in KINDS, kind
    assert text and text == text.strip(), repr(text)
    head = kind + (":" + sub if sub else "")
    return PHI_OPEN + head + "|" + text + PHI_CLOSE


def T(typ, text):
    """Trap (hard negative) marker."""
    assert text and text == text.strip(), repr(text)
    return TRAP_OPEN + typ + "|" + text + TRAP_CLOSE


class MarkupError(Exception):
    pass


def parse_markup(s):
    """Strip markers; return (text, spans, traps) with code-point offsets."""
    out = []
    spans, traps = [], []
    i, n = 0, len(s)
    pos = 0
    while i < n:
        c = s[i]
        if c in (PHI_OPEN, TRAP_OPEN):
            close = PHI_CLOSE if c == PHI_OPEN else TRAP_CLOSE
            bar = s.find("|", i + 1)
            end = s.find(close, i + 1)
            if bar < 0 or end < 0 or bar > end:
                raise MarkupError("malformed marker near %r" % s[i:i + 40])
            head = s[i + 1:bar]
            body = s[bar + 1:end]
            if any(ch in MARK_CHARS for ch in body) or any(ch in MARK_CHARS for ch in head):
                raise MarkupError("nested marker near %r" % s[i:i + 40])
            if not body or body != body.strip():
                raise MarkupError("empty/whitespace-edged marker %r" % body)
            start = pos
            out.append(body)
            pos += len(body)
            if c == PHI_OPEN:
                kind, _, sub = head.partition(":")
                if kind not in KINDS:
                    raise MarkupError("bad kind %r" % kind)
                sp = {"start": start, "end": pos, "kind": kind}
                if sub:
                    sp["sub"] = sub
                spans.append(sp)
            else:
                traps.append({"start": start, "end": pos, "type": head})
            i = end + 1
        elif c in MARK_CHARS:
            raise MarkupError("stray marker char near %r" % s[max(0, i - 20):i + 20])
        else:
            out.append(c)
            pos += 1
            i += 1
    return "".join(out), spans, traps


# ---------------------------------------------------------------- train/test partition
def part_of(item):
    """Stable 80/20 partition of a filler item or template."""
    key = repr(item).encode("utf-8")
    return "test" if zlib.crc32(key) % 5 == 0 else "train"


class Picker:
    """Random choice restricted to the requested partition (lists with fewer
    than 10 items are shared by both partitions)."""

    def __init__(self, rng, part):
        self.rng = rng
        self.part = part
        self._cache = {}

    def __call__(self, seq):
        if self.part == "all" or len(seq) < 10:
            return self.rng.choice(seq)
        key = id(seq)
        sub = self._cache.get(key)
        if sub is None:
            sub = [x for x in seq if part_of(x) == self.part] or list(seq)
            self._cache[key] = sub
        return self.rng.choice(sub)


# ---------------------------------------------------------------- check digits
def luhn_check_digit(digits):
    """Luhn check digit for a string of digits (check digit appended)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(num):
    return luhn_check_digit(num[:-1]) == num[-1]


def make_npi(rng):
    base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return base + luhn_check_digit("80840" + base)


def npi_valid(npi):
    return luhn_valid("80840" + npi)


def make_nhs(rng):
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        if d[0] == 0:
            continue
        total = sum(x * w for x, w in zip(d, range(10, 1, -1)))
        chk = 11 - total % 11
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        return "".join(map(str, d)) + str(chk)


def nhs_valid(num):
    d = [int(c) for c in num]
    total = sum(x * w for x, w in zip(d[:9], range(10, 1, -1)))
    chk = 11 - total % 11
    if chk == 11:
        chk = 0
    return chk != 10 and chk == d[9]


def mynumber_check(first11):
    """Check digit of the Japanese individual number (マイナンバー)."""
    total = 0
    for n in range(1, 12):          # P_n: n-th digit from the right
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return "0" if r <= 1 else str(11 - r)


def make_mynumber(rng):
    first = "".join(rng.choice("0123456789") for _ in range(11))
    return first + mynumber_check(first)


def mynumber_valid(num):
    return len(num) == 12 and mynumber_check(num[:11]) == num[11]


def make_insurer_no(rng):
    """保険者番号 (8 digits: 法別2 + 都道府県2 + 保険者3 + check 1)."""
    law = rng.choice(["01", "06", "31", "32", "33", "34", "63", "67", "39"])
    pref = "%02d" % rng.randint(1, 47)
    body = law + pref + "%03d" % rng.randint(1, 999)
    total = 0
    for i, ch in enumerate(reversed(body)):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    chk = (10 - total % 10) % 10
    return body + str(chk)


def make_au_medicare(rng):
    first = str(rng.randint(2, 6)) + "".join(rng.choice("0123456789") for _ in range(7))
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    chk = sum(int(c) * x for c, x in zip(first, w)) % 10
    return first + str(chk) + str(rng.randint(1, 5))


def au_medicare_valid(num):
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    return sum(int(c) * x for c, x in zip(num[:8], w)) % 10 == int(num[8])


NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"   # no I, O


def make_nz_nhi(rng):
    """Old-format NZ NHI: AAANNNC with mod-11 check digit."""
    while True:
        letters = "".join(rng.choice(NHI_LETTERS) for _ in range(3))
        nums = "".join(rng.choice("0123456789") for _ in range(3))
        vals = [NHI_LETTERS.index(c) + 1 for c in letters] + [int(c) for c in nums]
        total = sum(v * w for v, w in zip(vals, [7, 6, 5, 4, 3, 2]))
        r = total % 11
        if r == 0:
            continue
        chk = 11 - r
        if chk == 10:
            chk = 0
        return letters + nums + str(chk)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    """US Medicare Beneficiary Identifier pattern C A AN N A AN N A A N N."""
    D = "0123456789"
    A = MBI_ALPHA
    AN = A + D
    pat = ["123456789", A, AN, D, A, AN, D, A, A, D, D]
    return "".join(rng.choice(p) for p in pat)


# ---------------------------------------------------------------- text helpers
FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
FW_ALL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def fw(s):
    """Full-width digits (and - / . : @ between them)."""
    s = s.translate(FW_DIGITS)
    return s.replace("-", "－").replace("@", "＠").replace("/", "／")


def fw_all(s):
    return "".join(FW_ALL.get(c, c) for c in s).replace(" ", "\u3000")


def article(word):
    w = word.lower()
    if w.startswith(("one", "uni", "use", "eu")):
        return "a"
    if w[:1] in "aeio" or w.startswith("u") and not w.startswith(("uni", "use", "usu")):
        return "an"
    if w[:1].isdigit():
        n = re.match(r"\d+", w).group(0)
        if n.startswith("8") or n in ("11", "18") or (len(n) in (5, 6) and n[:2] in ("11", "18")):
            return "an"
    if w.startswith(("eight", "eleven", "eighteen")):
        return "an"
    return "a"


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def num_words(n, hyphen="-"):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else hyphen + ONES[o])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " and " + num_words(r, hyphen))
    raise ValueError(n)


KANJI_DIG = "〇一二三四五六七八九"


def kanji_num(n):
    """Traditional kanji numeral for 0 < n < 1000 (九十三, 百二)."""
    if n == 0:
        return "〇"
    out = ""
    h, r = divmod(n, 100)
    if h:
        out += ("" if h == 1 else KANJI_DIG[h]) + "百"
    t, o = divmod(r, 10)
    if t:
        out += ("" if t == 1 else KANJI_DIG[t]) + "十"
    if o:
        out += KANJI_DIG[o]
    return out


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def rand_date(rng, y0, y1):
    start = _dt.date(y0, 1, 1).toordinal()
    end = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


ERAS = [("令和", "R", _dt.date(2019, 5, 1)), ("平成", "H", _dt.date(1989, 1, 8)),
        ("昭和", "S", _dt.date(1926, 12, 25)), ("大正", "T", _dt.date(1912, 7, 30)),
        ("明治", "M", _dt.date(1868, 1, 25))]


def era_of(d):
    for name, abbr, start in ERAS:
        if d >= start:
            return name, abbr, d.year - start.year + 1
    raise ValueError(d)


# ---------------------------------------------------------------- slots
SLOT_RE = re.compile(r"\{(\^?)([a-zA-Z_]+[0-9]?)(?::([a-z_0-9]+))?(?:#(\d))?\}")


def cap_first(s):
    """Capitalise the first visible letter of marked-up text."""
    out = list(s)
    i = 0
    while i < len(out):
        c = out[i]
        if c in (PHI_OPEN, TRAP_OPEN):
            i = s.find("|", i) + 1
            continue
        if c in MARK_CHARS:
            i += 1
            continue
        if c.isalpha():
            out[i] = c.upper()
            break
        i += 1
    return "".join(out)


def template_slots(tpl):
    return [(m.group(2), m.group(3), m.group(4)) for m in SLOT_RE.finditer(tpl)]


# offsets (days) of each kind of event relative to the admission date of the same post,
# so that dates within one post are chronologically plausible
EVENT_OFFSETS = {"admission": (0, 0), "transfer": (1, 12), "procedure": (0, 14), "discharge": (3, 45),
                 "death": (2, 60), "readmission": (50, 90), "incident": (-6, 0), "onset": (-10, 0),
                 "visit": (-40, 10), "appointment": (14, 60), "result": (1, 10), "mfd": (2, 20),
                 "start": (0, 7), "assessment": (1, 5), "delivery": (-2, 0), "vaccine": (-200, -30)}


def event_date(ctx, sub, inst):
    key = ("date", sub, inst)
    d = ctx.state.get(key)
    if d is None:
        r = ctx.rng
        if sub == "birth":
            d = rand_date(r, 1913, 1960)
        elif sub == "history":
            d = rand_date(r, 2005, 2024)
        else:
            base = ctx.state.get("base_date")
            if base is None:
                base = rand_date(r, 2017, 2025)
                ctx.state["base_date"] = base
            lo, hi = EVENT_OFFSETS.get(sub, (-20, 20))
            d = base + _dt.timedelta(days=r.randint(lo, hi))
        ctx.state[key] = d
    return d
