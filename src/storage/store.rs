//! The store: loads every entry of schema `spanmark/1`, saves what changed (one key
//! per document, its text once under a key of its own, then the index), detects other
//! tabs' writes by revision and merges.
//!
//! Invariants: a key is only ever replaced whole (`setItem`), never deleted before its
//! replacement is written; a document's text key is written before the record that names it
//! and an old text key removed only after; the index is written after the documents it lists;
//! the keys of documents the user deleted are removed first, record before text (the loader
//! ignores index entries whose document is gone, and documents missing from the index are
//! still loaded). So a save interrupted between any two writes leaves a record whose text is
//! there: the one before the save or the new one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use serde_json::{Map, Value};
use spanmark_core::persist::{
    self, doc_id_of_key, doc_key, encode_index, encode_labels, encode_settings, IndexRecord, Merge,
    DOC_PREFIX, INDEX_KEY, LABELS_KEY, SETTINGS_KEY,
};
use spanmark_core::{Document, Schema};

use super::area::{Area, WriteError};
use super::doc_write::peek_head;
use super::meter::{measure, units, Usage, DEFAULT_CAPACITY};
use super::quarantine::Quarantined;
use super::saved::{same_content, SavedVersion};

/// Why a save did not happen, as the status line shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Quota used up; `needed` is the size of the entry that did not fit.
    Full {
        usage: Usage,
        needed: usize,
    },
    Failed(String),
}

impl SaveError {
    pub fn sentence(&self) -> String {
        match self {
            SaveError::Full { usage, .. } => format!(
                "storage is full ({}); your work is kept in this page only — use “Download everything”, then delete documents you no longer need",
                usage.sentence()
            ),
            SaveError::Failed(why) => format!("the browser refused to store it ({why})"),
        }
    }
}

/// What the app holds and the store mirrors.
pub struct Snapshot<'a> {
    pub documents: &'a [Document],
    pub labels: &'a Schema,
    pub settings: &'a Map<String, Value>,
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub labels: Option<Schema>,
    pub settings: Option<Map<String, Value>>,
    pub quarantined: Vec<Quarantined>,
}

/// What a sync did besides writing: merges with other tabs' versions to show the user.
#[derive(Debug, Default)]
pub struct SyncReport {
    pub written: usize,
    pub merges: Vec<Merge>,
    pub error: Option<SaveError>,
}

pub struct Store {
    pub(super) area: Area,
    /// Why nothing outlives the page, when local storage is unavailable.
    pub unavailable: Option<String>,
    /// The last version of each document read from or written to storage: the base
    /// for detecting and merging another tab's writes.
    pub(super) saved: RefCell<HashMap<String, SavedVersion>>,
    pub(super) last_index: RefCell<Option<String>>,
    pub(super) last_labels: RefCell<Option<String>>,
    pub(super) last_settings: RefCell<Option<String>>,
    pub(super) capacity: Cell<usize>,
}

pub(super) fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

impl Store {
    /// localStorage when it works, memory otherwise.
    pub fn open() -> Store {
        let (area, unavailable) = Area::open();
        Store::with_area(area, unavailable)
    }

    pub fn with_area(area: Area, unavailable: Option<String>) -> Store {
        Store {
            area,
            unavailable,
            saved: RefCell::default(),
            last_index: RefCell::default(),
            last_labels: RefCell::default(),
            last_settings: RefCell::default(),
            capacity: Cell::new(DEFAULT_CAPACITY),
        }
    }

    pub fn is_persistent(&self) -> bool {
        self.area.is_persistent()
    }

    /// Usage as of this tab's last writes (cheap).
    pub fn usage(&self) -> Usage {
        let usage = measure(&self.area, self.capacity.get());
        Usage {
            capacity: usage.capacity.max(usage.used),
            ..usage
        }
    }

    /// Usage counted afresh, after others may have written.
    pub fn rescan_usage(&self) -> Usage {
        self.area.rescan();
        self.usage()
    }

    /// The revision this tab last read or wrote for a document (0 if none).
    pub fn base_revision(&self, id: &str) -> u64 {
        self.saved.borrow().get(id).map_or(0, |d| d.revision)
    }

    /// Record a version as read from storage (e.g. adopted from another tab).
    pub fn mark_saved(&self, doc: &Document) {
        self.saved
            .borrow_mut()
            .insert(doc.id.clone(), SavedVersion::of(doc));
    }

    /// Stop tracking a document that another tab deleted.
    pub fn forget(&self, id: &str) {
        self.saved.borrow_mut().remove(id);
    }

    /// True when the document differs from what this tab last stored.
    pub fn is_dirty(&self, doc: &Document) -> bool {
        self.saved
            .borrow()
            .get(&doc.id)
            .is_none_or(|s| !s.matches(doc))
    }

    /// Read every entry; entries that fail to parse or validate are moved aside.
    pub fn load(&self) -> Loaded {
        let mut loaded = Loaded::default();
        let mut keys = self.area.keys();
        keys.sort();
        for key in &keys {
            let Some(id) = doc_id_of_key(key) else {
                continue;
            };
            let Ok(Some(raw)) = self.area.get(key) else {
                continue;
            };
            match self.decode(&raw, id) {
                Ok(doc) => {
                    self.mark_saved(&doc);
                    loaded.documents.push(doc);
                }
                Err(e) => loaded
                    .quarantined
                    .push(self.quarantine(key, &raw, &e.to_string())),
            }
        }
        let index = self.read_meta(INDEX_KEY, persist::decode_index, &mut loaded.quarantined);
        order_by_index(&mut loaded.documents, index.as_ref());
        *self.last_index.borrow_mut() = index.as_ref().and_then(|i| encode_index(i).ok());
        loaded.labels = self.read_meta(LABELS_KEY, persist::decode_labels, &mut loaded.quarantined);
        *self.last_labels.borrow_mut() = loaded.labels.as_ref().and_then(|l| encode_labels(l).ok());
        loaded.settings = self.read_meta(
            SETTINGS_KEY,
            persist::decode_settings,
            &mut loaded.quarantined,
        );
        *self.last_settings.borrow_mut() = loaded
            .settings
            .as_ref()
            .and_then(|s| encode_settings(s).ok());
        let earlier: Vec<Quarantined> = self
            .quarantine_list()
            .into_iter()
            .filter(|q| !loaded.quarantined.iter().any(|n| n.key == q.key))
            .collect();
        loaded.quarantined.extend(earlier);
        loaded
    }

    fn read_meta<T>(
        &self,
        key: &str,
        decode: fn(&str) -> Result<T, persist::PersistError>,
        quarantined: &mut Vec<Quarantined>,
    ) -> Option<T> {
        let raw = self.area.get(key).ok().flatten()?;
        match decode(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                quarantined.push(self.quarantine(key, &raw, &e.to_string()));
                None
            }
        }
    }

    /// Write one entry, remembering a lower capacity if the browser says it is full.
    pub(super) fn write(&self, key: &str, value: &str) -> Result<(), SaveError> {
        match self.area.set(key, value) {
            Ok(()) => Ok(()),
            Err(WriteError::Full) => {
                let usage = self.rescan_usage();
                let needed = units(key) + units(value);
                // The browser knows better than the estimate: what is used plus this did not fit.
                self.capacity
                    .set(self.capacity.get().min(usage.used + needed).max(usage.used));
                Err(SaveError::Full {
                    usage: self.usage(),
                    needed,
                })
            }
            Err(WriteError::Failed(why)) => Err(SaveError::Failed(why)),
        }
    }

    /// Save one document if it changed, merging first if another tab wrote a newer
    /// revision. Returns the merge when there was one.
    pub fn save_document(&self, doc: &Document) -> Result<Option<Merge>, SaveError> {
        if !self.is_dirty(doc) {
            return Ok(None);
        }
        let key = doc_key(&doc.id);
        let base_rev = self.base_revision(&doc.id);
        let raw = self.area.get(&key).ok().flatten();
        let head = raw.as_deref().and_then(peek_head);
        // The entry still at the revision this tab last read or wrote is this tab's own:
        // it is not parsed (and a long article tokenized) again on every save.
        let ours = head
            .as_ref()
            .is_some_and(|h| h.r == base_rev && base_rev > 0);
        let stored = match raw {
            Some(raw) if !ours => match self.decode(&raw, &doc.id) {
                Ok(d) => Some(d),
                Err(e) => {
                    // Someone wrote garbage here: keep it aside, then write ours.
                    self.quarantine(&key, &raw, &e.to_string());
                    None
                }
            },
            _ => None,
        };
        // The text key the stored record names (none once it was set aside).
        let stored_text = head.and_then(|h| h.xk).filter(|_| ours || stored.is_some());
        let stored_rev = if ours {
            base_rev
        } else {
            stored.as_ref().map_or(0, |s| s.revision)
        };
        if let Some(theirs) = stored.filter(|s| s.revision > base_rev && !same_content(s, doc)) {
            let base = self
                .saved
                .borrow()
                .get(&doc.id)
                .map(|s| s.to_document(&doc.id));
            let copy_id = format!("{}-{}", doc.id, now_ms() as u64);
            let merge = persist::merge(base.as_ref(), doc, &theirs, &copy_id);
            if let Some(copy) = &merge.copy {
                self.write_document(copy, None)?;
            }
            self.write_document(&merge.document, stored_text.as_deref())?;
            return Ok(Some(merge));
        }
        let revision = base_rev.max(doc.revision).max(stored_rev) + 1;
        self.write_document_at(doc, revision, stored_text.as_deref())?;
        Ok(None)
    }

    /// Bring storage in line with the app: removal of documents the app no longer has,
    /// changed documents, the index, then labels and settings.
    pub fn sync(&self, snap: &Snapshot) -> SyncReport {
        let mut report = SyncReport::default();
        let keep = |r: Result<bool, SaveError>, report: &mut SyncReport| match r {
            Ok(wrote) => report.written += usize::from(wrote),
            Err(e) => {
                report.error.get_or_insert(e);
            }
        };
        // Documents deleted in the page go first: that is what the user asked for, it
        // frees room when storage is full, and the loader skips index entries whose
        // document is gone.
        let gone: Vec<String> = self
            .saved
            .borrow()
            .keys()
            .filter(|id| !snap.documents.iter().any(|d| &d.id == *id))
            .cloned()
            .collect();
        for id in gone {
            let text = self.named_text(&id);
            if self.area.remove(&doc_key(&id)).is_ok() {
                self.saved.borrow_mut().remove(&id);
                // the record is gone, so nothing names its text any more
                if let Some(key) = text {
                    let _ = self.area.remove(&key);
                }
            }
        }
        for doc in snap.documents.iter().filter(|d| self.is_dirty(d)) {
            match self.save_document(doc) {
                Ok(Some(m)) => {
                    report.written += 1;
                    report.merges.push(m);
                }
                r => keep(r.map(|_| true), &mut report),
            }
        }
        let r = self.write_index(snap.documents, &report.merges);
        keep(r, &mut report);
        if let Ok(raw) = encode_labels(snap.labels) {
            let r = self.write_if_changed(LABELS_KEY, raw, &self.last_labels);
            keep(r, &mut report);
        }
        if let Ok(raw) = encode_settings(snap.settings) {
            let r = self.write_if_changed(SETTINGS_KEY, raw, &self.last_settings);
            keep(r, &mut report);
        }
        report
    }

    fn write_index(&self, docs: &[Document], merges: &[Merge]) -> Result<bool, SaveError> {
        let saved = self.saved.borrow();
        let entry = |d: &Document| {
            (
                d.id.clone(),
                d.title.clone(),
                saved.get(&d.id).map_or(0, |s| s.revision),
            )
        };
        let mut index = IndexRecord {
            docs: docs.iter().map(entry).collect(),
        };
        index
            .docs
            .extend(merges.iter().filter_map(|m| m.copy.as_ref()).map(entry));
        drop(saved);
        let raw = encode_index(&index).map_err(|e| SaveError::Failed(e.to_string()))?;
        self.write_if_changed(INDEX_KEY, raw, &self.last_index)
    }

    /// Write unless this exact value was the last written; true when it wrote.
    pub(super) fn write_if_changed(
        &self,
        key: &str,
        raw: String,
        last: &RefCell<Option<String>>,
    ) -> Result<bool, SaveError> {
        if last.borrow().as_deref() == Some(raw.as_str()) {
            return Ok(false);
        }
        self.write(key, &raw)?;
        *last.borrow_mut() = Some(raw);
        Ok(true)
    }

    /// The stored version of one document, if it parses (for other tabs' changes).
    pub fn read_document(&self, id: &str) -> Option<Document> {
        let raw = self.area.get(&doc_key(id)).ok().flatten()?;
        self.decode(&raw, id).ok()
    }

    /// Document ids that have a key in storage.
    pub fn stored_ids(&self) -> Vec<String> {
        self.area
            .keys()
            .iter()
            .filter_map(|k| k.strip_prefix(DOC_PREFIX))
            .map(String::from)
            .collect()
    }
}

/// Index order first; documents the index does not list follow, oldest first.
fn order_by_index(docs: &mut [Document], index: Option<&IndexRecord>) {
    let pos = |id: &str| {
        index
            .and_then(|i| i.docs.iter().position(|(d, _, _)| d == id))
            .unwrap_or(usize::MAX)
    };
    docs.sort_by(|a, b| {
        pos(&a.id)
            .cmp(&pos(&b.id))
            .then(a.created.total_cmp(&b.created))
            .then(a.id.cmp(&b.id))
    });
}
