//! Migrations as code: version 0 records (plain serde form, spans as objects) become
//! `spanmark/1` records; bad version 0 data is refused, never silently trimmed.

mod persist_support;

use serde_json::json;
use spanmark_core::persist::*;
use spanmark_core::{Origin, SpanState};

use persist_support::{code, vlq};

fn v0() -> serde_json::Value {
    json!({
        "id": "old1",
        "title": "Kabul",
        "text": "Taliban fighters entered Kabul on Sunday.",
        "spans": [
            {"start": 25, "end": 30, "label": "GPE", "origin": "manual", "state": "accepted"},
            {"start": 0, "end": 7, "label": "ORG", "origin": "model", "state": "suggested", "confidence": 0.5}
        ],
        "status": "done",
        "created": 1.0,
        "updated": 2.0,
        "revision": 4
    })
}

#[test]
fn version_zero_is_detected() {
    assert_eq!(record_version(&v0()).unwrap(), 0);
    assert_eq!(record_version(&json!({"v": 1})).unwrap(), 1);
}

#[test]
fn version_zero_migrates_to_one() {
    let migrated = migrate(v0()).unwrap();
    assert_eq!(migrated["v"], 1);
    let packed = vlq(&[
        0,
        7,
        code(0, 5, true, false),
        u64::from(0.5f32.to_bits()),
        18,
        5,
        code(1, 0, false, true),
    ]);
    assert_eq!(migrated["a"], json!(packed));
    assert_eq!(migrated["l"], json!(["ORG", "GPE"]));
    let doc = decode_document(&v0().to_string(), Some("old1")).unwrap();
    assert_eq!(doc.title, "Kabul");
    assert_eq!(doc.revision, 4);
    assert_eq!(doc.status, spanmark_core::DocStatus::Done);
    assert_eq!(doc.spans().len(), 2);
    assert_eq!(doc.slice(25, 30), "Kabul");
    assert_eq!(doc.spans()[0].origin, Origin::Model);
    assert_eq!(doc.spans()[0].state, SpanState::Suggested);
    // Once migrated, encoding writes version 1 and reads back the same.
    let again = decode_document(&encode_document(&doc).unwrap(), None).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn version_zero_with_bad_spans_is_refused() {
    let mut v = v0();
    v["spans"][0]["end"] = json!(99);
    assert!(matches!(
        migrate(v),
        Err(PersistError::BadOffsets { n: 0, .. })
    ));
    let mut v = v0();
    v["spans"][1]["end"] = json!(27);
    assert_eq!(migrate(v), Err(PersistError::Overlap { n: 1, m: 0 }));
    let mut v = v0();
    v["spans"][1]["origin"] = json!("oracle");
    assert!(matches!(migrate(v), Err(PersistError::Malformed(_))));
}

#[test]
fn current_version_passes_through_and_newer_is_refused() {
    let v = json!({"v": 1, "id": "a", "x": ""});
    assert_eq!(migrate(v.clone()).unwrap(), v);
    assert_eq!(
        migrate(json!({"v": 9})),
        Err(PersistError::NewerVersion {
            found: 9,
            newest: VERSION
        })
    );
}
