#!/usr/bin/env python3
"""Writes the WEAPON measurement sets (docs/custom-weapon.md) into target/custom-weapon/ for `spanmark eval --curve`.

with/{train,test}/ = gold + the WEAPON overlay, without/{train,test}/ = the gold alone; the 60 South Asia
articles in the fixed order (dev, heldout, final, blind, blind2, blind3, incidents; file name), first 30
train, last 30 test, each file named NN-set-name.json so the curve reads them in that order.
Run: python3 scripts/custom-weapon-set.py   (then the commands in BENCHMARKS.md)
"""
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
OVERLAY = FIXTURES / "custom" / "weapon.jsonl"
OUT = ROOT / "target" / "custom-weapon"
SETS = ["dev", "dev/heldout", "dev/final", "dev/blind", "dev/blind2", "dev/blind3", "dev/incidents"]
TRAIN = 30


def articles():
    """The 60 articles as 'set/name.json', by set then file name."""
    return [f"{s}/{p.name}" for s in SETS for p in sorted((FIXTURES / s).glob("*.json"))]


def overlay():
    """file -> WEAPON spans; a line that does not parse or match its article stops the script."""
    spans = {}
    for n, line in enumerate(OVERLAY.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            spans[row["file"]] = row["spans"]
        except (ValueError, KeyError) as e:
            sys.exit(f"{OVERLAY.name} line {n}: not a {{\"file\", \"spans\"}} object ({e})")
    return spans


def main():
    files = articles()
    if len(files) != 60:
        sys.exit(f"expected the 60 South Asia articles, found {len(files)}")
    weapons = overlay()
    if OUT.exists():
        shutil.rmtree(OUT)
    counts = {"train": [0, 0], "test": [0, 0]}
    for i, f in enumerate(files):
        part = "train" if i < TRAIN else "test"
        doc = json.loads((FIXTURES / f).read_text(encoding="utf-8"))
        name = f"{i + 1:02d}-{f[:-5].replace('/', '-')}.json"
        extra = weapons.get(f, [])
        for s in extra:
            if doc["text"][s["start"]:s["end"]] != s["text"]:
                sys.exit(f"{OVERLAY.name}: {f}: “{s['text']}” is not at {s['start']}–{s['end']}")
        counts[part][0] += len(extra)
        counts[part][1] += bool(extra)
        for kind, spans in (("without", doc["spans"]), ("with", doc["spans"] + extra)):
            out = dict(doc, spans=sorted(spans, key=lambda s: (s["start"], s["end"])))
            path = OUT / kind / part / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
            # the plain text beside it, for `spanmark detect --model` (precision and recall per label)
            path.with_suffix(".txt").write_text(doc["text"], encoding="utf-8")
    for part, (spans, docs) in counts.items():
        print(f"{part}: {spans} WEAPON spans in {docs} of {TRAIN if part == 'train' else len(files) - TRAIN} articles")
    print(f"written: {OUT}/{{with,without}}/{{train,test}}")


if __name__ == "__main__":
    main()
