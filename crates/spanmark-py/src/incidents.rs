//! Events and relations of a detected text for Python: the CLI's JSON dicts for records, or
//! the tuples `spanmark.Detection` is made of, with offsets as the caller's `str` indices.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use spanmark_core::formats::links_json::{events_json, relations_json, EventJson, RelationJson};

use crate::text_arg::Text;

/// What the core found in one text: spans, and the events and relations over them when asked.
pub struct Found {
    pub spans: Vec<spanmark_core::Span>,
    pub events: Vec<EventJson>,
    pub relations: Vec<RelationJson>,
}

impl Found {
    /// The detector's spans of `text`, and with `links` the incident rules' events and
    /// relations over them, exactly as `spanmark detect` lays them.
    pub fn of(spans: Vec<spanmark_core::Span>, text: &str, links: bool) -> Found {
        if !links {
            return Found {
                spans,
                events: Vec::new(),
                relations: Vec::new(),
            };
        }
        let doc = spanmark_core::incidents::detected::detected(text, &spans);
        Found {
            events: events_json(&doc, doc.links(), false),
            relations: relations_json(&doc, doc.links(), false),
            spans,
        }
    }
}

/// `"events"` and `"relations"` of the CLI's JSONL line (offsets of the normalised text).
pub fn links_dicts<'py>(
    py: Python<'py>,
    found: &Found,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let events = PyList::empty(py);
    for e in &found.events {
        let trigger = PyDict::new(py);
        trigger.set_item("start", e.trigger.start)?;
        trigger.set_item("end", e.trigger.end)?;
        trigger.set_item("text", &e.trigger.text)?;
        let args = PyList::empty(py);
        for a in &e.args {
            let d = PyDict::new(py);
            d.set_item("role", &a.role)?;
            d.set_item("start", a.start)?;
            d.set_item("end", a.end)?;
            d.set_item("label", &a.label)?;
            d.set_item("text", &a.text)?;
            args.append(d)?;
        }
        let d = PyDict::new(py);
        d.set_item("type", &e.kind)?;
        d.set_item("trigger", trigger)?;
        d.set_item("args", args)?;
        events.append(d)?;
    }
    let relations = PyList::empty(py);
    for r in &found.relations {
        let end =
            |x: &spanmark_core::formats::links_json::EndJson| -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                d.set_item("start", x.start)?;
                d.set_item("end", x.end)?;
                d.set_item("label", &x.label)?;
                Ok(d)
            };
        let d = PyDict::new(py);
        d.set_item("type", &r.kind)?;
        d.set_item("from", end(&r.from)?)?;
        d.set_item("to", end(&r.to)?)?;
        relations.append(d)?;
    }
    Ok((events, relations))
}

/// Events as `(type, (start, end, text), [(role, start, end, label, text)])` and relations as
/// `(type, (start, end, label, text), (start, end, label, text))`, in indices of the caller's
/// text (`chars` are its code points; `text` maps normalised offsets back).
pub fn links_tuples<'py>(
    py: Python<'py>,
    found: &Found,
    text: &Text,
    chars: &[char],
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let at = |start: usize, end: usize| -> (usize, usize, String) {
        let (s, e) = (text.original(start), text.original(end));
        let words = chars
            .get(s..e)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        (s, e, words)
    };
    let events = PyList::empty(py);
    for e in &found.events {
        let args = PyList::empty(py);
        for a in &e.args {
            let (s, end, words) = at(a.start, a.end);
            args.append((&a.role, s, end, &a.label, words))?;
        }
        let trigger = at(e.trigger.start, e.trigger.end);
        events.append(PyTuple::new(
            py,
            [
                e.kind.clone().into_pyobject(py)?.into_any(),
                trigger.into_pyobject(py)?.into_any(),
                args.into_any(),
            ],
        )?)?;
    }
    let relations = PyList::empty(py);
    for r in &found.relations {
        let (fs, fe, fw) = at(r.from.start, r.from.end);
        let (ts, te, tw) = at(r.to.start, r.to.end);
        relations.append((
            &r.kind,
            (fs, fe, &r.from.label, fw),
            (ts, te, &r.to.label, tw),
        ))?;
    }
    Ok((events, relations))
}
