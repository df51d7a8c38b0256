#!/usr/bin/env bash
# Proves `spanmark agree` against real tools: a venv under target/ with scikit-learn, krippendorff
# and bratiaa from PyPI (reused when present); three annotators made with the CLI; Python compares.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/review-venv
py="$venv/bin/python"
work=target/interop-review
PACKAGES=(scikit-learn==1.9.1 krippendorff==0.9.0 bratiaa==0.1.4)

die() { printf '\033[31mreview interop FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

if ! "$py" -c "import sklearn, krippendorff, bratiaa" 2>/dev/null; then
  echo "review interop: installing ${PACKAGES[*]} into $venv (from PyPI)"
  python3 -m venv "$venv" || die "cannot create a Python venv: install python3-venv"
  "$py" -m pip install --quiet --disable-pip-version-check "${PACKAGES[@]}" || die "pip install ${PACKAGES[*]}"
fi

cargo build -q -p spanmark-cli || die "cargo build -p spanmark-cli"
cli="${CARGO_TARGET_DIR:-target}/debug/spanmark"
rm -rf "$work"; mkdir -p "$work"

# Four annotators of the 12 dev articles: the hand-made gold ("gold"), the full rule detector
# ("rules"), the first-paint detector ("builtin", which lacks the last article) and a careless
# copy of the gold ("noisy": a fixed random tenth of spans dropped, relabelled, or cut short).
"$py" - "$work" tests/fixtures/dev/*.json <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
with open(work / "texts.jsonl", "w", encoding="utf-8") as texts, open(work / "gold.in.jsonl", "w", encoding="utf-8") as gold:
    for path in sys.argv[2:]:
        d = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        stem = pathlib.Path(path).stem
        texts.write(json.dumps({"id": stem, "text": d["text"]}, ensure_ascii=False) + "\n")
        spans = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in d["spans"]]
        gold.write(json.dumps({"text": d["text"], "spans": spans, "meta": {"id": stem, "title": stem}}, ensure_ascii=False) + "\n")
import random
rng = random.Random(15)
labels = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL"]
with open(work / "noisy.in.jsonl", "w", encoding="utf-8") as out:
    for line in (work / "gold.in.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        spans = []
        for s in d["spans"]:
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.2:
                s = dict(s, label=rng.choice([l for l in labels if l != s["label"]]))
            elif r < 0.3 and " " in d["text"][s["start"]:s["end"]]:
                s = dict(s, start=s["start"] + d["text"][s["start"]:s["end"]].index(" ") + 1)
            spans.append(s)
        out.write(json.dumps(dict(d, spans=spans), ensure_ascii=False) + "\n")
PY
"$cli" detect --jsonl "$work/texts.jsonl" --out "$work/rules.det.jsonl"
"$cli" detect --builtin --jsonl "$work/texts.jsonl" --out "$work/builtin.det.jsonl"
"$py" - "$work" <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
for name, drop_last in (("rules", False), ("builtin", True)):
    lines = (work / f"{name}.det.jsonl").read_text(encoding="utf-8").splitlines()
    if drop_last:
        lines = lines[:-1]
    with open(work / f"{name}.in.jsonl", "w", encoding="utf-8") as out:
        for line in lines:
            d = json.loads(line)
            spans = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in d["spans"]]
            out.write(json.dumps({"text": d["text"], "spans": spans, "meta": {"id": d["id"], "title": d["id"]}}, ensure_ascii=False) + "\n")
PY
names=(gold rules builtin noisy)
for n in "${names[@]}"; do
  "$cli" convert --from spacy --to spanmark "$work/$n.in.jsonl" "$work/$n.json" 2>/dev/null || die "importing $n"
  "$cli" convert --from spanmark --to spacy "$work/$n.json" "$work/$n.jsonl" 2>/dev/null || die "exporting $n to spaCy"
  "$cli" convert --from spanmark --to brat "$work/$n.json" "$work/brat-$n/" 2>/dev/null || die "exporting $n to brat"
done
"$cli" agree "$work/gold.json" "$work/rules.json" "$work/builtin.json" "$work/noisy.json" --json "$work/agree.json" >"$work/agree.txt" 2>"$work/agree.log" \
  || { cat "$work/agree.log"; die "spanmark agree"; }
out=$("$py" scripts/interop_review.py "$work/agree.json" "$work" "${names[@]}") || { echo "$out"; die "a real tool disagrees (MISMATCH lines above)"; }
read -r _ checks units <<<"$(echo "$out" | grep '^COUNT')"
[ "${checks:-0}" -gt 0 ] || die "zero checks ran"
echo "$out" | grep -v '^COUNT'
echo "review interop: $checks numbers of spanmark agree identical in scikit-learn, krippendorff and bratiaa ($units tokens, 4 annotators)"
