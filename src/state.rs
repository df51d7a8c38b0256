//! The page's whole state: one `Copy` struct of signals, provided as context.
//! Documents live in `documents`; every change to them is announced on `changes`.
//!
//! For the storage layer: load saved work with [`AppState::restore`] at startup, and
//! observe [`AppState::changes`] (an `Effect` on it) to save: each [`Change`] names the
//! documents that changed (their `revision` was bumped) or were deleted, and whether the
//! label schema changed. Nothing here writes to localStorage.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use spanmark_core::detect::Pipeline;
use spanmark_core::{Document, History, Schema};

use crate::detection::Gazetteer;

/// What changed in one dispatch, for autosave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Increases by one per announced change (so equal changes still notify).
    pub seq: u64,
    /// Documents whose text, spans, title or status changed, or that were added.
    pub saved: Vec<String>,
    /// Documents that were deleted.
    pub deleted: Vec<String>,
    /// The label schema changed.
    pub schema: bool,
    /// The document order changed (added, deleted).
    pub order: bool,
}

/// A short message for the user (an edit the core refused, an export problem).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Every document, in list order.
    pub documents: RwSignal<Vec<Document>>,
    /// The open document; `None` shows the new-document form.
    pub current: RwSignal<Option<String>>,
    pub schema: RwSignal<Schema>,
    /// Bumped when the schema changes (labels recoloured, renamed): re-renders every paragraph.
    pub schema_rev: RwSignal<u64>,
    /// The selected span of the open document (start, end), code points.
    pub selected: RwSignal<Option<(usize, usize)>>,
    /// The text selected in the article (start, end), code points, not yet labelled.
    pub pending: RwSignal<Option<(usize, usize)>>,
    /// Where a keyboard selection starts (the last click in the text), code points.
    pub caret: RwSignal<Option<usize>>,
    /// Announced after every change that should be saved.
    pub changes: RwSignal<Change>,
    pub notice: RwSignal<Option<Notice>>,
    pub help_open: RwSignal<bool>,
    /// Undo/redo per document id (not reactive: `history_rev` says when it moved).
    pub histories: StoredValue<HashMap<String, History>>,
    pub history_rev: RwSignal<u64>,
    /// The detector: none until the core word lists arrive after first paint, then replaced
    /// when the larger gazetteer has loaded (detection.rs).
    pub detector: StoredValue<Option<Pipeline>>,
    pub gazetteer: RwSignal<Gazetteer>,
    /// Documents detected before the word lists arrived and not edited since.
    pub untouched: StoredValue<HashSet<String>>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            documents: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            schema: RwSignal::new(Schema::news()),
            schema_rev: RwSignal::new(0),
            selected: RwSignal::new(None),
            pending: RwSignal::new(None),
            caret: RwSignal::new(None),
            changes: RwSignal::new(Change::default()),
            notice: RwSignal::new(None),
            help_open: RwSignal::new(false),
            histories: StoredValue::new(HashMap::new()),
            history_rev: RwSignal::new(0),
            detector: StoredValue::new(None),
            gazetteer: RwSignal::new(Gazetteer::Loading),
            untouched: StoredValue::new(HashSet::new()),
        }
    }

    /// Replace everything with saved work (no change is announced: it is already saved).
    pub fn restore(&self, documents: Vec<Document>, schema: Schema, current: Option<String>) {
        let current = current.filter(|id| documents.iter().any(|d| &d.id == id));
        self.histories.update_value(|h| h.clear());
        self.untouched.update_value(|u| u.clear());
        self.selected.set(None);
        self.pending.set(None);
        self.caret.set(None);
        self.documents.set(documents);
        self.schema.set(schema);
        self.schema_rev.update(|r| *r += 1);
        self.current.set(current);
        self.history_rev.update(|r| *r += 1);
    }

    /// Announce a change for autosave.
    pub fn announce(&self, mut change: Change) {
        self.changes.update(|c| {
            change.seq = c.seq + 1;
            *c = change;
        });
    }

    /// Run `f` on the open document (untracked), if any.
    pub fn with_current<R>(&self, f: impl FnOnce(&Document) -> R) -> Option<R> {
        let id = self.current.get_untracked()?;
        self.documents
            .with_untracked(|docs| docs.iter().find(|d| d.id == id).map(f))
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        let Some(id) = self.current.get() else {
            return false;
        };
        self.histories
            .with_value(|h| h.get(&id).is_some_and(History::can_undo))
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        let Some(id) = self.current.get() else {
            return false;
        };
        self.histories
            .with_value(|h| h.get(&id).is_some_and(History::can_redo))
    }

    pub fn say(&self, text: impl Into<String>, error: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            error,
        }));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The app state from context (provided by [`crate::App`]).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
