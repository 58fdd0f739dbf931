#!/usr/bin/env bash
# The load harness of Rounds: seeds N posts, signs in a member, and measures every
# page of the issue's budgets against /healthz of the same process in the same run
# (healthz, then the page, alternately), plus the write path. Prints a Markdown table
# (and writes it to bench/load/results/) with req/s, p50, p99, the ratio to /healthz
# and the load average; RSS of the server after the run.
#
#   bench/load/run.sh [--backend sqlite|postgres] [--posts N] [--seconds S]
#                     [--bin PATH] [--label TEXT] [--port P] [--data DIR]
#
# The seeded data is kept in --data (default $ROUNDS_LOAD_DIR/<backend>-<N>, with
# ROUNDS_LOAD_DIR=/tmp/rounds-load) and reused by the next run with the same
# directory (on PostgreSQL the database is named after the directory). --bin
# measures another build (a baseline) on the same data, each build with its own
# search index; pages are reached the way each build links them. To compare with an
# older build, seed with the older one first: a newer build migrates the data
# forward when it starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

backend=sqlite posts=100000 seconds=10 bin="" label="" port=3100 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=$2; shift 2 ;;
    --posts) posts=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --data) work=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

if ! command -v oha >/dev/null 2>&1; then
  echo "installing oha (crates.io)…" >&2
  cargo install oha --locked >&2
fi
export PATH="$HOME/.cargo/bin:$PATH"
if [ -z "$bin" ]; then
  cargo build --release -p server --bins >&2
  bin=$ROOT/target/release/rounds
fi
label=${label:-$(git rev-parse --short HEAD)}

work=${work:-${ROUNDS_LOAD_DIR:-/tmp/rounds-load}/$backend-$posts}
mkdir -p "$work"
work=$(cd "$work" && pwd)
export ROUNDS_DATA_DIR=$work/data
export ROUNDS_SEARCH_DIR=$work/search-$(basename "$bin")-$(sha1sum "$bin" | cut -c1-8)
export RUST_LOG=warn
pg_admin=${ROUNDS_LOAD_PG:-postgres://postgres@127.0.0.1:5432/postgres}
if [ "$backend" = postgres ]; then
  db=rounds_load_$(basename "$work" | tr -c 'a-z0-9_\n' '_')
  export ROUNDS_DATABASE_URL=${pg_admin%/*}/$db
  sql() { psql "$ROUNDS_DATABASE_URL" -Atqc "$1"; }
  if [ ! -f "$work/seeded" ]; then
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db" >/dev/null
    psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
  fi
else
  export ROUNDS_DATABASE_URL=sqlite://$ROUNDS_DATA_DIR/rounds.db
  sql() { sqlite3 "$ROUNDS_DATA_DIR/rounds.db" "$1"; }
fi

password=load-harness-password-1
if [ ! -f "$work/seeded" ]; then
  echo "seeding $posts posts on $backend…" >&2
  "$bin" migrate >&2
  "$bin" seed --posts "$posts" >&2
  printf '%s\n' "$password" | "$bin" admin create --email load@rounds.invalid --name load_runner >&2
  touch "$work/seeded"
fi

export ROUNDS_LISTEN=127.0.0.1:$port
base=http://127.0.0.1:$port
"$bin" serve > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/healthz" >/dev/null || { echo "the server did not start; see $work/serve.log" >&2; exit 1; }

jar=$work/cookies.txt
rm -f "$jar"
curl -fs -c "$jar" -b "$jar" "$base/login" >/dev/null
csrf=$(awk '$6 == "rounds_csrf" { print $7 }' "$jar")
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=load@rounds.invalid" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" --data-urlencode "next=/" "$base/login"
session=$(awk '$6 == "rounds_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
cookie="Cookie: rounds_session=$session; rounds_csrf=$csrf"
# A build that serves while its index rebuilds says so on the search page: wait.
for _ in $(seq 1 1200); do
  curl -fs -H "$cookie" "$base/search?q=pneumonia" | grep -q 'being rebuilt' || break
  sleep 1
done

# The pages, reached as this build links them.
public="published = 1 AND hidden = 0 AND deleted = 0"
threads=$(sql "SELECT COUNT(*) FROM threads WHERE $public")
deep_at=$(( threads * 9 / 10 ))
if curl -fs -H "$cookie" "$base/" | grep -q '?older='; then
  deep=$(sql "SELECT last_activity_at || '.' || id FROM threads WHERE $public AND pinned = 0 \
              ORDER BY last_activity_at DESC, id DESC LIMIT 1 OFFSET $deep_at")
  deep_url="$base/?older=$deep"
else
  deep_url="$base/?page=$(( deep_at / 30 + 1 ))"
fi
big=$(sql "SELECT thread_id FROM posts GROUP BY thread_id ORDER BY COUNT(*) DESC, thread_id LIMIT 1")
big_posts=$(sql "SELECT COUNT(*) FROM posts WHERE thread_id = $big")
last_page=$(( (big_posts + 19) / 20 ))
category=$(sql "SELECT c.slug FROM categories c JOIN threads t ON t.category_id = c.id GROUP BY c.slug ORDER BY COUNT(*) DESC LIMIT 1")
# oha's URL regex ignores backslash escapes: a dot stays a dot inside a class.
rbase=$(printf '%s' "$base" | sed 's/\./[.]/g')
words='(pneumonia|sepsis|heparin|delirium|insulin|ceftriaxone|pressure%20ulcer|誤嚥性肺炎|せん妄|褥瘡|インスリン|尿路感染症)'

results=$work/oha.json
# run NAME -- oha arguments…: prints "rps p50_ms p99_ms ok_share" for the run.
run() {
  oha --no-tui --output-format json -z "${seconds}s" -H "$cookie" "$@" > "$results" 2>/dev/null
  python3 - "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]; p = r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
ok = sum(v for k, v in codes.items() if k.startswith(("2", "3")))
total = sum(codes.values()) or 1
print(f'{s["requestsPerSec"]:.0f} {p["p50"]*1000:.2f} {p["p99"]*1000:.2f} {ok/total:.3f}')
PY
}
load() { cut -d' ' -f1 /proc/loadavg; }

out=$ROOT/bench/load/results/$backend-$posts-$label.md
mkdir -p "$(dirname "$out")"
{
  echo "### $backend, $posts posts, $label ($(date -u +%Y-%m-%d), $(nproc) cores, ${seconds} s per run, 8 clients)"
  echo
  echo "| page | req/s | p50 ms | p99 ms | /healthz req/s | ratio | p99 ms at half load | load avg |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$out"
measure() {
  local name=$1; shift
  # ROUNDS_LOAD_ONLY (a regular expression) measures only the pages it matches.
  if [ -n "${ROUNDS_LOAD_ONLY:-}" ] && ! [[ "$name" =~ $ROUNDS_LOAD_ONLY ]]; then return; fi
  read -r h _ _ _ < <(run -c 8 "$base/healthz")
  read -r rps p50 p99 ok < <(run -c 8 "$@")
  local half="—"
  if [ "${HALF:-0}" = 1 ]; then
    read -r _ _ half _ < <(run -c 8 -q $(( rps / 2 > 0 ? rps / 2 : 1 )) "$@")
  fi
  [ "$ok" = "1.000" ] || name="$name (ok share $ok)"
  local ratio; ratio=$(python3 -c "print(f'{$rps/$h:.3f}')")
  echo "| $name | $rps | $p50 | $p99 | $h | $ratio | $half | $(load) |" | tee -a "$out"
}
HALF=1 measure "front page /" "$base/"
HALF=1 measure "category /c/$category" "$base/c/$category"
measure "front page, deep ($deep_at threads back)" "$deep_url"
# The member's own lists (reading and following): what they follow and have not
# read, and the threads of the last two weeks they have not opened.
measure "unread list /unread" "$base/unread"
measure "new list /new" "$base/new"
measure "thread page 1 ($big_posts posts)" "$base/t/$big"
measure "thread page $last_page (last)" "$base/t/$big?page=$last_page"
HALF=1 measure "search, rotating EN/JA" --rand-regex-url "$rbase/search[?]q=$words"
reply_body="body=Same+here%3A+we+switched+to+ceftriaxone+after+the+culture+came+back.&_csrf=$csrf"
# Replies as a forum gets them: spread over the 64 most recently active threads…
recent=$(sql "SELECT id FROM threads WHERE $public AND locked = 0 ORDER BY last_activity_at DESC, id DESC LIMIT 64" | paste -sd '|')
measure "replies through the form, 64 active threads" -m POST -T application/x-www-form-urlencoded \
  -d "$reply_body" --rand-regex-url "$rbase/t/($recent)/reply"
# …and the worst case: every client replying to the one longest thread.
measure "replies through the form, all to one thread" -m POST -T application/x-www-form-urlencoded \
  -d "$reply_body" "$base/t/$big/reply"
rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
echo | tee -a "$out"
echo "RSS after the run: $rss MB" | tee -a "$out"
echo "(written to $out)" >&2
