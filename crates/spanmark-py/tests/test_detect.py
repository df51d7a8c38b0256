"""detect and detect_many give exactly what `spanmark detect` gives, in Python str indices."""

import json
import os
import threading

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


def test_many_items_come_back_in_input_order_across_chunks(articles):
    # 2280 texts of different lengths: dozens of chunks per thread, the last one partial
    texts = [t[: 200 + (37 * i) % 3000] for i, (_, t) in enumerate(articles * 60)]
    one = [spanmark.detect(t) for t in texts]
    assert spanmark.detect_many(texts, threads=2) == one
    assert spanmark.detect_many(texts, threads=3) == one
    records = [{"id": i, "text": t} for i, t in enumerate(texts[:500])]
    assert [r["id"] for r in spanmark.detect_many(records, threads=2)] == list(range(500))


def cpu_by_thread():
    """CPU seconds (user + sys) of each thread of this process, by thread id (Linux /proc)."""
    seconds = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[int(tid)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads /proc (Linux)")
def test_the_work_is_spread_over_the_threads(articles):
    texts = [t for _, t in articles] * 20
    before = cpu_by_thread()
    spanmark.detect_many(texts, threads=2)
    after = cpu_by_thread()
    me = threading.get_native_id()
    used = sorted((s - before.get(t, 0.0) for t, s in after.items() if t != me), reverse=True)
    total = sum(used)
    # two threads did the detection, each a fair part of it (the caller only converts)
    assert total > 0.1
    assert used[1] > 0.25 * total, used[:4]


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
