//! The small entries beside the documents: the index (order and titles), the label
//! schema and the settings object, each versioned like a document record.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::PersistError;
use super::META_VERSION as VERSION;
use crate::event_schema::{default_events, default_relations, EventType, RelationType};
use crate::label::{Label, Schema};

/// Document order as the list shows it, with titles and revisions for a quick look.
/// The documents' own keys are the truth: an index entry without a document is
/// ignored and a document missing from the index is appended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexRecord {
    /// (id, title, revision)
    pub docs: Vec<(String, String, u64)>,
}

#[derive(Serialize, Deserialize)]
struct IndexWire {
    v: u64,
    docs: Vec<(String, String, u64)>,
}

#[derive(Serialize, Deserialize)]
struct LabelsWire {
    v: u64,
    name: String,
    /// [name, colour, key or ""]
    labels: Vec<(String, String, String)>,
    /// version 2 on; a version 1 entry gets the guideline's types
    #[serde(default = "default_relations")]
    relations: Vec<RelationType>,
    #[serde(default = "default_events")]
    events: Vec<EventType>,
}

/// Index, labels and settings read every version from 1 on (version 2 only added the
/// event and relation types to the labels, with defaults for older entries).
fn check_version(v: u64) -> Result<(), PersistError> {
    match v {
        1..=VERSION => Ok(()),
        v if v > VERSION => Err(PersistError::NewerVersion {
            found: v,
            newest: VERSION,
        }),
        v => Err(PersistError::UnknownVersion(format!("version {v}"))),
    }
}

fn version_of(value: &Value) -> Result<u64, PersistError> {
    value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| PersistError::UnknownVersion("no version field".into()))
}

fn malformed(e: serde_json::Error) -> PersistError {
    PersistError::Malformed(e.to_string())
}

pub fn encode_index(index: &IndexRecord) -> Result<String, PersistError> {
    serde_json::to_string(&IndexWire {
        v: VERSION,
        docs: index.docs.clone(),
    })
    .map_err(malformed)
}

pub fn decode_index(raw: &str) -> Result<IndexRecord, PersistError> {
    let value: Value = serde_json::from_str(raw)?;
    check_version(version_of(&value)?)?;
    let wire: IndexWire = serde_json::from_value(value).map_err(malformed)?;
    Ok(IndexRecord { docs: wire.docs })
}

pub fn encode_labels(schema: &Schema) -> Result<String, PersistError> {
    serde_json::to_string(&labels_wire(schema)).map_err(malformed)
}

fn labels_wire(schema: &Schema) -> LabelsWire {
    LabelsWire {
        v: VERSION,
        name: schema.name.clone(),
        labels: schema
            .labels
            .iter()
            .map(|l| {
                (
                    l.name.clone(),
                    l.color.clone(),
                    l.key.map(String::from).unwrap_or_default(),
                )
            })
            .collect(),
        relations: schema.relations.clone(),
        events: schema.events.clone(),
    }
}

/// The labels record as a JSON value (inside a backup).
pub(crate) fn labels_value(schema: &Schema) -> Result<Value, PersistError> {
    serde_json::to_value(labels_wire(schema)).map_err(malformed)
}

pub fn decode_labels(raw: &str) -> Result<Schema, PersistError> {
    labels_from_value(serde_json::from_str(raw)?)
}

pub(crate) fn labels_from_value(value: Value) -> Result<Schema, PersistError> {
    check_version(version_of(&value)?)?;
    let wire: LabelsWire = serde_json::from_value(value).map_err(malformed)?;
    let mut labels: Vec<Label> = Vec::with_capacity(wire.labels.len());
    for (name, color, key) in wire.labels {
        if name.trim().is_empty() {
            return Err(PersistError::EmptyLabel);
        }
        if labels.iter().any(|l| l.name == name) {
            return Err(PersistError::DuplicateLabel(name));
        }
        labels.push(Label {
            name,
            color,
            key: key.chars().next(),
        });
    }
    Ok(Schema {
        name: wire.name,
        labels,
        relations: wire.relations,
        events: wire.events,
    })
}

/// Settings are an open JSON object owned by the app; the store only versions it.
pub fn encode_settings(settings: &Map<String, Value>) -> Result<String, PersistError> {
    serde_json::to_string(&settings_value(settings)).map_err(malformed)
}

pub(crate) fn settings_value(settings: &Map<String, Value>) -> Value {
    let mut obj = settings.clone();
    obj.insert("v".into(), Value::from(VERSION));
    Value::Object(obj)
}

pub fn decode_settings(raw: &str) -> Result<Map<String, Value>, PersistError> {
    settings_from_value(serde_json::from_str(raw)?)
}

pub(crate) fn settings_from_value(value: Value) -> Result<Map<String, Value>, PersistError> {
    check_version(version_of(&value)?)?;
    match value {
        Value::Object(mut obj) => {
            obj.remove("v");
            Ok(obj)
        }
        _ => Err(PersistError::Missing("settings")),
    }
}
