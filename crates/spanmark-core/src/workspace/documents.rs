//! The document list's commands: create (with suggestions), rename, mark done, delete,
//! import, and taking in what storage holds (restore, other tabs, merges).

use std::collections::HashMap;

use super::{touch, Ctx, Save, Update, Workspace};
use crate::document::{DocStatus, Document};
use crate::edit::Edit;
use crate::error::CoreError;
use crate::history::History;
use crate::label::Schema;
use crate::links::LinkEdit;

/// Titles longer than this many characters are cut (with an ellipsis).
pub const TITLE_CHARS: usize = 60;

/// A title from the article's first non-empty line, when the user gave none.
pub fn title_from(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut title: String = line.chars().take(TITLE_CHARS).collect();
    if line.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    title
}

impl Workspace {
    pub(super) fn create(
        &mut self,
        title: &str,
        text: &str,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        if text.trim().is_empty() {
            return Err(CoreError::Invalid("Paste or type an article first.".into()));
        }
        let id = ctx.new_id();
        let title = if title.trim().is_empty() {
            title_from(text)
        } else {
            title.trim().to_string()
        };
        let mut doc = Document::new(id.clone(), title, text);
        doc.created = ctx.now;
        doc.updated = ctx.now;
        let suggestions = self.suggest(&doc);
        self.suggester.made(&id);
        if !suggestions.is_empty() {
            // Detection output is not an undo step: the document starts with it.
            Edit::Suggest { spans: suggestions }.apply(&mut doc, &self.schema)?;
        }
        let events = self.suggest_events(&doc);
        if !events.is_empty() {
            let layer = LinkEdit::Suggest {
                events,
                relations: Vec::new(),
            };
            Edit::Link(layer).apply(&mut doc, &self.schema)?;
        }
        self.documents.push(doc);
        self.histories.insert(id.clone(), History::new());
        self.open(Some(id.clone()), up);
        up.change.documents.push(id.clone());
        up.change.order = true;
        up.change.history = true;
        up.save(Save {
            documents: vec![id],
            order: true,
            ..Save::default()
        });
        Ok(())
    }

    /// Change a document's own fields (title, status): a new revision, saved.
    pub(super) fn update_meta(
        &mut self,
        id: &str,
        ctx: &Ctx,
        up: &mut Update,
        f: impl FnOnce(&mut Document),
    ) {
        let Some(doc) = self.doc_mut(id) else {
            return;
        };
        f(doc);
        touch(doc, ctx);
        up.change.documents.push(id.to_string());
        up.save(Save {
            documents: vec![id.to_string()],
            ..Save::default()
        });
    }

    pub(super) fn set_done(&mut self, id: &str, done: bool, ctx: &Ctx, up: &mut Update) {
        let status = if done {
            DocStatus::Done
        } else {
            DocStatus::Open
        };
        self.update_meta(id, ctx, up, |d| d.status = status);
    }

    pub(super) fn delete(&mut self, id: &str, up: &mut Update) {
        self.documents.retain(|d| d.id != id);
        self.histories.remove(id);
        if self.current.as_deref() == Some(id) {
            self.open(None, up);
        }
        up.change.order = true;
        up.change.history = true;
        up.save(Save {
            deleted: vec![id.to_string()],
            order: true,
            ..Save::default()
        });
    }

    /// Add `documents` (one with an existing id replaces that one), or with `replace`
    /// remove every current document first; `schema` becomes the label schema.
    pub(super) fn import(
        &mut self,
        documents: Vec<Document>,
        schema: Schema,
        replace: bool,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        if documents.is_empty() && !replace {
            return Err(CoreError::Invalid("There is nothing new to import.".into()));
        }
        let count = documents.len();
        let mut saved: Vec<String> = Vec::with_capacity(count);
        let old: HashMap<String, u64> = self
            .documents
            .iter()
            .map(|d| (d.id.clone(), d.revision))
            .collect();
        let mut deleted: Vec<String> = if replace {
            self.documents.drain(..).map(|d| d.id).collect()
        } else {
            Vec::new()
        };
        for mut doc in documents {
            if doc.created <= 0.0 {
                doc.created = ctx.now;
            }
            doc.updated = ctx.now;
            // A newer revision than the one it replaces, so storage sees it as changed.
            if let Some(rev) = old.get(&doc.id) {
                doc.revision = doc.revision.max(rev + 1);
            }
            saved.push(doc.id.clone());
            match self.doc_mut(&doc.id) {
                Some(existing) => *existing = doc,
                None => self.documents.push(doc),
            }
        }
        deleted.retain(|id| !saved.contains(id));
        // Old undo steps do not apply to replaced text.
        for id in &deleted {
            self.histories.remove(id);
        }
        for id in &saved {
            self.histories.insert(id.clone(), History::new());
        }
        self.suggester.forget(saved.iter().chain(&deleted));
        let schema_changed = self.schema != schema;
        if schema_changed {
            self.schema = schema;
            up.change.schema = true;
        }
        up.change.history = true;
        up.change.order = true;
        up.change.documents.extend(saved.iter().cloned());
        // The first imported document opens: the user sees what came in.
        self.selection = Default::default();
        up.change.selection = true;
        if let Some(first) = saved.first() {
            self.current = Some(first.clone());
            up.change.current = true;
        } else if self.current.as_ref().is_some_and(|id| deleted.contains(id)) {
            self.current = None;
            up.change.current = true;
        }
        up.say(
            format!(
                "Imported {count} document{}.",
                if count == 1 { "" } else { "s" }
            ),
            false,
        );
        up.save(Save {
            documents: saved,
            deleted,
            schema: schema_changed,
            order: true,
        });
        Ok(())
    }

    /// Replace everything with saved work; nothing is saved back (it is already stored).
    pub(super) fn restore(
        &mut self,
        documents: Vec<Document>,
        schema: Schema,
        current: Option<String>,
        up: &mut Update,
    ) {
        let current = current.filter(|id| documents.iter().any(|d| &d.id == id));
        self.histories.clear();
        self.suggester.forget_all();
        self.selection = Default::default();
        self.documents = documents;
        self.schema = schema;
        self.current = current;
        up.change = super::Change {
            documents: self.documents.iter().map(|d| d.id.clone()).collect(),
            order: true,
            current: true,
            schema: true,
            selection: true,
            history: true,
            ..up.change.clone()
        };
        // The learner may hold documents that are done here (or no longer).
        let ids: Vec<String> = self.learning.known_ids();
        self.reconcile_learning(ids.iter(), false, up);
    }

    /// Newer stored versions replace ours; undo steps recorded against ours no longer apply.
    pub(super) fn stored(&mut self, documents: Vec<Document>, up: &mut Update) {
        for doc in documents {
            let id = doc.id.clone();
            match self.doc_mut(&id) {
                Some(slot) => *slot = doc,
                None => {
                    self.documents.push(doc);
                    up.change.order = true;
                }
            }
            self.histories.remove(&id);
            up.change.documents.push(id);
        }
        up.change.history = true;
        self.drop_stale_selection(up);
    }

    /// Another tab deleted a document this page had not changed: follow.
    pub(super) fn unstored(&mut self, id: &str, up: &mut Update) {
        if self.document(id).is_none() {
            return;
        }
        self.documents.retain(|d| d.id != id);
        self.histories.remove(id);
        up.change.order = true;
        if self.current.as_deref() == Some(id) {
            self.current = None;
            up.change.current = true;
        }
    }
}
