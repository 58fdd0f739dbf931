#!/usr/bin/env bash
# The search benchmarks of BENCHMARKS.md ("Search"), end to end:
#   seed N synthetic posts (EN + JA) into a fresh PostgreSQL database, rebuild the
#   search index (build time, size), measure latency in process against
#   PostgreSQL full-text search on the same corpus, then over HTTP with oha
#   (45 queries, EN and JA, picked at random per request) next to a /healthz baseline.
# Usage: tests/scripts/bench-search.sh [N]   (default 100000; needs oha on PATH)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
PG=${ROUNDS_BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB="$PG/rounds_bench"
WORK=${ROUNDS_BENCH_DIR:-/tmp/rounds-bench}
PORT=${ROUNDS_BENCH_PORT:-3199}
BIN=target/release/rounds
command -v oha >/dev/null || { echo "oha is needed: cargo install oha --locked" >&2; exit 1; }
cargo build --release -p server --bins --quiet

export ROUNDS_DATABASE_URL=$DB ROUNDS_DATA_DIR=$WORK ROUNDS_SEARCH_DIR=$WORK/search RUST_LOG=warn
if [ "${REUSE:-0}" != 1 ]; then
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS rounds_bench" -c "CREATE DATABASE rounds_bench"
  rm -rf "$WORK"; mkdir -p "$WORK"
  $BIN migrate
  echo "== seed $N posts"
  /usr/bin/time -f "seed wall %e s, max RSS %M KB" $BIN seed --posts "$N"
fi
echo "== rounds reindex"
/usr/bin/time -f "reindex wall %e s, max RSS %M KB" $BIN reindex
du -sb "$WORK/search" | awk '{printf "index size on disk: %.1f MB\n", $1/1e6}'
psql "$DB" -Atc "select 'posts table + TOAST: ' || round(pg_total_relation_size('posts')/1e6,1) || ' MB'"

echo "== in process: tantivy vs PostgreSQL FTS"
ROUNDS_BENCH_DATABASE_URL=$DB ROUNDS_BENCH_SEARCH_DIR=$WORK/search \
  cargo bench -p server --bench search --quiet 2>/dev/null

echo "== over HTTP"
ROUNDS_LISTEN=127.0.0.1:$PORT ROUNDS_SITE_ROOT=target/site $BIN serve > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
# A verified member to search as (admin created on the command line), signed in with curl.
EMAIL=bench-$(date +%s)@rounds.invalid
PASS=bench-search-passphrase-$RANDOM-$RANDOM
printf '%s\n' "$PASS" | $BIN admin create --email "$EMAIL" --name "Bench $RANDOM" >/dev/null
JAR=$WORK/cookies.txt; rm -f "$JAR"
curl -fs -c "$JAR" "http://127.0.0.1:$PORT/login" >/dev/null
CSRF=$(awk '$6=="rounds_csrf"{print $7}' "$JAR")
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -H "Origin: http://127.0.0.1:$PORT" \
  --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASS" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "next=/" "http://127.0.0.1:$PORT/login"
SESSION=$(awk '$6=="rounds_session"{print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "could not sign in" >&2; exit 1; }
# The 45 queries of server/benches/search.rs, one URL each; oha picks among them.
URLS=$WORK/search-urls.txt
python3 - "$PORT" > "$URLS" <<'PY'
import sys, urllib.parse
terms = ["pneumonia", "aspiration pneumonia", "vancomycin", "delirium", "haloperidol", "insulin",
 "heart failure", "furosemide", "pressure ulcer", "dressing", "falls", "sepsis", '"blood culture"',
 "antibiotics", "dementia", "constipation", "pain", "morphine", "hypoglycemia", "warfarin", "renal",
 "elderly", "infection", "nutrition", "誤嚥性肺炎", "肺炎", "褥瘡", "せん妄", '"せん妄 予防"', "抗菌薬",
 "インスリン", "心不全", "利尿薬", "転倒", "認知症", "便秘", "疼痛", "経管栄養", "血糖", "バンコマイシン",
 "高齢者", "家族", "delirium order:latest", "pneumonia -aspiration", "insulin OR 血糖"]
for t in terms:
    print(f"http://127.0.0.1:{sys.argv[1]}/search?q={urllib.parse.quote_plus(t)}")
PY
run_oha() { oha --no-tui --output-format json "$@" | python3 -c '
import json,sys
d=json.load(sys.stdin); s=d["summary"]; p=d["latencyPercentiles"]; codes=d.get("statusCodeDistribution",{})
print("  requests/s %.0f  p50 %.2f ms  p99 %.2f ms  max %.2f ms  status %s" % (s["requestsPerSec"], p["p50"]*1e3, p["p99"]*1e3, s["slowest"]*1e3, codes))'; }
H="Cookie: rounds_session=$SESSION"
for spec in "moderate: 1 connection at 50 req/s|-c 1 -q 50 -z 20s" "moderate: 4 connections at 200 req/s|-c 4 -q 200 -z 20s" "saturated: 8 connections, no rate limit|-c 8 -z 20s"; do
  label=${spec%%|*}; args=${spec#*|}
  echo "-- $label"
  echo " /healthz (baseline):"; run_oha $args "http://127.0.0.1:$PORT/healthz"
  echo " /search (rotating queries):"; run_oha $args -H "$H" --urls-from-file "$URLS"
done
