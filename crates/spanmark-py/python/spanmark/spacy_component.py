"""The spaCy component ``nlp.add_pipe("spanmark")``: Spanmark's suggestions as ``doc.ents`` or
``doc.spans[spans_key]``, aligned to spaCy's tokens; registered through a spaCy entry point.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, minibatch

from . import Model, detect, detect_many

#: Keys of ``doc.user_data`` the component fills for each document.
UNALIGNED = "spanmark_unaligned"
EXPANDED = "spanmark_expanded"


class SpanmarkComponent:
    """Sets Spanmark's spans on each Doc.

    A span is placed with ``doc.char_span(start, end, alignment_mode="expand")``: one that
    starts or ends inside a spaCy token grows to whole tokens (counted as *expanded*); one that
    still cannot be placed, or would overlap another after growing, is left out (counted as
    *unaligned*). Per document the counts are in ``doc.user_data["spanmark_unaligned"]`` and
    ``["spanmark_expanded"]``; over the component's life in ``.unaligned`` and ``.expanded``.
    """

    def __init__(
        self,
        name: str = "spanmark",
        model: Optional[str] = None,
        labels: Optional[List[str]] = None,
        overwrite: bool = False,
        spans_key: Optional[str] = None,
    ):
        self.name = name
        self.model_path = model
        self.model = Model.load(model) if model else None
        self.labels = frozenset(labels) if labels else None
        self.overwrite = overwrite
        self.spans_key = spans_key
        self.unaligned = 0
        self.expanded = 0

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, detect(doc.text, self.model))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Detects a batch of documents at once, on every core."""
        for batch in minibatch(stream, size=batch_size):
            found = detect_many([d.text for d in batch], model=self.model)
            for doc, spans in zip(batch, found):
                yield self._set(doc, spans)

    def _set(self, doc: Doc, found) -> Doc:
        placed, grown, unaligned = [], set(), 0
        for s in found:
            if self.labels is not None and s.label not in self.labels:
                continue
            span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
            if span is None:
                unaligned += 1
                continue
            if (span.start_char, span.end_char) != (s.start, s.end):
                grown.add(id(span))
            placed.append(span)
        kept = filter_spans(placed)
        if self.spans_key is None and not self.overwrite:
            # keep what an earlier component set; add only spans on free tokens
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            kept = [e for e in kept if not any(i in taken for i in range(e.start, e.end))]
        unaligned += len(placed) - len(kept)
        expanded = sum(id(e) in grown for e in kept)
        if self.spans_key is not None:
            if self.overwrite or self.spans_key not in doc.spans:
                doc.spans[self.spans_key] = kept
            else:
                doc.spans[self.spans_key] = list(doc.spans[self.spans_key]) + kept
        elif self.overwrite:
            doc.ents = kept
        else:
            doc.ents = sorted(list(doc.ents) + kept, key=lambda e: e.start)
        doc.user_data[UNALIGNED] = unaligned
        doc.user_data[EXPANDED] = expanded
        self.unaligned += unaligned
        self.expanded += expanded
        return doc


@Language.factory(
    "spanmark",
    default_config={"model": None, "labels": None, "overwrite": False, "spans_key": None},
)
def make_spanmark(
    nlp: Language,
    name: str,
    model: Optional[str],
    labels: Optional[List[str]],
    overwrite: bool,
    spans_key: Optional[str],
) -> SpanmarkComponent:
    """``nlp.add_pipe("spanmark", config={"model": PATH, "labels": [...], "overwrite": bool,
    "spans_key": KEY})``."""
    return SpanmarkComponent(name, model, labels, overwrite, spans_key)
