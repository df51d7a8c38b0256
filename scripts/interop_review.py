"""Checks `spanmark agree --json` against real tools: Cohen's kappa from scikit-learn, alpha from
the PyPI `krippendorff` package, strict span F1 from bratiaa. Prints MISMATCH lines and exits 1.

usage: interop_review.py AGREE.json WORK NAME...   (WORK/NAME.jsonl spaCy export, WORK/brat-NAME/)
"""
import json, math, sys, shutil, pathlib
from functools import partial
from itertools import combinations

from sklearn.metrics import cohen_kappa_score
import krippendorff
import numpy as np
from bratiaa.agree import F1Agreement, input_generator

agree = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
work = pathlib.Path(sys.argv[2])
names = sys.argv[3:]
bad = 0


def mismatch(what, ours, theirs):
    global bad
    bad += 1
    print(f"MISMATCH {what}: spanmark {ours} vs {theirs}")


def tags(task):
    """BIO tags over the word tokens (spaCy exports also list whitespace runs as tokens)."""
    toks = task["tokens"]
    tag = ["O"] * len(toks)
    for s in task["spans"]:
        for i in range(s["token_start"], s["token_end"] + 1):
            tag[i] = ("B-" if i == s["token_start"] else "I-") + s["label"]
    return [t for t, tok in zip(tag, toks) if tok["text"].strip()]


docs = {}  # name -> text -> tags
for name in names:
    docs[name] = {}
    for line in (work / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        docs[name][task["text"]] = tags(task)

pairs = {(p["a"], p["b"]): p for p in agree["pairs"]}
checked = 0
for a, b in combinations(names, 2):
    p = pairs[(a, b)]
    shared = [t for t in docs[a] if t in docs[b]]
    ya = [x for t in shared for x in docs[a][t]]
    yb = [x for t in shared for x in docs[b][t]]
    k = cohen_kappa_score(ya, yb)
    if abs(k - p["kappa"]) > 1e-9:
        mismatch(f"kappa {a}-{b}", p["kappa"], f"sklearn {k}")
    checked += 1
    # bratiaa on a project of just this pair: NAME/doc.ann + annotation.conf
    root = work / f"bratiaa-{a}-{b}"
    shutil.rmtree(root, ignore_errors=True)
    labels = set()
    for n in (a, b):
        shutil.copytree(work / f"brat-{n}", root / n)
        for ann in (root / n).glob("*.ann"):
            for line in ann.read_text(encoding="utf-8").splitlines():
                if line.startswith("T"):
                    labels.add(line.split("\t")[1].split(" ")[0])
        (root / n / "annotation.conf").unlink(missing_ok=True)
        (root / n / "visual.conf").unlink(missing_ok=True)
    labels = sorted(labels)
    f1 = F1Agreement(partial(input_generator, root), labels)
    total, _ = f1.mean_sd_total()
    if abs(100 * float(total) - p["f1_strict"]) > 1e-6:
        mismatch(f"F1 strict {a}-{b}", p["f1_strict"], f"bratiaa {100 * float(total)}")
    per_label, _ = f1.mean_sd_per_label()
    for label, value in zip(labels, per_label):
        ours = p["per_label"].get(label, {}).get("f1_strict")
        if ours is None or abs(100 * float(value) - ours) > 1e-6:
            mismatch(f"F1 strict {a}-{b} {label}", ours, f"bratiaa {100 * float(value)}")
        checked += 1
    checked += 1

# alpha: coders × units, NaN where a coder lacks the document; values are tag ids
texts = sorted({t for n in names for t in docs[n]})
values = {}
rows = [[] for _ in names]
for t in texts:
    have = [n for n in names if t in docs[n]]
    if len(have) < 2:
        continue
    length = len(docs[have[0]][t])
    for i, n in enumerate(names):
        if t in docs[n]:
            rows[i].extend(values.setdefault(x, len(values)) for x in docs[n][t])
        else:
            rows[i].extend([math.nan] * length)
alpha = krippendorff.alpha(reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal")
if abs(alpha - agree["alpha"]) > 1e-9:
    mismatch("alpha", agree["alpha"], f"krippendorff {alpha}")
checked += 1
units = len(rows[0])
print(f"COUNT {checked} {units}")
print(f"alpha spanmark {agree['alpha']:.6f} krippendorff {alpha:.6f}; " + "; ".join(
    f"{p['a']}-{p['b']} kappa {p['kappa']:.6f} F1 {p['f1_strict']:.3f}" for p in agree["pairs"]))
sys.exit(1 if bad else 0)
