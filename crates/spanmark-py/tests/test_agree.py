"""spanmark.agree gives the numbers of `spanmark agree --json` for three annotators of the
annotated articles (the hand-made spans, the detector's, and a noisy copy)."""

import json
import random

import pytest

import spanmark
from conftest import DEV, run_cli

LABELS = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL"]


def annotator(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for name, text, spans in docs:
            spans = [{"start": s, "end": e, "label": l} for s, e, l in spans]
            f.write(json.dumps({"text": text, "spans": spans, "meta": {"id": name, "title": name}}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    d = tmp_path_factory.mktemp("team")
    gold = []
    for p in sorted(DEV.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        gold.append((p.stem, data["text"], [(s["start"], s["end"], s["label"]) for s in data["spans"]]))
    rules = [(n, t, [(s.start, s.end, s.label) for s in spanmark.detect(t)]) for n, t, _ in gold]
    rng = random.Random(18)
    noisy = []
    for n, t, spans in gold:
        out = []
        for s, e, l in spans:
            r = rng.random()
            if r < 0.05:
                continue
            out.append((s, e, rng.choice(LABELS) if r < 0.1 else l))
        noisy.append((n, t, out))
    return [annotator(d / f"{k}.jsonl", docs) for k, docs in [("gold", gold), ("rules", rules), ("noisy", noisy)]]


def test_agree_gives_the_numbers_of_the_cli(team, cli, tmp_path):
    out = tmp_path / "agree.json"
    table = run_cli(cli, "agree", *team, "--json", out)
    want = json.loads(out.read_text(encoding="utf-8"))
    got = spanmark.agree(*team)
    cli_keys = ["a", "b", "f1_strict", "f1_overlap", "kappa", "per_label"]
    assert [{k: p[k] for k in cli_keys} for p in got["pairs"]] == want["pairs"]
    assert got["alpha"] == want["alpha"]
    assert [(p["a"], p["b"]) for p in got["pairs"]] == [("gold", "rules"), ("gold", "noisy"), ("rules", "noisy")]
    # the outcome counts are the table's columns
    for p in got["pairs"]:
        o = p["outcomes"]
        row = next(l for l in table.splitlines() if l.startswith(f"{p['a']} – {p['b']} "))
        cells = row.split()[-6:]
        assert cells == [str(o[k]) for k in ["agreed", "label_differs", "boundary_differs", "both_differ", "only_a", "only_b"]]
    assert 0 < got["pairs"][0]["f1_strict"] < 100 and got["pairs"][1]["f1_strict"] > 80
    assert got["documents_compared"] == len(list(DEV.glob("*.json")))


def test_agree_refusals_are_the_cli_sentences(team, tmp_path):
    with pytest.raises(spanmark.SpanmarkError, match="cannot read"):
        spanmark.agree(team[0], tmp_path / "missing.jsonl")
    with pytest.raises(TypeError):
        spanmark.agree(team[0])
