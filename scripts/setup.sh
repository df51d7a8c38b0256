#!/usr/bin/env bash
# Installs whatever Spanmark's build and tests need and is missing; fast when all is there.
# Sources: rustup, crates.io, npm, Debian only (see README "Toolchain"). Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"

# 1. wasm32 target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Chromium + ChromeDriver (Debian), for wasm-bindgen tests and Playwright
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3. npm dependencies: playwright-core, binaryen@132 (wasm-opt), compromise (perf reference)
if ! [ -x e2e/node_modules/.bin/wasm-opt ] || ! [ -d e2e/node_modules/playwright-core ] \
   || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  say "installing npm dependencies in e2e/"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
if ! e2e/node_modules/.bin/wasm-opt --version | grep -q 'version 132'; then
  echo "setup: e2e/node_modules/.bin/wasm-opt is not binaryen 132" >&2; exit 1
fi

# 4. trunk, exact version
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 5. wasm-bindgen-cli matching Cargo.lock (no --locked: its lockfile pins a crate the registry lacks)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$" \
   || ! wasm-bindgen-test-runner --version >/dev/null 2>&1; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

say "ready: trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, $(e2e/node_modules/.bin/wasm-opt --version | cut -d' ' -f1-3), $(/usr/bin/chromium --version 2>/dev/null)"
