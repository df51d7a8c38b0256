//! Round trips of the `spanmark/1` records: documents, index, labels and settings come
//! back exactly as they went in, including emoji offsets and confidences.

mod persist_support;

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use spanmark_core::persist::*;
use spanmark_core::Schema;

use persist_support::{code, document_strategy, sample, vlq};

#[test]
fn sample_document_round_trips() {
    let doc = sample();
    let raw = encode_document(&doc).unwrap();
    let back = decode_document(&raw, Some("d1")).unwrap();
    assert_eq!(back, doc);
    assert_eq!(back.spans()[1].confidence, Some(0.87));
}

#[test]
fn spans_are_packed_into_one_string() {
    let raw = encode_document(&sample()).unwrap();
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["v"], INLINE_VERSION);
    assert_eq!(v["l"], json!(["PERSON", "GPE", "DATE"]));
    let expected = vlq(&[
        // PERSON manual accepted at 0..10
        0,
        10,
        code(0, 0, false, true),
        // GPE gazetteer suggested at 28..34 (gap 18 from 10) with its confidence bits
        18,
        6,
        code(1, 1, true, false),
        u64::from(0.87f32.to_bits()),
        // DATE suggested by the rule `date` at 38..44: origin 7, then the rule's number (4)
        4,
        6,
        code(2, 7, false, false),
        4,
    ]);
    assert_eq!(v["a"], json!(expected));
    assert!(
        !raw.contains("\"start\""),
        "no repeated keys per span: {raw}"
    );
    // The text is the last field so a stored entry reads well.
    assert!(raw.ends_with("text.\"}"), "{raw}");
}

#[test]
fn long_offsets_need_more_characters() {
    let text = "x ".repeat(40_000);
    let mut doc = spanmark_core::Document::new("long", "", &text);
    doc.set_spans(vec![spanmark_core::Span::manual(70_000, 70_001, "ORG")]);
    let v: Value = serde_json::from_str(&encode_document(&doc).unwrap()).unwrap();
    assert_eq!(v["a"], json!(vlq(&[70_000, 1, 1])));
    assert_eq!(vlq(&[70_000]).len(), 4);
    assert_eq!(decode_document(&v.to_string(), None).unwrap(), doc);
}

#[test]
fn non_finite_numbers_are_stored_as_readable_values() {
    let mut doc = sample();
    doc.updated = f64::NAN;
    let mut spans = doc.spans().to_vec();
    spans[0].confidence = Some(f32::NAN);
    spans[1].confidence = Some(1.5);
    doc.set_spans(spans);
    let back = decode_document(&encode_document(&doc).unwrap(), None).unwrap();
    assert_eq!(back.updated, 0.0);
    assert_eq!(back.spans()[0].confidence, None);
    assert_eq!(back.spans()[1].confidence, Some(1.0));
}

#[test]
fn index_labels_and_settings_round_trip() {
    let index = IndexRecord {
        docs: vec![
            ("a".into(), "Kabul".into(), 3),
            ("b".into(), "“Quoted”".into(), 0),
        ],
    };
    assert_eq!(decode_index(&encode_index(&index).unwrap()).unwrap(), index);

    let mut schema = Schema::news();
    schema.labels[2].key = None;
    assert_eq!(
        decode_labels(&encode_labels(&schema).unwrap()).unwrap(),
        schema
    );

    let mut settings = Map::new();
    settings.insert("theme".into(), json!("dark"));
    settings.insert("current".into(), json!("d1"));
    let raw = encode_settings(&settings).unwrap();
    assert!(raw.contains(&format!("\"v\":{META_VERSION}")));
    assert_eq!(decode_settings(&raw).unwrap(), settings);
}

#[test]
fn keys_follow_the_layout() {
    assert_eq!(doc_key("x1"), "spanmark/1/doc/x1");
    assert_eq!(doc_id_of_key("spanmark/1/doc/x1"), Some("x1"));
    assert_eq!(doc_id_of_key("spanmark/1/doc/"), None);
    assert_eq!(doc_id_of_key("spanmark/1/index"), None);
    assert_eq!(
        quarantine_key("spanmark/1/doc/x1"),
        "spanmark/1/quarantine/spanmark/1/doc/x1"
    );
    assert_eq!(blob_key("memory"), "spanmark/1/blob/memory");
}

proptest! {
    #[test]
    fn any_document_round_trips(doc in document_strategy()) {
        let raw = encode_document(&doc).unwrap();
        let back = decode_document(&raw, Some(&doc.id)).unwrap();
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn record_is_smaller_than_plain_serde(doc in document_strategy()) {
        let compact = encode_document(&doc).unwrap();
        let plain = serde_json::to_string(&json!({
            "id": doc.id, "title": doc.title, "text": doc.text(), "spans": doc.spans(),
            "status": doc.status, "created": doc.created, "updated": doc.updated, "revision": doc.revision,
        })).unwrap();
        prop_assert!(compact.len() <= plain.len() + 8, "{} vs {}", compact.len(), plain.len());
    }
}
