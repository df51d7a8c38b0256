//! Other tabs: the `storage` event tells this tab what another tab wrote. Unchanged
//! documents follow along; a document with unsaved edits here is saved at once, which
//! detects the newer revision and merges (see `Store::save_document`).

use leptos::prelude::*;
use spanmark_core::persist::{decode_labels, doc_id_of_key, LABELS_KEY};

use super::autosave::StorageState;
use crate::Command;

impl StorageState {
    pub(super) fn on_storage_event(&self, ev: &web_sys::StorageEvent) {
        // `key` is null when another tab cleared everything: keep what this page holds.
        let Some(key) = ev.key() else { return };
        if let Some(id) = doc_id_of_key(&key) {
            self.other_tab_wrote(id, ev.new_value().is_some());
        } else if key == LABELS_KEY {
            let Some(schema) = ev.new_value().and_then(|raw| decode_labels(&raw).ok()) else {
                return;
            };
            self.app.dispatch(Command::StoredSchema(schema));
        }
        if let Some(u) = self.store.try_with_value(|s| s.rescan_usage()) {
            self.usage.set(u);
        }
    }

    fn other_tab_wrote(&self, id: &str, exists: bool) {
        let app = self.app;
        let mine = app
            .documents
            .with_untracked(|d| d.iter().find(|x| x.id == id).cloned());
        let dirty = mine
            .as_ref()
            .is_some_and(|m| self.store.with_value(|s| s.is_dirty(m)));
        if dirty {
            // Our unsaved edits meet theirs now rather than later.
            self.flush();
            return;
        }
        if !exists {
            // Deleted in another tab and untouched here: follow.
            if mine.is_some() {
                app.dispatch(Command::Unstored(id.to_string()));
                self.store.with_value(|s| s.forget(id));
            }
            return;
        }
        let Some(theirs) = self.store.with_value(|s| s.read_document(id)) else {
            return;
        };
        if theirs.revision <= self.store.with_value(|s| s.base_revision(id)) {
            return;
        }
        self.store.with_value(|s| s.mark_saved(&theirs));
        app.dispatch(Command::Stored(vec![theirs]));
    }
}
