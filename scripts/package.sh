#!/usr/bin/env bash
# Builds the release artefacts into target/package/: spanmark.html (the single file, works from
# disk) and spanmark-VERSION.zip (the folder build, spanmark.html and SHA256SUMS).
# --reuse-dist packages the dist/ already built (scripts/test.sh) instead of building again.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/package
if [ "${1:-}" != "--reuse-dist" ]; then
  ./scripts/setup.sh
  export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
  trunk build --release --offline
fi
[ -f dist/index.html ] && [ -f dist/sw.js ] || { echo "package: no finished build in dist/ (run trunk build --release --offline)" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || { echo "package: no version in Cargo.toml" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out/stage/spanmark-$version"
node scripts/web/single-file.mjs dist "$out/spanmark.html"
stage="$out/stage/spanmark-$version"
cp -r dist "$stage/spanmark"
cp "$out/spanmark.html" "$stage/spanmark.html"
(cd "$stage" && find spanmark spanmark.html -type f | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
# python3's zipfile: no zip tool needed on a fresh machine
(cd "$out/stage" && python3 -m zipfile -c "../spanmark-$version.zip" "spanmark-$version")
rm -rf "$out/stage"
ls -l "$out"
