#!/usr/bin/env bash
# The fault script of Rounds: real `rounds serve` processes, real writers over HTTP,
# real faults. Each scenario starts from a fresh data directory (or a fresh
# PostgreSQL database), runs `rounds migrate`, creates an admin, serves, signs in,
# writes posts with N concurrent writers (new threads and replies, each body with a
# unique token such as zqbkdmxrtvpw) while one member searches for the latest post,
# injects its fault, recovers, and then checks:
#
#   acknowledged  the POST answered 303 to /t/{thread}…#post-{post} (or /p/{post})
#   lost          acknowledged, but its text is not in the database under that id
#   duplicated    one post id handed out to two acknowledged posts, or one text
#                 stored in two posts
#   unsearchable  a published post in the database that a search for its token
#                 does not find on a node (after waiting up to 30 s for the index)
#   5xx           5xx answers to posts and searches, except 503 "cannot save right
#                 now" to posts in flight while the disk was full (the designed
#                 answer there: they get their own column). Any 500 is a defect and
#                 is named.
#   also seen     posts rolled back by a restore (acknowledged after the backup was
#                 taken: expected gone, not lost), wrong search hits (a search
#                 finding a post that is not the one holding the token, or finding
#                 anything for a token no longer in the database), posts that got
#                 no answer (in flight at a kill -9, or sent on a connection it
#                 closed: their outcome is unknown; the row says how many of them
#                 were stored), held posts, 503s to posts sent just after space
#                 returned, searches during the fault that answered 5xx or took 5 s
#                 or more, a broken audit chain (`rounds audit verify`), panics in
#                 the server log.
#
# Scenarios (--only takes a comma-separated list of these names):
#   kill9-sqlite     kill -9 the server under N writers, restart it, writers going
#                    on all along; --kills times (default 3) (SQLite)
#   kill9-postgres   the same on PostgreSQL
#   full-data        SQLite's data directory on a 12 MB tmpfs fills up while writers
#                    post; then the tmpfs grows (remount); the server recovers alone
#   full-index       the search index directory (ROUNDS_SEARCH_DIR) on a 12 MB tmpfs
#                    fills up; space returns; checked without a restart, then after one
#   restore-sqlite   SQLite restored from a backup (VACUUM INTO) taken mid-writes,
#                    the search index kept; writes go on after the restore
#   restore-postgres the same on PostgreSQL (pg_dump; the database dropped, created
#                    again and loaded from the dump)
#   corrupt-segment  the server stopped, the largest index file truncated to half
#   corrupt-meta     the server stopped, garbage written into the index's meta.json
#   two-nodes        two `rounds serve` on one PostgreSQL database (own index each,
#                    one audit key), writers split across both; both nodes searched
#   restore-two-nodes  the two nodes, the database restored from a pg_dump taken
#                    mid-writes while both were stopped; node A comes back first and
#                    writes past where node B's index had got to (post ids handed
#                    out again); then node B comes back with its kept index
#
#   sudo bench/faults/run.sh [--bin PATH] [--only NAMES] [--writers N] [--posts N]
#                            [--kills K] [--work DIR] [--port P] [--out FILE]
#
# Needs root (it mounts tmpfs), python3, curl, sqlite3 (installed with apt-get when
# missing) and, for the PostgreSQL scenarios, psql, pg_dump and a server at
# ROUNDS_FAULTS_PG (default postgres://postgres@127.0.0.1:5432/postgres) that lets
# this user create databases; they are named rounds_faults_* and dropped at the end.
# Without --bin it builds target/release/rounds. --posts is the number of posts
# acknowledged before each fault (default 1000); about a quarter more are written
# after recovery. Ports from --port on (default 3300; 10 a scenario, busy ones
# skipped). Prints the table (and writes it to --out, default WORK/results.md);
# exits 1 if anything was lost, duplicated or unsearchable, or a search found a
# wrong post, or a scenario failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/bench/faults

bin="" only="" writers=8 posts=1000 kills=3 work=${ROUNDS_FAULTS_DIR:-/tmp/faults/work} port0=3300 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --posts) posts=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --port) port0=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "run as root: the disk-full scenarios mount a tmpfs" >&2; exit 2; }
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "installing sqlite3…" >&2
  apt-get install -y sqlite3 >&2 || { apt-get update >&2 && apt-get install -y sqlite3 >&2; }
fi
if [ -z "$bin" ]; then
  cargo build --release -p server --bins >&2
  bin=$ROOT/target/release/rounds
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$work"
work=$(cd "$work" && pwd)
out=${out:-$work/results.md}
results=$work/results.jsonl
rm -f "$results"

PG_ADMIN=${ROUNDS_FAULTS_PG:-postgres://postgres@127.0.0.1:5432/postgres}
EMAIL=faults@rounds.invalid
PASSWORD=fault-script-password-1
export RUST_LOG=${RUST_LOG:-warn} PGOPTIONS='-c client_min_messages=warning'
W=(python3 "$HERE/writers.py")

log() { echo "[$(date +%T)] $*" >&2; }
now() { date +%s.%N; }

# ---------------------------------------------------------------------------
# Helpers used inside a scenario (each scenario runs in its own subshell, whose
# EXIT trap stops its servers and writers, unmounts its tmpfs and drops its
# database).

declare -A SRV       # label -> pid of a running `rounds serve`
MOUNTS=() DBS=() WPID=""

scenario_cleanup() {
  local pid
  [ -n "$WPID" ] && { touch "$S/stop"; kill "$WPID" 2>/dev/null || true; wait "$WPID" 2>/dev/null || true; }
  for pid in "${SRV[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  for db in "${DBS[@]}"; do
    psql "$PG_ADMIN" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
}

# fresh NAME sqlite|postgres: a new scenario directory $S, and ROUNDS_DATABASE_URL.
fresh() {
  S=$work/$1
  local m  # a tmpfs left behind by an interrupted run
  for m in $(findmnt -rn -o TARGET | grep -F "$S/" || true); do umount -l "$m"; done
  rm -rf "$S"
  mkdir -p "$S/data"
  export ROUNDS_DATA_DIR=$S/data
  unset ROUNDS_SEARCH_DIR ROUNDS_AUDIT_KEY_FILE
  if [ "$2" = postgres ]; then
    local db=rounds_faults_${1//-/_}
    psql "$PG_ADMIN" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    psql "$PG_ADMIN" -qXc "CREATE DATABASE $db" >/dev/null
    DBS+=("$db")
    DB_NAME=$db
    export ROUNDS_DATABASE_URL=${PG_ADMIN%/*}/$db
  else
    export ROUNDS_DATABASE_URL=sqlite://$S/data/rounds.db
  fi
}

# small_disk DIR: a 12 MB tmpfs at DIR.
small_disk() {
  mkdir -p "$1"
  mount -t tmpfs -o size=12m,mode=0777 tmpfs "$1"
  MOUNTS+=("$1")
}

# fill DIR: writes a file until the disk is full.
fill() { cat /dev/zero > "$1/filler" 2>/dev/null || true; }

setup() {
  "$bin" migrate > "$S/setup.log" 2>&1
  printf '%s\n' "$PASSWORD" | "$bin" admin create --email "$EMAIL" --name fault_runner >> "$S/setup.log" 2>&1
}

# port N: the first port from N on that nobody listens on.
port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# serve LABEL PORT: starts `rounds serve` with the current environment and waits
# until it answers /healthz; fails if the server exits first.
serve() {
  ROUNDS_LISTEN=127.0.0.1:$2 "$bin" serve >> "$S/serve-$1.log" 2>&1 &
  SRV[$1]=$!
  wait_ready "http://127.0.0.1:$2" "${SRV[$1]}"
}

# wait_ready BASE [PID]: waits up to 120 s for /healthz to answer 200.
wait_ready() {
  local i
  for i in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/healthz")" = 200 ] && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then
      echo "the server at $1 exited: $(tail -1 "$S"/serve-*.log | sed 's/\x1b\[[0-9;]*m//g')" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "no /healthz 200 from $1 within 120 s" >&2
  return 1
}

# halt LABEL [SIGNAL]: stops a server (SIGTERM: it finishes in-flight requests).
halt() {
  local pid=${SRV[$1]}
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "SRV[$1]"
}

signin() { "${W[@]}" login --base "$1" --email "$EMAIL" --password "$PASSWORD" --out "$S/cookie"; }

# writers BASES PHASE: starts the writers in the background.
writers() {
  rm -f "$S/stop"
  "${W[@]}" write --bases "$1" --cookie "$S/cookie" --writers "$writers" \
    --log "$S/writes.jsonl" --stop "$S/stop" --phase "$2" &
  WPID=$!
}

stop_writers() { touch "$S/stop"; wait "$WPID" || true; WPID=""; }

acks() { "${W[@]}" count --log "$S/writes.jsonl" ${1:+--phase "$1"}; }

# until_acks N [PHASE] [SECONDS]: waits until N posts (of PHASE) are acknowledged.
until_acks() {
  local n=$1 phase=${2:-} limit=${3:-300} start=$SECONDS
  while [ "$(acks "$phase")" -lt "$n" ]; do
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      log "only $(acks "$phase") of $n posts acknowledged in ${limit} s"
      return 0
    fi
    sleep 0.5
  done
}

# check NAME BASES [writers.py check options…]: appends the scenario's result
# (with $NOTE, if set, among its notes).
NOTE=""
check() {
  local name=$1 bases=$2; shift 2
  local notes=() verdict
  [ -n "$NOTE" ] && notes+=("$NOTE")
  if ! verdict=$("$bin" audit verify 2>&1); then notes+=("audit: ${verdict//$'\n'/ }"); fi
  if grep -qh 'panicked at' "$S"/serve-*.log 2>/dev/null; then
    notes+=("**panic in the server log**: $(grep -h -m1 'panicked at' "$S"/serve-*.log | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-160)")
  fi
  # This machine's PostgreSQL may run without autovacuum: analyse as it would have,
  # or the search's post lookup is planned without statistics (seconds a query).
  case "$ROUNDS_DATABASE_URL" in postgres*) psql "$ROUNDS_DATABASE_URL" -qXc ANALYZE ;; esac
  local IFS=';'
  "${W[@]}" check --bases "$bases" --email "$EMAIL" --password "$PASSWORD" \
    --log "$S/writes.jsonl" --db "$ROUNDS_DATABASE_URL" --name "$name" \
    --results "$results" --notes "${notes[*]:-}" "$@" >> "$S/check.log"
  tail -1 "$results" | python3 -c 'import json,sys; r=json.load(sys.stdin); d=r.pop("detail"); print("  ", r); [print("   ", k, v) for k, v in d.items() if v]' >&2
}

# ---------------------------------------------------------------------------
# Scenarios

# kill -9 the server while writers post; restart it; writers go on (--kills times).
kill9() {
  local backend=$1 port; port=$(port "$2"); local base=http://127.0.0.1:$port
  fresh "kill9-$backend" "$backend"
  setup
  serve a "$port"
  signin "$base"
  writers "$base" main
  until_acks "$posts"
  local k
  for k in $(seq 1 "$kills"); do
    log "kill -9 at $(acks) acknowledged posts"
    halt a KILL
    sleep 1
    serve a "$port"
    until_acks $(( $(acks) + posts / 4 ))
  done
  stop_writers
  local name="kill -9 ×$kills under $writers writers, SQLite"
  [ "$backend" = postgres ] && name="kill -9 ×$kills under $writers writers, PostgreSQL"
  check "$name" "$base"
}

# SQLite's data directory (database, audit key, index) on a small tmpfs that fills.
full_data() {
  local port; port=$(port "$1"); local base=http://127.0.0.1:$port
  fresh full-data sqlite
  small_disk "$S/data"
  setup
  serve a "$port"
  signin "$base"
  writers "$base" main
  until_acks $(( posts / 2 ))
  local from; from=$(now)
  fill "$S/data"
  log "data disk full at $(acks) acknowledged posts: $(df -h --output=avail "$S/data" | tail -1)"
  local start=$SECONDS
  while [ "$("${W[@]}" count --log "$S/writes.jsonl" --status 503)" -lt 20 ] && [ $((SECONDS - start)) -lt 60 ]; do
    sleep 0.5
  done
  local refused; refused=$("${W[@]}" count --log "$S/writes.jsonl" --status 503)
  [ "$refused" -gt 0 ] || log "no post was refused in 60 s of a full disk"
  sleep 2
  local health; health=$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")
  NOTE="/healthz answered $health while full"
  log "$refused refused; /healthz says $health; the tmpfs grows to 256 MB"
  mount -o remount,size=256m "$S/data"
  local to; to=$(now)
  echo "$from $to" > "$S/fault-window"
  wait_ready "$base"
  until_acks $(( $(acks) + posts / 4 ))
  stop_writers
  check "disk full: SQLite data dir on 12 MB tmpfs, no restart" "$base" \
    --fault-from "$from" --fault-to "$to"
}

# The search index directory on a small tmpfs that fills; the database is fine.
full_index() {
  local port; port=$(port "$1"); local base=http://127.0.0.1:$port
  fresh full-index sqlite
  small_disk "$S/index-disk"
  setup
  # An operator mounts a volume at the index directory itself: try that first.
  export ROUNDS_SEARCH_DIR=$S/index-disk
  if ! serve a "$port" 2> "$S/mountpoint.err"; then
    NOTE="**serve exits when ROUNDS_SEARCH_DIR is itself a mount point** ($(grep -o 'Device or resource busy[^:]*' "$S/serve-a.log" | head -1)); measured with the index one directory below the mount"
    log "serve refused the mount point as its index directory; using a directory below it"
    export ROUNDS_SEARCH_DIR=$S/index-disk/search
    serve a "$port"
  fi
  signin "$base"
  writers "$base" main
  until_acks $(( posts / 2 ))
  local from; from=$(now)
  fill "$S/index-disk"
  log "index disk full at $(acks) acknowledged posts"
  until_acks $(( $(acks) + posts / 2 )) "" 60
  sleep 2
  log "the tmpfs grows to 256 MB at $(acks) acknowledged posts"
  mount -o remount,size=256m "$S/index-disk"
  local to; to=$(now)
  echo "$from $to" > "$S/fault-window"
  until_acks $(( $(acks) + posts / 4 ))
  stop_writers
  check "disk full: index dir on 12 MB tmpfs, no restart" "$base" --fault-from "$from" --fault-to "$to"
  halt a
  serve a "$port"
  check "disk full: index dir, after a restart" "$base" --fault-from "$from" --fault-to "$to"
}

# The database restored from a backup taken mid-writes (SQLite: VACUUM INTO, the
# file copied back; PostgreSQL: pg_dump, the database dropped and loaded from the
# dump); the search index is kept. Writes go on after the restore.
restore() {
  local backend=$1 port; port=$(port "$2"); local base=http://127.0.0.1:$port
  fresh "restore-$backend" "$backend"
  setup
  serve a "$port"
  signin "$base"
  writers "$base" main
  until_acks $(( posts / 2 ))
  local at; at=$(now)
  if [ "$backend" = postgres ]; then
    pg_dump --no-owner -d "$ROUNDS_DATABASE_URL" -f "$S/backup.sql"
  else
    sqlite3 -cmd '.timeout 10000' "$S/data/rounds.db" "VACUUM INTO '$S/backup.db'"
  fi
  log "backup taken at $(acks) acknowledged posts"
  until_acks "$posts"
  stop_writers
  halt a
  log "restoring the backup over $(acks) acknowledged posts; the index is kept"
  if [ "$backend" = postgres ]; then
    psql "$PG_ADMIN" -qXc "DROP DATABASE $DB_NAME WITH (FORCE)"
    psql "$PG_ADMIN" -qXc "CREATE DATABASE $DB_NAME"
    psql -qX -v ON_ERROR_STOP=1 -d "$ROUNDS_DATABASE_URL" -f "$S/backup.sql" > /dev/null
  else
    rm -f "$S/data/rounds.db-wal" "$S/data/rounds.db-shm"
    cp "$S/backup.db" "$S/data/rounds.db"
  fi
  serve a "$port"
  signin "$base"
  writers "$base" after-restore
  until_acks $(( posts / 4 )) after-restore
  stop_writers
  local name="database restored from a backup, index kept (SQLite)"
  [ "$backend" = postgres ] && name="database restored from a backup, index kept (PostgreSQL)"
  check "$name" "$base" --restore-at "$at"
}

# The server stopped, an index file damaged, the server started again.
corrupt() {
  local what=$1 port; port=$(port "$2"); local base=http://127.0.0.1:$port
  fresh "corrupt-$what" sqlite
  setup
  serve a "$port"
  signin "$base"
  writers "$base" main
  until_acks "$posts"
  stop_writers
  halt a
  local dir=$S/data/search name
  if [ "$what" = segment ]; then
    local file; file=$(find "$dir" -maxdepth 1 -type f ! -name 'meta.json' ! -name '.*' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
    log "truncating $(basename "$file") ($(stat -c %s "$file") bytes) to half"
    truncate -s $(( $(stat -c %s "$file") / 2 )) "$file"
    name="index corrupted: largest segment file truncated"
  else
    log "writing garbage into meta.json"
    head -c 300 /dev/urandom > "$dir/meta.json"
    name="index corrupted: garbage in meta.json"
  fi
  serve a "$port"
  check "$name" "$base"
}

# Two nodes on one PostgreSQL database, writers split across them.
two_nodes() {
  local pa pb; pa=$(port "$1"); pb=$(port $((pa + 1)))
  fresh two-nodes postgres
  export ROUNDS_AUDIT_KEY_FILE=$S/audit.key
  ROUNDS_DATA_DIR=$S/a setup
  ROUNDS_DATA_DIR=$S/a ROUNDS_SEARCH_DIR=$S/a/search serve a "$pa"
  ROUNDS_DATA_DIR=$S/b ROUNDS_SEARCH_DIR=$S/b/search serve b "$pb"
  local bases=http://127.0.0.1:$pa,http://127.0.0.1:$pb
  signin "http://127.0.0.1:$pa"
  writers "$bases" main
  until_acks "$posts"
  stop_writers
  check "two nodes on one PostgreSQL, writers on both" "$bases"
}

# Two nodes on PostgreSQL; the database restored from a backup while both are
# stopped; node A comes back first and takes writes until the database's change
# log is past where node B's kept index had got to (post ids handed out again, to
# other posts); then node B comes back with its kept index.
restore_two_nodes() {
  local pa pb; pa=$(port "$1"); pb=$(port $((pa + 1)))
  local a=http://127.0.0.1:$pa b=http://127.0.0.1:$pb
  fresh restore-two-nodes postgres
  export ROUNDS_AUDIT_KEY_FILE=$S/audit.key
  ROUNDS_DATA_DIR=$S/a setup
  ROUNDS_DATA_DIR=$S/a ROUNDS_SEARCH_DIR=$S/a/search serve a "$pa"
  ROUNDS_DATA_DIR=$S/b ROUNDS_SEARCH_DIR=$S/b/search serve b "$pb"
  signin "$a"
  writers "$a,$b" main
  until_acks $(( posts / 2 ))
  local at; at=$(now)
  local before; before=$(acks)
  pg_dump --no-owner -d "$ROUNDS_DATABASE_URL" -f "$S/backup.sql"
  log "backup taken at $before acknowledged posts"
  until_acks "$posts"
  stop_writers
  halt a
  halt b
  local gone=$(( $(acks) - before ))
  log "restoring the backup over $(acks) acknowledged posts; both indexes kept"
  psql "$PG_ADMIN" -qXc "DROP DATABASE $DB_NAME WITH (FORCE)"
  psql "$PG_ADMIN" -qXc "CREATE DATABASE $DB_NAME"
  psql -qX -v ON_ERROR_STOP=1 -d "$ROUNDS_DATABASE_URL" -f "$S/backup.sql" > /dev/null
  ROUNDS_DATA_DIR=$S/a ROUNDS_SEARCH_DIR=$S/a/search serve a "$pa"
  signin "$a"
  writers "$a" after-restore
  until_acks $(( gone + posts / 4 )) after-restore
  log "node B back with its kept index after $(acks after-restore) posts on node A"
  ROUNDS_DATA_DIR=$S/b ROUNDS_SEARCH_DIR=$S/b/search serve b "$pb"
  stop_writers
  writers "$a,$b" after-b
  until_acks $(( posts / 4 )) after-b
  stop_writers
  check "restored from a backup, two nodes on PostgreSQL, node B's index kept while A went on" \
    "$a,$b" --restore-at "$at"
}

# ---------------------------------------------------------------------------

ALL=(kill9-sqlite kill9-postgres full-data full-index restore-sqlite restore-postgres
     corrupt-segment corrupt-meta two-nodes restore-two-nodes)
run_one() {
  case "$1" in
    kill9-sqlite) kill9 sqlite "$2" ;;
    kill9-postgres) kill9 postgres "$2" ;;
    full-data) full_data "$2" ;;
    full-index) full_index "$2" ;;
    restore-sqlite) restore sqlite "$2" ;;
    restore-postgres) restore postgres "$2" ;;
    corrupt-segment) corrupt segment "$2" ;;
    corrupt-meta) corrupt meta "$2" ;;
    two-nodes) two_nodes "$2" ;;
    restore-two-nodes) restore_two_nodes "$2" ;;
    *) echo "unknown scenario $1 (one of: ${ALL[*]})" >&2; return 2 ;;
  esac
}

selected=("${ALL[@]}")
[ -n "$only" ] && IFS=, read -r -a selected <<< "$only"
failed=()
i=0
for name in "${selected[@]}"; do
  log "== $name"
  set +e
  (
    set -euo pipefail
    trap scenario_cleanup EXIT
    run_one "$name" $(( port0 + 10 * i ))
  )
  rc=$?
  set -e
  [ $rc = 0 ] || { log "scenario $name failed (exit $rc); see $work/$name"; failed+=("$name"); }
  i=$(( i + 1 ))
done

{
  echo "### Fault script at $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; binary $bin (built $(date -u -r "$bin" '+%Y-%m-%d %H:%M UTC')); $writers writers, $posts posts before each fault, $kills kills"
  echo
  [ -f "$results" ] && "${W[@]}" table --results "$results"
  for f in "${failed[@]}"; do echo "| $f | scenario failed to run: see $work/$f | | | | | | |"; done
} | tee "$out"
echo "(table written to $out; logs, writes and checks under $work)" >&2

bad=$(python3 - "$results" <<'PY'
import json, sys, os
n = 0
if os.path.exists(sys.argv[1]):
    for line in open(sys.argv[1]):
        r = json.loads(line)
        n += r["lost"] + r["duplicated"] + r["unsearchable"] + r["wrong_hits"]
print(n)
PY
)
[ "$bad" = 0 ] && [ ${#failed[@]} = 0 ]
