"""A detected text: Spanmark's spans with the incident rules' events and relations over them
(``spanmark.detect_doc``), as values that compare, pickle and turn into the CLI's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from ._spanmark import Span


@dataclass(frozen=True)
class Trigger:
    """The words that name an event ("killed", "attack"); ``text[start:end] == trigger.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Argument:
    """An entity span filling a role of an event (perpetrator, target, place, date, ...)."""

    role: str
    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {"role": self.role, "start": self.start, "end": self.end, "label": self.label, "text": self.text}


@dataclass(frozen=True)
class Event:
    """One incident the rules suggest: its type (ATTACK, ARREST, ...), trigger and arguments."""

    type: str
    trigger: Trigger
    args: Tuple[Argument, ...] = ()

    def role(self, name: str) -> List[Argument]:
        """The arguments filling role ``name``."""
        return [a for a in self.args if a.role == name]

    def to_dict(self) -> Dict[str, Any]:
        """``{"type", "trigger": {"start", "end", "text"}, "args": [...]}`` as ``spanmark detect``."""
        t = self.trigger
        return {
            "type": self.type,
            "trigger": {"start": t.start, "end": t.end, "text": t.text},
            "args": [a.to_dict() for a in self.args],
        }


@dataclass(frozen=True)
class End:
    """One end of a relation: an entity span."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Relation:
    """A typed link from one entity span (``head``) to another (``tail``)."""

    type: str
    head: End
    tail: End

    def to_dict(self) -> Dict[str, Any]:
        """``{"type", "from": {"start", "end", "label"}, "to": {...}}`` as ``spanmark detect``."""
        end = lambda e: {"start": e.start, "end": e.end, "label": e.label}  # noqa: E731
        return {"type": self.type, "from": end(self.head), "to": end(self.tail)}


@dataclass(frozen=True)
class Detection:
    """Everything ``spanmark detect`` finds in one text: ``spans``, ``events``, ``relations``.

    Offsets are indices of ``text`` (the text given, line endings as given)."""

    text: str
    spans: List[Span] = field(default_factory=list)
    events: List[Event] = field(default_factory=list)
    relations: List[Relation] = field(default_factory=list)

    def to_dict(self, id: Optional[Any] = None) -> Dict[str, Any]:
        """The JSON line ``spanmark detect --jsonl`` writes for ``{"id": id, "text": text}``
        (for a text with CRLF line endings the CLI's offsets are those after CRLF -> LF)."""
        out: Dict[str, Any] = {} if id is None else {"id": id}
        out["text"] = self.text
        out["spans"] = [s.to_dict() for s in self.spans]
        out["events"] = [e.to_dict() for e in self.events]
        out["relations"] = [r.to_dict() for r in self.relations]
        return out

    def __hash__(self) -> int:
        return hash((self.text, tuple(self.spans), tuple(self.events), tuple(self.relations)))


def detection_of(text: str, found: tuple) -> Detection:
    """A ``Detection`` of the ``(spans, events, relations)`` tuples the core returns."""
    spans, events, relations = found
    return Detection(
        text,
        spans,
        [Event(kind, Trigger(*trigger), tuple(Argument(*a) for a in args)) for kind, trigger, args in events],
        [Relation(kind, End(*head), End(*tail)) for kind, head, tail in relations],
    )
