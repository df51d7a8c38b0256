#!/usr/bin/env bash
# Proves the spaCy exports load in real spaCy: a venv under target/ with spaCy from PyPI (reused when
# the right version is there), fixtures exported by the CLI, every span checked in Python.
set -euo pipefail
cd "$(dirname "$0")/.."

SPACY_VERSION=3.8.18
venv=target/interop-venv
py="$venv/bin/python"
work=target/interop

die() { printf '\033[31minterop FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if ! "$py" -c "import spacy, sys; sys.exit(spacy.__version__ != '$SPACY_VERSION')" 2>/dev/null; then
  echo "interop: installing spaCy $SPACY_VERSION into $venv (from PyPI)"
  if ! python3 -m venv "$venv"; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get install -y -q python3-venv >/dev/null && python3 -m venv "$venv" || die "cannot create a Python venv"
    else
      die "cannot create a Python venv: install python3-venv"
    fi
  fi
  "$py" -m pip install --quiet --disable-pip-version-check "spacy==$SPACY_VERSION" || die "pip install spacy==$SPACY_VERSION"
fi

cargo build -q -p spanmark-cli || die "cargo build -p spanmark-cli"
cli="${CARGO_TARGET_DIR:-target}/debug/spanmark"
rm -rf "$work"; mkdir -p "$work"

# Fixture set 1: the golden news documents (emoji, ZWJ sequences, flags, curly quotes, Urdu, combining marks).
cp crates/spanmark-core/tests/golden/news.spanmark.json "$work/news.json"
# Fixture set 2: the hand-annotated dev articles, read as spaCy-style JSONL (text + char spans).
"$py" - "$work/dev-input.jsonl" tests/fixtures/dev/*.json <<'PY'
import json, sys, pathlib
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        d = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        spans = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in d["spans"]]
        meta = {"id": pathlib.Path(path).stem, "title": pathlib.Path(path).stem}
        out.write(json.dumps({"text": d["text"], "spans": spans, "meta": meta}, ensure_ascii=False) + "\n")
PY
"$cli" convert --from spacy --to spanmark "$work/dev-input.jsonl" "$work/dev.json" 2>"$work/dev-import.log" \
  || { cat "$work/dev-import.log"; die "importing the dev set"; }

spans=0; docs=0; reported=0
for set in news dev; do
  for to in spacy conll; do
    ext=$([ "$to" = spacy ] && echo jsonl || echo conll)
    "$cli" convert --from spanmark --to "$to" --suggestions "$work/$set.json" "$work/$set.$ext" 2>"$work/$set.$to.log" \
      || { cat "$work/$set.$to.log"; die "exporting $set to $to"; }
    grep '^warning:' "$work/$set.$to.log" >&2 || true
  done
  reported=$((reported + $(grep -c '^warning:' "$work/$set.spacy.log" || true)))
  out=$("$py" scripts/interop_spacy.py "$work/$set.json" "$work/$set.jsonl" "$work/$set.conll" "$work/$set") \
    || die "spaCy disagrees with the $set export (see MISMATCH lines above)"
  echo "$out" | grep -v '^COUNT'
  read -r _ s d <<<"$(echo "$out" | grep '^COUNT')"
  spans=$((spans + s)); docs=$((docs + d))
done

[ "$spans" -gt 0 ] || die "no spans were checked"
echo "interop: $spans spans in $docs docs identical in spaCy $SPACY_VERSION ($reported spans reported by the self-check, not exported)"
