#!/usr/bin/env bash
# A copy of a release dist/ whose wasm keeps its function names, for readable CPU profiles
# (docs/latency.md "Profiling"). Usage: e2e/perf/named-dist.sh [DIST] [OUT], after
# `trunk build --release --offline`; then SPANMARK_DIST=OUT node e2e/perf/review.mjs --profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=${1:-dist}
out=${2:-target/dist-named}
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/spanmark-web.wasm"
export PATH="$PWD/e2e/node_modules/.bin:$PATH"
rm -rf "$out" && cp -r "$dist" "$out"
tmp=$(mktemp -d)
wasm-bindgen --target web --keep-debug --no-typescript --out-name spanmark-web --out-dir "$tmp" "$wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$tmp/spanmark-web_bg.wasm" -o "$tmp/named.wasm"
target=$(ls "$out"/*_bg.wasm)
cp "$tmp/named.wasm" "$target"
rm -rf "$tmp"
# the hashes no longer match: no SRI for the wasm, and no CSP (it pins the hashes too)
sed -i -e "s/const WASM_INTEGRITY = '[^']*';/const WASM_INTEGRITY = '';/" \
  -e '/http-equiv="Content-Security-Policy"/d' "$out/index.html"
echo "$out: $(basename "$target") with names ($(stat -c %s "$target") bytes)"
