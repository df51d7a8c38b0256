"""detect and detect_many give exactly what `spanmark detect` gives, in Python str indices."""

import json
import os

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
    with pytest.raises(error, match=None) as e:
        spanmark.detect(bad)
    assert words in str(e.value)


def test_bad_items_and_arguments_of_detect_many_are_named():
    with pytest.raises(TypeError, match="not one str"):
        spanmark.detect_many("Kabul")
    with pytest.raises(TypeError, match="item 2 must be a str or a dict"):
        spanmark.detect_many(["Kabul", None])
    with pytest.raises(ValueError, match='item 1 has no "text"'):
        spanmark.detect_many([{"id": 1}])
    with pytest.raises(ValueError, match="lone surrogate"):
        spanmark.detect_many([{"text": "a\udfffb"}])
    with pytest.raises(ValueError, match="threads must be at least 1"):
        spanmark.detect_many(["Kabul"], threads=0)
    with pytest.raises(TypeError, match="model must be a spanmark.Model"):
        spanmark.detect("Kabul", model=3)


def test_a_50_mb_text_is_detected_without_a_crash(articles):
    # 50 MB: 20 KB of news, then the articles in lower case (few names: seconds, not minutes;
    # the real-news variant below needs SPANMARK_SLOW=1)
    text = "\n\n".join(t for _, t in articles)
    head = text[:20_000]
    big = head + "\n\n" + (text.lower() + "\n\n") * (50_000_000 // len(text) + 1)
    assert len(big.encode("utf-8")) >= 50_000_000
    spans = spanmark.detect(big)
    # names at the start are found (a page this long counts as a sports page, so some labels
    # differ from the 20 KB alone), and every span is where it says
    assert sum(s.end < 20_000 for s in spans) > 0.9 * len(spanmark.detect(head))
    assert all(big[s.start : s.end] == s.text for s in spans[::997])
    assert len(spans) > 1000
    last = spans[-1]
    assert big[last.start : last.end] == last.text


@pytest.mark.skipif(os.environ.get("SPANMARK_SLOW") != "1", reason="minutes of CPU: set SPANMARK_SLOW=1")
def test_a_50_mb_news_text_is_detected(articles):
    text = "\n\n".join(t for _, t in articles)
    big = text * (50_000_000 // len(text) + 1)
    spans = spanmark.detect(big)
    assert len(spans) > 200 * len(spanmark.detect(text))
    last = spans[-1]
    assert big[last.start : last.end] == last.text


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
