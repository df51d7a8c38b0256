//! `spanmark.train`, `spanmark.convert` and `spanmark.read`: the CLI's `train` and `convert`
//! over the same core calls, paths in, Python values and exceptions out.

use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use spanmark_core::detect::Pipeline;
use spanmark_core::formats::{
    self, DocumentChoice, ExportOptions, Format, ImportOptions, OffsetUnit, SpanChoice, TagScheme,
};
use spanmark_core::learn::{load_documents, train_on};

use crate::errors::{disk_error, format_error, SpanmarkError};
use crate::model::Model;
use crate::objects::Document;

/// One path or a list of paths (str or os.PathLike).
fn paths_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if let Ok(one) = obj.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    obj.extract::<Vec<PathBuf>>().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "give a path (str or os.PathLike) or a list of paths",
        )
    })
}

fn format_of(name: Option<&str>, what: &str) -> PyResult<Option<Format>> {
    let Some(name) = name else { return Ok(None) };
    Format::parse(name).map(Some).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format “{name}” for {what}; use one of: {}",
            Format::ALL.map(|f| f.name()).join(", ")
        ))
    })
}

fn offsets_of(name: &str) -> PyResult<OffsetUnit> {
    match name {
        "codepoint" => Ok(OffsetUnit::CodePoint),
        "utf16" => Ok(OffsetUnit::Utf16),
        other => Err(PyValueError::new_err(format!(
            "offsets takes codepoint or utf16, not “{other}”"
        ))),
    }
}

/// Train a model (memory + tagger) on a Spanmark export or a folder of `{"text", "spans"}`
/// files, write it to `out_path` and return it; as `spanmark train --data … --out …`.
///
/// Documents the export marks open are left out unless `include_open` (the CLI's `--all`).
#[pyfunction]
#[pyo3(signature = (export_path, out_path, *, include_open=false, builtin=false))]
pub fn train(
    py: Python<'_>,
    export_path: PathBuf,
    out_path: PathBuf,
    include_open: bool,
    builtin: bool,
) -> PyResult<Model> {
    let shown = export_path.display().to_string();
    let mut docs = py.detach(|| load_documents(&export_path)).map_err(|e| {
        let m = e.to_string();
        if m.starts_with("cannot ") {
            SpanmarkError::new_err(m)
        } else {
            format_error(py, m, &shown, None, None)
        }
    })?;
    if docs.is_empty() {
        return Err(SpanmarkError::new_err(format!(
            "{shown} holds no documents"
        )));
    }
    if !include_open {
        docs.retain(|d| d.done);
        if docs.is_empty() {
            return Err(SpanmarkError::new_err(
                "no document is marked done; pass include_open=True to train on open ones",
            ));
        }
    }
    let rules = if builtin {
        Pipeline::builtin()
    } else {
        Pipeline::full()
    };
    let learner = py.detach(|| train_on(&docs, &rules));
    let json = learner.to_json();
    std::fs::write(&out_path, &json)
        .map_err(|e| SpanmarkError::new_err(format!("cannot write {}: {e}", out_path.display())))?;
    Model::from_json_str(&json)
}

/// Convert annotations between formats (spanmark, spacy, doccano, labelstudio, conll, brat,
/// txt), as `spanmark convert`. `src` is a path or a list of them (folders are read whole, zips
/// opened); `dst` a file, or a folder (existing, or ending in "/"). Returns what was written and
/// the self-check's problems; with `strict=True` any problem raises `SpanmarkError`.
#[pyfunction]
#[pyo3(signature = (src, dst, from_=None, to=None, *, suggestions=false, done=false, scheme="iob2", offsets="codepoint", date="", strict=false))]
#[allow(clippy::too_many_arguments)]
pub fn convert<'py>(
    py: Python<'py>,
    src: &Bound<'py, PyAny>,
    dst: PathBuf,
    from_: Option<&str>,
    to: Option<&str>,
    suggestions: bool,
    done: bool,
    scheme: &str,
    offsets: &str,
    date: &str,
    strict: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let inputs = paths_of(src)?;
    let from = format_of(from_, "from_")?;
    let to = format_of(to, "to")?.ok_or_else(|| {
        PyValueError::new_err(format!(
            "say the target format with to=, one of: {}",
            Format::ALL.map(|f| f.name()).join(", ")
        ))
    })?;
    let options = ExportOptions {
        documents: if done {
            DocumentChoice::Done
        } else {
            DocumentChoice::All
        },
        spans: if suggestions {
            SpanChoice::WithSuggestions
        } else {
            SpanChoice::AcceptedOnly
        },
        scheme: match scheme {
            "iob2" | "iob" => TagScheme::Iob2,
            "bilou" => TagScheme::Bilou,
            other => {
                return Err(PyValueError::new_err(format!(
                    "scheme takes iob2 or bilou, not “{other}”"
                )))
            }
        },
        offsets: offsets_of(offsets)?,
        date: date.to_string(),
    };
    let done = py
        .detach(|| formats::convert_paths(&inputs, from, to, &options, &dst))
        .map_err(|e| disk_error(py, e))?;
    let problems: Vec<String> = done.export.report.iter().map(|p| p.to_string()).collect();
    if strict && !problems.is_empty() {
        return Err(SpanmarkError::new_err(format!(
            "{} spans or documents would not survive the conversion (strict=True): {}",
            problems.len(),
            problems.join("; ")
        )));
    }
    let out = PyDict::new(py);
    out.set_item("from", done.from.name())?;
    out.set_item("documents", done.export.documents)?;
    out.set_item("spans", done.export.spans)?;
    out.set_item("problems", problems)?;
    out.set_item("notes", done.notes)?;
    out.set_item(
        "written",
        done.written
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>(),
    )?;
    Ok(out)
}

/// Every document in a file or folder of any format Spanmark reads (guessed from the first
/// file unless `from_` says it), with its spans in `str` indices of `Document.text`.
#[pyfunction]
#[pyo3(signature = (path, from_=None, *, offsets="codepoint"))]
pub fn read(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    from_: Option<&str>,
    offsets: &str,
) -> PyResult<Vec<Document>> {
    let paths = paths_of(path)?;
    let from = format_of(from_, "from_")?;
    let options = ImportOptions {
        offsets: offsets_of(offsets)?,
    };
    let read = py
        .detach(|| formats::read_paths(&paths, from, &options))
        .map_err(|e| disk_error(py, e))?;
    Ok(read
        .imported
        .documents
        .iter()
        .map(Document::from_core)
        .collect())
}
