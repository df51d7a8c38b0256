//! Shared setup for the storage wasm tests: a clean localStorage, sample documents
//! and a helper that fills the quota on purpose.
#![allow(dead_code)]

use serde_json::{json, Map, Value};
use spanmark::storage::{Snapshot, Store, SyncReport};
use spanmark_core::{Document, Origin, Schema, Span};

pub fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Remove every key this test suite may have written.
pub fn clear() {
    let s = local();
    let n = s.length().unwrap();
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).unwrap()).collect();
    for k in keys
        .iter()
        .filter(|k| k.starts_with("spanmark/") || k.starts_with("filler/"))
    {
        s.remove_item(k).unwrap();
    }
}

pub fn doc(id: &str, text: &str, spans: Vec<Span>) -> Document {
    let mut d = Document::new(id, format!("Title {id}"), text);
    d.set_spans(spans);
    d.created = 1_763_900_000_000.0;
    d.updated = d.created;
    d
}

pub fn two_docs() -> Vec<Document> {
    vec![
        doc(
            "a",
            "Taliban officials in Kabul met Pakistani envoys on Monday.",
            vec![Span::manual(0, 7, "ORG"), Span::manual(21, 26, "GPE")],
        ),
        doc(
            "b",
            "Iran’s foreign minister visited 🇨🇳 Beijing.",
            vec![Span {
                confidence: Some(0.75),
                ..Span::suggested(35, 42, "GPE", Origin::Model)
            }],
        ),
    ]
}

pub fn settings() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("current".into(), json!("a"));
    m
}

pub fn labels() -> Schema {
    Schema::news()
}

/// Fill localStorage until it refuses even a small entry; returns the filler keys.
pub fn fill_quota() -> Vec<String> {
    let s = local();
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16] {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("filler/{}", keys.len());
            if s.set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

pub fn unfill(keys: &[String]) {
    for k in keys {
        let _ = local().remove_item(k);
    }
}

/// Save `docs` (with the sample labels and settings) as autosave would.
pub fn sync(store: &Store, docs: &[Document]) -> SyncReport {
    let (labels, settings) = (labels(), settings());
    store.sync(&Snapshot {
        documents: docs,
        labels: &labels,
        settings: &settings,
    })
}

/// A backup file of `docs` with the sample labels and settings.
pub fn backup_of(store: &Store, docs: &[Document]) -> String {
    let (labels, settings) = (labels(), settings());
    store
        .backup(&Snapshot {
            documents: docs,
            labels: &labels,
            settings: &settings,
        })
        .unwrap()
}
