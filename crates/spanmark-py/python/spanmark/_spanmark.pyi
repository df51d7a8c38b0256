"""Type stubs of the compiled module ``spanmark._spanmark`` (re-exported by ``spanmark``)."""

import os
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, Union

__version__: str

_Path = Union[str, "os.PathLike[str]"]
_FormatName = Literal["spanmark", "spacy", "doccano", "labelstudio", "conll", "brat", "txt"]

class SpanmarkError(Exception):
    """Anything Spanmark refuses, with the same sentence as the ``spanmark`` CLI."""

class FormatError(SpanmarkError):
    """A file that cannot be read in its format."""

    path: str
    """The file (inside a zip or folder: its name there)."""
    line: Optional[int]
    """1-based line of the file, when the format is line-based or the parser knows it."""
    field: Optional[str]
    """The field the sentence names ("text", "label", "span 3"), when it names one."""

class ModelError(SpanmarkError):
    """A model file that is damaged, not a model, or saved by a newer Spanmark."""

class Span:
    """One entity span; ``text[span.start:span.end] == span.text``."""

    start: int
    """Index of the first character (a Python ``str`` index: code points)."""
    end: int
    """Index after the last character."""
    label: str
    """PERSON, ORG, GPE, LOC, FAC, NORP, DATE, CARDINAL, or a label of your own."""
    text: str
    origin: str
    """Which detector suggested it: "rule:NAME" for a rule of the detector ("rule:gazetteer",
    "rule:surname"; older files say "gazetteer", "pattern", "acronym"), "memory", "model", or
    "manual"/"import" for spans a person made."""
    state: Literal["suggested", "accepted"]
    confidence: Optional[float]
    def __init__(
        self,
        start: int,
        end: int,
        label: str,
        text: str,
        origin: str = "manual",
        state: str = "accepted",
        confidence: Optional[float] = None,
    ) -> None: ...
    def to_dict(self) -> dict[str, Any]:
        """``{"start", "end", "label", "text", "origin"}``, a span of ``spanmark detect --jsonl``."""

class Document:
    """One annotated document as a format holds it."""

    id: str
    title: str
    text: str
    """The text, line endings normalised to LF; span offsets index it."""
    status: Literal["open", "done"]
    spans: list[Span]
    """Accepted spans and suggestions, sorted, non-overlapping."""
    @property
    def accepted(self) -> list[Span]:
        """The accepted spans only."""
    def __len__(self) -> int: ...

class Model:
    """A learnt model (memory + tagger) merged over the rules, as ``spanmark detect --model``."""

    @staticmethod
    def load(path: _Path) -> "Model":
        """Load a model file written by ``spanmark train``/``spanmark.train`` or the page.

        Raises ``ModelError`` (damaged, not a model, newer version) or ``SpanmarkError``
        (cannot be read)."""
    @staticmethod
    def from_json(json: str) -> "Model":
        """A model from the JSON text of a model file."""
    def to_json(self) -> str:
        """The model file's JSON text."""
    def save(self, path: _Path) -> None:
        """Write the model file."""
    @property
    def stats(self) -> dict[str, int]:
        """trained_documents, trained_spans, remembered_forms, model_weights."""

def detect(text: str, model: Union[Model, _Path, None] = None) -> list[Span]:
    """Entity suggestions for ``text``, exactly as ``spanmark detect`` makes them.

    Offsets are indices of ``text`` (CRLF counts as two characters, as in Python). With
    ``model``, the model's memory and tagger are merged over the rules. The GIL is released
    while the core works. Raises ``TypeError`` for a non-``str`` and ``ValueError`` for a text
    with a lone surrogate."""

def detect_many(
    texts: Iterable[Union[str, Mapping[str, Any]]],
    threads: Optional[int] = None,
    model: Union[Model, _Path, None] = None,
    events: bool = False,
) -> list[Any]:
    """Suggestions for many texts on every core (or ``threads``), GIL released, input order.

    A ``str`` gives ``list[Span]``, or with ``events`` the ``(spans, events, relations)``
    tuples ``spanmark.detection_of`` turns into a ``Detection``; a dict ``{"id"?, "text"}``
    gives the dict ``spanmark detect --jsonl`` writes for it. Use ``spanmark.detect_many``."""

def detect_links(
    text: str, model: Union[Model, _Path, None] = None
) -> tuple[list[Span], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``(spans, events, relations)`` of ``text`` as tuples; use ``spanmark.detect_doc``."""

def count_spans(text: str) -> int:
    """The number of spans ``detect`` would return, without making them (for benchmarks)."""

def agree(a: _Path, b: _Path, *others: _Path) -> dict[str, Any]:
    """Agreement of two or more annotators' files, documents paired by text, as
    ``spanmark agree --json`` computes it.

    Returns ``{"pairs": [{"a", "b", "f1_strict", "f1_overlap", "kappa", "per_label":
    {LABEL: {"f1_strict"}}, "documents", "outcomes": {"agreed", "label_differs",
    "boundary_differs", "both_differ", "only_a", "only_b"}, "links": {"triggers", "events",
    "arguments", "relations", "ace_detection", "ace_arguments"}}], "alpha",
    "documents_compared", "documents_shared_by_all", "tokens", "has_links", "warnings"}``;
    F1 in percent, kappa and alpha in [-1, 1], None where nothing could be compared. Each
    annotator is named after its file. Raises ``SpanmarkError`` with the CLI's sentence."""

def train(
    export_path: _Path, out_path: _Path, *, include_open: bool = False, builtin: bool = False
) -> Model:
    """Train on a Spanmark export (or a folder of ``{"text", "spans"}`` files), write the model
    to ``out_path`` and return it; as ``spanmark train --data … --out …`` (``include_open`` is
    ``--all``, ``builtin`` is ``--builtin``)."""

def convert(
    src: Union[_Path, Sequence[_Path]],
    dst: _Path,
    from_: Optional[_FormatName] = None,
    to: Optional[_FormatName] = None,
    *,
    suggestions: bool = False,
    done: bool = False,
    scheme: Literal["iob2", "bilou"] = "iob2",
    offsets: Literal["codepoint", "utf16"] = "codepoint",
    date: str = "",
    strict: bool = False,
) -> dict[str, Any]:
    """Convert annotations between formats, as ``spanmark convert``; ``to`` is required.

    Returns ``{"from", "documents", "spans", "problems", "notes", "written"}``; ``problems``
    are the self-check's sentences for spans the target cannot hold. ``strict=True`` raises
    ``SpanmarkError`` when there is any. Raises ``FormatError`` for an unreadable input."""

def read(
    path: Union[_Path, Sequence[_Path]],
    from_: Optional[_FormatName] = None,
    *,
    offsets: Literal["codepoint", "utf16"] = "codepoint",
) -> list[Document]:
    """Every document in a file or folder of any format Spanmark reads (spanmark, spacy,
    doccano, labelstudio, conll, brat, txt; zips opened), the format guessed unless ``from_``
    says it. Raises ``FormatError`` with ``.path``, ``.line`` and ``.field``."""
