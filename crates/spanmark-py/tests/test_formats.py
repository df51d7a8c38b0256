"""read and convert: every format the CLI converts is read back in one line, with the CLI's
sentences as FormatError (path, line, field) for broken files."""

import json

import pytest

import spanmark
from conftest import GOLDEN, run_cli

FORMATS = ["spanmark", "spacy", "doccano", "labelstudio", "conll", "brat", "txt"]


def spans_of(docs):
    return [[(s.start, s.end, s.label, s.text) for s in d.spans] for d in docs]


def test_read_gives_the_documents_of_the_golden_export():
    docs = spanmark.read(GOLDEN / "news.spanmark.json")
    assert len(docs) == 4
    for d in docs:
        for s in d.spans:
            assert d.text[s.start : s.end] == s.text
    assert docs[0].id == "pk-001" and docs[0].spans[0].label == "PERSON"
    assert all(s.state == "accepted" for s in docs[0].accepted)


@pytest.mark.parametrize("to", FORMATS)
def test_every_format_written_by_convert_reads_back(tmp_path, to):
    src = GOLDEN / "news.spanmark.json"
    dst = f"{tmp_path}/out/" if to == "brat" else tmp_path / f"out.{to}"
    report = spanmark.convert(src, dst, to=to)
    assert report["from"] == "spanmark" and report["documents"] == 4
    assert all(isinstance(p, str) for p in report["problems"])
    back = spanmark.read(dst, from_=to)
    original = spanmark.read(src)
    assert len(back) == len(original) == 4
    if to == "txt":  # plain text keeps the texts only
        assert sorted(d.text.strip() for d in back) == sorted(d.text.strip() for d in original)
        return
    # brat writes one file pair per document (read in name order); CoNLL re-tokenises the text,
    # so compare each document's accepted spans by label and words
    words = lambda d: [(s.label, " ".join(s.text.split())) for s in d.accepted]
    got = sorted((words(d) for d in back), key=str)
    want = sorted((words(d) for d in original), key=str)
    if to == "conll":
        got = [[(l, w.replace(" ", "")) for l, w in d] for d in got]
        want = [[(l, w.replace(" ", "")) for l, w in d] for d in want]
    if report["problems"]:
        assert sum(map(len, got)) == sum(map(len, want)) - len(report["problems"])
    else:
        assert got == want


def test_python_convert_writes_the_bytes_the_cli_writes(cli, tmp_path):
    src = GOLDEN / "news.spanmark.json"
    for to, ext in [("doccano", "jsonl"), ("spacy", "jsonl"), ("conll", "conll")]:
        spanmark.convert(src, tmp_path / f"py.{ext}", to=to, suggestions=True)
        run_cli(cli, "convert", "--to", to, "--suggestions", src, tmp_path / f"cli.{ext}")
        assert (tmp_path / f"py.{ext}").read_bytes() == (tmp_path / f"cli.{ext}").read_bytes(), to


def test_a_broken_doccano_line_is_a_format_error_naming_file_line_and_field(tmp_path, cli):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text":"Kabul","label":[[0,5,"GPE"]]}\n{"label":[]}\n', encoding="utf-8")
    with pytest.raises(spanmark.FormatError) as e:
        spanmark.read(bad, from_="doccano")
    err = e.value
    assert (err.path, err.line, err.field) == ("bad.jsonl", 2, "text")
    assert isinstance(err, spanmark.SpanmarkError)
    # the CLI's sentence, word for word
    done = __import__("subprocess").run(
        [cli, "convert", "--from", "doccano", "--to", "conll", bad, tmp_path / "x.conll"],
        capture_output=True, text=True,
    )
    assert done.returncode != 0
    assert done.stderr.strip() == f"spanmark: {err}"


def test_a_span_outside_its_text_names_the_span(tmp_path):
    bad = tmp_path / "far.jsonl"
    bad.write_text('{"text":"Kabul","label":[[0,9,"GPE"]]}\n', encoding="utf-8")
    with pytest.raises(spanmark.FormatError, match="span 1 ends at 9") as e:
        spanmark.read(bad)
    assert (e.value.line, e.value.field) == (1, "span 1")


def test_other_refusals_are_sentences(tmp_path):
    with pytest.raises(spanmark.SpanmarkError, match="cannot read"):
        spanmark.read(tmp_path / "missing.json")
    with pytest.raises(ValueError, match="unknown format “csv”"):
        spanmark.read(GOLDEN / "news.spanmark.json", from_="csv")
    with pytest.raises(ValueError, match="say the target format with to="):
        spanmark.convert(GOLDEN / "news.spanmark.json", tmp_path / "x.conll")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    with pytest.raises(spanmark.FormatError, match="cannot tell the format"):
        spanmark.read(tmp_path / "blob.bin")
    lost = tmp_path / "lost.jsonl"
    lost.write_text('{"text":"Lahorebased","label":[[0,6,"GPE"]]}\n', encoding="utf-8")
    assert spanmark.convert(lost, tmp_path / "l.conll", to="conll")["problems"]
    with pytest.raises(spanmark.SpanmarkError, match="would not survive"):
        spanmark.convert(lost, tmp_path / "l.conll", to="conll", strict=True)
