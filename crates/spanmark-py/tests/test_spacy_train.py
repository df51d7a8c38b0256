"""The README's recipe "pre-annotate, correct in the page, train spaCy", run as written on a spaCy
JSONL export: the DocBin holds the accepted spans, and `spacy train` makes a pipeline offline."""

import shlex
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

import spanmark
from conftest import GOLDEN, ROOT, readme_recipe, run_cli


def readme_train_commands():
    """The `python -m spacy …` lines of the sh block after the recipe, as argument lists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```sh\n", readme.index("<!-- recipe: spacy-train -->")) + len("```sh\n")
    block = readme[start : readme.index("```\n", start)]
    lines = [shlex.split(l) for l in block.splitlines() if l.startswith("python -m spacy ")]
    assert [l[3] for l in lines] == ["init", "train"], block
    return [[sys.executable, *l[1:]] for l in lines]


def run(args, cwd):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{args}: {done.stderr[-3000:]}"


def test_the_readme_training_recipe_runs_offline(cli, tmp_path):
    run_cli(cli, "convert", "--to", "spacy", "--date", "2026-12-07", GOLDEN / "news.spanmark.json", f"{tmp_path}/")
    export = tmp_path / "spanmark-2026-12-07-spacy.jsonl"
    (tmp_path / "recipe.py").write_text(readme_recipe("spacy-train"), encoding="utf-8")
    run([sys.executable, "recipe.py"], tmp_path)

    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(spacy.blank("en").vocab))
    want = [[(s.start, s.end, s.label) for s in d.accepted] for d in spanmark.read(export)]
    got = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    assert got == want
    assert sum(map(len, got)) >= 10

    init, train = readme_train_commands()
    assert "--output" in train
    run(init, tmp_path)
    run([*train, "--training.max_steps", "5", "--training.eval_frequency", "5"], tmp_path)
    nlp = spacy.load(tmp_path / "model" / "model-best")
    assert nlp.pipe_names == ["tok2vec", "ner"]
    nlp("Maryam Nawaz met officials in Lahore.")
