"""The Dask recipe of the README, run as written on a local cluster (two worker processes) over
the annotated articles: its output is `spanmark detect --jsonl` on the same files, line for line."""

import subprocess
import sys

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from conftest import readme_recipe, run_cli, write_corpus


def test_the_readme_dask_recipe_gives_the_cli_lines(articles, cli, tmp_path):
    paths = write_corpus(articles, tmp_path / "corpus", files=3)
    expected = run_cli(cli, "detect", "--jsonl", *paths).splitlines()
    # as a reader runs it: saved as a script, started by python (worker processes import it)
    (tmp_path / "annotate.py").write_text(readme_recipe("dask"), encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "annotate.py"], cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the README's Dask recipe gave no answer in 10 minutes")
    assert done.returncode == 0, done.stderr[-3000:]
    outs = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(outs) == 3  # one per input file: one partition each
    got = [l for p in outs for l in p.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected) == len(articles)
    for g, e in zip(got, expected):
        assert g == e
    assert sum('"events":[{' in l for l in got) > 0
