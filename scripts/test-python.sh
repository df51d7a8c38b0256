#!/usr/bin/env bash
# The Python layer: builds the wheel (scripts/wheel.sh), installs it into a venv under target/
# with spaCy, pytest and Dask from PyPI (installed once, reused while the pins match), and runs
# crates/spanmark-py/tests with pytest. Fails on a failing test and on zero tests.
# SPANMARK_SPARK=1 also runs the Spark test (installs pyspark and, as root, Debian's JRE).
set -euo pipefail
cd "$(dirname "$0")/.."

# one line of pins: the venv is rebuilt only when it changes
PINS="spacy==3.8.18 pytest==9.2.0 dask[bag]==2026.8.0 distributed==2026.8.0"
venv=target/python-venv
py="$venv/bin/python"
die() { printf '\033[31mpython FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if [ "$(cat "$venv/.pins" 2>/dev/null)" != "$PINS" ]; then
  echo "python: installing $PINS into $venv (from PyPI)"
  rm -rf "$venv"
  python3 -m venv "$venv" || die "cannot create a Python venv: install python3-venv"
  # shellcheck disable=SC2086
  "$py" -m pip install --quiet --disable-pip-version-check $PINS || die "pip install $PINS"
  echo "$PINS" > "$venv/.pins"
fi
if [ "${SPANMARK_SPARK:-0}" = 1 ]; then
  scripts/spark-setup.sh "$py" || die "Spark setup"
fi

scripts/wheel.sh >/dev/null || die "building the wheel"
wheel=$(ls target/wheels/spanmark-*.whl)
"$py" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel" \
  || die "pip install $wheel"

# the CLI the tests compare against (same sources, debug build shared with the native layer)
cargo build -q -p spanmark-cli || die "cargo build -p spanmark-cli"
export SPANMARK_CLI="${CARGO_TARGET_DIR:-$PWD/target}/debug/spanmark"
log=target/test-logs/python.log; mkdir -p target/test-logs
set +e
(cd crates/spanmark-py && "../../$py" -m pytest -q -p no:cacheprovider tests "$@") 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 5 ] && die "pytest collected zero tests"
[ "$rc" = 0 ] || die "pytest failed (exit $rc)"
passed=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | cut -d' ' -f1)
[ "${passed:-0}" -gt 0 ] || die "pytest passed zero tests"
echo "python: $passed pytest tests passed ($(basename "$wheel"))"
