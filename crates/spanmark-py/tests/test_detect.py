"""detect and detect_many give exactly what `spanmark detect` gives, in Python str indices."""

import json

import pytest

import spanmark
from conftest import jsonl_line, run_cli


def test_detect_many_on_records_is_the_cli_jsonl_line_for_line(cli, corpus_jsonl):
    expected = run_cli(cli, "detect", "--jsonl", corpus_jsonl).splitlines()
    records = [json.loads(l) for l in corpus_jsonl.read_text(encoding="utf-8").splitlines()]
    got = [jsonl_line(r) for r in spanmark.detect_many(records)]
    assert len(got) == len(expected) == len(records)
    for g, e in zip(got, expected):
        assert g == e
    assert sum(len(json.loads(l)["spans"]) for l in expected) > 1000


def test_detect_on_each_article_is_the_cli_spans(cli, articles, corpus_jsonl):
    expected = [json.loads(l)["spans"] for l in run_cli(cli, "detect", "--jsonl", corpus_jsonl).splitlines()]
    for (name, text), spans in zip(articles, expected):
        got = spanmark.detect(text)
        assert [s.to_dict() for s in got] == spans, name
        for s in got:
            assert text[s.start : s.end] == s.text
            assert s.state == "suggested"


def test_str_items_give_spans_in_input_order_on_any_thread_count(articles):
    texts = [t for _, t in articles]
    one = [spanmark.detect(t) for t in texts]
    assert spanmark.detect_many(texts) == one
    assert spanmark.detect_many(reversed(texts), threads=2) == one[::-1]
    assert spanmark.detect_many(iter(texts[:3]), threads=1) == one[:3]
    assert spanmark.detect_many([]) == []


def test_offsets_are_python_indices_through_emoji_and_crlf():
    text = "😀🇵🇰 Kabul\r\nand\r\nHerat 👩‍👩‍👧"
    spans = spanmark.detect(text)
    assert [(s.text, s.label) for s in spans] == [("Kabul", "GPE"), ("Herat", "GPE")]
    for s in spans:
        assert text[s.start : s.end] == s.text
    # the record form is the CLI's: text and offsets after CRLF -> LF
    (record,) = spanmark.detect_many([{"text": text}])
    assert record["text"] == text.replace("\r\n", "\n")
    for s in record["spans"]:
        assert record["text"][s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize(
    "bad, error, words",
    [
        (None, TypeError, "must be a str, not NoneType"),
        (b"Kabul", TypeError, "not bytes; decode it first"),
        (42, TypeError, "not int"),
        ("Kabul \ud800 Herat", ValueError, "lone surrogate '\\ud800' at index 6"),
    ],
)
def test_bad_texts_are_clear_errors(bad, error, words):
    for detect in (spanmark.detect, spanmark.detect_doc):
        with pytest.raises(error) as e:
            detect(bad)
        assert words in str(e.value), detect


def test_bad_items_and_arguments_of_detect_many_are_named():
    with pytest.raises(TypeError, match="not one str"):
        spanmark.detect_many("Kabul")
    with pytest.raises(TypeError, match="item 2 must be a str or a dict"):
        spanmark.detect_many(["Kabul", None])
    with pytest.raises(TypeError, match="item 1 must be a str or a dict .* not bytes; decode it first"):
        spanmark.detect_many([b"Kabul"])
    with pytest.raises(TypeError, match='"text" of item 2 must be a str, not bytes; decode it first'):
        spanmark.detect_many([{"text": "Kabul"}, {"text": b"Kabul"}])
    with pytest.raises(TypeError, match="must be a str, not NoneType"):
        spanmark.detect_many([{"text": None}])
    with pytest.raises(TypeError, match="not iterable"):
        spanmark.detect_many(None)
    with pytest.raises(ValueError, match='item 1 has no "text"'):
        spanmark.detect_many([{"id": 1}])
    with pytest.raises(ValueError, match="lone surrogate"):
        spanmark.detect_many([{"text": "a\udfffb"}])
    with pytest.raises(ValueError, match="threads must be at least 1"):
        spanmark.detect_many(["Kabul"], threads=0)
    with pytest.raises(TypeError, match="model must be a spanmark.Model"):
        spanmark.detect("Kabul", model=3)


def test_spans_compare_hash_and_pickle():
    import pickle

    (a,) = spanmark.detect("Kabul")
    assert a == spanmark.Span(0, 5, "GPE", "Kabul", "rule:gazetteer", "suggested")
    assert len({a, pickle.loads(pickle.dumps(a))}) == 1
    assert repr(a) == 'Span(0, 5, "GPE", "Kabul", origin="rule:gazetteer")'


def test_errors_pickle_to_the_same_class_and_count_spans_counts(articles):
    import pickle

    err = spanmark.FormatError("line 2 of x.jsonl has no \"text\"")
    err.path, err.line, err.field = "x.jsonl", 2, "text"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is spanmark.FormatError and str(back) == str(err)
    assert (back.path, back.line, back.field) == ("x.jsonl", 2, "text")
    text = articles[0][1]
    assert spanmark._spanmark.count_spans(text) == len(spanmark.detect(text)) > 0
