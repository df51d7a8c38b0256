#!/usr/bin/env bash
# Installs what is missing, then builds the release app and serves it at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
# Trunk.toml builds with relative URLs (any sub-path); the dev server itself wants an absolute one.
exec trunk serve --release --offline --public-url / --address 127.0.0.1 --port 8080 "$@"
