"""train, Model.load and detect(model=...) give what `spanmark train` and `detect --model` give;
a model from a newer Spanmark is refused with a sentence."""

import json
import pickle

import pytest

import spanmark
from conftest import DEV, jsonl_line, run_cli


@pytest.fixture(scope="module")
def trained(tmp_path_factory, cli):
    d = tmp_path_factory.mktemp("model")
    run_cli(cli, "train", "--data", DEV, "--out", d / "cli.json")
    model = spanmark.train(DEV, d / "py.json")
    return d, model


def test_train_writes_the_model_the_cli_writes(trained):
    d, model = trained
    assert json.loads((d / "py.json").read_text()) == json.loads((d / "cli.json").read_text())
    assert model.stats["trained_documents"] >= 10
    assert "documents" in repr(model)


def test_detect_with_a_model_is_detect_with_model_of_the_cli(trained, cli, corpus_jsonl):
    d, _ = trained
    expected = run_cli(cli, "detect", "--jsonl", "--model", d / "cli.json", corpus_jsonl).splitlines()
    records = [json.loads(l) for l in corpus_jsonl.read_text(encoding="utf-8").splitlines()]
    model = spanmark.Model.load(d / "cli.json")
    got = [jsonl_line(r) for r in spanmark.detect_many(records, model=model)]
    assert got == expected
    # a path works too, and the merged output differs from the rules alone
    first = records[0]["text"]
    assert spanmark.detect(first, model=str(d / "cli.json")) == spanmark.detect(first, model=model)
    rules = [jsonl_line(r) for r in spanmark.detect_many(records)]
    assert rules != got


def test_a_model_pickles_and_saves(trained, tmp_path):
    _, model = trained
    again = pickle.loads(pickle.dumps(model))
    assert again.to_json() == model.to_json()
    model.save(tmp_path / "m.json")
    assert spanmark.Model.load(tmp_path / "m.json").to_json() == model.to_json()


def test_a_model_from_a_newer_version_is_refused(trained, tmp_path):
    d, _ = trained
    newer = json.loads((d / "cli.json").read_text())
    newer["version"] = 99
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(newer))
    with pytest.raises(spanmark.ModelError, match="saved by a newer Spanmark .format version 99.; update Spanmark"):
        spanmark.Model.load(path)
    with pytest.raises(spanmark.ModelError):
        spanmark.detect("Kabul", model=path)
    (tmp_path / "junk.json").write_text("[1, 2]")
    with pytest.raises(spanmark.ModelError, match="not a Spanmark model"):
        spanmark.Model.load(tmp_path / "junk.json")
    with pytest.raises(spanmark.SpanmarkError, match="cannot read model"):
        spanmark.Model.load(tmp_path / "none.json")


def test_train_refuses_what_the_cli_refuses(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text('{"documents": []}')
    with pytest.raises(spanmark.SpanmarkError, match="holds no documents"):
        spanmark.train(empty, tmp_path / "m.json")
    notjson = tmp_path / "x.json"
    notjson.write_text("{")
    with pytest.raises(spanmark.FormatError, match="is not JSON") as e:
        spanmark.train(notjson, tmp_path / "m.json")
    assert e.value.path == str(notjson)
