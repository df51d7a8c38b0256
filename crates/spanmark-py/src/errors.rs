//! Spanmark's Python exceptions: `SpanmarkError`, and `FormatError` (with `.path`, `.line`,
//! `.field`) and `ModelError` under it; the messages are the CLI's sentences.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use spanmark_core::formats::{DiskError, ImportError};
use spanmark_core::learn::ModelFileError;

create_exception!(
    spanmark,
    SpanmarkError,
    PyException,
    "Anything Spanmark refuses, with the same sentence as the `spanmark` CLI."
);
create_exception!(
    spanmark,
    FormatError,
    SpanmarkError,
    "A file that cannot be read in its format; `.path`, `.line` (1-based or None) and `.field` (or None) say where."
);
create_exception!(
    spanmark,
    ModelError,
    SpanmarkError,
    "A model file that cannot be loaded (damaged, not a model, or saved by a newer Spanmark)."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("SpanmarkError", py.get_type::<SpanmarkError>())?;
    m.add("FormatError", py.get_type::<FormatError>())?;
    m.add("ModelError", py.get_type::<ModelError>())?;
    Ok(())
}

/// A `FormatError` with its place set as attributes.
pub fn format_error(
    py: Python<'_>,
    message: String,
    path: &str,
    line: Option<usize>,
    field: Option<String>,
) -> PyErr {
    let err = FormatError::new_err(message);
    let value = err.value(py);
    // setting attributes on a fresh exception object cannot fail in practice; if it did, the
    // sentence still reaches the user
    let _ = value.setattr("path", path);
    let _ = value.setattr("line", line);
    let _ = value.setattr("field", field);
    err
}

pub fn import_error(py: Python<'_>, e: &ImportError) -> PyErr {
    format_error(py, e.to_string(), &e.file, e.line, e.field())
}

pub fn disk_error(py: Python<'_>, e: DiskError) -> PyErr {
    match &e {
        DiskError::Import(inner) => import_error(py, inner),
        DiskError::UnknownFormat(name) => format_error(
            py,
            format!("cannot tell the format of {name}; say it with from_="),
            name,
            None,
            None,
        ),
        _ => SpanmarkError::new_err(e.to_string()),
    }
}

pub fn model_error(e: ModelFileError) -> PyErr {
    match e {
        ModelFileError::Read { .. } => SpanmarkError::new_err(e.to_string()),
        ModelFileError::Model { .. } => ModelError::new_err(e.to_string()),
    }
}

/// A panic inside the core, caught before it reaches Python: a bug, said as one.
pub fn panicked(what: &str, payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let why = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    SpanmarkError::new_err(format!(
        "the detector failed on {what} (a bug in Spanmark; please report it with the text): {why}"
    ))
}
