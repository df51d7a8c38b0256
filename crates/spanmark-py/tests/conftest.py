"""Shared fixtures of the Python tests: the repository's annotated articles, and the
`spanmark` CLI they are compared with (scripts/test-python.sh builds it and sets SPANMARK_CLI)."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "fixtures" / "dev"
GOLDEN = ROOT / "crates" / "spanmark-core" / "tests" / "golden"


def article_paths():
    return sorted(DEV.glob("*.json")) + sorted(DEV.glob("*/*.json"))


@pytest.fixture(scope="session")
def articles():
    """(name, text) of every hand-annotated article (38 texts, ~110 KB)."""
    paths = article_paths()
    assert len(paths) >= 30, f"expected the dev articles under {DEV}"
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))["text"]) for p in paths]


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("SPANMARK_CLI") or shutil.which("spanmark")
    if not path or not os.path.exists(path):
        pytest.fail("set SPANMARK_CLI to the spanmark binary (scripts/test-python.sh does)")
    return path


def run_cli(cli, *args, stdin=None):
    done = subprocess.run(
        [cli, *map(str, args)], input=stdin, capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def jsonl_line(record):
    """A record as `spanmark detect --jsonl` writes it (serde_json's compact form)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@pytest.fixture(scope="session")
def corpus_jsonl(articles, tmp_path_factory):
    """The articles as JSON Lines `{"id", "text"}`, and what the CLI writes for them."""
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text(
        "".join(jsonl_line({"id": name, "text": text}) + "\n" for name, text in articles),
        encoding="utf-8",
    )
    return path


def readme_recipe(name):
    """The Python code block after `<!-- recipe: NAME -->` in README.md, so a test runs exactly
    what the README shows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = f"<!-- recipe: {name} -->\n```python\n"
    start = readme.index(marker) + len(marker)
    return readme[start : readme.index("```\n", start)]


def write_corpus(articles, folder, files=3):
    """The articles as JSON Lines `{"id", "text"}` split over `files` files (sorted names)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"part-{k}.jsonl" for k in range(files)]
    chunk = -(-len(articles) // files)
    for k, path in enumerate(paths):
        part = articles[k * chunk : (k + 1) * chunk]
        path.write_text("".join(jsonl_line({"id": n, "text": t}) + "\n" for n, t in part), encoding="utf-8")
    return paths
