//! `spanmark.detect` and `detect_doc`: the CLI's suggestions for one Python text, the GIL released
//! while the core works; the pieces `detect_many` (many.rs) shares: model, pool, conversion.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use spanmark_core::detect::Suggester;

use crate::errors::{panicked, SpanmarkError};
use crate::incidents::{links_tuples, Found};
use crate::model::{rules_only, Model};
use crate::objects::Span;
use crate::text_arg::{text_of, Text};

/// The suggester for a `model=` argument: None (rules only), a `Model`, or a model file path.
pub(crate) fn suggester_of(
    py: Python<'_>,
    model: Option<&Bound<'_, PyAny>>,
) -> PyResult<Arc<Suggester>> {
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

pub(crate) type Panic = Box<dyn std::any::Any + Send>;

/// Suggestions for one normalised text; a panic in the core becomes an error value.
fn suggest(suggester: &Suggester, text: &str) -> Result<Vec<spanmark_core::Span>, Panic> {
    catch_unwind(AssertUnwindSafe(|| suggester.suggest(text)))
}

/// Spans, and with `links` the events and relations over them, for one normalised text.
pub(crate) fn find(suggester: &Suggester, text: &str, links: bool) -> Result<Found, Panic> {
    catch_unwind(AssertUnwindSafe(|| {
        Found::of(suggester.suggest(text), text, links)
    }))
}

pub(crate) fn spans_for(text: &Text, original: &str, found: &[spanmark_core::Span]) -> Vec<Span> {
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
pub(crate) fn detection_tuple<'py>(
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
pub(crate) fn pool_for(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
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
