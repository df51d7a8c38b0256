//! Migrations as code: version 0 records (plain serde form, spans as objects) become
//! compact records, version 1 records (no events or relations) become version 2 unchanged
//! otherwise; bad old data is refused, never silently trimmed; newer versions are refused.

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
fn version_zero_migrates_to_the_current_version() {
    let migrated = migrate(v0()).unwrap();
    assert_eq!(migrated["v"], VERSION);
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
    // Once migrated, encoding writes the current version and reads back the same.
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
    let v = json!({"v": 3, "id": "a", "xk": "cbf29ce484222325"});
    assert_eq!(migrate(v.clone()).unwrap(), v);
    assert_eq!(
        migrate(json!({"v": 9})),
        Err(PersistError::NewerVersion {
            found: 9,
            newest: VERSION
        })
    );
}

/// A version 1 record as the previous release wrote it (the packed spans of `v0()`).
fn v1() -> serde_json::Value {
    let packed = vlq(&[
        0,
        7,
        code(0, 5, true, false),
        u64::from(0.5f32.to_bits()),
        18,
        5,
        code(1, 0, false, true),
    ]);
    json!({"v": 1, "id": "old1", "t": "Kabul", "st": "done", "c": 1.0, "u": 2.0, "r": 4,
           "l": ["ORG", "GPE"], "a": packed, "x": "Taliban fighters entered Kabul on Sunday."})
}

#[test]
fn version_one_migrates_to_three_unchanged_but_for_the_number() {
    let migrated = migrate(v1()).unwrap();
    let mut want = v1();
    want["v"] = json!(3);
    assert_eq!(migrated, want);
    let doc = decode_document(&v1().to_string(), Some("old1")).unwrap();
    assert_eq!(doc.spans().len(), 2);
    assert!(doc.links().is_empty());
    assert_eq!(doc.revision, 4);
    // version 1 with event fields was never written: refused, not guessed
    let mut bad = v1();
    bad["ev"] = json!([["ATTACK", 17, 24, 1, []]]);
    assert!(matches!(migrate(bad), Err(PersistError::Malformed(_))));
}

#[test]
fn events_and_relations_are_stored_and_read_back() {
    use spanmark_core::links::{Event, Links, Relation};
    let mut doc = decode_document(&v1().to_string(), None).unwrap();
    let links = Links {
        events: vec![Event::suggested("ATTACK", 17, 24, Origin::Pattern)
            .with("perpetrator", 0, 7)
            .with("place", 25, 30)],
        relations: vec![Relation::manual("located_in", (25, 30), (0, 7))],
    };
    doc.set_links(links.clone());
    let raw = encode_document(&doc).unwrap();
    assert!(
        raw.contains(r#""ev":[["ATTACK",17,24,4,[["perpetrator",0,7],["place",25,30]]]]"#),
        "{raw}"
    );
    let back = decode_document(&raw, None).unwrap();
    assert_eq!(back.links(), &links);
    assert_eq!(back, doc);
    // an argument pointing at no span is refused with a sentence
    let broken = raw.replace(r#"["place",25,30]"#, r#"["place",26,30]"#);
    let err = decode_document(&broken, None).unwrap_err().to_string();
    assert!(
        err.contains("event 1: its place argument 26–30 is not an entity span"),
        "{err}"
    );
}

#[test]
fn labels_of_version_one_get_the_guideline_event_types() {
    let raw = r##"{"v":1,"name":"news","labels":[["GPE","#009E73","1"]]}"##;
    let schema = decode_labels(raw).unwrap();
    assert_eq!(schema.labels.len(), 1);
    assert_eq!(schema.events.len(), 4);
    assert!(schema.relation_type("located_in").is_some());
    assert!(matches!(
        decode_labels(r#"{"v":3,"name":"n","labels":[]}"#),
        Err(PersistError::NewerVersion { found: 3, .. })
    ));
}
