#!/usr/bin/env bash
# What the Spark test needs, installed only when missing: pyspark, pandas and pyarrow (pinned,
# from PyPI) into the given venv's Python, and a Java runtime (Debian's default-jre-headless,
# by apt as root) when `java` is not on PATH. Usage: scripts/spark-setup.sh VENV/bin/python
set -euo pipefail
py=${1:?usage: scripts/spark-setup.sh VENV/bin/python}
# pandas below 3: pyspark 4.3 warns that it does not fully support pandas 3 yet
SPARK_PINS=(pyspark==4.3.0 "pandas>=2.2,<3" pyarrow==26.0.1)
die() { printf '\033[31mspark setup FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if ! java -version >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "no java on PATH: install default-jre-headless (apt, as root)"
  echo "spark: installing default-jre-headless (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update"
  apt-get install -y -qq default-jre-headless >/dev/null || die "apt-get install default-jre-headless"
fi
java -version >/dev/null 2>&1 || die "java still missing after installing default-jre-headless"

venv=$(dirname "$(dirname "$py")")
if [ "$(cat "$venv/.spark-pins" 2>/dev/null)" != "${SPARK_PINS[*]}" ]; then
  echo "spark: installing ${SPARK_PINS[*]} into $venv (from PyPI)"
  "$py" -m pip install --quiet --disable-pip-version-check "${SPARK_PINS[@]}" || die "pip install ${SPARK_PINS[*]}"
  echo "${SPARK_PINS[*]}" > "$venv/.spark-pins"
fi
