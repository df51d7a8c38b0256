"""The Spark recipe of the README (mapInPandas on a local[2] session) over the annotated
articles: each output line is `spanmark detect --jsonl`'s line for the same id. Runs only with
SPANMARK_SPARK=1 (scripts/spark-setup.sh installs pyspark and a JRE)."""

import json
import os

import pytest

if os.environ.get("SPANMARK_SPARK") != "1":
    pytest.skip(
        "Spark test off: set SPANMARK_SPARK=1 (scripts/test-python.sh then runs scripts/spark-setup.sh "
        "to install pyspark and, as root, default-jre-headless)",
        allow_module_level=True,
    )

pytest.importorskip("pyspark")

from conftest import readme_recipe, run_cli, write_corpus


def test_the_readme_spark_recipe_gives_the_cli_lines(articles, cli, tmp_path, monkeypatch):
    paths = write_corpus(articles, tmp_path / "corpus", files=3)
    expected = {json.loads(l)["id"]: l for l in run_cli(cli, "detect", "--jsonl", *paths).splitlines()}
    monkeypatch.chdir(tmp_path)
    scope = {"__name__": "recipe"}
    try:
        exec(compile(readme_recipe("spark"), "README.md (spark recipe)", "exec"), scope)
    finally:
        if "spark" in scope:
            scope["spark"].stop()
    rows = [json.loads(l) for p in sorted((tmp_path / "out").glob("part-*.json")) for l in p.read_text(encoding="utf-8").splitlines()]
    got = {r["id"]: r["line"] for r in rows}
    assert len(rows) == len(got) == len(expected) == len(articles)
    for key, line in expected.items():
        assert got[key] == line, key
