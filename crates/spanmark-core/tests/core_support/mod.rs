//! Shared fixtures of the edit tests: one news sentence and helpers to find words in it,
//! add spans and read spans back as (text, label) pairs.
#![allow(dead_code)]

use spanmark_core::{CoreError, Document, Edit, Schema};

pub const TEXT: &str =
    "PESHAWAR, Pakistan — Pakistan’s army said Kabul-based Taliban met in Pakistan.";

pub fn doc() -> Document {
    Document::new("d", "t", TEXT)
}

pub fn at(doc: &Document, needle: &str, nth: usize) -> (usize, usize) {
    let b = TEXT.match_indices(needle).nth(nth).unwrap().0;
    let s = doc.index().char_of_byte(b).unwrap();
    (s, s + needle.chars().count())
}

pub fn add(doc: &mut Document, s: usize, e: usize, label: &str) -> Result<(), CoreError> {
    Edit::Add {
        start: s,
        end: e,
        label: label.into(),
    }
    .apply(doc, &Schema::news())
    .map(|_| ())
}

pub fn surfaces(doc: &Document) -> Vec<(String, String)> {
    doc.spans()
        .iter()
        .map(|s| (doc.slice(s.start, s.end).to_string(), s.label.clone()))
        .collect()
}
