#!/usr/bin/env bash
# Makes the team-review benchmark set: three annotators × 200 articles × ~5 KB as Spanmark
# exports in OUT (default target/review-bench). Annotator 1 is the rule detector; 2 and 3 are
# copies with a fixed tenth of spans dropped or relabelled. Usage: [SPANMARK_CLI=…] scripts/review-bench-data.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/review-bench}
cli="${SPANMARK_CLI:-${CARGO_TARGET_DIR:-target}/release/spanmark}"  # SPANMARK_CLI: another build of the CLI
[ -x "$cli" ] || cargo build -q --release -p spanmark-cli
mkdir -p "$out"
python3 - "$out" tests/fixtures/dev/*.txt <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
prose = "\n\n".join(pathlib.Path(p).read_text(encoding="utf-8").strip() for p in sorted(sys.argv[2:]))
paras = [p for p in prose.split("\n\n") if p.strip()]
with open(out / "texts.jsonl", "w", encoding="utf-8") as f:
    i = 0
    for n in range(200):
        text = [f"No. {n + 1}"]
        while sum(len(t) + 2 for t in text) < 5000:
            text.append(paras[i % len(paras)]); i += 1
        f.write(json.dumps({"id": f"article-{n + 1}", "text": "\n\n".join(text)}, ensure_ascii=False) + "\n")
PY
"$cli" detect --jsonl "$out/texts.jsonl" --out "$out/detected.jsonl"
python3 - "$out" <<'PY'
import json, sys, pathlib, random
out = pathlib.Path(sys.argv[1])
labels = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL"]
lines = [json.loads(l) for l in (out / "detected.jsonl").read_text(encoding="utf-8").splitlines()]
for k in range(3):
    rng = random.Random(k)
    with open(out / f"annotator{k + 1}.in.jsonl", "w", encoding="utf-8") as f:
        for d in lines:
            spans = []
            for s in d["spans"]:
                r = rng.random()
                if k and r < 0.05:
                    continue
                label = rng.choice(labels) if k and r < 0.1 else s["label"]
                spans.append({"start": s["start"], "end": s["end"], "label": label})
            f.write(json.dumps({"text": d["text"], "spans": spans, "meta": {"id": d["id"], "title": d["id"]}}, ensure_ascii=False) + "\n")
PY
for k in 1 2 3; do
  "$cli" convert --from spacy --to spanmark "$out/annotator$k.in.jsonl" "$out/annotator$k.json" 2>/dev/null
done
ls -l "$out"/annotator?.json
