"""detect_doc and detect_many(events=True): the events and relations `spanmark detect` writes,
as typed values with Python str offsets; Detection.to_dict is the CLI's JSONL line."""

import json
import pickle

import spanmark
from conftest import jsonl_line, run_cli


def cli_lines(cli, corpus_jsonl):
    return run_cli(cli, "detect", "--jsonl", corpus_jsonl).splitlines()


def test_detect_doc_is_the_cli_line_with_events_and_relations(cli, articles, corpus_jsonl):
    expected = cli_lines(cli, corpus_jsonl)
    events = relations = 0
    for (name, text), line in zip(articles, expected):
        doc = spanmark.detect_doc(text)
        assert jsonl_line(doc.to_dict(id=name)) == line, name
        assert doc.spans == spanmark.detect(text)
        for e in doc.events:
            assert text[e.trigger.start : e.trigger.end] == e.trigger.text
            for a in e.args:
                assert text[a.start : a.end] == a.text and a.label
        for r in doc.relations:
            assert text[r.head.start : r.head.end] == r.head.text
            assert text[r.tail.start : r.tail.end] == r.tail.text
        events += len(doc.events)
        relations += len(doc.relations)
    # the incident articles have events; the CLI's lines name as many
    assert events == sum(len(json.loads(l)["events"]) for l in expected) > 10
    assert relations == sum(len(json.loads(l)["relations"]) for l in expected)


def test_detect_many_with_events_is_detect_doc_in_order(articles):
    texts = [t for _, t in articles]
    one = [spanmark.detect_doc(t) for t in texts]
    assert spanmark.detect_many(texts, events=True) == one
    assert spanmark.detect_many(iter(texts[::-1]), threads=2, events=True) == one[::-1]
    assert spanmark.detect_many(texts[:3]) == [d.spans for d in one[:3]]


def test_event_offsets_are_python_indices_after_crlf_and_emoji(articles):
    _, text = next((n, t) for n, t in articles if spanmark.detect_doc(t).events)
    plain = spanmark.detect_doc(text)
    crlf = "😀 " + text.replace("\n", "\r\n")
    doc = spanmark.detect_doc(crlf)
    assert [e.type for e in doc.events] == [e.type for e in plain.events]
    for e in doc.events:
        assert crlf[e.trigger.start : e.trigger.end] == e.trigger.text
        for a in e.args:
            assert crlf[a.start : a.end] == a.text
    # roles read as the page names them
    first = doc.events[0]
    assert first.role(first.args[0].role)[0] == first.args[0] if first.args else True


def test_a_detection_pickles_compares_and_hashes(articles):
    doc = next(d for d in map(spanmark.detect_doc, (t for _, t in articles)) if d.relations or d.events)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and hash(again) == hash(doc)
    assert isinstance(doc.events[0], spanmark.Event) and isinstance(doc.events[0].trigger, spanmark.Trigger)


def test_detect_doc_refuses_what_detect_refuses():
    import pytest

    with pytest.raises(TypeError, match="must be a str, not NoneType"):
        spanmark.detect_doc(None)
    with pytest.raises(ValueError, match="lone surrogate"):
        spanmark.detect_doc("Kabul \udc00")
    with pytest.raises(TypeError, match="not one str"):
        spanmark.detect_many("Kabul", events=True)
    assert spanmark.detect_doc("") == spanmark.Detection("", [], [], [])
