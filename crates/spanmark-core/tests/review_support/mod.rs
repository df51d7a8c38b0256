//! Shared pieces of the review tests: annotators built from (text, spans) in code, and
//! Spanmark JSON files written by hand so a loader test reads real bytes.
#![allow(dead_code)]

use spanmark_core::formats::InputFile;
use spanmark_core::review::Annotator;
use spanmark_core::{Document, Span};

/// A span over the `nth` occurrence of `needle`.
pub fn at(doc: &Document, needle: &str, nth: usize, label: &str) -> Span {
    let byte = doc
        .text()
        .match_indices(needle)
        .nth(nth)
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("“{needle}” not in the text"));
    let start = doc.text()[..byte].chars().count();
    Span::manual(start, start + needle.chars().count(), label)
}

/// A document with spans given as (needle, label), first occurrences.
pub fn doc(id: &str, text: &str, spans: &[(&str, &str)]) -> Document {
    let mut d = Document::new(id, id, text);
    let spans = spans.iter().map(|(n, l)| at(&d, n, 0, l)).collect();
    d.set_spans(spans);
    d
}

pub fn annotator(name: &str, labels: &[&str], documents: Vec<Document>) -> Annotator {
    Annotator {
        name: name.into(),
        file: format!("{name}.json"),
        documents,
        labels: labels.iter().map(|l| l.to_string()).collect(),
        warnings: Vec::new(),
    }
}

pub const NEWS: &[&str] = &[
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL",
];

pub const TEXT: &str = "Imran Khan met Shehbaz Sharif in Lahore on Monday.";

/// The hand-computed pair (see review_agreement.rs for every number).
pub fn golden_pair() -> (Annotator, Annotator) {
    let a = doc(
        "d1",
        TEXT,
        &[
            ("Imran Khan", "PERSON"),
            ("Shehbaz Sharif", "PERSON"),
            ("Lahore", "GPE"),
            ("Monday", "DATE"),
        ],
    );
    let b = doc(
        "d1",
        TEXT,
        &[
            ("Imran Khan", "PERSON"),
            ("met", "ORG"),
            ("Sharif", "PERSON"),
            ("Lahore", "LOC"),
        ],
    );
    (
        annotator("ayesha", NEWS, vec![a]),
        annotator("bilal", NEWS, vec![b]),
    )
}

/// A document of a hand-written file: id, title, text, spans as (start, end, label).
pub type FileDoc<'a> = (&'a str, &'a str, &'a str, &'a [(usize, usize, &'a str)]);

/// A Spanmark JSON export of the given documents.
pub fn spanmark_file(name: &str, labels: &[&str], docs: &[FileDoc]) -> InputFile {
    let labels: Vec<_> = labels
        .iter()
        .map(|l| serde_json::json!({"name": l, "color": "#999999", "key": null}))
        .collect();
    let documents: Vec<_> = docs
        .iter()
        .map(|(id, title, text, spans)| {
            let spans: Vec<_> = spans
                .iter()
                .map(|(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l, "origin": "manual", "state": "accepted"}))
                .collect();
            serde_json::json!({"id": id, "title": title, "text": text, "spans": spans})
        })
        .collect();
    let file = serde_json::json!({
        "format": "spanmark/1",
        "offsets": "codepoint",
        "line_endings": "lf",
        "schema": {"name": "news", "labels": labels},
        "documents": documents,
    });
    InputFile {
        name: name.into(),
        bytes: serde_json::to_vec_pretty(&file).unwrap(),
    }
}
