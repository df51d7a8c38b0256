//! The backup file: everything round-trips, and reading is all-or-nothing — one bad
//! document, a duplicate id or a foreign file fails the whole file with a sentence.

mod persist_support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use spanmark_core::persist::*;
use spanmark_core::{Document, Schema};

use persist_support::{document_strategy, sample, vlq};

fn full_backup() -> Backup {
    let mut other = Document::new("d2", "Second", "Tehran responded on Friday.");
    other.revision = 2;
    let mut settings = Map::new();
    settings.insert("theme".into(), json!("dark"));
    let mut blobs = BTreeMap::new();
    blobs.insert("memory".into(), "{\"Lahore\":\"GPE\"}".into());
    Backup {
        saved: 1_763_900_000_000.0,
        documents: vec![sample(), other],
        labels: Some(Schema::news()),
        settings: Some(settings),
        blobs,
    }
}

#[test]
fn backup_round_trips() {
    let backup = full_backup();
    let raw = encode_backup(&backup).unwrap();
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["format"], BACKUP_FORMAT);
    assert_eq!(v["schema"], SCHEMA);
    assert_eq!(decode_backup(&raw).unwrap(), backup);
    // A byte-order mark added by an editor does not matter.
    assert_eq!(decode_backup(&format!("\u{feff}{raw}")).unwrap(), backup);
}

#[test]
fn one_bad_document_fails_the_whole_file() {
    let mut v: Value = serde_json::from_str(&encode_backup(&full_backup()).unwrap()).unwrap();
    v["documents"][1]["a"] = json!(vlq(&[0, 999, 1]));
    v["documents"][1]["l"] = json!(["GPE"]);
    let e = decode_backup(&v.to_string()).unwrap_err();
    assert!(
        matches!(&e, PersistError::BadDocument { n: 2, id, .. } if id == "d2"),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .starts_with("document 2 (“d2”) cannot be restored: span 0"),
        "{e}"
    );
}

#[test]
fn duplicate_ids_and_foreign_files_are_refused() {
    let mut backup = full_backup();
    backup.documents.push(sample());
    let e = decode_backup(&encode_backup(&backup).unwrap()).unwrap_err();
    assert_eq!(e, PersistError::DuplicateDocument("d1".into()));
    assert_eq!(
        decode_backup("{\"documents\":[]}").unwrap_err(),
        PersistError::NotABackup
    );
    assert_eq!(decode_backup("[]").unwrap_err(), PersistError::NotABackup);
    assert!(matches!(
        decode_backup("not json"),
        Err(PersistError::NotJson(_))
    ));
    let newer = json!({"format": BACKUP_FORMAT, "schema": "spanmark/2", "documents": []});
    assert_eq!(
        decode_backup(&newer.to_string()).unwrap_err(),
        PersistError::NewerVersion {
            found: 2,
            newest: 1
        }
    );
}

#[test]
fn bad_labels_or_blobs_fail_the_file() {
    let mut v: Value = serde_json::from_str(&encode_backup(&full_backup()).unwrap()).unwrap();
    v["labels"]["labels"] = json!([["", "#000", ""]]);
    assert!(matches!(
        decode_backup(&v.to_string()),
        Err(PersistError::BadPart("labels", _))
    ));
    let mut v: Value = serde_json::from_str(&encode_backup(&full_backup()).unwrap()).unwrap();
    v["blobs"]["memory"] = json!(5);
    assert!(matches!(
        decode_backup(&v.to_string()),
        Err(PersistError::BadPart("blobs", _))
    ));
}

#[test]
fn version_zero_documents_in_a_backup_are_migrated() {
    let raw = json!({
        "format": BACKUP_FORMAT, "schema": "spanmark/1",
        "documents": [{"id": "old", "text": "Quetta", "spans": [{"start": 0, "end": 6, "label": "GPE", "origin": "manual", "state": "accepted"}]}]
    });
    let backup = decode_backup(&raw.to_string()).unwrap();
    assert_eq!(backup.documents[0].spans()[0].label, "GPE");
    assert_eq!(backup.labels, None);
}

proptest! {
    #[test]
    fn any_documents_round_trip_through_a_backup(docs in prop::collection::vec(document_strategy(), 0..5)) {
        let mut seen = std::collections::BTreeSet::new();
        let documents: Vec<Document> = docs.into_iter().filter(|d| seen.insert(d.id.clone())).collect();
        let backup = Backup { documents, ..Backup::default() };
        prop_assert_eq!(decode_backup(&encode_backup(&backup).unwrap()).unwrap(), backup);
    }
}
