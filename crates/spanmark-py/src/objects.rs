//! The values Python sees: `Span` (start, end, label, text, origin, state, confidence; `str`
//! indices) and `Document` (id, title, text, status, spans) as read from any format.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use spanmark_core::{DocStatus, SpanState};

/// What `Span.__reduce__` hands pickle: the constructor's arguments.
type SpanArgs = (usize, usize, String, String, String, String, Option<f32>);

/// One entity span; `text[start:end] == span.text` for the text it was found in.
#[pyclass(module = "spanmark", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub origin: String,
    pub state: String,
    pub confidence: Option<f32>,
}

impl Span {
    /// A core span, its offsets turned into indices of the caller's text by `original`.
    /// `chars` are the code points of the caller's text, which `original` maps core offsets into.
    pub fn from_core(
        s: &spanmark_core::Span,
        chars: &[char],
        original: impl Fn(usize) -> usize,
    ) -> Span {
        let (start, end) = (original(s.start), original(s.end));
        Span {
            start,
            end,
            label: s.label.clone(),
            text: chars
                .get(start..end)
                .map(|c| c.iter().collect())
                .unwrap_or_default(),
            origin: s.origin.as_str().to_string(),
            state: match s.state {
                SpanState::Suggested => "suggested",
                SpanState::Accepted => "accepted",
            }
            .to_string(),
            confidence: s.confidence,
        }
    }
}

#[pymethods]
impl Span {
    #[new]
    #[pyo3(signature = (start, end, label, text, origin="manual".to_string(), state="accepted".to_string(), confidence=None))]
    fn new(
        start: usize,
        end: usize,
        label: String,
        text: String,
        origin: String,
        state: String,
        confidence: Option<f32>,
    ) -> Self {
        Span {
            start,
            end,
            label,
            text,
            origin,
            state,
            confidence,
        }
    }

    /// `{"start", "end", "label", "text", "origin"}`: a span of `spanmark detect --jsonl`.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("label", &self.label)?;
        d.set_item("text", &self.text)?;
        d.set_item("origin", &self.origin)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Span({}, {}, {:?}, {:?}, origin={:?})",
            self.start, self.end, self.label, self.text, self.origin
        )
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, &self.label, &self.text, &self.origin).hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, SpanArgs)> {
        let s = slf.get();
        Ok((
            slf.get_type().into_any(),
            (
                s.start,
                s.end,
                s.label.clone(),
                s.text.clone(),
                s.origin.clone(),
                s.state.clone(),
                s.confidence,
            ),
        ))
    }
}

/// One annotated document as a format holds it: accepted spans and suggestions alike.
#[pyclass(module = "spanmark", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub text: String,
    /// "open" or "done"
    pub status: String,
    pub spans: Vec<Span>,
}

impl Document {
    pub fn from_core(d: &spanmark_core::Document) -> Document {
        let chars: Vec<char> = d.text().chars().collect();
        Document {
            id: d.id.clone(),
            title: d.title.clone(),
            text: d.text().to_string(),
            status: match d.status {
                DocStatus::Open => "open",
                DocStatus::Done => "done",
            }
            .to_string(),
            spans: d
                .spans()
                .iter()
                .map(|s| Span::from_core(s, &chars, |i| i))
                .collect(),
        }
    }
}

#[pymethods]
impl Document {
    /// The accepted spans only (what a training script usually wants).
    #[getter]
    fn accepted(&self) -> Vec<Span> {
        self.spans
            .iter()
            .filter(|s| s.state != "suggested")
            .cloned()
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(id={:?}, title={:?}, {} characters, {} spans, status={:?})",
            self.id,
            self.title,
            self.text.chars().count(),
            self.spans.len(),
            self.status
        )
    }

    fn __len__(&self) -> usize {
        self.spans.len()
    }
}
