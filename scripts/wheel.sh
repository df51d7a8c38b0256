#!/usr/bin/env bash
# Builds the Python wheel `spanmark` (abi3, CPython >= 3.9) from crates/spanmark-py into
# target/wheels/, with maturin from PyPI in a venv under target/ (installed once, reused).
# Cargo's target/ is shared with every other build, so only the changed crates recompile.
set -euo pipefail
cd "$(dirname "$0")/.."

MATURIN_VERSION=1.16.0
venv=target/maturin-venv
die() { printf '\033[31mwheel FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if ! "$venv/bin/maturin" --version 2>/dev/null | grep -qx "maturin $MATURIN_VERSION"; then
  echo "wheel: installing maturin $MATURIN_VERSION into $venv (from PyPI)"
  python3 -m venv "$venv" || die "cannot create a Python venv: install python3-venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION" \
    || die "pip install maturin==$MATURIN_VERSION"
fi

rm -f target/wheels/spanmark-*.whl
# --profile wheel: optimised, and panics unwind into Python exceptions (see Cargo.toml).
"$venv/bin/maturin" build --quiet -m crates/spanmark-py/Cargo.toml --profile wheel \
  --interpreter python3 --out target/wheels "$@" || die "maturin build"
ls target/wheels/spanmark-*.whl
