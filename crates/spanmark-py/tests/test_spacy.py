"""The spaCy component: found through its entry point, the spans of `spanmark detect` on spaCy
tokens, labels/overwrite/spans_key options, nlp.pipe(n_process=2), pickling."""

import pickle

import pytest

spacy = pytest.importorskip("spacy")

import spanmark
from spanmark.spacy_component import EXPANDED, UNALIGNED


def exact(doc_spans):
    return [(s.start_char, s.end_char, s.label_) for s in doc_spans]


def test_add_pipe_by_name_gives_the_spans_of_detect_on_every_article(articles):
    nlp = spacy.blank("en")
    nlp.add_pipe("spanmark")  # no import of spanmark.spacy_component needed: the entry point
    total = same = expanded = unaligned = 0
    for name, text in articles:
        doc = nlp(text)
        want = [(s.start, s.end, s.label) for s in spanmark.detect(text)]
        got = exact(doc.ents)
        # every span that lies on spaCy's tokens is there exactly; the others were grown to
        # whole tokens or left out, and counted
        on_tokens = [w for w in want if doc.char_span(w[0], w[1]) is not None]
        assert set(on_tokens) <= set(got), name
        assert len(got) + doc.user_data[UNALIGNED] == len(want), name
        assert len(set(got) - set(want)) == doc.user_data[EXPANDED], name
        total += len(want)
        same += len(on_tokens)
        expanded += doc.user_data[EXPANDED]
        unaligned += doc.user_data[UNALIGNED]
    assert total > 1000
    # 2611 of 2613 spans sit on spaCy's tokens (2026-12); the rest are the counted few
    assert same / total > 0.99, (same, expanded, unaligned, total)
    print(f"spacy: {same} of {total} spans exact, {expanded} expanded, {unaligned} unaligned")


def test_labels_spans_key_and_overwrite():
    text = "Rana Sanaullah said in Lahore on Monday that the TTP attacked."
    nlp = spacy.blank("en")
    nlp.add_pipe("spanmark", config={"labels": ["GPE"], "spans_key": "sm"})
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans["sm"]] == [("Lahore", "GPE")]
    assert doc.ents == ()

    keep = spacy.blank("en")
    ruler = keep.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "MISC", "pattern": "Lahore"}])
    keep.add_pipe("spanmark")
    doc = keep(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Lahore"] == "MISC" and labels["Rana Sanaullah"] == "PERSON"

    over = spacy.blank("en")
    over.add_pipe("entity_ruler").add_patterns([{"label": "MISC", "pattern": "Lahore"}])
    over.add_pipe("spanmark", config={"overwrite": True})
    assert {e.text: e.label_ for e in over(text).ents}["Lahore"] == "GPE"


def test_a_model_option_loads_the_model(tmp_path):
    from conftest import DEV

    spanmark.train(DEV, tmp_path / "m.json")
    nlp = spacy.blank("en")
    nlp.add_pipe("spanmark", config={"model": str(tmp_path / "m.json")})
    text = (DEV / "01-peshawar-mosque.txt").read_text(encoding="utf-8")
    model = spanmark.Model.load(tmp_path / "m.json")
    want = {(s.start, s.end, s.label) for s in spanmark.detect(text, model=model)}
    assert set(exact(nlp(text).ents)) <= want | set()
    with pytest.raises(spanmark.SpanmarkError, match="cannot read model"):
        spacy.blank("en").add_pipe("spanmark", config={"model": str(tmp_path / "none.json")})


def test_nlp_pipe_with_two_processes_and_pickling(articles):
    nlp = spacy.blank("en")
    nlp.add_pipe("spanmark")
    texts = [t for _, t in articles[:12]]
    one = [exact(nlp(t).ents) for t in texts]
    assert [exact(d.ents) for d in nlp.pipe(texts, batch_size=4)] == one
    assert [exact(d.ents) for d in nlp.pipe(texts, n_process=2, batch_size=3)] == one
    again = pickle.loads(pickle.dumps(nlp))
    assert [exact(again(t).ents) for t in texts] == one
    component = pickle.loads(pickle.dumps(nlp.get_pipe("spanmark")))
    assert exact(component(nlp.make_doc(texts[0])).ents) == one[0]
