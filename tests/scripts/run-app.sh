#!/usr/bin/env bash
# `make run`: installs what is missing, builds Rounds in release mode, migrates and
# serves on http://127.0.0.1:3000 with SQLite under ./data/. Needs only the Rust
# toolchain and the package registries (crates.io; npm for the optional wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "wasm target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# wasm-opt shrinks the bundle by half; npm's binaryen ships a working one (Debian's
# old binaryen breaks hydration, so it is never used). Optional: skipped without npm.
if [ ! -x node_modules/.bin/wasm-opt ] && command -v npm >/dev/null 2>&1; then
  step "wasm-opt from npm (binaryen@132)"
  npm install --no-save --no-audit --no-fund --prefix . binaryen@132.0.0 >/dev/null 2>&1 \
    || echo "   (binaryen not installed; the bundle stays unoptimised)"
fi

step "browser bundle (release)"
cargo run --quiet -p bundle -- --release

step "server (release)"
cargo build --release -p server

step "migrate"
mkdir -p data
./target/release/rounds migrate

step "demo content (only into an empty forum)"
# A newcomer sees a living forum; an instance that already has threads is left alone.
# Set ROUNDS_NO_DEMO=1 to start with an empty forum.
if [ -z "${ROUNDS_NO_DEMO:-}" ]; then
  ./target/release/rounds seed --demo
fi

step "serve (ready after $(( $(date +%s) - started ))s of set-up)"
exec ./target/release/rounds serve
