//! Why a stored entry or a backup file could not be read: one sentence per cause,
//! written for the annotator who will see it next to a "download raw" button.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PersistError {
    #[error("it is not valid JSON ({0})")]
    NotJson(String),
    #[error("it was saved by a newer version of Spanmark (schema version {found}); this version reads up to {newest}")]
    NewerVersion { found: u64, newest: u64 },
    #[error("it has no schema version Spanmark knows ({0})")]
    UnknownVersion(String),
    #[error("the field “{0}” is missing or has the wrong type")]
    Missing(&'static str),
    #[error("its fields are malformed ({0})")]
    Malformed(String),
    #[error("spans {n} and {m} overlap")]
    Overlap { n: usize, m: usize },
    #[error("span {n} ({start}–{end}) lies outside the text, which has {len} characters")]
    BadOffsets {
        n: usize,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {n} is empty")]
    EmptySpan { n: usize },
    #[error("span {n} is not a list of 3 or 4 numbers")]
    BadSpan { n: usize },
    #[error("span {n} names label number {label}, but the document lists only {count} labels")]
    BadLabelIndex {
        n: usize,
        label: usize,
        count: usize,
    },
    #[error("span {n} has an unknown origin or state code {code}")]
    BadCode { n: usize, code: u64 },
    #[error("span {n} has a confidence of {value}, outside 0–1")]
    BadConfidence { n: usize, value: String },
    #[error("it belongs to document “{found}” but is stored under “{expected}”")]
    IdMismatch { expected: String, found: String },
    #[error("its text, kept under “{key}”, is missing")]
    MissingText { key: String },
    #[error("its text under “{key}” is not the text it was saved with")]
    TextMismatch { key: String },
    #[error("a document needs an id")]
    EmptyId,
    #[error("a label needs a name")]
    EmptyLabel,
    #[error("the label “{0}” is listed twice")]
    DuplicateLabel(String),
    #[error("this file is not a Spanmark backup")]
    NotABackup,
    #[error("the document “{0}” appears twice")]
    DuplicateDocument(String),
    #[error("document {n} (“{id}”) cannot be restored: {reason}")]
    BadDocument {
        n: usize,
        id: String,
        reason: Box<PersistError>,
    },
    #[error("the {0} cannot be restored: {1}")]
    BadPart(&'static str, Box<PersistError>),
}

impl From<serde_json::Error> for PersistError {
    fn from(e: serde_json::Error) -> Self {
        PersistError::NotJson(e.to_string())
    }
}
