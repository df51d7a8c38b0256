//! Carries out `Intent::Import`: imported documents join the open ones (or replace them all)
//! and the schema gains their labels, as one announced change so autosave keeps them.

use std::collections::HashMap;

use leptos::prelude::*;
use spanmark_core::{CoreError, Document, History, Schema};

use crate::state::{AppState, Change};

impl AppState {
    /// Add `documents` (a document with an existing id replaces that one), or with `replace`
    /// remove every current document first; `schema` becomes the label schema.
    pub(crate) fn import(
        &self,
        documents: Vec<Document>,
        schema: Schema,
        replace: bool,
    ) -> Result<(), CoreError> {
        if documents.is_empty() && !replace {
            return Err(CoreError::Invalid("There is nothing new to import.".into()));
        }
        let now = js_sys::Date::now();
        let count = documents.len();
        let mut saved: Vec<String> = Vec::with_capacity(count);
        let mut deleted: Vec<String> = Vec::new();
        self.documents.update(|docs| {
            let old: HashMap<String, u64> =
                docs.iter().map(|d| (d.id.clone(), d.revision)).collect();
            if replace {
                deleted = docs.drain(..).map(|d| d.id).collect();
            }
            for mut doc in documents {
                if doc.created <= 0.0 {
                    doc.created = now;
                }
                doc.updated = now;
                // A newer revision than the one it replaces, so storage sees it as changed.
                if let Some(rev) = old.get(&doc.id) {
                    doc.revision = doc.revision.max(rev + 1);
                }
                saved.push(doc.id.clone());
                match docs.iter_mut().find(|d| d.id == doc.id) {
                    Some(existing) => *existing = doc,
                    None => docs.push(doc),
                }
            }
        });
        deleted.retain(|id| !saved.contains(id));
        // Old undo steps do not apply to replaced text.
        self.histories.update_value(|h| {
            for id in &deleted {
                h.remove(id);
            }
            for id in &saved {
                h.insert(id.clone(), History::new());
            }
        });
        self.untouched.update_value(|u| {
            for id in saved.iter().chain(&deleted) {
                u.remove(id);
            }
        });
        let schema_changed = self.schema.with_untracked(|s| *s != schema);
        if schema_changed {
            self.schema.set(schema);
            self.schema_rev.update(|r| *r += 1);
        }
        self.history_rev.update(|r| *r += 1);
        // The first imported document opens: the user sees what came in.
        self.selected.set(None);
        self.pending.set(None);
        self.caret.set(None);
        if let Some(first) = saved.first() {
            self.current.set(Some(first.clone()));
        } else if self
            .current
            .get_untracked()
            .is_some_and(|id| deleted.contains(&id))
        {
            self.current.set(None);
        }
        self.say(
            format!(
                "Imported {count} document{}.",
                if count == 1 { "" } else { "s" }
            ),
            false,
        );
        self.announce(Change {
            saved,
            deleted,
            schema: schema_changed,
            order: true,
            ..Change::default()
        });
        Ok(())
    }
}
