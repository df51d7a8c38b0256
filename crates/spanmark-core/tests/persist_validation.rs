//! Stored entries that must be refused, each with a sentence a person understands:
//! garbage, bad offsets, bad codes, unknown and newer versions, a record under the wrong key.

mod persist_support;

use serde_json::{json, Value};
use spanmark_core::persist::*;

use persist_support::{code, sample, vlq};

fn record() -> Value {
    serde_json::from_str(&encode_document(&sample()).unwrap()).unwrap()
}

fn refuse(v: Value) -> PersistError {
    decode_document(&v.to_string(), Some("d1")).expect_err("must be refused")
}

#[test]
fn garbage_is_not_json() {
    let e = decode_document("{\"v\":1,\"id\":\"d1\",\"x\":\"abc", Some("d1")).unwrap_err();
    assert!(matches!(e, PersistError::NotJson(_)));
    assert!(e.to_string().starts_with("it is not valid JSON"), "{e}");
    assert!(matches!(
        decode_document("", None),
        Err(PersistError::NotJson(_))
    ));
}

/// The sample's spans with the last one replaced by `last`.
fn spans_then(last: &[u64]) -> String {
    let mut n = vec![
        0,
        10,
        code(0, 0, false, true),
        18,
        6,
        code(1, 1, false, false),
    ];
    n.extend_from_slice(last);
    vlq(&n)
}

fn refuse_spans(packed: String) -> PersistError {
    let mut v = record();
    v["a"] = json!(packed);
    refuse(v)
}

#[test]
fn unchanged_packing_is_accepted() {
    let mut v = record();
    v["a"] = json!(spans_then(&[4, 6, code(2, 2, false, false)]));
    assert_eq!(
        decode_document(&v.to_string(), None).unwrap().spans().len(),
        3
    );
}

#[test]
fn span_past_the_end_is_bad_offsets() {
    let e = refuse_spans(spans_then(&[4, 600, 1]));
    assert_eq!(
        e,
        PersistError::BadOffsets {
            n: 2,
            start: 38,
            end: 638,
            len: 62
        }
    );
    assert_eq!(
        e.to_string(),
        "span 2 (38–638) lies outside the text, which has 62 characters"
    );
    let e = refuse_spans(vlq(&[1 << 40, 3, 1]));
    assert!(matches!(e, PersistError::BadOffsets { n: 0, .. }), "{e:?}");
    // a number longer than any offset is not read at all
    assert_eq!(
        refuse_spans(vlq(&[u64::MAX / 2, 3, 1])),
        PersistError::BadSpan { n: 0 }
    );
}

#[test]
fn empty_truncated_or_foreign_packing_is_refused() {
    assert_eq!(
        refuse_spans(spans_then(&[4, 0, 1])),
        PersistError::EmptySpan { n: 2 }
    );
    // two numbers only, a continuation with nothing after it, a character outside the alphabet
    assert_eq!(
        refuse_spans(spans_then(&[4, 6])),
        PersistError::BadSpan { n: 2 }
    );
    assert_eq!(
        refuse_spans(spans_then(&[]) + "g"),
        PersistError::BadSpan { n: 2 }
    );
    assert_eq!(
        refuse_spans(spans_then(&[]) + "E,G"),
        PersistError::BadSpan { n: 2 }
    );
    // a confidence flag with no confidence after it
    assert_eq!(
        refuse_spans(spans_then(&[4, 6, code(0, 0, true, true)])),
        PersistError::BadSpan { n: 2 }
    );
    let mut v = record();
    v["a"] = json!([[0, 10, 1]]);
    assert!(matches!(refuse(v), PersistError::Malformed(_)));
}

#[test]
fn label_index_origin_and_confidence_are_checked() {
    assert_eq!(
        refuse_spans(spans_then(&[4, 6, code(3, 0, false, true)])),
        PersistError::BadLabelIndex {
            n: 2,
            label: 3,
            count: 3
        }
    );
    // origin 7 is a named rule: its stored number must follow and be one of RULE_CODES
    assert_eq!(
        refuse_spans(spans_then(&[4, 6, code(0, 7, false, true)])),
        PersistError::BadSpan { n: 2 }
    );
    assert_eq!(
        refuse_spans(spans_then(&[4, 6, code(0, 7, false, true), 40])),
        PersistError::BadCode { n: 2, code: 40 }
    );
    let e = refuse_spans(spans_then(&[
        4,
        6,
        code(0, 5, true, false),
        u64::from(1.5f32.to_bits()),
    ]));
    assert_eq!(
        e,
        PersistError::BadConfidence {
            n: 2,
            value: "1.5".into()
        }
    );
    assert_eq!(e.to_string(), "span 2 has a confidence of 1.5, outside 0–1");
    let nan = u64::from(f32::NAN.to_bits());
    assert!(matches!(
        refuse_spans(spans_then(&[4, 6, code(0, 5, true, false), nan])),
        PersistError::BadConfidence { .. }
    ));
}

#[test]
fn versions_are_checked() {
    let mut v = record();
    v["v"] = json!(VERSION + 1);
    let e = refuse(v);
    assert_eq!(
        e,
        PersistError::NewerVersion {
            found: VERSION + 1,
            newest: VERSION
        }
    );
    assert!(e.to_string().contains("newer version of Spanmark"));
    let mut v = record();
    v.as_object_mut().unwrap().remove("v");
    assert!(matches!(refuse(v), PersistError::UnknownVersion(_)));
    let mut v = record();
    v["v"] = json!("one");
    assert!(matches!(refuse(v), PersistError::UnknownVersion(_)));
    assert!(matches!(
        decode_document("[1,2]", None),
        Err(PersistError::UnknownVersion(_))
    ));
}

#[test]
fn record_under_another_key_is_refused() {
    let raw = encode_document(&sample()).unwrap();
    let e = decode_document(&raw, Some("other")).unwrap_err();
    assert_eq!(
        e,
        PersistError::IdMismatch {
            expected: "other".into(),
            found: "d1".into()
        }
    );
    let mut v = record();
    v["id"] = json!("");
    assert_eq!(
        decode_document(&v.to_string(), None).unwrap_err(),
        PersistError::EmptyId
    );
}

#[test]
fn missing_text_is_malformed() {
    let mut v = record();
    v.as_object_mut().unwrap().remove("x");
    assert!(matches!(refuse(v), PersistError::Malformed(_)));
}

#[test]
fn bad_meta_entries_are_refused() {
    assert!(matches!(
        decode_index("{\"v\":3,\"docs\":[]}"),
        Err(PersistError::NewerVersion { .. })
    ));
    assert!(matches!(
        decode_index("{\"v\":1,\"docs\":[[1]]}"),
        Err(PersistError::Malformed(_))
    ));
    let dup = r##"{"v":1,"name":"x","labels":[["ORG","#fff","1"],["ORG","#000",""]]}"##;
    assert_eq!(
        decode_labels(dup),
        Err(PersistError::DuplicateLabel("ORG".into()))
    );
    let empty = r##"{"v":1,"name":"x","labels":[[" ","#fff","1"]]}"##;
    assert_eq!(decode_labels(empty), Err(PersistError::EmptyLabel));
    assert!(matches!(
        decode_settings("{\"theme\":1}"),
        Err(PersistError::UnknownVersion(_))
    ));
}
