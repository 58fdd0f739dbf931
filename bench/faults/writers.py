#!/usr/bin/env python3
"""Helpers of bench/faults/run.sh (Python 3 standard library only).

  writers.py login  --base URL --email E --password P --out FILE
      Signs in through /login and writes the cookie header to FILE.
  writers.py write  --bases URL[,URL…] --cookie FILE --writers N --log FILE
                    --stop FILE [--phase NAME]
      N concurrent writers post until FILE --stop exists: mostly new threads, every
      third post a reply to the writer's last acknowledged thread. Every answered
      attempt is one JSON line in --log (appended): when it was sent and answered,
      the node, the unique token in its body, the status, and the post id of an
      acknowledged post (a 303 to /t/{thread}…#post-{post} or /p/{post}).
      A refused connection (the server is down) is retried after a pause and not
      logged; a request that got no answer is logged with status 0. Meanwhile
      --readers N (default 1) members search for the last acknowledged post on
      each node; their answers are logged too (kind "search").
  writers.py count  --log FILE [--phase NAME] [--status N]
      Prints how many attempts (of the phase) were acknowledged, or answered N.
  writers.py check  --bases URL[,URL…] --email E --password P --log FILE --db URL
                    --name NAME --results FILE [--fault-from T --fault-to T]
                    [--restore-at T] [--wait S]
      After recovery: compares the acknowledged posts with the database and with
      search on every node, appends one JSON result to --results and prints it.
  writers.py table  --results FILE
      Prints the Markdown table of the results.
"""

import argparse
import collections
import http.client
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

TOKEN_LETTERS = "bcdfghjkmnpqrtvwxz"  # no vowels, no s/y/l: no stemmer rule applies
TOKEN_RE = re.compile(r"zq[a-z]{10}")
ACK_RE = re.compile(r"^/t/(\d+)\?[^#]*#post-(\d+)$|^/p/(\d+)$")

BODIES = [
    "Ceftriaxone dosing question for meningitis cover, token {t}.",
    "How long do you continue heparin bridging after the procedure? Token {t}.",
    "Delirium prevention bundle on the ward: melatonin or not. Token {t}.",
    "Pressure ulcer dressing choice for a stage two sore, token {t}.",
    "Insulin sliding scale versus basal bolus on the surgical ward, token {t}.",
]


def new_token(rng):
    return "zq" + "".join(rng.choice(TOKEN_LETTERS) for _ in range(10))


def split_base(base):
    u = urllib.parse.urlsplit(base)
    return u.hostname, u.port or 80


class Client:
    """One keep-alive connection to one node; no redirects followed."""

    def __init__(self, base, cookie="", timeout=30):
        self.host, self.port = split_base(base)
        self.base = base
        self.cookie = cookie
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, form=None):
        """Returns (status, headers dict lower-case, body bytes). Raises OSError or
        http.client exceptions when there is no answer."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            res = self.conn.getresponse()
            data = res.read()
        except Exception:
            self.close()
            raise
        hdrs = {}
        for k, v in res.getheaders():
            hdrs.setdefault(k.lower(), []).append(v)
        if (res.getheader("connection") or "").lower() == "close":
            self.close()
        return res.status, hdrs, data

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


def cookies_from(hdrs):
    out = {}
    for c in hdrs.get("set-cookie", []):
        kv = c.split(";", 1)[0]
        if "=" in kv:
            k, v = kv.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def login(base, email, password, attempts=60):
    """Signs in; returns the Cookie header value."""
    last = None
    for _ in range(attempts):
        try:
            c = Client(base)
            _, h, _ = c.request("GET", "/login")
            jar = cookies_from(h)
            csrf = jar.get("rounds_csrf", "")
            c.cookie = f"rounds_csrf={csrf}"
            st, h, _ = c.request(
                "POST",
                "/login",
                {"email": email, "password": password, "_csrf": csrf, "next": "/"},
            )
            jar.update(cookies_from(h))
            if st == 303 and jar.get("rounds_session"):
                return f"rounds_session={jar['rounds_session']}; rounds_csrf={csrf}"
            last = f"status {st}"
        except Exception as e:  # the server may still be starting
            last = repr(e)
        time.sleep(0.5)
    raise SystemExit(f"sign-in at {base} failed: {last}")


def cmd_login(a):
    with open(a.out, "w") as f:
        f.write(login(a.base, a.email, a.password) + "\n")


# ---------------------------------------------------------------------------
# writers


def cmd_write(a):
    bases = a.bases.split(",")
    cookie = open(a.cookie).read().strip()
    csrf = re.search(r"rounds_csrf=([^;]+)", cookie).group(1)
    lock = threading.Lock()
    log = open(a.log, "a", buffering=1)
    seq = [0]

    def record(rec):
        with lock:
            log.write(json.dumps(rec) + "\n")

    def writer(i):
        rng = random.Random(os.urandom(16))
        base = bases[i % len(bases)]
        client = Client(base, cookie, timeout=60)
        last_thread = None
        n = 0
        while not os.path.exists(a.stop):
            n += 1
            token = new_token(rng)
            body = rng.choice(BODIES).format(t=token)
            if last_thread is not None and n % 3 == 0:
                kind, path = "reply", f"/t/{last_thread}/reply"
                form = {"body": body, "_csrf": csrf}
            else:
                with lock:
                    seq[0] += 1
                    k = seq[0]
                kind, path = "thread", "/new-topic"
                form = {
                    "title": f"Fault check {k}",
                    "category": "internal-medicine",
                    "tags": "antibiotics",
                    "body": body,
                    "_csrf": csrf,
                }
            t0 = time.time()
            rec = {"phase": a.phase, "node": base, "writer": i, "kind": kind,
                   "token": token, "t0": t0}
            try:
                st, h, data = client.request("POST", path, form)
            except ConnectionRefusedError:
                time.sleep(0.2)  # the server is down: nothing was sent
                continue
            except Exception as e:  # sent, no answer: the outcome is unknown
                rec.update(status=0, error=repr(e), t1=time.time())
                record(rec)
                time.sleep(0.2)
                continue
            rec["t1"] = time.time()
            rec["status"] = st
            loc = (h.get("location") or [""])[0]
            rec["location"] = loc
            m = ACK_RE.match(loc) if st == 303 else None
            if m:
                rec["ack"] = True
                if m.group(3):
                    rec["post"] = int(m.group(3))
                    rec["held"] = True
                else:
                    rec["thread"] = int(m.group(1))
                    rec["post"] = int(m.group(2))
                    if kind == "thread":
                        last_thread = rec["thread"]
            elif st >= 500:
                text = data.decode("utf-8", "replace")
                rec["cannot_save"] = "cannot save right now" in text
            record(rec)
            if rec.get("ack") and not rec.get("held"):
                latest[base] = token
            if st >= 500 or st == 0:
                time.sleep(0.05)
        client.close()

    latest = {}  # node -> the token of the last post acknowledged there

    def reader(i):
        # A member searching meanwhile: the last acknowledged post, on each node.
        clients = [Client(b, cookie, timeout=60) for b in bases]
        rng = random.Random(i)
        while not os.path.exists(a.stop):
            c = rng.choice(clients)
            token = latest.get(c.base)
            if token is None:
                time.sleep(0.1)
                continue
            t0 = time.time()
            try:
                st, _, _ = c.request("GET", "/search?q=" + token)
            except ConnectionRefusedError:
                time.sleep(0.2)
                continue
            except Exception as e:
                st = 0
            record({"phase": a.phase, "node": c.base, "kind": "search", "token": token,
                    "t0": t0, "t1": time.time(), "status": st})
            time.sleep(0.05)
        for c in clients:
            c.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(a.writers)]
    threads += [threading.Thread(target=reader, args=(i,)) for i in range(a.readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def read_log(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass  # a line cut short by a stop
    return out


def cmd_count(a):
    recs = [r for r in read_log(a.log) if r.get("kind") != "search"
            and (a.phase is None or r.get("phase") == a.phase)]
    if a.status is not None:
        print(sum(1 for r in recs if r.get("status") == a.status))
    else:
        print(sum(1 for r in recs if r.get("ack")))


# ---------------------------------------------------------------------------
# the check


def db_posts(url):
    """{post id: (visible, [tokens])} for every post that carries a token in any
    revision; visible = published and not hidden, in a published visible thread."""
    sql = (
        "SELECT p.id, CASE WHEN p.state = 'published' AND p.hidden = 0 AND t.published = 1 "
        "AND t.hidden = 0 AND t.deleted = 0 THEN 1 ELSE 0 END, r.body_md "
        "FROM post_revisions r JOIN posts p ON p.id = r.post_id "
        "JOIN threads t ON t.id = p.thread_id"
    )
    rows = []
    if url.startswith("sqlite://"):
        path = url[len("sqlite://"):]
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        rows = con.execute(sql).fetchall()
        con.close()
    else:
        out = subprocess.run(
            ["psql", url, "-AtqX", "-F", "\x1f", "-R", "\x1e", "-c", sql],
            check=True, capture_output=True, text=True,
        ).stdout
        for line in out.split("\x1e"):
            if line.strip():
                pid, vis, body = line.split("\x1f", 2)
                rows.append((int(pid), int(vis), body))
    posts = {}
    for pid, vis, body in rows:
        v, toks = posts.setdefault(int(pid), (int(vis), set()))
        toks.update(TOKEN_RE.findall(body or ""))
    return posts


HIT_RE = re.compile(r'id="hit-(\d+)"')


def search(client, token):
    """Post ids of the hits for token, or None while the index says it is being
    rebuilt or the page did not answer 200."""
    try:
        st, _, data = client.request("GET", "/search?q=" + token)
    except Exception:
        return None
    if st != 200:
        return None
    html = data.decode("utf-8", "replace")
    if "being rebuilt" in html:
        return None
    return {int(x) for x in HIT_RE.findall(html)}


def cmd_check(a):
    bases = a.bases.split(",")
    everything = read_log(a.log)
    recs = [r for r in everything if r.get("kind") != "search"]
    reads = [r for r in everything if r.get("kind") == "search"]
    acks = [r for r in recs if r.get("ack")]
    no_answer = sum(1 for r in recs if r.get("status") == 0)
    held = sum(1 for r in acks if r.get("held"))

    # 5xx: 503s of requests sent while the disk was full are the designed answer.
    ff = float(a.fault_from) if a.fault_from else None
    ft = float(a.fault_to) if a.fault_to else None
    # A 503 "cannot save" to a post in flight while the disk was full is designed.
    designed = other5xx = n500 = late503 = 0
    for r in everything:
        st = r.get("status", 0)
        if st >= 500:
            if st == 500:
                n500 += 1
            if (st == 503 and r.get("cannot_save") and ff is not None
                    and r["t1"] >= ff and r["t0"] <= ft):
                designed += 1
            else:
                other5xx += 1
                # Sent just after space returned, refused as if the disk were full.
                if st == 503 and r.get("cannot_save") and ft is not None and ft < r["t0"] <= ft + 1:
                    late503 += 1

    posts = db_posts(a.db)
    token_posts = collections.defaultdict(set)
    for pid, (_, toks) in posts.items():
        for t in toks:
            token_posts[t].add(pid)

    restore_at = float(a.restore_at) if a.restore_at else None
    lost, rolled_back, kept = [], [], []
    for r in acks:
        have = token_posts.get(r["token"], set())
        if r["post"] in have:
            kept.append(r)
        elif not have and restore_at is not None and r["t1"] >= restore_at:
            rolled_back.append(r)  # acknowledged after the backup was taken
        else:
            lost.append(r)
    # Posts sent without an answer (in flight at a kill): their outcome is unknown;
    # say how many were stored anyway.
    unanswered_stored = sum(1 for r in recs if r.get("status") == 0 and r["token"] in token_posts)
    ids = collections.Counter(r["post"] for r in kept + lost)
    dup_ids = sorted(pid for pid, n in ids.items() if n > 1)
    dup_text = sorted(t for t, ps in token_posts.items() if len(ps) > 1)

    # Every visible post in the database with a token must be found by its token on
    # every node; a token whose post is not in the database must find nothing.
    want = {}  # token -> post id
    for pid, (vis, toks) in posts.items():
        if vis:
            for t in toks:
                want[t] = pid
    absent = {r["token"] for r in rolled_back + lost if r["token"] not in token_posts}
    wrong = collections.Counter()
    pending = {(b, t) for b in bases for t in want}
    clients = {}
    lock = threading.Lock()

    def client_for(b):
        k = (b, threading.get_ident())
        with lock:
            if k not in clients:
                clients[k] = Client(b, login(b, a.email, a.password), timeout=60)
            return clients[k]

    def one_pass(items):
        found, bad = set(), collections.Counter()
        items = list(items)

        def work(chunk):
            for b, t in chunk:
                hits = search(client_for(b), t)
                if hits is None:
                    continue
                ok = want.get(t)
                with lock:
                    if ok is not None and ok in hits:
                        found.add((b, t))
                    for h in hits - ({ok} if ok is not None else set()):
                        bad[(b, t, h)] += 1

        n = 4
        ts = [threading.Thread(target=work, args=(items[i::n],)) for i in range(n)]
        for x in ts:
            x.start()
        for x in ts:
            x.join()
        return found, bad

    started = time.time()
    deadline = started + float(a.wait)
    suspects = set()
    while pending:
        found, bad = one_pass(pending)
        pending -= found
        suspects.update(bad)
        if not pending or time.time() > deadline:
            break
        time.sleep(1)
    # Wrong hits: a search for a present post that still finds another post once
    # the index caught up, and any hit for a token whose post is not in the database.
    for (b, t, h) in suspects:
        hits = search(client_for(b), t)
        if hits and h in hits:
            wrong[(b, t, h)] = 1
    for b in bases:
        for t in absent:
            hits = search(client_for(b), t)
            for h in hits or ():
                wrong[(b, t, h)] = 1
    for c in clients.values():
        c.close()
    unsearchable = sorted({t for _, t in pending})

    res = {
        "name": a.name,
        "attempts": len(recs),
        "acknowledged": len(acks),
        "held": held,
        "lost": len(lost),
        "duplicated": len(dup_ids) + len(dup_text),
        "unsearchable": len(unsearchable),
        "wrong_hits": len(wrong),
        "rolled_back": len(rolled_back),
        "no_answer": no_answer,
        "no_answer_stored": unanswered_stored,
        "5xx": other5xx,
        "500": n500,
        "503_designed": designed,
        "503_late": late503,
        "searched_on": len(bases),
        "searches_meanwhile": len(reads),
        "search_5xx_meanwhile": sum(1 for r in reads if r["status"] >= 500),
        "slowest_search_meanwhile_s": round(max((r["t1"] - r["t0"] for r in reads), default=0), 2),
        "seconds_to_searchable": round(time.time() - started, 1),
        "notes": a.notes or "",
        "detail": {
            "lost": [(r["post"], r["token"], r["location"]) for r in lost][:20],
            "duplicate_ids": dup_ids[:20],
            "duplicate_text": [(t, sorted(token_posts[t])) for t in dup_text][:20],
            "unsearchable": [(t, want[t]) for t in unsearchable][:20],
            "unsearchable_nodes": sorted({b for b, _ in pending}),
            "wrong_hits": [list(k) for k in wrong][:20],
        },
    }
    with open(a.results, "a") as f:
        f.write(json.dumps(res) + "\n")
    print(json.dumps(res))


def cmd_table(a):
    rows = read_log(a.results)
    print("| scenario | acknowledged | lost | duplicated | unsearchable | 5xx | "
          "503 while full (designed) | also seen |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        also = []
        if r["rolled_back"]:
            also.append(f"{r['rolled_back']} rolled back by the restore")
        if r["wrong_hits"]:
            also.append(f"**{r['wrong_hits']} wrong search hits**")
        if r["no_answer"]:
            also.append(f"{r['no_answer']} sent without an answer "
                        f"({r.get('no_answer_stored', 0)} of them stored)")
        if r["held"]:
            also.append(f"{r['held']} held")
        if r.get("503_late"):
            also.append(f"{r['503_late']} of the 5xx: 503 \"cannot save\" to posts sent < 1 s "
                        "after space returned")
        if r["500"]:
            also.append(f"**{r['500']} × 500**")
        if r.get("search_5xx_meanwhile"):
            also.append(f"{r['search_5xx_meanwhile']} of the 5xx: searches during the fault")
        if r.get("slowest_search_meanwhile_s", 0) >= 5:
            also.append(f"a search during the fault took {r['slowest_search_meanwhile_s']} s")
        if r.get("notes"):
            also.append(r["notes"])
        print(f"| {r['name']} | {r['acknowledged']} | {r['lost']} | {r['duplicated']} | "
              f"{r['unsearchable']} | {r['5xx']} | {r['503_designed']} | "
              f"{'; '.join(also) or '—'} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("login")
    s.add_argument("--base", required=True)
    s.add_argument("--email", required=True)
    s.add_argument("--password", required=True)
    s.add_argument("--out", required=True)
    s = sub.add_parser("write")
    s.add_argument("--bases", required=True)
    s.add_argument("--cookie", required=True)
    s.add_argument("--writers", type=int, default=8)
    s.add_argument("--log", required=True)
    s.add_argument("--stop", required=True)
    s.add_argument("--phase", default="main")
    s.add_argument("--readers", type=int, default=1)
    s = sub.add_parser("count")
    s.add_argument("--log", required=True)
    s.add_argument("--phase")
    s.add_argument("--status", type=int)
    s = sub.add_parser("check")
    s.add_argument("--bases", required=True)
    s.add_argument("--email", required=True)
    s.add_argument("--password", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--db", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--results", required=True)
    s.add_argument("--fault-from")
    s.add_argument("--fault-to")
    s.add_argument("--restore-at")
    s.add_argument("--wait", default="30")
    s.add_argument("--notes")
    s = sub.add_parser("table")
    s.add_argument("--results", required=True)
    a = p.parse_args()
    {"login": cmd_login, "write": cmd_write, "count": cmd_count,
     "check": cmd_check, "table": cmd_table}[a.cmd](a)


if __name__ == "__main__":
    main()
