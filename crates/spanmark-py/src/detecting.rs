//! `spanmark.detect` and `spanmark.detect_many`: the CLI's suggestions for Python texts, the GIL
//! released while the core works, every core busy for many texts, results in input order.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use spanmark_core::detect::Suggester;

use crate::errors::{panicked, SpanmarkError};
use crate::incidents::{links_dicts, links_tuples, Found};
use crate::model::{rules_only, Model};
use crate::objects::Span;
use crate::text_arg::{text_of, Text};

/// The suggester for a `model=` argument: None (rules only), a `Model`, or a model file path.
fn suggester_of(py: Python<'_>, model: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<Suggester>> {
    let Some(model) = model.filter(|m| !m.is_none()) else {
        return Ok(rules_only());
    };
    if let Ok(m) = model.cast::<Model>() {
        return Ok(m.get().suggester.clone());
    }
    match model.extract::<std::path::PathBuf>() {
        Ok(path) => {
            let loaded = Model::load(py, path)?;
            Ok(loaded.suggester)
        }
        Err(_) => Err(PyTypeError::new_err(format!(
            "model must be a spanmark.Model or a path to a model file, not {}",
            model.get_type().name()?
        ))),
    }
}

type Panic = Box<dyn std::any::Any + Send>;

/// Suggestions for one normalised text; a panic in the core becomes an error value.
fn suggest(suggester: &Suggester, text: &str) -> Result<Vec<spanmark_core::Span>, Panic> {
    catch_unwind(AssertUnwindSafe(|| suggester.suggest(text)))
}

/// Spans, and with `links` the events and relations over them, for one normalised text.
fn find(suggester: &Suggester, text: &str, links: bool) -> Result<Found, Panic> {
    catch_unwind(AssertUnwindSafe(|| {
        Found::of(suggester.suggest(text), text, links)
    }))
}

fn spans_for(text: &Text, original: &str, found: &[spanmark_core::Span]) -> Vec<Span> {
    let chars: Vec<char> = original.chars().collect();
    found
        .iter()
        .map(|s| Span::from_core(s, &chars, |i| text.original(i)))
        .collect()
}

/// Entity suggestions for `text`, as `spanmark detect` makes them (rules, and the model's
/// memory and tagger when `model` is given). Offsets are indices of `text`.
#[pyfunction]
#[pyo3(signature = (text, model=None))]
pub fn detect(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    model: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Span>> {
    let original = text_of(text, "text")?;
    let suggester = suggester_of(py, model)?;
    py.detach(|| {
        let t = Text::new(original.clone());
        suggest(&suggester, &t.normalized).map(|found| spans_for(&t, &original, &found))
    })
    .map_err(|p| panicked("this text", p))
}

/// Spans, events and relations of `text` as `(spans, events, relations)` tuples, offsets in
/// indices of `text`; `spanmark.detect_doc` makes a `Detection` of them.
#[pyfunction]
#[pyo3(signature = (text, model=None))]
pub fn detect_links<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    model: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let original = text_of(text, "text")?;
    let suggester = suggester_of(py, model)?;
    let t = Text::new(original.clone());
    let found = py
        .detach(|| find(&suggester, &t.normalized, true))
        .map_err(|p| panicked("this text", p))?;
    detection_tuple(py, &t, &original, &found)
}

/// `(spans, events, relations)` of one text for Python, offsets in the caller's indices.
fn detection_tuple<'py>(
    py: Python<'py>,
    t: &Text,
    original: &str,
    found: &Found,
) -> PyResult<Bound<'py, PyTuple>> {
    let chars: Vec<char> = original.chars().collect();
    let spans: Vec<Span> = found
        .spans
        .iter()
        .map(|s| Span::from_core(s, &chars, |i| t.original(i)))
        .collect();
    let (events, relations) = links_tuples(py, found, t, &chars)?;
    PyTuple::new(
        py,
        [
            spans.into_pyobject(py)?.into_any(),
            events.into_any(),
            relations.into_any(),
        ],
    )
}

/// How many spans `spanmark detect` finds in `text`, and nothing else: the core's own time
/// seen from Python, for measuring what `detect` adds per document (scripts/python-bench.py).
#[pyfunction]
pub fn count_spans(py: Python<'_>, text: &str) -> PyResult<usize> {
    let suggester = rules_only();
    py.detach(|| suggest(&suggester, text).map(|found| found.len()))
        .map_err(|p| panicked("this text", p))
}

/// The worker threads for `threads` (None: one per core), made once per process.
///
/// Not rayon's global pool: after a fork (spaCy's `nlp.pipe(n_process=…)`, multiprocessing)
/// the child inherits a pool whose threads do not exist and would wait for them forever. The
/// pool is keyed by process id and looked up with the GIL held, so no fork happens mid-lookup.
fn pool_for(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(u32, usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let n = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pid = std::process::id();
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // a parent's pools are never dropped in a child: their threads are not there to stop
    let (ours, parents): (Vec<_>, Vec<_>) = pools.drain(..).partition(|(p, _, _)| *p == pid);
    std::mem::forget(parents);
    *pools = ours;
    if let Some((_, _, pool)) = pools.iter().find(|(_, k, _)| *k == n) {
        return Ok(pool.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map(Arc::new)
        .map_err(|e| SpanmarkError::new_err(format!("cannot start {n} threads: {e}")))?;
    pools.push((pid, n, pool.clone()));
    Ok(pool)
}

/// One item of `detect_many`: a text, or a record `{"id"?, "text", ...}` like a JSONL line.
enum Item {
    Text { original: String, text: Text },
    Record { id: Option<Py<PyAny>>, text: Text },
}

impl Item {
    fn text(&self) -> &Text {
        match self {
            Item::Text { text, .. } | Item::Record { text, .. } => text,
        }
    }
}

fn item_of(obj: &Bound<'_, PyAny>, n: usize) -> PyResult<Item> {
    if obj.is_instance_of::<PyString>() {
        let original = text_of(obj, &format!("item {n}"))?;
        let text = Text::new(original.clone());
        return Ok(Item::Text { original, text });
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
        return Ok(Item::Record {
            id,
            text: Text::new(text),
        });
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

/// Suggestions for many texts on every core (or `threads` of them), in input order.
///
/// A `str` item gives a `list[Span]` (with `events`: a `(spans, events, relations)` tuple);
/// a dict item `{"id"?, "text"}` (a parsed JSONL line) gives the dict `spanmark detect --jsonl`
/// writes for that line, events and relations included.
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
    let mut items = Vec::new();
    for (i, obj) in texts.try_iter()?.enumerate() {
        items.push(item_of(&obj?, i + 1)?);
    }
    let suggester = suggester_of(py, model)?;
    let pool = pool_for(threads)?;
    let found = py.detach(|| {
        pool.install(|| -> Vec<_> {
            items
                .par_iter()
                .map(|item| {
                    let links = events || matches!(item, Item::Record { .. });
                    find(&suggester, &item.text().normalized, links)
                })
                .collect()
        })
    });
    let out = PyList::empty(py);
    for (n, (item, found)) in items.into_iter().zip(found).enumerate() {
        let found = found.map_err(|p| panicked(&format!("item {}", n + 1), p))?;
        match item {
            Item::Text { original, text } if events => {
                out.append(detection_tuple(py, &text, &original, &found)?)?;
            }
            Item::Text { original, text } => {
                out.append(spans_for(&text, &original, &found.spans))?;
            }
            Item::Record { id, text } => out.append(record_out(py, id, &text, &found)?)?,
        }
    }
    Ok(out)
}
