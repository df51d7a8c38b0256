//! The writes that save one document under record version 3, in the order that keeps every
//! prefix consistent: the new text key, then the record naming it, then the old text key goes.
//!
//! Interrupted after any write, storage holds a record whose text is there: the previous
//! record with its text (untouched until the new record replaces it), or the new one.

use std::borrow::Cow;

use super::doc_key;
use super::error::PersistError;
use super::record::encode_head_at;
use super::text_key::text_key;
use crate::document::Document;

/// One storage operation of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write<'a> {
    Set(String, Cow<'a, str>),
    Remove(String),
}

/// The writes that store `doc` under `revision`. `hash` is `text_hash(doc.text())`;
/// `stored_text` is the hash the record now in storage names (None: no record, an inline
/// one, or one set aside). The text is written only when it is not the stored one.
pub fn save_plan<'a>(
    doc: &'a Document,
    revision: u64,
    hash: &str,
    stored_text: Option<&str>,
) -> Result<Vec<Write<'a>>, PersistError> {
    let mut writes = Vec::with_capacity(3);
    if stored_text != Some(hash) {
        writes.push(Write::Set(
            text_key(&doc.id, hash),
            Cow::Borrowed(doc.text()),
        ));
    }
    writes.push(Write::Set(
        doc_key(&doc.id),
        Cow::Owned(encode_head_at(doc, revision, hash)?),
    ));
    if let Some(old) = stored_text.filter(|old| *old != hash) {
        writes.push(Write::Remove(text_key(&doc.id, old)));
    }
    Ok(writes)
}
