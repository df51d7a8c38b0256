"""Spanmark's entity detector, file formats and spaCy component for Python.

The same Rust core as the annotator page and the ``spanmark`` CLI: ``detect`` gives exactly
the spans ``spanmark detect`` gives, with offsets as Python ``str`` indices; ``detect_doc``
adds the events and relations the incident rules suggest over them.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, List, Optional, Union

from . import _spanmark
from ._spanmark import (
    Document,
    FormatError,
    Model,
    ModelError,
    Span,
    SpanmarkError,
    __version__,
    agree,
    convert,
    detect,
    read,
    train,
)
from .detection import Argument, Detection, End, Event, Relation, Trigger, detection_of

_ModelArg = Union[Model, str, "os.PathLike[str]", None]


def detect_doc(text: str, model: _ModelArg = None) -> Detection:
    """Spans, events and relations of ``text``, exactly as ``spanmark detect`` finds them."""
    return detection_of(text, _spanmark.detect_links(text, model))


def detect_many(
    texts: Iterable[Any], threads: Optional[int] = None, model: _ModelArg = None, *, events: bool = False
) -> List[Any]:
    """Suggestions for many texts on every core (or ``threads``), GIL released, input order.

    A ``str`` gives ``list[Span]`` (with ``events=True``: a ``Detection``); a dict
    ``{"id"?, "text"}`` (a parsed JSONL line) gives the dict ``spanmark detect --jsonl`` writes
    for it, so ``bag.map(json.loads).map_partitions(spanmark.detect_many)`` needs no adapter."""
    if not events:
        return _spanmark.detect_many(texts, threads, model)
    items = texts if isinstance(texts, (list, tuple, str)) else list(texts)
    found = _spanmark.detect_many(items, threads, model, True)
    return [detection_of(t, f) if isinstance(f, tuple) else f for t, f in zip(items, found)]


__all__ = [
    "Argument",
    "Detection",
    "Document",
    "End",
    "Event",
    "FormatError",
    "Model",
    "ModelError",
    "Relation",
    "Span",
    "SpanmarkError",
    "Trigger",
    "__version__",
    "agree",
    "convert",
    "detect",
    "detect_doc",
    "detect_many",
    "read",
    "train",
]
