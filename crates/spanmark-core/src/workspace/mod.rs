//! The annotator's whole workspace as one value: documents, schema, selection, histories,
//! the detector and the learner. Every command goes through [`Workspace::update`].
//!
//! The shell (the web page) sends a [`Command`] with a [`Ctx`] (clock, id source), shows
//! what the returned [`Update`]'s `change` names and carries out its effects. Nothing here
//! sees the DOM, reads a clock or draws a random number.

mod adjudicate;
mod command;
mod consistency;
mod context;
mod documents;
mod editing;
mod event_memory;
mod events;
mod learning;
mod review;
mod review_store;
mod selection;
mod suggest;
mod update;

use std::collections::HashMap;

pub use crate::incidents::memory_blob::EVENTS_BLOB;
pub use command::Command;
pub use context::Ctx;
pub use documents::title_from;
pub use events::{next_suggested_event, LinkFocus, Pick};
pub use learning::Learning;
pub use review::{Checked, Review, ReviewCommand};
pub use review_store::{REVIEW_BLOB, REVIEW_TEAM_BLOB};
pub use selection::{next_suggestion, step_span, Extent, Selection};
pub use suggest::{Lists, Suggester, REDETECT_MAX_CHARS};
pub use update::{Change, Effect, Notice, Save, Update};

use crate::document::Document;
use crate::error::CoreError;
use crate::history::History;
use crate::label::Schema;

#[derive(Debug, Clone)]
pub struct Workspace {
    /// Every document, in list order.
    documents: Vec<Document>,
    /// The open document; `None` shows the new-document form.
    current: Option<String>,
    schema: Schema,
    selection: Selection,
    /// Undo/redo per document id.
    histories: HashMap<String, History>,
    help_open: bool,
    suggester: Suggester,
    learning: Learning,
    /// Team review: annotators compared, the adjudication into gold documents.
    review: Review,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::new(Schema::news())
    }
}

impl Workspace {
    /// An empty workspace with this label schema, no detector and an empty learner.
    pub fn new(schema: Schema) -> Self {
        Workspace {
            documents: Vec::new(),
            current: None,
            schema,
            selection: Selection::default(),
            histories: HashMap::new(),
            help_open: false,
            suggester: Suggester::default(),
            learning: Learning::default(),
            review: Review::default(),
        }
    }

    /// Do what the user asked. Never panics; a refused command changes nothing and says
    /// its sentence (an `Effect::Say` with `error`).
    pub fn update(&mut self, command: Command, ctx: &Ctx) -> Update {
        let mut up = Update::default();
        if let Err(e) = self.run(command, ctx, &mut up) {
            up.say(e.to_string(), true);
        }
        // Whatever was saved may change what the learner should hold.
        if let Some(save) = up.saved().cloned() {
            self.reconcile_learning(save.documents.iter(), false, &mut up);
            self.reconcile_learning(save.deleted.iter(), true, &mut up);
        }
        up
    }

    fn run(&mut self, command: Command, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        use Command as C;
        match command {
            C::Create { title, text } => self.create(&title, &text, ctx, up)?,
            C::Open(id) => self.open(Some(id), up),
            C::ShowForm => self.open(None, up),
            C::Rename { id, title } => {
                self.update_meta(&id, ctx, up, |d| d.title = title.trim().to_string())
            }
            C::SetDone { id, done } => self.set_done(&id, done, ctx, up),
            C::Delete(id) => self.delete(&id, up),
            C::Import {
                documents,
                schema,
                replace,
            } => self.import(documents, schema, replace, ctx, up)?,
            C::Restore {
                documents,
                schema,
                current,
            } => self.restore(documents, schema, current, up),
            C::Stored(documents) => self.stored(documents, up),
            C::Unstored(id) => self.unstored(&id, up),
            C::StoredSchema(schema) => {
                if self.schema != schema {
                    self.schema = schema;
                    up.change.schema = true;
                }
            }
            C::Edit(crate::edit::Edit::Link(edit)) => self.link_edit(edit, ctx, up)?,
            C::Edit(edit) => {
                self.edit(&edit, ctx, up)?;
            }
            C::Undo => self.undo_redo(true, ctx, up)?,
            C::Redo => self.undo_redo(false, ctx, up)?,
            C::Select(sel) => self.select(sel, up),
            C::SelectNext => self.select_step(true, up),
            C::SelectPrev => self.select_step(false, up),
            C::SetPending(range) => self.set_pending(range, up),
            C::SetCaret(pos) => self.set_caret(pos, up),
            C::ExtendSelection(dir) => self.extend(dir, up),
            C::ApplyLabel(label) => self.apply_label(label, ctx, up)?,
            C::AcceptSelected => self.accept_selected(ctx, up)?,
            C::RemoveSelected => self.remove_selected(ctx, up)?,
            C::ResizeSelected { edge, delta } => self.resize_selected(edge, delta, ctx, up)?,
            C::LabelAllSelected => self.label_all_selected(ctx, up)?,
            C::AcceptAll => {
                self.edit(&crate::edit::Edit::AcceptAll, ctx, up)?;
            }
            C::Schema(change) => self.change_schema(&change, ctx, up)?,
            C::ToggleHelp => {
                self.help_open = !self.help_open;
                up.change.help = true;
            }
            // Focusing the type-ahead is the page's part.
            C::FindLabel => up.effect(Effect::FocusLabelSearch),
            C::Escape => {
                if self.help_open {
                    self.help_open = false;
                    up.change.help = true;
                } else if !self.cancel_link(up) {
                    self.selection.clear_marks();
                    self.selection.links = LinkFocus::default();
                    up.change.selection = true;
                }
            }
            C::UseDetector { detector, last } => self.use_detector(detector, last, ctx, up),
            C::ListsSettled => self.suggester.settle(),
            C::UseLearner { learner, save } => self.use_learner(*learner, save, up),
            C::RestoreEventMemory(raw) => self.restore_event_memory(&raw, up),
            C::SetThreshold(t) => self.set_threshold(t, ctx, up)?,
            C::LearnSlice { budget } => self.learn_slice(budget, up),
            C::Retrain => self.retrain(up),
            C::Review(r) => self.review_command(r, ctx, up)?,
            C::SelectEvent(event) => self.select_event(event, up),
            C::SelectNextEvent => self.select_event_step(true, up),
            C::SelectPrevEvent => self.select_event_step(false, up),
            C::AcceptSelectedEvent => self.accept_selected_event(ctx, up)?,
            C::RejectSelectedEvent => self.reject_selected_event(ctx, up)?,
            C::AcceptAllEvents => self.link_edit(crate::links::LinkEdit::AcceptAll, ctx, up)?,
            C::StartEvent => self.start_event(up)?,
            C::StartRole => self.start_role(up)?,
            C::StartRelation => self.start_relation(up)?,
            C::Pick(n) => self.pick(n, ctx, up)?,
        }
        Ok(())
    }

    // ---- reading ----

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn current_id(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// The open document, if any.
    pub fn current(&self) -> Option<&Document> {
        self.document(self.current.as_deref()?)
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn help_open(&self) -> bool {
        self.help_open
    }

    pub fn history(&self, id: &str) -> Option<&History> {
        self.histories.get(id)
    }

    pub fn can_undo(&self) -> bool {
        self.current_history().is_some_and(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.current_history().is_some_and(History::can_redo)
    }

    fn current_history(&self) -> Option<&History> {
        self.histories.get(self.current.as_deref()?)
    }

    pub fn suggester(&self) -> &Suggester {
        &self.suggester
    }

    pub fn learning(&self) -> &Learning {
        &self.learning
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    // ---- shared by the commands ----

    fn doc_mut(&mut self, id: &str) -> Option<&mut Document> {
        self.documents.iter_mut().find(|d| d.id == id)
    }
}

/// A document changed: a newer revision (storage saves it) at this time. The one place a
/// revision is bumped.
pub(crate) fn touch(doc: &mut Document, ctx: &Ctx) {
    doc.revision += 1;
    doc.updated = ctx.now;
}
