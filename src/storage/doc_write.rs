//! Writing one document's keys (record version 3): the text under its own key, written only
//! when the stored record does not name it already, then the record, as `persist::save_plan` orders them.

use spanmark_core::persist::{self, decode_stored, doc_key, save_plan, text_hash, text_key, Write};
use spanmark_core::Document;

use super::saved::SavedVersion;
use super::store::{SaveError, Store};

impl Store {
    pub(super) fn write_document(
        &self,
        doc: &Document,
        stored_text: Option<&str>,
    ) -> Result<(), SaveError> {
        self.write_document_at(doc, doc.revision, stored_text)
    }

    /// Write a document under a revision of the store's choosing (no copy of the document),
    /// as `persist::save_plan` orders it: its text unless `stored_text`, the hash the stored
    /// record names, is already its text's; the record; the text key it no longer names.
    pub(super) fn write_document_at(
        &self,
        doc: &Document,
        revision: u64,
        stored_text: Option<&str>,
    ) -> Result<(), SaveError> {
        let known = self
            .saved
            .borrow()
            .get(&doc.id)
            .and_then(|s| s.hash_of_text(doc).map(String::from));
        let hash = known.unwrap_or_else(|| text_hash(doc.text()));
        let plan = save_plan(doc, revision, &hash, stored_text)
            .map_err(|e| SaveError::Failed(e.to_string()))?;
        for (n, write) in plan.iter().enumerate() {
            match write {
                Write::Set(key, value) => {
                    if let Err(e) = self.write(key, value) {
                        // A text written just before a record that did not fit: nothing names
                        // it, so the room it took is freed (the stored record is untouched).
                        if let Some(Write::Set(text, _)) = plan[..n].first() {
                            let _ = self.area.remove(text);
                        }
                        return Err(e);
                    }
                }
                Write::Remove(key) => {
                    let _ = self.area.remove(key);
                }
            }
        }
        let mut saved = SavedVersion::of(doc);
        saved.revision = revision;
        saved.text_hash = Some(hash);
        self.saved.borrow_mut().insert(doc.id.clone(), saved);
        Ok(())
    }

    /// The text key the stored record of a document names, if it has one.
    pub(super) fn named_text(&self, id: &str) -> Option<String> {
        let raw = self.area.get(&doc_key(id)).ok().flatten()?;
        let hash = peek_head(&raw)?.xk?;
        Some(text_key(id, &hash))
    }

    /// A stored record, its text read from its own key when it has one.
    pub(super) fn decode(&self, raw: &str, id: &str) -> Result<Document, persist::PersistError> {
        decode_stored(raw, Some(id), |key| self.area.get(key).ok().flatten())
    }
}

/// The revision and text key of a stored record, read without building the document.
#[derive(serde::Deserialize)]
pub(super) struct Head {
    pub v: u64,
    #[serde(default)]
    pub r: u64,
    #[serde(default)]
    pub xk: Option<String>,
}

/// The head of a record of version 2 or 3 (None for anything else: older versions, whose
/// revision field differs, newer ones, garbage).
pub(super) fn peek_head(raw: &str) -> Option<Head> {
    serde_json::from_str::<Head>(raw)
        .ok()
        .filter(|h| (2..=persist::VERSION).contains(&h.v))
}
