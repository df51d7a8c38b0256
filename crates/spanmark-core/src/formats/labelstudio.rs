//! Label Studio JSON: a task list with `data.text`, accepted spans as `annotations[].result[]` and
//! suggestions as `predictions` with a score; offsets in UTF-16 units, as Label Studio counts them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::span::{Origin, SpanState};
use crate::text::TextIndex;

use super::intake::{self, Draft, RawSpan};
use super::labelstudio_links::{self, Region};
use super::{
    file_name, Chosen, ExportError, ExportFile, ExportOptions, ImportError, Imported, OffsetUnit,
};

#[derive(Serialize, Deserialize)]
struct Task {
    #[serde(default)]
    id: Value,
    data: Data,
    #[serde(default, skip_serializing_if = "Vec::is_empty", alias = "completions")]
    annotations: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    predictions: Vec<Annotation>,
}

#[derive(Serialize, Deserialize)]
struct Data {
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offsets: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line_endings: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Annotation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    was_cancelled: bool,
    #[serde(default)]
    result: Vec<ResultItem>,
}

#[derive(Serialize, Deserialize)]
struct ResultItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to_name: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    /// a relation result's ends, direction and labels (labelstudio_links)
    #[serde(flatten)]
    relation: serde_json::Map<String, Value>,
}

#[derive(Serialize, Deserialize)]
struct LabelsValue {
    start: i64,
    end: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    labels: Vec<String>,
}

pub(crate) fn write(
    chosen: &[Chosen],
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut tasks = Vec::with_capacity(chosen.len());
    for (t, c) in chosen.iter().enumerate() {
        let index = c.doc.index();
        let result = |accepted: bool| -> Result<Vec<ResultItem>, ExportError> {
            let mut out = Vec::new();
            for (k, s) in c
                .spans
                .iter()
                .enumerate()
                .filter(|(_, s)| s.is_accepted() == accepted)
            {
                let value = LabelsValue {
                    start: index.utf16_of_char(s.start).unwrap_or(0) as i64,
                    end: index.utf16_of_char(s.end).unwrap_or(0) as i64,
                    text: Some(c.doc.slice(s.start, s.end).to_string()),
                    labels: vec![s.label.clone()],
                };
                out.push(ResultItem {
                    id: Some(Value::from(format!("s{}", k + 1))),
                    from_name: "label".into(),
                    to_name: "text".into(),
                    kind: "labels".into(),
                    value: serde_json::to_value(value)
                        .map_err(|e| ExportError::Write(e.to_string()))?,
                    score: if accepted { None } else { s.confidence },
                    relation: Default::default(),
                });
            }
            if accepted && !c.links.is_empty() {
                out.extend(link_results(c)?);
            }
            Ok(out)
        };
        let accepted = result(true)?;
        let suggested = result(false)?;
        let scores: Vec<f32> = c
            .spans
            .iter()
            .filter(|s| !s.is_accepted())
            .filter_map(|s| s.confidence)
            .collect();
        let mean = (!scores.is_empty()).then(|| scores.iter().sum::<f32>() / scores.len() as f32);
        tasks.push(Task {
            id: Value::from(t + 1),
            data: Data {
                text: Some(c.doc.text().to_string()),
                title: Some(c.doc.title.clone()),
                id: Some(Value::from(c.doc.id.clone())),
                offsets: Some("utf16".into()),
                line_endings: Some("lf".into()),
            },
            annotations: if accepted.is_empty() {
                vec![]
            } else {
                vec![Annotation {
                    model_version: None,
                    score: None,
                    was_cancelled: false,
                    result: accepted,
                }]
            },
            predictions: if suggested.is_empty() {
                vec![]
            } else {
                vec![Annotation {
                    model_version: Some("spanmark".into()),
                    score: mean,
                    was_cancelled: false,
                    result: suggested,
                }]
            },
        });
    }
    let mut bytes =
        serde_json::to_vec_pretty(&tasks).map_err(|e| ExportError::Write(e.to_string()))?;
    bytes.push(b'\n');
    Ok(vec![ExportFile {
        name: file_name(options, "labelstudio", "json"),
        bytes,
    }])
}

/// The annotation's trigger regions and relation results for a document's links.
fn link_results(c: &Chosen) -> Result<Vec<ResultItem>, ExportError> {
    let index = c.doc.index();
    let ids: HashMap<(usize, usize), String> = c
        .spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_accepted())
        .map(|(k, s)| ((s.start, s.end), format!("s{}", k + 1)))
        .collect();
    let (triggers, relations) = labelstudio_links::write(&ids, &c.links);
    let mut out = Vec::new();
    for (id, start, end, kind) in triggers {
        let value = LabelsValue {
            start: index.utf16_of_char(start).unwrap_or(0) as i64,
            end: index.utf16_of_char(end).unwrap_or(0) as i64,
            text: Some(c.doc.slice(start, end).to_string()),
            labels: vec![kind],
        };
        out.push(ResultItem {
            id: Some(Value::from(id)),
            from_name: "label".into(),
            to_name: "text".into(),
            kind: "labels".into(),
            value: serde_json::to_value(value).map_err(|e| ExportError::Write(e.to_string()))?,
            score: None,
            relation: Default::default(),
        });
    }
    for r in relations {
        let Value::Object(mut relation) = r else {
            continue;
        };
        relation.remove("type");
        out.push(ResultItem {
            id: None,
            from_name: String::new(),
            to_name: String::new(),
            kind: "relation".into(),
            value: Value::Null,
            score: None,
            relation,
        });
    }
    Ok(out)
}

pub(crate) fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| intake::json_error(name, 1, &e))?;
    let list = match value {
        Value::Array(list) => list,
        one @ Value::Object(_) => vec![one],
        _ => {
            return Err(ImportError::file(
                name,
                "expected a list of Label Studio tasks",
            ))
        }
    };
    let mut documents = Vec::with_capacity(list.len());
    let mut notes = Vec::new();
    for (t, raw) in list.into_iter().enumerate() {
        let at = |m: String| ImportError::file(name, format!("task {}: {m}", t + 1));
        let task: Task = serde_json::from_value(raw).map_err(|e| at(e.to_string()))?;
        let Some(text) = task.data.text.clone() else {
            return Err(at("there is no \"data.text\"".into()));
        };
        let id = match (&task.data.id, &task.id) {
            (Some(Value::String(s)), _) if !s.is_empty() => s.clone(),
            (Some(Value::Number(n)), _) | (_, Value::Number(n)) => n.to_string(),
            _ => format!("{}-{}", intake::stem(name), t + 1),
        };
        let mut draft = Draft::new(id, task.data.title.clone(), text.clone());
        let index = TextIndex::new(&text);
        let mut n = 0;
        let sources = task
            .annotations
            .iter()
            .filter(|a| !a.was_cancelled)
            .map(|a| (a, SpanState::Accepted))
            .chain(task.predictions.iter().map(|p| (p, SpanState::Suggested)));
        for (annotation, state) in sources {
            // A prediction's own score stands for its results only when none of them has one.
            let whole = annotation
                .score
                .filter(|_| annotation.result.iter().all(|r| r.score.is_none()));
            let mut regions: Vec<Region> = Vec::new();
            let mut relations: Vec<(usize, Value)> = Vec::new();
            let first = draft.spans.len();
            for (r, item) in annotation.result.iter().enumerate() {
                if item.kind == "relation" && state == SpanState::Accepted {
                    relations.push((r + 1, Value::Object(item.relation.clone())));
                    continue;
                }
                if item.kind != "labels" {
                    notes.push(format!(
                        "task {}: a “{}” result was left out; only labelled spans are read",
                        t + 1,
                        item.kind
                    ));
                    continue;
                }
                n += 1;
                let value: LabelsValue = serde_json::from_value(item.value.clone())
                    .map_err(|e| at(format!("result {n}: {e}")))?;
                let (start, end) =
                    intake::locate(&index, OffsetUnit::Utf16, n, value.start, value.end)
                        .map_err(at)?;
                intake::check_copy(&text, &index, n, start, end, value.text.as_deref())
                    .map_err(at)?;
                for label in &value.labels {
                    intake::check_label(n, label).map_err(at)?;
                    let confidence = if state == SpanState::Suggested {
                        item.score.or(whole)
                    } else {
                        None
                    };
                    let origin = if state == SpanState::Suggested {
                        Origin::Model
                    } else {
                        Origin::Import
                    };
                    regions.push(Region {
                        id: item.id.as_ref().map(|v| match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        }),
                        label: label.clone(),
                        start,
                        end,
                    });
                    draft.spans.push(RawSpan {
                        start,
                        end,
                        label: label.clone(),
                        origin,
                        state,
                        confidence,
                    });
                }
            }
            if state == SpanState::Accepted {
                // the regions labelled by an event type are triggers, not spans
                let (links, triggers) =
                    labelstudio_links::read(&regions, &relations, &crate::label::Schema::news())
                        .map_err(at)?;
                for k in triggers.into_iter().rev() {
                    draft.spans.remove(first + k);
                }
                draft.links.events.extend(links.events);
                draft.links.relations.extend(links.relations);
            }
        }
        // An accepted span wins over a suggestion at the same place.
        let accepted: Vec<(usize, usize)> = draft
            .spans
            .iter()
            .filter(|s| s.state == SpanState::Accepted)
            .map(|s| (s.start, s.end))
            .collect();
        let before = draft.spans.len();
        draft.spans.retain(|s| {
            s.state == SpanState::Accepted
                || !accepted.iter().any(|&(a, b)| a < s.end && s.start < b)
        });
        let covered = before - draft.spans.len();
        if covered > 0 {
            notes.push(format!(
                "task {}: {covered} predictions over annotated text were left out; the annotation stands",
                t + 1
            ));
        }
        draft.links.sort();
        let doc = intake::finish(draft, &mut notes);
        intake::check_links(&doc, &crate::label::Schema::news()).map_err(at)?;
        documents.push(doc);
    }
    let labels = intake::labels_of(&documents, &[]);
    Ok(Imported {
        documents,
        labels,
        notes,
        schema: None,
    })
}
