//! Training data for `spanmark train` (and the Python `spanmark.train`): annotated documents read
//! from a Spanmark export or a folder of `{"text", "spans"}` files, and a learner trained on them.

use std::path::Path;

use serde_json::Value;
use thiserror::Error;

use crate::detect::Pipeline;
use crate::learn::{LearnError, Learner};
use crate::span::Span;
use crate::token::tokenize;

/// Training data that cannot be read; the sentence names the file and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct TrainingSetError(pub String);

/// One annotated document to learn from.
#[derive(Debug, Clone)]
pub struct TrainingDocument {
    pub name: String,
    /// false for a document an export marks `"status": "open"` (maybe half annotated)
    pub done: bool,
    pub text: String,
    pub spans: Vec<Span>,
}

fn read_document(name: String, v: &Value) -> Result<TrainingDocument, TrainingSetError> {
    let fail = |m: String| TrainingSetError(m);
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| fail(format!("{name}: no \"text\"")))?
        .to_string();
    let len = text.chars().count();
    let mut spans = Vec::new();
    for s in v
        .get("spans")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let num = |k: &str| s.get(k).and_then(Value::as_u64).map(|n| n as usize);
        let (Some(start), Some(end), Some(label)) = (
            num("start"),
            num("end"),
            s.get("label").and_then(Value::as_str),
        ) else {
            return Err(fail(format!(
                "{name}: a span needs \"start\", \"end\" and \"label\""
            )));
        };
        if start >= end || end > len {
            return Err(fail(format!(
                "{name}: span {start}–{end} does not fit a text of {len} characters"
            )));
        }
        // suggestions the user never accepted are not annotations
        if s.get("state").and_then(Value::as_str) == Some("suggested") {
            continue;
        }
        spans.push(Span::manual(start, end, label));
    }
    let done = v.get("status").and_then(Value::as_str) != Some("open");
    Ok(TrainingDocument {
        name,
        done,
        text,
        spans,
    })
}

/// Documents from an export file or a directory of per-document JSON files (sorted by name).
pub fn load_documents(path: &Path) -> Result<Vec<TrainingDocument>, TrainingSetError> {
    let read = |p: &Path| -> Result<Value, TrainingSetError> {
        let raw = std::fs::read_to_string(p)
            .map_err(|e| TrainingSetError(format!("cannot read {}: {e}", p.display())))?;
        serde_json::from_str(&raw)
            .map_err(|e| TrainingSetError(format!("{} is not JSON: {e}", p.display())))
    };
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| TrainingSetError(format!("cannot list {}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        return files
            .iter()
            .map(|f| {
                read_document(
                    f.file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    &read(f)?,
                )
            })
            .collect();
    }
    let v = read(path)?;
    match v.get("documents").and_then(Value::as_array) {
        Some(docs) => docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let name = d
                    .get("id")
                    .or(d.get("title"))
                    .and_then(Value::as_str)
                    .map(String::from);
                read_document(name.unwrap_or_else(|| format!("document {}", i + 1)), d)
            })
            .collect(),
        None if v.get("text").is_some() => Ok(vec![read_document(path.display().to_string(), &v)?]),
        None => Err(TrainingSetError(format!(
            "{} has neither \"documents\" nor \"text\"",
            path.display()
        ))),
    }
}

/// A learner trained on these documents, with `rules` (the detector `detect` uses) as
/// features, so `detect --model` sees the same inputs.
pub fn train_on(docs: &[TrainingDocument], rules: &Pipeline) -> Learner {
    let mut learner = Learner::new();
    learner.use_lists(rules);
    for d in docs {
        let tokens = tokenize(&d.text);
        let found = rules.detect(&d.text, &tokens);
        learner.learn_document_with(&d.name, &d.text, &tokens, &found, &d.spans);
    }
    learner.train();
    learner
}

/// A model file that cannot be loaded: unreadable, or not a model this Spanmark can read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelFileError {
    #[error("cannot read model {path}: {why}")]
    Read { path: String, why: String },
    #[error("{path}: {source}")]
    Model { path: String, source: LearnError },
}

/// Read a learner file written by `spanmark train` or exported from the page.
pub fn load_model(path: &Path) -> Result<Learner, ModelFileError> {
    let shown = path.display().to_string();
    let json = std::fs::read_to_string(path).map_err(|e| ModelFileError::Read {
        path: shown.clone(),
        why: e.to_string(),
    })?;
    Learner::from_json(&json).map_err(|source| ModelFileError::Model {
        path: shown,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_spans_are_skipped_and_bad_spans_named() {
        let doc: Value = serde_json::from_str(
            r#"{"text":"Kabul and Herat","status":"open","spans":[
                {"start":0,"end":5,"label":"GPE"},
                {"start":10,"end":15,"label":"GPE","state":"suggested"}]}"#,
        )
        .unwrap();
        let d = read_document("a".into(), &doc).unwrap();
        assert_eq!((d.done, d.spans.len()), (false, 1));
        let bad: Value =
            serde_json::from_str(r#"{"text":"ab","spans":[{"start":1,"end":9,"label":"X"}]}"#)
                .unwrap();
        assert_eq!(
            read_document("b".into(), &bad).unwrap_err().to_string(),
            "b: span 1–9 does not fit a text of 2 characters"
        );
    }

    #[test]
    fn a_missing_model_file_is_named() {
        let e = load_model(Path::new("/nonexistent/model.json")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("cannot read model /nonexistent/model.json"),
            "{e}"
        );
    }
}
