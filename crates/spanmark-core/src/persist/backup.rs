//! The "Download everything" file: every document record, the labels, the settings and
//! any blobs (memory, model) in one JSON object. Reading one is all-or-nothing.
//!
//! `{"format":"spanmark-backup","schema":"spanmark/1","saved":ms,"documents":[record…],
//! "labels":{…},"settings":{…},"blobs":{"memory":"raw string",…}}`

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::error::PersistError;
use super::meta::{labels_from_value, labels_value, settings_from_value, settings_value};
use super::record::{decode_document_value, document_value};
use super::{LAYOUT_VERSION, SCHEMA};
use crate::document::Document;
use crate::label::Schema;

pub const BACKUP_FORMAT: &str = "spanmark-backup";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Backup {
    /// milliseconds since the Unix epoch
    pub saved: f64,
    pub documents: Vec<Document>,
    pub labels: Option<Schema>,
    pub settings: Option<Map<String, Value>>,
    /// raw stored strings of named blobs such as `memory` and `model`
    pub blobs: BTreeMap<String, String>,
}

pub fn encode_backup(backup: &Backup) -> Result<String, PersistError> {
    let mut obj = Map::new();
    obj.insert("format".into(), BACKUP_FORMAT.into());
    obj.insert("schema".into(), SCHEMA.into());
    obj.insert(
        "saved".into(),
        Value::from(if backup.saved.is_finite() {
            backup.saved
        } else {
            0.0
        }),
    );
    let docs = backup
        .documents
        .iter()
        .map(document_value)
        .collect::<Result<Vec<_>, _>>()?;
    obj.insert("documents".into(), Value::Array(docs));
    if let Some(labels) = &backup.labels {
        obj.insert("labels".into(), labels_value(labels)?);
    }
    if let Some(settings) = &backup.settings {
        obj.insert("settings".into(), settings_value(settings));
    }
    let blobs = backup
        .blobs
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    obj.insert("blobs".into(), Value::Object(blobs));
    serde_json::to_string(&Value::Object(obj)).map_err(|e| PersistError::Malformed(e.to_string()))
}

fn schema_version(schema: &str) -> Result<u64, PersistError> {
    let v = schema
        .strip_prefix("spanmark/")
        .and_then(|n| n.parse::<u64>().ok())
        .ok_or_else(|| PersistError::UnknownVersion(format!("schema “{schema}”")))?;
    if v > LAYOUT_VERSION {
        return Err(PersistError::NewerVersion {
            found: v,
            newest: LAYOUT_VERSION,
        });
    }
    Ok(v)
}

/// Read a backup file. Any invalid part fails the whole file, so a restore never
/// applies half of one.
pub fn decode_backup(raw: &str) -> Result<Backup, PersistError> {
    let value: Value = serde_json::from_str(raw.trim_start_matches('\u{feff}'))?;
    let Value::Object(mut obj) = value else {
        return Err(PersistError::NotABackup);
    };
    if obj.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(PersistError::NotABackup);
    }
    schema_version(obj.get("schema").and_then(Value::as_str).unwrap_or(""))?;
    let saved = obj.get("saved").and_then(Value::as_f64).unwrap_or(0.0);
    let Some(Value::Array(records)) = obj.remove("documents") else {
        return Err(PersistError::Missing("documents"));
    };
    let mut seen = BTreeSet::new();
    let mut documents = Vec::with_capacity(records.len());
    for (n, record) in records.into_iter().enumerate() {
        let id = record
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let doc =
            decode_document_value(record, None).map_err(|reason| PersistError::BadDocument {
                n: n + 1,
                id: id.clone(),
                reason: Box::new(reason),
            })?;
        if !seen.insert(doc.id.clone()) {
            return Err(PersistError::DuplicateDocument(doc.id));
        }
        documents.push(doc);
    }
    let labels = match obj.remove("labels") {
        None | Some(Value::Null) => None,
        Some(v) => {
            Some(labels_from_value(v).map_err(|e| PersistError::BadPart("labels", Box::new(e)))?)
        }
    };
    let settings = match obj.remove("settings") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            settings_from_value(v).map_err(|e| PersistError::BadPart("settings", Box::new(e)))?,
        ),
    };
    let mut blobs = BTreeMap::new();
    match obj.remove("blobs") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (name, v) in map {
                let Value::String(raw) = v else {
                    return Err(PersistError::BadPart(
                        "blobs",
                        Box::new(PersistError::Missing("blob string")),
                    ));
                };
                blobs.insert(name, raw);
            }
        }
        Some(_) => return Err(PersistError::Missing("blobs")),
    }
    Ok(Backup {
        saved,
        documents,
        labels,
        settings,
        blobs,
    })
}
