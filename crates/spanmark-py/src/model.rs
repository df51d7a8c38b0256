//! `spanmark.Model`: a learner saved by `spanmark train` (or exported from the page), merged
//! over the rules as `spanmark detect --model` does; picklable as its JSON.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::types::PyDict;
use spanmark_core::detect::{Pipeline, Suggester};
use spanmark_core::learn::{load_model, Learner};

use crate::errors::{model_error, ModelError, SpanmarkError};

/// The rules alone, as `spanmark detect` runs them (compiled-in lists plus the full gazetteer).
pub fn rules_only() -> Arc<Suggester> {
    static RULES: OnceLock<Arc<Suggester>> = OnceLock::new();
    RULES
        .get_or_init(|| Arc::new(Suggester::new(Pipeline::full(), None)))
        .clone()
}

/// A learnt model (memory + tagger) together with the rules it was trained over.
#[pyclass(module = "spanmark", frozen)]
pub struct Model {
    pub suggester: Arc<Suggester>,
}

impl Model {
    fn of(learner: Learner) -> Model {
        Model {
            suggester: Arc::new(Suggester::new(Pipeline::full(), Some(learner))),
        }
    }

    /// A model from model JSON (what `from_json` does, for Rust callers).
    pub fn from_json_str(json: &str) -> PyResult<Model> {
        Learner::from_json(json)
            .map(Model::of)
            .map_err(|e| ModelError::new_err(e.to_string()))
    }

    fn learner(&self) -> &Learner {
        self.suggester
            .model
            .as_ref()
            .expect("a Model always holds a learner")
    }
}

#[pymethods]
impl Model {
    /// Load a model file written by `spanmark train` / `spanmark.train` or exported from the page.
    ///
    /// Raises `ModelError` for a file that is not a model, is damaged, or was saved by a newer
    /// Spanmark, and `SpanmarkError` when the file cannot be read.
    #[staticmethod]
    pub fn load(py: Python<'_>, path: PathBuf) -> PyResult<Model> {
        let learner = py.detach(|| load_model(&path)).map_err(model_error)?;
        Ok(Model::of(learner))
    }

    /// A model from the JSON text of a model file.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Model> {
        Model::from_json_str(json)
    }

    /// The model as the JSON text `spanmark train` writes.
    fn to_json(&self) -> String {
        self.learner().to_json()
    }

    /// Write the model file.
    fn save(&self, path: PathBuf) -> PyResult<()> {
        std::fs::write(&path, self.to_json())
            .map_err(|e| SpanmarkError::new_err(format!("cannot write {}: {e}", path.display())))
    }

    /// What the model learnt from: documents, spans, remembered forms, weights.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.learner().stats();
        let d = PyDict::new(py);
        d.set_item("trained_documents", s.trained_documents)?;
        d.set_item("trained_spans", s.trained_spans)?;
        d.set_item("remembered_forms", s.remembered_forms)?;
        d.set_item("model_weights", s.model_weights)?;
        Ok(d)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(),)))
    }

    fn __repr__(&self) -> String {
        let s = self.learner().stats();
        format!(
            "Model({} documents, {} spans, {} remembered forms)",
            s.trained_documents, s.trained_spans, s.remembered_forms
        )
    }
}
