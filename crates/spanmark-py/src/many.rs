//! `spanmark.detect_many`: many texts detected on the worker pool in chunks, the GIL released;
//! the caller turns each chunk into Python objects, in input order, while later chunks run.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::detecting::{detection_tuple, find, pool_for, spans_for, suggester_of, Panic};
use crate::errors::{panicked, SpanmarkError};
use crate::incidents::{links_dicts, Found};
use crate::objects::Span;
use crate::text_arg::{text_of, Text};

/// One item as the caller gave it: a text (kept for offsets and span texts), or a record `{"id"?,
/// "text", ...}` like a JSONL line (its id goes back out).
enum Item {
    Text { original: String },
    Record { id: Option<Py<PyAny>> },
}

/// The item and the text the detector sees, for the `n`th object (from 1, for messages).
fn item_of(obj: &Bound<'_, PyAny>, n: usize) -> PyResult<(Item, Text)> {
    if obj.is_instance_of::<PyString>() {
        let original = text_of(obj, &format!("item {n}"))?;
        let text = Text::new(original.clone());
        return Ok((Item::Text { original }, text));
    }
    if let Ok(record) = obj.cast::<PyDict>() {
        let text = match record.get_item("text")? {
            Some(t) => text_of(&t, &format!("\"text\" of item {n}"))?,
            None => {
                return Err(PyValueError::new_err(format!(
                    "item {n} has no \"text\" string"
                )))
            }
        };
        let id = record.get_item("id")?.map(Bound::unbind);
        return Ok((Item::Record { id }, Text::new(text)));
    }
    let kind = obj.get_type().name()?.to_string();
    let hint = if kind == "bytes" || kind == "bytearray" {
        "; decode it first, e.g. data.decode(\"utf-8\")"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "item {n} must be a str or a dict with \"text\", not {kind}{hint}"
    )))
}

/// The CLI's JSONL line for a record:
/// `{"id"?, "text", "spans": [{start, end, label, text, origin}], "events", "relations"}`.
fn record_out<'py>(
    py: Python<'py>,
    id: Option<Py<PyAny>>,
    text: &Text,
    found: &Found,
) -> PyResult<Bound<'py, PyDict>> {
    let chars: Vec<char> = text.normalized.chars().collect();
    let spans = PyList::empty(py);
    for s in &found.spans {
        spans.append(Span::from_core(s, &chars, |i| i).to_dict(py)?)?;
    }
    let d = PyDict::new(py);
    if let Some(id) = id {
        d.set_item("id", id)?;
    }
    d.set_item("text", &text.normalized)?;
    d.set_item("spans", spans)?;
    let (events, relations) = links_dicts(py, found)?;
    d.set_item("events", events)?;
    d.set_item("relations", relations)?;
    Ok(d)
}

/// Items per chunk: small enough that the caller converts early chunks while the threads work
/// on later ones and that the threads share the work evenly (32 chunks each), big enough that
/// a chunk's bookkeeping (one task, one message) is nothing next to its detection.
fn chunk_size(items: usize, threads: usize) -> usize {
    items.div_ceil(threads.max(1) * 32).clamp(1, 64)
}

/// What the threads hand back for one chunk: its number and each item's result.
type Chunk = (usize, Vec<Result<Found, Panic>>);

/// Suggestions for many texts on every core (or `threads` of them), in input order.
///
/// A `str` item gives a `list[Span]` (with `events`: a `(spans, events, relations)` tuple);
/// a dict item `{"id"?, "text"}` (a parsed JSONL line) gives the dict `spanmark detect --jsonl`
/// writes for that line, events and relations included. Ctrl-C stops it between chunks.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, model=None, events=false))]
pub fn detect_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    model: Option<&Bound<'py, PyAny>>,
    events: bool,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be a list (or other iterable) of str, not one str; use spanmark.detect",
        ));
    }
    let (mut items, mut jobs) = (Vec::new(), Vec::new());
    for (i, obj) in texts.try_iter()?.enumerate() {
        let (item, text) = item_of(&obj?, i + 1)?;
        let links = events || matches!(item, Item::Record { .. });
        items.push(item);
        jobs.push((text, links));
    }
    let suggester = suggester_of(py, model)?;
    let pool = pool_for(threads)?;
    let jobs = Arc::new(jobs);
    let size = chunk_size(jobs.len(), pool.current_num_threads());
    let chunks = jobs.len().div_ceil(size);
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<Chunk>();
    for k in 0..chunks {
        let (jobs, suggester, stop, tx) =
            (jobs.clone(), suggester.clone(), stop.clone(), tx.clone());
        // tasks spawned from outside the pool are taken first in, first out: roughly in order
        pool.spawn(move || {
            let found = (k * size..jobs.len().min((k + 1) * size))
                .map(|i| match stop.load(Ordering::Relaxed) {
                    true => Err(Box::new("stopped") as Panic),
                    false => find(&suggester, &jobs[i].0.normalized, jobs[i].1),
                })
                .collect();
            let _ = tx.send((k, found));
        });
    }
    drop(tx);
    let rx = Mutex::new(rx); // only this thread receives; the lock makes it shareable with detach
    let out = PyList::empty(py);
    let mut items = items.into_iter().enumerate();
    let mut waiting: BTreeMap<usize, Vec<Result<Found, Panic>>> = BTreeMap::new();
    let converted = (0..chunks).try_for_each(|next| -> PyResult<()> {
        let found = loop {
            if let Some(found) = waiting.remove(&next) {
                break found;
            }
            let (k, found) = py
                .detach(|| rx.lock().ok().and_then(|rx| rx.recv().ok()))
                .ok_or_else(|| {
                    SpanmarkError::new_err("the detection threads stopped before finishing")
                })?;
            waiting.insert(k, found);
        };
        for (found, (n, item)) in found.into_iter().zip(&mut items) {
            let found = found.map_err(|p| panicked(&format!("item {}", n + 1), p))?;
            let (text, _) = &jobs[n];
            match item {
                Item::Text { original } if events => {
                    out.append(detection_tuple(py, text, &original, &found)?)?;
                }
                Item::Text { original } => out.append(spans_for(text, &original, &found.spans))?,
                Item::Record { id } => out.append(record_out(py, id, text, &found)?)?,
            }
        }
        py.check_signals()
    });
    if converted.is_err() {
        stop.store(true, Ordering::Relaxed); // the chunks still queued finish at once
    }
    converted.map(|()| out)
}
