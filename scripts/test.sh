#!/usr/bin/env bash
# Installs what is missing, then runs the test layers: every layer by default (what .ci/run calls),
# or the ones named: scripts/test.sh [lint] [native] [wasm] [build] [package] [e2e] [interop] ...
# Fails loudly if a layer fails or runs zero tests. A layer is a function `layer_NAME` below;
# add a new one as its own delimited block: the function and `ALL_LAYERS+=(NAME)`.
set -euo pipefail
cd "$(dirname "$0")/.."
ALL_LAYERS=(lint native wasm build package e2e interop)
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
logdir=target/test-logs; mkdir -p "$logdir"
summary=()
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
fail() { printf '\n\033[31mFAILED: %s\033[0m\n' "$*" >&2; printf '%s\n' "${summary[@]}"; exit 1; }
# Sum "N passed" from cargo / wasm-bindgen-test-runner output.
cargo_passed() { grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'; }

layer_lint() {
  step "lint: rustfmt and clippy (native and wasm32)"
  cargo fmt --all -- --check || fail "cargo fmt: run 'cargo fmt --all'"
  cargo clippy --workspace --all-targets -q -- -D warnings || fail "clippy (native)"
  cargo clippy -p spanmark --target wasm32-unknown-unknown --all-targets -q -- -D warnings || fail "clippy (wasm32)"
  summary+=("lint: rustfmt + clippy clean")
}

layer_native() {
  step "native tests: spanmark-core, spanmark-cli and the web crate's pure code"
  # The web crate's own unit tests (`--lib`) are plain #[test]s; its tests/ are wasm-bindgen tests.
  { cargo test -p spanmark-core -p spanmark-cli && cargo test -p spanmark --lib; } 2>&1 \
    | tee "$logdir/native.log" || fail "native tests"
  local n; n=$(cargo_passed "$logdir/native.log"); [ "$n" -gt 0 ] || fail "native tests ran zero tests"
  summary+=("native: $n tests passed")
}

layer_wasm() {
  step "browser unit tests: wasm-bindgen-test in headless Chromium"
  # Chromium under chromedriver leaves its profile (~80 MB per test binary) in TMPDIR: use one
  # of our own and remove it afterwards.
  local wasm_tmp; wasm_tmp=$(mktemp -d)
  TMPDIR="$wasm_tmp" cargo test -p spanmark --target wasm32-unknown-unknown 2>&1 | tee "$logdir/wasm.log" \
    || { rm -rf "$wasm_tmp"; fail "wasm-bindgen tests"; }
  rm -rf "$wasm_tmp"
  local n; n=$(cargo_passed "$logdir/wasm.log"); [ "$n" -gt 0 ] || fail "wasm-bindgen tests ran zero tests"
  summary+=("wasm-bindgen (Chromium): $n tests passed")
}

layer_build() {
  step "release build: trunk build --release --offline"
  trunk build --release --offline > "$logdir/build.log" 2>&1 || { tail -n 40 "$logdir/build.log"; fail "trunk build"; }
  tail -n 3 "$logdir/build.log"
  summary+=("release build: $(du -cb dist/*.wasm | tail -1 | cut -f1) bytes of wasm")
}

# ---- package (issue 17): spanmark.html and the release zip, from the dist/ just built
layer_package() {
  ls dist/*.wasm >/dev/null 2>&1 || layer_build
  step "package: spanmark.html and the release zip (scripts/package.sh --reuse-dist)"
  scripts/package.sh --reuse-dist > "$logdir/package.log" 2>&1 || { cat "$logdir/package.log"; fail "scripts/package.sh"; }
  summary+=("package: $(grep -o 'target/package/spanmark.html: .*' "$logdir/package.log")")
}
# ---- end package

layer_e2e() {
  # The flows drive dist/ and spanmark.html: build them first when this layer runs on its own.
  ls dist/*.wasm >/dev/null 2>&1 || layer_build
  [ target/package/spanmark.html -nt dist/index.html ] || layer_package
  step "end to end: Playwright in headless Chromium"
  (cd e2e && node --test --test-concurrency=1 tests/*.spec.mjs) 2>&1 | tee "$logdir/e2e.log" || fail "end-to-end tests"
  local n; n=$(grep -Eo '^(# |ℹ )pass [0-9]+' "$logdir/e2e.log" | awk '{print $NF}' | tail -1); [ "${n:-0}" -gt 0 ] || fail "end-to-end tests ran zero tests"
  summary+=("end to end: $n flows passed")
}

layer_interop() {
  step "interop: exports loaded by real spaCy"
  scripts/interop-spacy.sh 2>&1 | tee "$logdir/interop.log" || fail "spaCy interop"
  summary+=("$(grep -E "^interop:" "$logdir/interop.log" | tail -1)")
}

# --- review: `spanmark agree` against scikit-learn, krippendorff and bratiaa (issue 15) ---
ALL_LAYERS+=(review)
layer_review() {
  step "review: agreement numbers identical in scikit-learn, krippendorff and bratiaa"
  scripts/interop-review.sh 2>&1 | tee "$logdir/review.log" || fail "review interop"
  summary+=("$(grep -E "^review interop:" "$logdir/review.log" | tail -1)")
}
# --- end review ---

# --- incidents: the brat export of events and relations read by bratly from PyPI (issue 14) ---
ALL_LAYERS+=(incidents)
layer_incidents() {
  step "incidents: bratly reads every event and relation of the brat export"
  scripts/interop-brat-events.sh 2>&1 | tee "$logdir/incidents.log" || fail "brat events interop"
  summary+=("$(grep -E "^brat events interop:" "$logdir/incidents.log" | tail -1)")
}
# --- end incidents ---

# --- python layer (issue 18): the wheel, the spaCy component and Dask, by pytest in target/python-venv
ALL_LAYERS+=(python)
layer_python() {
  step "python: the spanmark wheel under pytest (spaCy component, Dask, CLI parity)"
  scripts/test-python.sh 2>&1 | tee "$logdir/python-layer.log" || fail "python tests"
  summary+=("$(grep -E "^python: [0-9]+ pytest tests passed" "$logdir/python-layer.log" | tail -1)")
}
# --- end python layer ---

# A layer function left out of ALL_LAYERS would never run in CI: refuse that.
for fn in $(declare -F | awk '$3 ~ /^layer_/ {sub(/^layer_/, "", $3); print $3}'); do
  [[ " ${ALL_LAYERS[*]} " == *" $fn "* ]] || { echo "test.sh: layer_$fn is not listed in ALL_LAYERS" >&2; exit 2; }
done

layers=("$@"); [ ${#layers[@]} -gt 0 ] || layers=("${ALL_LAYERS[@]}")
for name in "${layers[@]}"; do
  declare -F "layer_$name" >/dev/null || { echo "test.sh: no layer '$name' (layers: ${ALL_LAYERS[*]})" >&2; exit 2; }
done
# Lint, native and python need only cargo (and python3); every other layer needs the browser toolchain.
for name in "${layers[@]}"; do
  case "$name" in lint|native|python) ;; *) ./scripts/setup.sh; break ;; esac
done
# Lint of the wasm32 target needs the target installed.
for name in "${layers[@]}"; do
  [ "$name" = lint ] && ! rustup target list --installed | grep -qx wasm32-unknown-unknown \
    && rustup target add wasm32-unknown-unknown
done
for name in "${layers[@]}"; do "layer_$name"; done

printf '\n\033[1m== summary ==\033[0m\n'; printf '%s\n' "${summary[@]}"
[ ${#layers[@]} -eq ${#ALL_LAYERS[@]} ] && echo "all test layers passed" || echo "layers passed: ${layers[*]}"
