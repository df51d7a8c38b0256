//! Migrations between record versions, as code: each step turns a version-n JSON value
//! into version n+1. Version 0 is the plain serde form of `Document` (spans as objects);
//! version 1 is the compact record without events and relations; version 2 adds them;
//! version 3 may keep the text under its own key (`"xk"`, see `super::text_key`).
//!
//! Version 0 looks like `{"id","title","text","spans":[{"start","end","label","origin",
//! "state","confidence"}],"status","created","updated","revision"}` with no `"v"` field;
//! pre-release builds wrote it and hand-made files still use it.

use serde::Deserialize;
use serde_json::Value;

use super::error::PersistError;
use super::record::document_value;
use super::VERSION;
use crate::document::{DocStatus, Document};
use crate::span::Span;

type Step = fn(Value) -> Result<Value, PersistError>;

/// `STEPS[n]` migrates version n to n+1.
const STEPS: [Step; VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3];

/// The version a stored value was written with.
pub fn record_version(value: &Value) -> Result<u64, PersistError> {
    let Some(obj) = value.as_object() else {
        return Err(PersistError::UnknownVersion(
            "the entry is not a JSON object".into(),
        ));
    };
    match obj.get("v") {
        Some(v) => v
            .as_u64()
            .ok_or_else(|| PersistError::UnknownVersion(format!("version {v}"))),
        None if obj.contains_key("text") && obj.contains_key("spans") => Ok(0),
        None => Err(PersistError::UnknownVersion("no version field".into())),
    }
}

/// Bring a stored value up to [`VERSION`]; a newer version is an error, never a guess.
pub fn migrate(mut value: Value) -> Result<Value, PersistError> {
    let mut version = record_version(&value)?;
    if version > VERSION {
        return Err(PersistError::NewerVersion {
            found: version,
            newest: VERSION,
        });
    }
    while version < VERSION {
        value = STEPS[version as usize](value)?;
        version += 1;
    }
    Ok(value)
}

#[derive(Deserialize)]
struct DocumentV0 {
    id: String,
    #[serde(default)]
    title: String,
    text: String,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    status: DocStatus,
    #[serde(default)]
    created: f64,
    #[serde(default)]
    updated: f64,
    #[serde(default)]
    revision: u64,
}

/// Version 0 spans may come in any order; out-of-range or overlapping spans are an
/// error rather than silently dropped, so the entry is quarantined whole.
fn v0_to_v1(value: Value) -> Result<Value, PersistError> {
    let old: DocumentV0 =
        serde_json::from_value(value).map_err(|e| PersistError::Malformed(e.to_string()))?;
    if old.id.is_empty() {
        return Err(PersistError::EmptyId);
    }
    let mut doc = Document::new(old.id, old.title, &old.text);
    let len = doc.len_chars();
    let mut order: Vec<usize> = (0..old.spans.len()).collect();
    order.sort_by_key(|&i| (old.spans[i].start, old.spans[i].end));
    for (k, &i) in order.iter().enumerate() {
        let s = &old.spans[i];
        if s.start >= s.end {
            return Err(PersistError::EmptySpan { n: i });
        }
        if s.end > len {
            return Err(PersistError::BadOffsets {
                n: i,
                start: s.start,
                end: s.end,
                len,
            });
        }
        if let Some(&j) = order.get(k + 1) {
            if old.spans[j].start < s.end {
                return Err(PersistError::Overlap { n: i, m: j });
            }
        }
    }
    doc.set_spans(old.spans);
    doc.status = old.status;
    doc.created = old.created;
    doc.updated = old.updated;
    doc.revision = old.revision;
    // written by today's encoder, which leaves out the (empty) links: a version 1 record
    let mut value = document_value(&doc)?;
    value["v"] = Value::from(1u64);
    Ok(value)
}

/// Version 2 only adds the optional `ev` (events) and `re` (relations) lists: a version 1
/// record has none, so it reads unchanged under the new number. Fields that version 1 did
/// not know are refused rather than guessed at.
fn v1_to_v2(mut value: Value) -> Result<Value, PersistError> {
    let Some(obj) = value.as_object_mut() else {
        return Err(PersistError::Missing("v"));
    };
    if obj.contains_key("ev") || obj.contains_key("re") {
        return Err(PersistError::Malformed(
            "a version 1 entry cannot carry events or relations".into(),
        ));
    }
    obj.insert("v".into(), Value::from(2u64));
    Ok(value)
}

/// Version 3 lets a record name its text key (`"xk"`) instead of holding the text: a version 2
/// record holds its text, so it reads unchanged under the new number. A version 2 record that
/// names a text key is refused rather than guessed at.
fn v2_to_v3(mut value: Value) -> Result<Value, PersistError> {
    let Some(obj) = value.as_object_mut() else {
        return Err(PersistError::Missing("v"));
    };
    if obj.contains_key("xk") {
        return Err(PersistError::Malformed(
            "a version 2 entry holds its text; it cannot name a text key".into(),
        ));
    }
    obj.insert("v".into(), Value::from(3u64));
    Ok(value)
}
