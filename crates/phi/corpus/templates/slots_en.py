"""Slot fillers for English templates.  Each PHI filler returns marked-up text for
either the identifying form (phi=True) or a non-identifying form of the same shape."""
import unicodedata
import datetime as _dt
from core import S, T, event_date, article, num_words, ordinal, rand_date, make_nhs, make_npi, \
    make_mbi, make_au_medicare, make_nz_nhi
import data_en as D

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c in "-'. ")).replace("'", "")


# ---------------------------------------------------------------- people
def person(ctx, key, gender=None):
    p = ctx.persons.get(key)
    if p is None:
        g = gender or ctx.g
        p = {"g": g, "given": ctx.pick(D.GIVEN_F if g == "F" else D.GIVEN_M),
             "sur": ctx.pick(D.SURNAMES)}
        ctx.persons[key] = p
    return p


def title_for(ctx, g):
    r = ctx.rng
    if g == "M":
        return r.choice(["Mr.", "Mr.", "Mr", "Mister"])
    return r.choice(["Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mrs."])


def pt(ctx, arg, phi):
    p = person(ctx, "pt")
    r = ctx.rng
    if phi:
        g, s = p["given"], p["sur"]
        style = r.choice(["title", "title", "full", "full", "given", "given", "sur", "lower",
                          "chart", "titlefull", "initial", "givenini", "upper"])
        p["style"] = style
        t = title_for(ctx, p["g"])
        p["title"] = t
        if style == "title":
            return t + " " + S("NAME", s, "patient")
        if style == "full":
            return S("NAME", g + " " + s, "patient")
        if style == "given":
            return S("NAME", g, "patient")
        if style == "sur":
            return S("NAME", s, "patient")
        if style == "lower":
            return S("NAME", r.choice([g, s, g + " " + s]).lower(), "patient")
        if style == "chart":
            return S("NAME", s.upper() + ", " + g, "patient")
        if style == "titlefull":
            return t + " " + S("NAME", g + " " + s, "patient")
        if style == "initial":
            return S("NAME", g[0] + ". " + s, "patient")
        if style == "givenini":
            return S("NAME", g + " " + s[0] + ".", "patient")
        return S("NAME", s.upper(), "patient")
    style = r.choice(["letter", "letter", "patient", "plain", "plain", "placeholder", "case"])
    if ctx.pseudo_only:
        style = r.choice(["letter", "letter", "patient", "case"])
    p["cstyle"] = style
    if style == "letter":
        L = r.choice(LETTERS)
        v = T("PSEUDO", r.choice(["Mrs.", "Ms.", "Mrs"] if p["g"] == "F" else ["Mr.", "Mr", "Mr."]) + " " + L if r.random() < 0.7
              else title_for(ctx, p["g"]) + " " + L)
    elif style == "patient":
        v = T("PSEUDO", r.choice(["Patient ", "Pt ", "pt ", "Resident ", "Client "]) +
              r.choice([r.choice(LETTERS), str(r.randint(1, 9))]))
    elif style == "case":
        v = T("PSEUDO", r.choice(["Case ", "case ", "Patient #"]) + str(r.randint(1, 12)))
    elif style == "placeholder":
        v = T("PLACEHOLDER", "Jane Doe" if p["g"] == "F" else r.choice(["John Doe", "Joe Bloggs"]))
    else:
        v = r.choice(["the patient", "our patient", "the pt", "my patient",
                      "this lady" if p["g"] == "F" else "this gentleman",
                      "our lady" if p["g"] == "F" else "our gent", "the resident", "the client"])
    p["clean"] = v
    return v


def pt2(ctx, arg, phi):
    p = person(ctx, "pt")
    r = ctx.rng
    if phi:
        st = p.get("style")
        if st in ("title", "titlefull"):
            return p["title"] + " " + S("NAME", p["sur"], "patient")
        if st in ("given", "givenini", "lower") or (st and r.random() < 0.5):
            v = p["given"]
            return S("NAME", v.lower() if st == "lower" else v, "patient")
        return S("NAME", p["sur"], "patient")
    c = p.get("clean", "")
    if p.get("cstyle") in ("letter", "patient", "case", "placeholder"):
        return c
    return r.choice(["the patient", "the pt", "she" if p["g"] == "F" else "he"]) if arg != "obj" else \
        r.choice(["the patient", "her" if p["g"] == "F" else "him"])


def _relation(ctx):
    p = ctx.persons.get("rel")
    if p is None:
        r = ctx.rng
        rels = list(D.RELATIONS.items())
        if r.random() < 0.25:
            rel, g = ("husband", "M") if ctx.g == "F" else ("wife", "F")
        else:
            rel, g = r.choice(rels)
            if g is None:
                g = r.choice("FM")
        p = {"rel": rel, "g": g, "given": ctx.pick(D.GIVEN_F if g == "F" else D.GIVEN_M),
             "sur": ctx.pick(D.SURNAMES) if r.random() < 0.5 else person(ctx, "pt")["sur"]}
        ctx.persons["rel"] = p
    return p


def rel(ctx, arg, phi):
    p = _relation(ctx)
    r = ctx.rng
    his = "her" if ctx.g == "F" else "his"
    rw = p["rel"]
    if phi:
        st = r.choice(["given", "given", "paren", "parenfull", "title"])
        p["style"] = st
        if st == "given":
            return his + " " + rw + " " + S("NAME", p["given"], "relative")
        if st == "paren":
            return his + " " + rw + " (" + S("NAME", p["given"], "relative") + ")"
        if st == "parenfull":
            return "the " + rw + " (" + S("NAME", p["given"] + " " + p["sur"], "relative") + ")"
        t = title_for(ctx, p["g"])
        p["title"] = t
        return his + " " + rw + " " + t + " " + S("NAME", p["sur"], "relative")
    st = r.choice(["plain", "plain", "the", "nok", "letter"])
    if st == "plain":
        v = his + " " + rw
    elif st == "the":
        v = "the " + rw
    elif st == "nok":
        v = his + " " + rw + " (NOK)"
    else:
        L = r.choice(LETTERS)
        p["letter"] = L
        v = his + " " + rw + " " + T("PSEUDO", ("Ms. " if p["g"] == "F" else "Mr. ") + L)
    return v


def rel2(ctx, arg, phi):
    p = _relation(ctx)
    if phi:
        if p.get("style") == "title":
            return p["title"] + " " + S("NAME", p["sur"], "relative")
        return S("NAME", p["given"], "relative")
    if p.get("letter"):
        return T("PSEUDO", ("Ms. " if p["g"] == "F" else "Mr. ") + p["letter"])
    return "the " + p["rel"]


def staff(ctx, arg):
    """A named colleague (staff, not a patient): a hard negative."""
    r = ctx.rng
    g = r.choice("FM")
    given = ctx.pick(D.GIVEN_F if g == "F" else D.GIVEN_M)
    sur = ctx.pick(D.SURNAMES)
    role = r.choice(D.STAFF_ROLES_AFTER)
    st = r.randrange(6)
    if st == 0:
        return "Dr. " + T("STAFF", sur) + " (" + role.split(" ", 1)[1] + ")"
    if st == 1:
        return role + " " + T("STAFF", given)
    if st == 2:
        return r.choice(["Dr ", "Dr. ", "Prof. "]) + T("STAFF", sur)
    if st == 3:
        return "my colleague " + T("STAFF", given)
    if st == 4:
        return T("STAFF", given + " " + sur) + " (" + role.split(" ", 1)[1] + ")"
    return r.choice(["our pharmacist ", "the night nurse ", "our NP ", "the PA ", "our consultant Dr. "]) + \
        T("STAFF", r.choice([given, sur]))


# ---------------------------------------------------------------- dates
def fmt_date(r, d, birth=False):
    m, dd, y = d.month, d.day, d.year
    full = [
        "%d/%d/%d" % (m, dd, y), "%02d/%02d/%02d" % (m, dd, y % 100), "%d/%d/%d" % (dd, m, y),
        "%02d.%02d.%d" % (dd, m, y), "%d-%02d-%02d" % (y, m, dd), "%s %d, %d" % (MONTHS[m - 1], dd, y),
        "%d %s %d" % (dd, MONTHS[m - 1], y), "%02d-%s-%d" % (dd, MON3[m - 1], y),
        "%02d%s%d" % (dd, MON3[m - 1].upper(), y), "%s %d %d" % (MON3[m - 1], dd, y),
        "%s %s, %d" % (MONTHS[m - 1], ordinal(dd), y), "%d/%d/%02d" % (m, dd, y % 100),
        "%d %s %d" % (dd, MON3[m - 1], y), "%d.%d.%d" % (dd, m, y),
    ]
    if birth:
        return r.choice(full)
    short = [
        "%s %d" % (MONTHS[m - 1], dd), "%s %d" % (MON3[m - 1], dd), "%s. %s" % (MON3[m - 1], ordinal(dd)),
        "%s %s" % (ordinal(dd), MONTHS[m - 1]), "%s %s" % (MONTHS[m - 1], ordinal(dd)),
        "the %s of %s" % (ordinal(dd), MONTHS[m - 1]), "%d/%d" % (m, dd), "%d/%d" % (dd, m),
        "%s %d/%d" % (WDAYS[d.weekday()][:3], m, dd), "%s %d %s" % (WDAYS[d.weekday()], dd, MONTHS[m - 1]),
        "%d %s" % (dd, MON3[m - 1]), "%s %s" % (MON3[m - 1], ordinal(dd)),
        "%s %d '%02d" % (MON3[m - 1], dd, y % 100),
    ]
    return r.choice(full + short)


CLEAN_WHEN = {
    None: ["last Tuesday", "on Tuesday", "three days ago", "yesterday", "over the weekend", "last month",
           "a week ago", "this morning", "earlier this year", "in 2023", "two weeks ago",
           "on the night shift", "after the long weekend", "a few days ago", "on Friday", "last night",
           "earlier this week", "in 2024", "late last year", "around Easter", "on a Sunday"],
    "birth": ["in 1931", "in the 1930s", "before the war", "in 1948", "in 1927", "in the late 1920s",
              "in 1952", "during the Depression"],
    "appointment": ["next week", "in two weeks", "on Monday", "next month", "after the holidays", "in 6 weeks",
                    "at the next clinic"],
    "death": ["overnight", "early this morning", "last week", "a few days later", "on day 6",
              "two days after that", "on Saturday", "in the early hours"],
}
CLEAN_DATE = {
    None: ["[redacted]", "xx/xx/xxxx", "--/--", "[removed]", "N/A", "see chart", "unknown", "TBC",
           "HD 3", "Monday", "last week", "[date removed]", "pending", "not yet", "day 0", "**/**"],
    "birth": ["[redacted]", "xx/xx/19xx", "1931", "1928", "**/**/****", "on file", "[removed]",
              "19xx", "1940s", "1936 (year only)"],
}


def when(ctx, arg, phi, inst=None):
    r = ctx.rng
    if phi:
        d = event_date(ctx, arg, ctx.cur_inst)
        s = S("DATE", fmt_date(r, d, arg == "birth"), arg)
        return r.choice(["on ", "on ", "on ", ""]) + s if arg != "birth" else "on " + s
    v = r.choice(CLEAN_WHEN.get(arg, CLEAN_WHEN[None]))
    if len(v) == 7 and v.startswith("in ") and v[3:].isdigit():
        return "in " + T("YEAR", v[3:])
    return v


def since(ctx, arg, phi):
    r = ctx.rng
    if phi:
        d = event_date(ctx, arg, ctx.cur_inst)
        return "since " + S("DATE", fmt_date(r, d), arg)
    v = r.choice(["since Tuesday", "since the weekend", "since last week", "since admission", "since Monday night",
                  "since 2023", "for five days", "since yesterday", "since before Christmas", "for a fortnight"])
    return "since " + T("YEAR", "2023") if v == "since 2023" else v


def date(ctx, arg, phi):
    r = ctx.rng
    if phi:
        d = event_date(ctx, arg, ctx.cur_inst)
        return S("DATE", fmt_date(r, d, arg == "birth"), arg)
    lst = CLEAN_DATE.get(arg, CLEAN_DATE[None])
    v = r.choice(lst)
    if v[:1].isdigit() and len(v) == 4:
        return T("YEAR", v)
    return v


# ---------------------------------------------------------------- ages
def age_value(ctx):
    a = ctx.state.get("age")
    if a is None:
        r = ctx.rng
        a = {"old": r.choice([90, 91, 92, 93, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 106, 108, 110]),
             "young": r.choice([72, 78, 80, 81, 83, 84, 85, 86, 87, 88, 89, 89, 89, 79, 76, 68]),
             "band": r.random() < 0.2}
        ctx.state["age"] = a
    return a


def _age_expr(r, n):
    """Return (prefix_text, span_text, suffix) for an exact age n."""
    c = r.randrange(9)
    if c == 0:
        return num_words(n) + "-year-old"
    if c == 1:
        return "%d-year-old" % n
    if c == 2:
        return "%d yo" % n
    if c == 3:
        return "%dyo" % n
    if c == 4:
        return "%d y/o" % n
    if c == 5:
        return "%d-yr-old" % n
    if c == 6:
        return "%d year old" % n
    if c == 7:
        return "%d-y-o" % n
    return "%d-year-old" % n


def agenp(ctx, arg, phi):
    r = ctx.rng
    a = age_value(ctx)
    man = r.choice(["woman", "woman", "lady", "female", "F"]) if ctx.g == "F" else \
        r.choice(["man", "man", "gentleman", "male", "M"])
    if man in ("F", "M"):
        man = "woman" if ctx.g == "F" else "man"
    her = "her" if ctx.g == "F" else "his"
    if phi:
        if a["band"]:
            b = r.choice(["90s", "nineties", "early 90s", "late 90s", "mid-90s"])
            sp = b.split()[-1] if " " in b else b
            pre = b[:len(b) - len(sp)]
            return "%s %s in %s %s" % (article(man), man, her, pre) + S("AGE_OVER_89", sp, "band")
        n = a["old"]
        if r.random() < 0.15:
            return "%s %s aged " % (article(man), man) + S("AGE_OVER_89", str(n) if r.random() < 0.6 else num_words(n), "exact")
        if r.random() < 0.1:
            return "%s %s of " % (article(man), man) + S("AGE_OVER_89", str(n), "exact")
        e = _age_expr(r, n)
        return article(e) + " " + S("AGE_OVER_89", e, "exact") + " " + man
    n = a["young"]
    c = r.randrange(6)
    if c == 0:
        return "%s %s in %s " % (article(man), man, her) + T("AGE_UNDER_90", "%d0s" % (n // 10))
    if c == 1:
        return "an elderly " + man if man != "female" else "an elderly woman"
    if c == 2:
        return "%s %s " % (article(man), man) + T("AGE_90", r.choice(["aged 90 or older", "aged 90+", "90 or over"]))
    e = _age_expr(r, n)
    return article(e) + " " + T("AGE_UNDER_90", e) + " " + man


def age(ctx, arg, phi):
    """Bare age for fields: 'Age: 93'."""
    r = ctx.rng
    a = age_value(ctx)
    if phi:
        if a["band"]:
            return S("AGE_OVER_89", r.choice(["90s", "90-99", "nineties"]), "band")
        n = a["old"]
        return S("AGE_OVER_89", r.choice([str(n), str(n), str(n) + " y", str(n) + "y", num_words(n)]), "exact")
    n = a["young"]
    c = r.randrange(4)
    if c == 0:
        return T("AGE_90", r.choice(["90+", "90 or older", ">89"]))
    if c == 1:
        return T("AGE_UNDER_90", "%d0s" % (n // 10))
    return T("AGE_UNDER_90", str(n))


def ageshort(ctx, arg, phi):
    """Compact '93F' / '93 yo M'."""
    r = ctx.rng
    a = age_value(ctx)
    sx = ctx.g
    if phi and not a["band"]:
        n = a["old"]
        c = r.randrange(5)
        if c == 0:
            return S("AGE_OVER_89", str(n), "exact") + sx
        if c == 1:
            return S("AGE_OVER_89", str(n), "exact") + " " + sx
        if c == 2:
            return S("AGE_OVER_89", "%d yo" % n, "exact") + " " + sx
        if c == 3:
            return S("AGE_OVER_89", "%dy" % n, "exact") + " " + sx
        return sx + " " + S("AGE_OVER_89", str(n), "exact")
    if phi:
        return sx + " " + S("AGE_OVER_89", r.choice(["90s", "nineties"]), "band")
    n = a["young"]
    c = r.randrange(4)
    if c == 0:
        return T("AGE_UNDER_90", str(n)) + sx
    if c == 1:
        return T("AGE_UNDER_90", "%d yo" % n) + " " + sx
    if c == 2:
        return T("AGE_90", "90+") + " " + sx
    return sx + " " + T("AGE_UNDER_90", "%d0s" % (n // 10))


# ---------------------------------------------------------------- phones / email / address / url
def phone_number(r, region=None):
    region = region or r.choice(["US", "US", "US", "UK", "UK", "AU", "CA", "NZ", "IN", "PH", "NG", "JP", "IE"])
    nn = r.randint(100, 199)
    if region in ("US", "CA"):
        area = r.choice([212, 213, 312, 415, 503, 614, 702, 808, 907, 917, 206, 404, 512, 303, 651,
                         416, 604, 514, 780, 902])
        tail = "01%02d" % (nn % 100)
        f = r.randrange(7)
        return ["(%d) 555-%s" % (area, tail), "%d-555-%s" % (area, tail), "%d.555.%s" % (area, tail),
                "+1 %d 555 %s" % (area, tail), "1-%d-555-%s" % (area, tail), "%d 555 %s" % (area, tail),
                "+1 (%d) 555-%s" % (area, tail)][f]
    if region == "UK":
        f = r.randrange(5)
        k = r.randint(0, 999)
        return ["07700 900%03d" % k, "+44 7700 900%03d" % k, "020 7946 0%03d" % k,
                "0113 496 0%03d" % k, "(0161) 496 0%03d" % k][f]
    if region == "IE":
        return r.choice(["087 555 %04d", "+353 87 555 %04d"]) % r.randint(0, 9999)
    if region == "AU":
        f = r.randrange(4)
        return ["0491 570 %03d" % r.randint(110, 159), "+61 491 570 %03d" % r.randint(110, 159),
                "(02) 5550 %04d" % r.randint(0, 9999), "(03) 7010 %04d" % r.randint(0, 9999)][f]
    if region == "NZ":
        return r.choice(["021 555 %04d", "+64 21 555 %04d", "(09) 555 %04d"]) % r.randint(0, 9999)
    if region == "IN":
        return "+91 98%03d %05d" % (r.randint(0, 999), r.randint(0, 99999))
    if region == "PH":
        return "+63 917 %03d %04d" % (r.randint(0, 999), r.randint(0, 9999))
    if region == "NG":
        return "+234 803 %03d %04d" % (r.randint(0, 999), r.randint(0, 9999))
    return r.choice(["+81 90-%04d-%04d", "+81 80 %04d %04d", "090-%04d-%04d"]) % (r.randint(1000, 9999), r.randint(0, 9999))


CLEAN_PHONE = ["the number on file", "[removed]", "[redacted]", "xxx-xxx-xxxx", "the number on the facesheet",
               "the listed number", "[number removed]", "the contact number", "the home number",
               "the mobile on file", "(555) xxx-xxxx", "[phone]"]


def phone(ctx, arg, phi):
    r = ctx.rng
    if phi:
        return S("PHONE", phone_number(r), arg or r.choice(["relative", "patient"]))
    v = r.choice(CLEAN_PHONE)
    return v


def email_addr(r, given, sur):
    g = ascii_fold(given).lower().replace(" ", "").replace("-", "")
    s = ascii_fold(sur).lower().replace(" ", "").replace("-", "")
    local = r.choice(["%s.%s" % (g, s), "%s%s%d" % (g[0], s, r.randint(1, 99)), "%s_%s" % (g, s[:3]),
                      "%s%d" % (g, r.randint(1930, 2005)), "%s.%s%d" % (s, g[0], r.randint(1, 9)),
                      "nana%s" % g, "%sfamily" % s])
    dom = r.choice(["example.com", "example.net", "example.org", "mail.example.com", "inbox.example.net"])
    f = r.randrange(8)
    if f == 0:
        return "%s(at)%s" % (local, dom)
    if f == 1:
        return "%s [at] %s" % (local, dom.replace(".", " [dot] "))
    if f == 2:
        return "%s at %s" % (local, dom.replace(".", " dot "))
    if f == 3:
        return "%s＠%s" % (local, dom)
    return "%s@%s" % (local, dom)


def email(ctx, arg, phi):
    r = ctx.rng
    if phi:
        p = _relation(ctx) if arg == "relative" else person(ctx, "pt")
        return S("EMAIL", email_addr(r, p["given"], p["sur"]), arg or "patient")
    return r.choice(["[email removed]", "a personal address", "[redacted]", "xxx@xxx", "the address on file",
                     "a work address", "[removed]", "a gmail address"])


def _address(ctx):
    got = ctx.state.get("address")
    if got is None:
        got = _make_address(ctx)
        ctx.state["address"] = got
    return got


def _make_address(ctx):
    r = ctx.rng
    st = ctx.pick(D.STREET_NAMES)
    c = r.randrange(3)
    if c == 0:
        city, state = ctx.pick(D.US_CITIES)
        num = r.randint(3, 9899)
        street = "%d %s %s" % (num, st, r.choice(D.STREET_TYPES_US))
        unit = r.choice(["", "", "Apt %d%s, " % (r.randint(1, 12), r.choice("ABCD")), "Unit %d, " % r.randint(1, 40)])
        z = "%05d" % r.randint(10000, 99950)
        forms = [street, unit + street + ", " + city + ", " + state + " " + z, street + ", " + city,
                 street + " " + r.choice(["#2", "Apt 3", "Unit 7B"]), street + ", " + city + " " + state]
        return r.choice(forms), z
    if c == 1:
        town, pc = ctx.pick(D.UK_TOWNS)
        num = r.randint(1, 220)
        street = "%d %s %s" % (num, st, r.choice(D.STREET_TYPES_UK))
        post = "%s%d %d%s" % (pc, r.randint(1, 29), r.randint(1, 9), "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
        forms = [street, street + ", " + town + " " + post, "Flat %d, %s, %s" % (r.randint(1, 30), street, town),
                 street + ", " + town]
        return r.choice(forms), post
    sub, state, pc = ctx.pick(D.AU_SUBURBS)
    num = r.randint(1, 300)
    street = "%d %s %s" % (num, st, r.choice(D.STREET_TYPES_AU))
    forms = [street, "%d/%s %s %s %d" % (r.randint(1, 20), street, sub, state, pc),
             street + ", " + sub, street + " " + sub + " " + state + " " + str(pc)]
    return r.choice(forms), str(pc)


def addr(ctx, arg, phi):
    r = ctx.rng
    if phi:
        full, z = _address(ctx)
        if r.random() < 0.15:
            return r.choice(["ZIP ", "postcode ", "zip code ", "post code "]) + S("ADDRESS", z, "zip")
        return S("ADDRESS", full, "street")
    return r.choice(["[address removed]", T("PLACE", ctx.pick(D.PLACES)), "on file", "[redacted]",
                     "out of area", "no fixed abode", "a flat across town", "somewhere near the coast",
                     "the same suburb as the hospital"])


def lives(ctx, arg, phi):
    r = ctx.rng
    if phi:
        full, z = _address(ctx)
        return r.choice(["at ", "at ", "on ", "over at "]) + S("ADDRESS", full, "street")
    return r.choice(["alone in " + T("PLACE", ctx.pick(D.PLACES)), "out past " + T("PLACE", ctx.pick(D.PLACES)),
                     "in a flat in " + T("PLACE", ctx.pick(D.PLACES)), "with family",
                     "alone in a two-storey house", "in a caravan park", "on a farm", "in a ground-floor unit",
                     "in sheltered housing", "in a third-floor walk-up"])


URL_SITES = [
    "facebook.com/{slug}", "https://www.facebook.com/{slug}.{n4}", "instagram.com/{h}",
    "https://www.gofundme.com/f/{camp}", "caringbridge.org/visit/{slug}", "{slug}journey.blogspot.com",
    "tiktok.com/@{h}", "x.com/{h}", "https://www.youtube.com/@{h}", "https://medium.com/@{h}",
    "https://{slug}.wordpress.com", "linktr.ee/{h}", "https://www.justgiving.com/crowdfunding/{camp}",
]


def url_value(r, given, sur):
    g = ascii_fold(given).lower().replace(" ", "")
    s = ascii_fold(sur).lower().replace(" ", "").replace("-", "")
    slug = r.choice([g + s, g + "." + s, "team" + g, g + "-" + s, "prayersfor" + g])
    h = r.choice([g + "_" + s[:4], g + str(r.randint(10, 99)), s + "fam", "nana_" + g, g + "." + s + str(r.randint(1, 9))])
    camp = r.choice(["help-%s-come-home", "%s-recovery-fund", "support-%s-after-the-fall", "%ss-medical-bills",
                     "bring-%s-home"]) % g
    return r.choice(URL_SITES).format(slug=slug, h=h, camp=camp, n4=r.randint(1000, 9999))


def url(ctx, arg, phi):
    r = ctx.rng
    if phi:
        p = _relation(ctx) if r.random() < 0.4 else person(ctx, "pt")
        return S("URL", url_value(r, person(ctx, "pt")["given"] if r.random() < 0.6 else p["given"], p["sur"]),
                 arg or "personal")
    return r.choice(["[link removed]", "[url removed]", "[link]", "[removed]", "<link removed>", "[redacted link]"])


def id_value(ctx, sub):
    r = ctx.rng
    if sub == "any" or sub is None:
        sub = r.choice(["mrn", "mrn", "mrn", "nhs", "ssn", "medicare", "licence", "serial", "member",
                        "nhi", "aumedicare", "chart", "nhs", "mrn"])
    if sub in ("mrn", "chart"):
        lab = r.choice(["MRN", "MRN:", "MRN #", "UR", "URN", "hospital no.", "Hosp #", "chart #", "acct"]) \
            if sub == "mrn" else r.choice(["chart #", "chart no.", "record #", "file no."])
        num = r.choice(["%07d", "%08d", "%06d", "M%07d", "%010d", "%d-%02d-%02d"])
        if num == "%d-%02d-%02d":
            v = num % (r.randint(10, 99), r.randint(0, 99), r.randint(0, 99))
        else:
            v = num % r.randint(0, 9999999)
        return lab, v, "mrn"
    if sub == "nhs":
        n = make_nhs(r)
        v = r.choice(["%s %s %s" % (n[:3], n[3:6], n[6:]), n, "%s-%s-%s" % (n[:3], n[3:6], n[6:])])
        return r.choice(["NHS no.", "NHS number", "NHS #", "NHS No:"]), v, "nhs"
    if sub == "ssn":
        a = r.randint(1, 665)
        v = "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))
        return r.choice(["SSN", "SSN:", "social", "SS#"]), v, "ssn"
    if sub == "medicare":
        m = make_mbi(r)
        return r.choice(["MBI", "Medicare ID", "Medicare #"]), r.choice([m, m[:4] + "-" + m[4:7] + "-" + m[7:]]), "medicare"
    if sub == "aumedicare":
        m = make_au_medicare(r)
        return "Medicare", r.choice(["%s %s %s" % (m[:4], m[4:9], m[9]), m]), "medicare"
    if sub == "npi":
        return r.choice(["NPI", "NPI#", "NPI:"]), make_npi(r), "npi"
    if sub == "licence":
        v = r.choice(["%s%07d" % (r.choice("ABDFGKMSTW"), r.randint(0, 9999999)),
                      "%s%s%s%d%s" % (r.choice(["SMITH", "JONES", "PATEL", "NGUYE", "OKAFO"]), r.randint(1, 9),
                                      "%02d%02d" % (r.randint(1, 12), r.randint(1, 28)), r.randint(1, 9), "AB9CD")])
        return r.choice(["DL", "driver's licence", "DL#", "licence no."]), v, "licence"
    if sub == "serial":
        v = r.choice(["PM%d-%05d%s" % (r.randint(1, 9), r.randint(0, 99999), r.choice("QXKRZ")),
                      "SN%08d" % r.randint(0, 99999999), "%s%06d" % (r.choice(["RNV", "PJN", "ICD"]), r.randint(0, 999999))])
        return r.choice(["serial", "SN:", "device serial", "S/N"]), v, "serial"
    if sub == "member":
        v = "%s%09d" % ("".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), r.randint(0, 999999999))
        return r.choice(["member ID", "insurance ID", "policy #", "subscriber ID"]), v, "member"
    v = make_nz_nhi(r)
    return "NHI", v, "nhi"


def id_(ctx, arg, phi):
    r = ctx.rng
    key = ("id", arg, ctx.cur_inst)
    got = ctx.state.get(key)
    if got is None:
        got = id_value(ctx, arg)
        ctx.state[key] = got
    lab, v, sub = got
    if arg == "bare":
        lab = ""
    if phi:
        return (lab + " " if lab else "") + S("ID", v, sub)
    c = r.choice(["[redacted]", "xxxxxxx", "[removed]", "********", "[removed]", "#######", "[on file]"])
    return (lab + " " if lab else "") + c


def idv(ctx, arg, phi):
    """ID value without its label (for table cells / labelled fields)."""
    r = ctx.rng
    key = ("id", arg, ctx.cur_inst)
    got = ctx.state.get(key)
    if got is None:
        got = id_value(ctx, arg)
        ctx.state[key] = got
    lab, v, sub = got
    if phi:
        return S("ID", v, sub)
    return r.choice(["[redacted]", "xxxxxxx", "[removed]", "********", "[removed]", "—", "##########"])


def fac_name(ctx, kind):
    r = ctx.rng
    kind = kind or r.choice(["hosp", "care", "care", "clinic"])
    pre = ctx.pick(D.FAC_SAINT) if r.random() < 0.2 else ctx.pick(D.FAC_PREFIX)
    typ = ctx.pick({"hosp": D.FAC_HOSP, "care": D.FAC_CARE, "clinic": D.FAC_CLINIC}[kind])
    if typ == "House" or r.random() < 0.08:
        return pre + " " + typ
    return pre + " " + typ


FAC_CLEAN = {
    "hosp": ["an outside hospital", "the OSH", "a community hospital", "the referring hospital",
             "a rural hospital", "another trust", "the district hospital", "a private hospital"],
    "care": ["a nursing home", "a SNF", "a care home", "assisted living", "a memory care unit",
             "an aged care facility", "a residential home", "a group home", "a skilled nursing facility",
             "a board and care", "her care home", "the facility"],
    "clinic": ["the GP surgery", "a local clinic", "her PCP's office", "the dialysis unit",
               "an urgent care", "a walk-in centre", "the community team", "the outpatient clinic"],
}


def fac(ctx, arg, phi):
    r = ctx.rng
    kind = arg if arg in ("hosp", "care", "clinic") else None
    if phi:
        return S("FACILITY", fac_name(ctx, kind), kind or "named")
    k = kind or r.choice(["hosp", "care", "clinic"])
    v = r.choice(FAC_CLEAN[k])
    return T("FAC_GENERIC", v) if r.random() < 0.6 else v


def plate_value(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    f = r.randrange(4)
    if f == 0:
        return "%d%s%03d" % (r.randint(1, 9), "".join(r.choice(L) for _ in range(3)), r.randint(0, 999))
    if f == 1:
        return "%s-%04d" % ("".join(r.choice(L) for _ in range(3)), r.randint(0, 9999))
    if f == 2:
        return "%s%02d %s" % ("".join(r.choice(L) for _ in range(2)), r.randint(1, 74), "".join(r.choice(L) for _ in range(3)))
    return "%d%s-%03d" % (r.randint(1, 9), "".join(r.choice(L) for _ in range(3)), r.randint(0, 999))


def other(ctx, arg, phi):
    r = ctx.rng
    arg = arg or "role"
    if arg == "role":
        if phi:
            t = r.choice(D.ROLE_PHI).format(town=ctx.pick(D.ROLE_TOWNS), shop=ctx.pick(D.ROLE_SHOPS),
                                            street=ctx.pick(D.STREET_NAMES) + " Street",
                                            church=r.choice(D.ROLE_CHURCHES), school=r.choice(D.ROLE_SCHOOLS),
                                            pub=r.choice(D.ROLE_PUBS))
            return "the " + S("OTHER", t, "unique")
        return ctx.pick(D.ROLE_CLEAN)
    if arg == "plate":
        if phi:
            return r.choice(["plate ", "plates ", "reg ", "rego ", "licence plate ", "tag "]) + S("OTHER", plate_value(r), "plate")
        return r.choice(["a grey hatchback", "a blue pickup", "a silver sedan", "a red ute", "a mobility scooter",
                         "a white van", "plate not noted"])
    # messaging
    p = person(ctx, "pt")
    h = ascii_fold(p["given"]).lower().replace(" ", "") + r.choice(["_", ".", ""]) + \
        ascii_fold(p["sur"]).lower().replace(" ", "")[:4] + str(r.randint(1, 99))
    if phi:
        app = r.choice(["Snapchat", "Telegram", "Discord", "Signal", "WeChat", "Kik", "LINE", "Skype"])
        return app + " " + S("OTHER", ("@" + h) if app in ("Telegram",) else h, "messaging")
    return r.choice(["the family group chat", "a WhatsApp group", "the family's group thread",
                     "the unit's group chat", "Messenger (no details)", "a Telegram group"])


# ---------------------------------------------------------------- negatives
def _lab(r, form):
    vals = dict(a=r.randint(118, 152), b="%.1f" % r.uniform(2.6, 6.8), c="%.1f" % r.uniform(0.5, 6.0),
                d="%.1f" % r.uniform(5.5, 16.0), e="%.2f" % r.uniform(0.01, 2.5), f="%.1f" % r.uniform(0.6, 9.0),
                g="%.1f" % r.uniform(0.9, 7.5), h=r.randint(40, 5000), i="%.1f" % r.uniform(1.0, 32.0),
                j=r.randint(8, 95), k="%.1f" % r.uniform(5.0, 13.0), l=r.randint(1, 350), m=r.randint(2, 33) if r.random() < 0.3 else r.randint(40, 600),
                n=r.randint(78, 99), o="%d/%d" % (r.randint(70, 210), r.randint(38, 120)), p=r.randint(38, 170),
                q="%.1f" % r.uniform(35.0, 40.6), r=r.randint(20, 180), s=r.randint(50, 45000), t="%.2f" % r.uniform(0.4, 1.3),
                u="%.1f" % r.uniform(1.5, 4.5))
    return form.format(**vals)


def neg(typ, lst):
    return lambda ctx, arg: T(typ, ctx.pick(lst))


def dose(ctx, arg):
    r = ctx.rng
    return T("DOSE", r.choice(D.DOSE_FORMS).format(d=ctx.pick(D.DRUGS)))


def cite(ctx, arg):
    r = ctx.rng
    s1, s2 = ctx.pick(D.SURNAMES), ctx.pick(D.SURNAMES)
    y = r.randint(1998, 2024)
    f = r.randrange(6)
    if f == 0:
        v = "%s et al. (%d)" % (s1, y)
    elif f == 1:
        v = "%s and %s, %s %d" % (s1, s2, r.choice(D.JOURNALS), y)
    elif f == 2:
        v = "%s & %s %d" % (s1, s2, y)
    elif f == 3:
        v = "%s et al., %s %d" % (s1, r.choice(D.JOURNALS), y)
    elif f == 4:
        v = "the %s trial (%s et al.)" % (r.choice(["SPRINT", "ARISE", "CRASH-3", "HOPE", "PARADIGM-HF", "EMPEROR",
                                                      "DANISH", "TTM2", "ISCHEMIA", "RECOVERY"]), s1)
    else:
        v = "%s %d" % (s1, y)
    return T("CITATION", v)


def lab(ctx, arg):
    r = ctx.rng
    return T("LAB", _lab(r, r.choice(D.LAB_FORMS)))


def labs(ctx, arg):
    r = ctx.rng
    forms = r.sample(D.LAB_FORMS, r.randint(2, 4))
    return ", ".join(T("LAB", _lab(r, f)) for f in forms)


def ageu(ctx, arg):
    r = ctx.rng
    n = r.choice([34, 45, 52, 58, 61, 67, 71, 74, 77, 80, 82, 84, 86, 88, 89, 8, 11, 18, 81])
    c = r.randrange(4)
    if c == 0:
        e = "%d-year-old" % n
        return article(e) + " " + T("AGE_UNDER_90", e)
    if c == 1:
        return T("AGE_UNDER_90", "%d%s" % (n, r.choice("MF")))
    if c == 2:
        return r.choice(["a man in his ", "a woman in her "]) + T("AGE_UNDER_90", "%d0s" % max(2, n // 10))
    e = "%d yo" % n
    return article(e) + " " + T("AGE_UNDER_90", e)


def reltime(ctx, arg):
    lst = {"since": D.RELTIMES_SINCE, "for": D.RELTIMES_FOR, "future": D.RELTIMES_FUTURE}.get(arg, D.RELTIMES)
    v = ctx.pick(lst)
    if v in ("his last fall", "her last fall"):
        v = ("her" if ctx.g == "F" else "his") + " last fall"
    return T("RELTIME", v)


def pseudo(ctx, arg):
    r = ctx.rng
    return T("PSEUDO", r.choice(["Patient B", "Pt 2", "Mr. Y", "Mrs. Z", "Case 3", "patient C", "Ms. Q",
                                 "Resident D", "bed 4 lady", "Mr. K", "Patient 7", "Mrs. W"]))


def wordname(ctx, arg):
    r = ctx.rng
    return T("WORD_NAME", r.choice(["hope", "grace", "joy", "faith", "summer", "dawn", "patience",
                                    "a rose", "sterling", "frank", "bliss", "frost", "rich", "mercy"]))


def pron(male, female):
    return lambda ctx, arg: male if ctx.g == "M" else female


REGISTRY = {
    # PHI-capable
    "pt": ("phi", pt), "pt2": ("phi", pt2), "rel": ("phi", rel), "rel2": ("phi", rel2),
    "when": ("phi", when), "since": ("phi", since), "date": ("phi", date), "agenp": ("phi", agenp), "age": ("phi", age),
    "ageshort": ("phi", ageshort), "phone": ("phi", phone), "email": ("phi", email), "addr": ("phi", addr),
    "lives": ("phi", lives), "id": ("phi", id_), "idv": ("phi", idv), "url": ("phi", url), "fac": ("phi", fac),
    "other": ("phi", other),
    # negatives
    "eponym": ("neg", neg("EPONYM", D.EPONYMS)), "sign": ("neg", neg("EPONYM", D.SIGNS)),
    "proc": ("neg", neg("EPONYM", D.PROCEDURES)), "scale": ("neg", neg("SCALE", D.SCALES)),
    "drug": ("neg", neg("DRUG", D.DRUGS)), "dose": ("neg", dose), "cite": ("neg", cite),
    "journal": ("neg", neg("JOURNAL", D.JOURNALS)), "guide": ("neg", neg("GUIDELINE", D.GUIDELINES)),
    "pubdate": ("neg", neg("PUBLIC_DATE", D.PUBLIC_DATES)), "pubperson": ("neg", neg("PUBLIC_PERSON", D.PUBLIC_PEOPLE)),
    "placeholder": ("neg", neg("PLACEHOLDER", D.PLACEHOLDERS)), "pseudo": ("neg", pseudo),
    "handle": ("neg", neg("HANDLE", D.HANDLES)), "signoff": ("neg", neg("SIGNOFF", D.SIGNOFFS)),
    "staff": ("neg", staff), "place": ("neg", neg("PLACE", D.PLACES)), "inst": ("neg", neg("INSTITUTION", D.INSTITUTIONS)),
    "hotline": ("neg", neg("HOTLINE", D.HOTLINES)), "lab": ("neg", lab), "labs": ("neg", labs),
    "time": ("neg", neg("TIME", D.TIMES)), "score": ("neg", neg("SCORE", D.SCORES)),
    "reltime": ("neg", reltime), "year": ("neg", neg("YEAR", D.YEARS)),
    "code": ("neg", neg("CODE", D.CODES)), "room": ("neg", neg("ROOM", D.ROOMS)),
    "facgen": ("neg", neg("FAC_GENERIC", D.FAC_GENERIC)), "ageu": ("neg", ageu),
    "agecat": ("neg", neg("AGE_90", D.AGE_90_CAT)), "puburl": ("neg", neg("PUBLIC_URL", D.PUBLIC_URLS)),
    "wordname": ("neg", wordname),
    # pronouns / gendered words
    "he": ("pron", pron("he", "she")), "He": ("pron", pron("He", "She")), "him": ("pron", pron("him", "her")),
    "his": ("pron", pron("his", "her")), "His": ("pron", pron("His", "Her")), "man": ("pron", pron("man", "woman")),
    "M": ("pron", pron("M", "F")), "gent": ("pron", pron("gentleman", "lady")),
    "spouse": ("pron", pron("wife", "husband")), "himself": ("pron", pron("himself", "herself")),
    "mr": ("pron", pron("Mr", "Mrs")), "sir": ("pron", pron("sir", "love")),
}

# slots whose PHI decision is shared
GROUP = {"idv": "id", "pt2": "pt", "rel2": "rel", "when": "date", "since": "date", "date": "date", "agenp": "age", "age": "age",
         "ageshort": "age", "lives": "addr"}
