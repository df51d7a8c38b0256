//! Texts coming in from Python: a `str` (else TypeError), valid Unicode (a lone surrogate is a
//! ValueError naming its index), line endings normalised as the CLI does, offsets mapped back.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use spanmark_core::text::normalize_newlines;

/// A text as the detector sees it, and how to get back to the caller's `str` indices.
pub struct Text {
    /// line endings normalised to LF (what `spanmark detect` detects on)
    pub normalized: String,
    /// for each code point index of `normalized` (and its end), the index in the original;
    /// None when the text had no CR, so indices are the same
    back: Option<Vec<usize>>,
}

impl Text {
    pub fn new(original: String) -> Self {
        if !original.contains('\r') {
            return Text {
                normalized: original,
                back: None,
            };
        }
        let chars: Vec<char> = original.chars().collect();
        let mut back = Vec::with_capacity(chars.len() + 1);
        let mut i = 0;
        while i < chars.len() {
            // CRLF becomes one LF, which stands where the CR stood
            back.push(i);
            i += if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                2
            } else {
                1
            };
        }
        back.push(chars.len());
        Text {
            normalized: normalize_newlines(&original),
            back: Some(back),
        }
    }

    /// The original index of a normalised code point index.
    pub fn original(&self, i: usize) -> usize {
        match &self.back {
            None => i,
            Some(back) => back.get(i).copied().unwrap_or(i),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".into())
}

/// The Rust string of a Python `str` argument, with a sentence for anything else.
pub fn text_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let Ok(s) = obj.cast::<PyString>() else {
        let kind = type_name(obj);
        let hint = if kind == "bytes" || kind == "bytearray" {
            "; decode it first, e.g. data.decode(\"utf-8\")"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str, not {kind}{hint}"
        )));
    };
    s.extract::<String>().map_err(|e| {
        let py = obj.py();
        let at = e
            .value(py)
            .getattr("start")
            .and_then(|v| v.extract::<usize>())
            .ok();
        match at {
            Some(i) => {
                let unit = s
                    .get_item(i)
                    .ok()
                    .and_then(|c| c.call_method0("__repr__").ok())
                    .map(|r| r.to_string())
                    .unwrap_or_default();
                PyValueError::new_err(format!(
                    "{what} has a lone surrogate {unit} at index {i}, which is not a character \
                     (half of a UTF-16 pair); clean the text first, e.g. \
                     text.encode(\"utf-16\", \"surrogatepass\").decode(\"utf-16\", \"replace\")"
                ))
            }
            None => PyValueError::new_err(format!("{what} is not valid Unicode: {e}")),
        }
    })
}
