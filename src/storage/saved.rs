//! What this tab last read from or wrote to storage for each document: its revision and
//! content without the derived indexes (cheap to keep), the base for changes and merges.

use spanmark_core::{DocStatus, Document, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct SavedVersion {
    pub revision: u64,
    title: String,
    status: DocStatus,
    created: f64,
    updated: f64,
    spans: Vec<Span>,
    text: String,
    /// `persist::text_hash` of `text` once a save needed it (the text is hashed once).
    pub text_hash: Option<String>,
}

impl SavedVersion {
    pub fn of(doc: &Document) -> Self {
        SavedVersion {
            revision: doc.revision,
            title: doc.title.clone(),
            status: doc.status,
            created: doc.created,
            updated: doc.updated,
            spans: doc.spans().to_vec(),
            text: doc.text().to_string(),
            text_hash: None,
        }
    }

    /// The hash of this version's text if it is `doc`'s text and was hashed already.
    pub fn hash_of_text(&self, doc: &Document) -> Option<&str> {
        self.text_hash
            .as_deref()
            .filter(|_| self.text == doc.text())
    }

    /// Same content as `doc`, ignoring the revision (which the store owns).
    pub fn matches(&self, doc: &Document) -> bool {
        self.title == doc.title
            && self.status == doc.status
            && self.created.to_bits() == doc.created.to_bits()
            && self.updated.to_bits() == doc.updated.to_bits()
            && self.spans == doc.spans()
            && self.text == doc.text()
    }

    /// Rebuild the document (tokenizes again: only for the rare merge).
    pub fn to_document(&self, id: &str) -> Document {
        let mut doc = Document::new(id, self.title.clone(), &self.text);
        doc.set_spans(self.spans.clone());
        doc.status = self.status;
        doc.created = self.created;
        doc.updated = self.updated;
        doc.revision = self.revision;
        doc
    }
}

/// Same content, ignoring the revision and derived indexes.
pub fn same_content(a: &Document, b: &Document) -> bool {
    a.id == b.id && SavedVersion::of(a).matches(b)
}
