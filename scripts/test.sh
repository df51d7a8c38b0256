#!/usr/bin/env bash
# Installs what is missing, then runs every test layer: lint, native (core + CLI),
# wasm-bindgen tests in headless Chromium, the release build, Playwright end-to-end
# flows, and the spaCy interop check. Fails loudly if a layer fails or runs zero tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
logdir=target/test-logs; mkdir -p "$logdir"
summary=()
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
fail() { printf '\n\033[31mFAILED: %s\033[0m\n' "$*" >&2; printf '%s\n' "${summary[@]}"; exit 1; }
# Sum "N passed" from cargo / wasm-bindgen-test-runner output.
cargo_passed() { grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'; }

step "lint: rustfmt and clippy (native and wasm32)"
cargo fmt --all -- --check || fail "cargo fmt: run 'cargo fmt --all'"
cargo clippy --workspace --all-targets -q -- -D warnings || fail "clippy (native)"
cargo clippy -p spanmark --target wasm32-unknown-unknown --all-targets -q -- -D warnings || fail "clippy (wasm32)"
summary+=("lint: rustfmt + clippy clean")

step "native tests: spanmark-core and spanmark-cli"
cargo test -p spanmark-core -p spanmark-cli 2>&1 | tee "$logdir/native.log" || fail "native tests"
n=$(cargo_passed "$logdir/native.log"); [ "$n" -gt 0 ] || fail "native tests ran zero tests"
summary+=("native: $n tests passed")

step "browser unit tests: wasm-bindgen-test in headless Chromium"
# Chromium under chromedriver leaves its profile (~80 MB per test binary) in TMPDIR: use one
# of our own and remove it afterwards.
wasm_tmp=$(mktemp -d)
TMPDIR="$wasm_tmp" cargo test -p spanmark --target wasm32-unknown-unknown 2>&1 | tee "$logdir/wasm.log" || { rm -rf "$wasm_tmp"; fail "wasm-bindgen tests"; }
rm -rf "$wasm_tmp"
n=$(cargo_passed "$logdir/wasm.log"); [ "$n" -gt 0 ] || fail "wasm-bindgen tests ran zero tests"
summary+=("wasm-bindgen (Chromium): $n tests passed")

step "release build: trunk build --release --offline"
trunk build --release --offline > "$logdir/build.log" 2>&1 || { tail -n 40 "$logdir/build.log"; fail "trunk build"; }
tail -n 3 "$logdir/build.log"
summary+=("release build: $(du -cb dist/*.wasm | tail -1 | cut -f1) bytes of wasm")

step "end to end: Playwright in headless Chromium"
(cd e2e && node --test --test-concurrency=1 tests/*.spec.mjs) 2>&1 | tee "$logdir/e2e.log" || fail "end-to-end tests"
n=$(grep -Eo '^(# |ℹ )pass [0-9]+' "$logdir/e2e.log" | awk '{print $NF}' | tail -1); [ "${n:-0}" -gt 0 ] || fail "end-to-end tests ran zero tests"
summary+=("end to end: $n flows passed")

if [ -x scripts/interop-spacy.sh ]; then
  step "interop: exports loaded by real spaCy"
  scripts/interop-spacy.sh 2>&1 | tee "$logdir/interop.log" || fail "spaCy interop"
  summary+=("$(grep -E "^interop:" "$logdir/interop.log" | tail -1)")
fi

printf '\n\033[1m== summary ==\033[0m\n'; printf '%s\n' "${summary[@]}"
echo "all test layers passed"
