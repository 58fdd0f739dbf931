#!/usr/bin/env python3
"""Independent validation of generated files:  python3 check.py train.jsonl test.jsonl"""
import json
import re
import sys
import unicodedata

import core

KINDS = core.KINDS


def digits(s):
    return "".join(str(unicodedata.digit(c)) for c in s if c.isdigit())


def check(path):
    recs = [json.loads(l) for l in open(path, encoding="utf-8")]
    errs = []
    ids, texts = set(), set()
    nchk = {"mynumber": 0, "nhs": 0, "npi": 0}
    for r in recs:
        assert set(r) == {"id", "lang", "text", "phi", "spans", "traps"}, r.keys()
        if not re.fullmatch(r"tg-\d+-\d{5}", r["id"]):
            errs.append("bad id " + r["id"])
        if r["id"] in ids or r["text"] in texts:
            errs.append("duplicate " + r["id"])
        ids.add(r["id"]); texts.add(r["text"])
        t = r["text"]
        if r["phi"] != bool(r["spans"]):
            errs.append("phi flag " + r["id"])
        last = 0
        for s in sorted(r["spans"], key=lambda s: s["start"]):
            seg = t[s["start"]:s["end"]]
            if not (0 <= s["start"] < s["end"] <= len(t)) or seg != seg.strip() or s["kind"] not in KINDS:
                errs.append("span %s %r" % (r["id"], seg))
            if s["start"] < last:
                errs.append("overlap " + r["id"])
            last = s["end"]
            sub = s.get("sub")
            d = digits(seg)
            if s["kind"] == "ID" and sub == "mynumber":
                nchk["mynumber"] += 1
                if not core.mynumber_valid(d):
                    errs.append("bad My Number %s %s" % (r["id"], seg))
            if s["kind"] == "ID" and sub == "nhs":
                nchk["nhs"] += 1
                if not core.nhs_valid(d):
                    errs.append("bad NHS %s %s" % (r["id"], seg))
            if s["kind"] == "ID" and sub == "npi":
                nchk["npi"] += 1
                if not core.npi_valid(d):
                    errs.append("bad NPI %s %s" % (r["id"], seg))
            if s["kind"] == "AGE_OVER_89" and sub == "exact" and d and int(d) < 90:
                errs.append("age < 90 %s %s" % (r["id"], seg))
        for tr in r["traps"]:
            seg = t[tr["start"]:tr["end"]]
            if not (0 <= tr["start"] < tr["end"] <= len(t)) or seg != seg.strip():
                errs.append("trap %s %r" % (r["id"], seg))
    print("%s: %d records, %d errors, check digits verified: %s" % (path, len(recs), len(errs), nchk))
    for e in errs[:20]:
        print("  ", e)
    return recs, errs


if __name__ == "__main__":
    allt = []
    bad = 0
    for p in sys.argv[1:]:
        recs, errs = check(p)
        bad += len(errs)
        allt.append({r["text"] for r in recs})
    if len(allt) == 2:
        print("texts shared between files:", len(allt[0] & allt[1]))
    sys.exit(1 if bad else 0)
