#!/usr/bin/env bash
# `make test`: every test of Rounds. Installs what the tests need when missing
# (the wasm target, Chromium from Debian's packages, the browser test driver) and
# fails loudly — never skips — when PostgreSQL or Chromium is unavailable.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export ROUNDS_TEST_DATABASE_URL=${ROUNDS_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
step() { printf '\n== %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Incremental caches double the size of target/ and buy nothing in a one-off run.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

step "prerequisites"
df -h . | tail -n1 | awk '{print "disk free where the build runs: " $4}'
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! command -v cargo-nextest >/dev/null 2>&1; then
  cargo install cargo-nextest --locked || die "cargo-nextest could not be installed"
fi
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  as_root apt-get update -qq || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null \
    || die "Chromium could not be installed from Debian's packages (apt-get install chromium)"
fi
/usr/bin/chromium --version >/dev/null 2>&1 || die "Chromium is not runnable at /usr/bin/chromium"
command -v python3 >/dev/null || die "python3 is needed for the PHI corpus scorer"
# The e-mail tests send through a real SMTP server: aiosmtpd (PyPI), started and
# stopped by the tests themselves (tests/scripts/smtp_sink.py).
if ! python3 -c "import aiosmtpd" 2>/dev/null; then
  python3 -m pip install --quiet aiosmtpd 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages aiosmtpd \
    || die "aiosmtpd could not be installed from PyPI (python3 -m pip install aiosmtpd)"
fi

step "PostgreSQL at ${ROUNDS_TEST_DATABASE_URL%%\?*}"
pg_ok() { psql "$ROUNDS_TEST_DATABASE_URL" -Atqc 'select 1' >/dev/null 2>&1; }
if ! pg_ok && command -v pg_ctlcluster >/dev/null 2>&1; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  sleep 2
fi
pg_ok || die "PostgreSQL is not reachable at $ROUNDS_TEST_DATABASE_URL"

step "the dependency tree: no import circles, no upward imports"
python3 tests/scripts/deps.py >/dev/null || { python3 tests/scripts/deps.py; die "the dependency tree has a circle or an upward import"; }

step "build: server, tests, browser bundle"
# Always the same package set, so cargo unifies features once and builds once.
packages=(-p phi -p domain -p store -p search -p ops -p mail -p app -p server -p tests)
cargo build "${packages[@]}" --lib --bins --tests --examples
cargo run --quiet -p bundle

step "unit tests and integration suite on SQLite"
ROUNDS_TEST_BACKEND=sqlite cargo nextest run "${packages[@]}" --no-fail-fast

step "integration suite on PostgreSQL"
ROUNDS_TEST_BACKEND=postgres cargo nextest run "${packages[@]}" --no-fail-fast -E 'package(tests)'
# Each test made its own database; drop them.
psql "$ROUNDS_TEST_DATABASE_URL" -Atqc "select datname from pg_database where datname like 'rounds_test_%'" \
  | while read -r db; do psql "$ROUNDS_TEST_DATABASE_URL" -qc "drop database if exists \"$db\"" >/dev/null || true; done

step "browser tests in headless Chromium"
cd "$root/tests/browser"
npm install --no-audit --no-fund >/dev/null
ROUNDS_BIN="$root/target/debug/rounds" ROUNDS_SITE_ROOT="$root/target/site" npm test
