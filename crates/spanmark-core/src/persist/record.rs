//! One document as a compact `spanmark/1` record: short keys, a per-document label
//! table and the spans packed into one short string (see [`super::packed`]).
//!
//! `{"v":2,"id":…,"t":title,"st":"open"|"done","c":created,"u":updated,"r":revision,
//! "l":["GPE",…],"a":"packed spans","ev":[events],"re":[relations],"pv":[provenance],"x":"the text"}`
//! — the text comes last so a stored entry reads well; `ev`/`re` are left out when empty (see
//! [`super::links_wire`]), `pv` (a gold document's review provenance per span, as
//! `review::Provenance` writes it) too. All offsets are code points.
//!
//! Version 3 (the store's own entries) is the same record without `"x"`: `"xk"` holds the
//! hash of the text, which is kept under its own key ([`super::text_key`]). A record with its
//! text inline (backups, restore, the team store) is still written as version 2.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::PersistError;
use super::links_wire::{events_out, links_in, relations_out, EventWire, RelationWire};
use super::migrate::migrate;
use super::packed::{pack, unpack};
use super::text_key::{text_hash, text_key};
use super::{INLINE_VERSION, VERSION};
use crate::document::{DocStatus, Document};
use crate::review::Provenance;

#[derive(Serialize)]
struct RecordOut<'a> {
    v: u64,
    id: &'a str,
    t: &'a str,
    st: DocStatus,
    c: f64,
    u: f64,
    r: u64,
    l: Vec<&'a str>,
    a: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ev: Vec<EventWire>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    re: Vec<RelationWire>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pv: Vec<&'a Provenance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xk: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<&'a str>,
}

#[derive(Deserialize)]
struct RecordIn {
    v: u64,
    id: String,
    #[serde(default)]
    t: String,
    #[serde(default)]
    st: DocStatus,
    #[serde(default)]
    c: f64,
    #[serde(default)]
    u: f64,
    #[serde(default)]
    r: u64,
    #[serde(default)]
    l: Vec<String>,
    #[serde(default)]
    a: String,
    #[serde(default)]
    ev: Vec<EventWire>,
    #[serde(default)]
    re: Vec<RelationWire>,
    #[serde(default)]
    pv: Vec<Provenance>,
    x: String,
}

fn finite_or_zero(t: f64) -> f64 {
    if t.is_finite() {
        t
    } else {
        0.0
    }
}

fn record_of(doc: &Document) -> RecordOut<'_> {
    let (labels, packed) = pack(doc.spans());
    RecordOut {
        v: INLINE_VERSION,
        id: &doc.id,
        t: &doc.title,
        st: doc.status,
        c: finite_or_zero(doc.created),
        u: finite_or_zero(doc.updated),
        r: doc.revision,
        l: labels,
        a: packed,
        ev: events_out(doc.links()),
        re: relations_out(doc.links()),
        pv: doc.provenance().collect(),
        xk: None,
        x: Some(doc.text()),
    }
}

/// The stored string of a document.
pub fn encode_document(doc: &Document) -> Result<String, PersistError> {
    serde_json::to_string(&record_of(doc)).map_err(|e| PersistError::Malformed(e.to_string()))
}

/// The stored string of a document under another revision (the store numbers what it
/// writes), without copying the document.
pub fn encode_document_at(doc: &Document, revision: u64) -> Result<String, PersistError> {
    let mut record = record_of(doc);
    record.r = revision;
    serde_json::to_string(&record).map_err(|e| PersistError::Malformed(e.to_string()))
}

/// The store's record of a document under a revision of its choosing, without the text,
/// which the store keeps under `text_key(id, hash)`; `hash` is [`text_hash`] of the text.
pub fn encode_head_at(doc: &Document, revision: u64, hash: &str) -> Result<String, PersistError> {
    let mut record = record_of(doc);
    record.v = VERSION;
    record.r = revision;
    record.x = None;
    record.xk = Some(hash);
    serde_json::to_string(&record).map_err(|e| PersistError::Malformed(e.to_string()))
}

/// The record of a document as a JSON value (how documents sit inside a backup).
pub fn document_value(doc: &Document) -> Result<Value, PersistError> {
    serde_json::to_value(record_of(doc)).map_err(|e| PersistError::Malformed(e.to_string()))
}

/// Read a record with its text inline (any version), migrating older versions.
/// `expected_id` is the id in the key it was read from; a record claiming another id is
/// rejected. A version 3 record whose text is under its own key needs [`decode_stored`].
pub fn decode_document(raw: &str, expected_id: Option<&str>) -> Result<Document, PersistError> {
    decode_stored(raw, expected_id, |_| None)
}

/// Read a stored record of any version; `text_of` reads a text key (for version 3 records
/// that keep their text under one). A missing text, or one that is not the text the record
/// was saved with, is an error naming the key.
pub fn decode_stored(
    raw: &str,
    expected_id: Option<&str>,
    text_of: impl FnOnce(&str) -> Option<String>,
) -> Result<Document, PersistError> {
    let value: Value = serde_json::from_str(raw)?;
    decode_value_with(value, expected_id, text_of)
}

/// Like [`decode_document`], from an already parsed JSON value.
pub fn decode_document_value(
    value: Value,
    expected_id: Option<&str>,
) -> Result<Document, PersistError> {
    decode_value_with(value, expected_id, |_| None)
}

fn decode_value_with(
    value: Value,
    expected_id: Option<&str>,
    text_of: impl FnOnce(&str) -> Option<String>,
) -> Result<Document, PersistError> {
    let mut value = migrate(value)?;
    join_text(&mut value, text_of)?;
    let rec: RecordIn =
        serde_json::from_value(value).map_err(|e| PersistError::Malformed(e.to_string()))?;
    if rec.v != VERSION {
        return Err(PersistError::UnknownVersion(rec.v.to_string()));
    }
    if rec.id.is_empty() {
        return Err(PersistError::EmptyId);
    }
    if let Some(expected) = expected_id {
        if expected != rec.id {
            return Err(PersistError::IdMismatch {
                expected: expected.to_string(),
                found: rec.id,
            });
        }
    }
    let mut doc = Document::new(rec.id, rec.t, &rec.x);
    let spans = unpack(&rec.a, &rec.l, doc.len_chars())?;
    doc.set_spans(spans);
    let links = links_in(rec.ev, rec.re)?;
    if let Some(problem) = links.problem(doc.spans(), None, doc.len_chars()) {
        return Err(PersistError::Malformed(problem));
    }
    doc.set_links(links);
    // entries of spans the document no longer has are ignored (see Document::provenance)
    doc.set_provenance(rec.pv);
    doc.status = rec.st;
    doc.created = rec.c;
    doc.updated = rec.u;
    doc.revision = rec.r;
    Ok(doc)
}

/// Put the text of a record that names its text key (`"xk"`) into `"x"`, checked by its hash.
fn join_text(
    value: &mut Value,
    text_of: impl FnOnce(&str) -> Option<String>,
) -> Result<(), PersistError> {
    let Some(obj) = value.as_object_mut() else {
        return Ok(());
    };
    let Some(hash) = obj.get("xk") else {
        return Ok(());
    };
    let hash = hash
        .as_str()
        .ok_or(PersistError::Missing("xk"))?
        .to_string();
    if obj.contains_key("x") {
        return Err(PersistError::Malformed(
            "it has its text both inline and under its own key".into(),
        ));
    }
    let id = obj
        .get("id")
        .and_then(Value::as_str)
        .ok_or(PersistError::Missing("id"))?;
    let key = text_key(id, &hash);
    let text = text_of(&key).ok_or_else(|| PersistError::MissingText { key: key.clone() })?;
    if text_hash(&text) != hash {
        return Err(PersistError::TextMismatch { key });
    }
    obj.remove("xk");
    obj.insert("x".into(), Value::String(text));
    Ok(())
}
