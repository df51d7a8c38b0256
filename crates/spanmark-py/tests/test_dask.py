"""The Dask recipe of the README, run as written on a local cluster (two worker processes) over
the annotated articles: its output is `spanmark detect --jsonl` on the same files, line for line."""

import os

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from conftest import readme_recipe, run_cli, write_corpus


def test_the_readme_dask_recipe_gives_the_cli_lines(articles, cli, tmp_path, monkeypatch):
    paths = write_corpus(articles, tmp_path / "corpus", files=3)
    expected = run_cli(cli, "detect", "--jsonl", *paths).splitlines()
    monkeypatch.chdir(tmp_path)
    exec(compile(readme_recipe("dask"), "README.md (dask recipe)", "exec"), {"__name__": "recipe"})
    outs = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(outs) == 3  # one per input file: one partition each
    got = [l for p in outs for l in p.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected) == len(articles)
    for g, e in zip(got, expected):
        assert g == e
    assert sum('"events":[{' in l for l in got) > 0
