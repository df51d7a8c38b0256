"""Spanmark's entity detector, file formats and spaCy component for Python.

The same Rust core as the annotator page and the ``spanmark`` CLI: ``detect`` gives exactly
the spans ``spanmark detect`` gives, with offsets as Python ``str`` indices.
"""

from ._spanmark import (
    Document,
    FormatError,
    Model,
    ModelError,
    Span,
    SpanmarkError,
    __version__,
    convert,
    detect,
    detect_many,
    read,
    train,
)

__all__ = [
    "Document",
    "FormatError",
    "Model",
    "ModelError",
    "Span",
    "SpanmarkError",
    "__version__",
    "convert",
    "detect",
    "detect_many",
    "read",
    "train",
]
