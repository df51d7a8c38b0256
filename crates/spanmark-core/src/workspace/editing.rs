//! Changing the open document's spans: every core edit is applied, recorded as one undo
//! step and saved here; the label keys, Enter, x, Alt+arrows and "l" become edits here.

use super::selection::next_suggestion;
use super::{touch, Ctx, Effect, Save, Update, Workspace};
use crate::edit::{Edge, Edit, Step};
use crate::error::CoreError;
use crate::schema_change::SchemaChange;
use crate::span::SpanState;

/// The span an edit created (the first span in `after` that was not in `before`).
fn added(step: &Step) -> Option<(usize, usize)> {
    step.after
        .iter()
        .find(|s| !step.before.contains(s))
        .map(|s| (s.start, s.end))
}

impl Workspace {
    /// Apply a core edit to the open document and record it for undo (one step).
    pub(super) fn edit(
        &mut self,
        edit: &Edit,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<Step, CoreError> {
        let id = self
            .current
            .clone()
            .ok_or(CoreError::Invalid("Open a document first.".into()))?;
        let doc = self
            .documents
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(CoreError::Invalid("That document is gone.".into()))?;
        let step = edit.apply(doc, &self.schema)?;
        if step.is_noop() {
            return Ok(step);
        }
        touch(doc, ctx);
        self.suggester.touched(&id);
        self.histories
            .entry(id.clone())
            .or_default()
            .record(step.clone());
        up.change.history = true;
        up.change.documents.push(id.clone());
        up.effect(Effect::Unsay);
        let loss = step.link_loss();
        if !loss.is_empty() {
            up.say(
                format!("This {}; Ctrl+Z brings it back.", loss.sentence()),
                false,
            );
        }
        up.save(Save {
            documents: vec![id.clone()],
            ..Save::default()
        });
        self.note_gold_edit(&id, ctx, up);
        Ok(step)
    }

    pub(super) fn undo_redo(
        &mut self,
        undo: bool,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let Some(id) = self.current.clone() else {
            return Ok(());
        };
        let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) else {
            return Ok(());
        };
        let history = self.histories.entry(id.clone()).or_default();
        if undo {
            history.undo(doc)?;
        } else {
            history.redo(doc)?;
        }
        touch(doc, ctx);
        up.change.history = true;
        up.change.documents.push(id.clone());
        self.drop_stale_selection(up);
        up.save(Save {
            documents: vec![id.clone()],
            ..Save::default()
        });
        self.note_gold_edit(&id, ctx, up);
        Ok(())
    }

    /// A label key: the selected text becomes a span, or the selected span gets the label.
    pub(super) fn apply_label(
        &mut self,
        label: String,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        if let Some((start, end)) = self.selection.pending {
            let step = self.edit(&Edit::Add { start, end, label }, ctx, up)?;
            self.selection.pending = None;
            self.selection.selected = added(&step);
            up.change.selection = true;
            up.effect(Effect::ClearBrowserSelection);
            return Ok(());
        }
        if let Some((start, end)) = self.selection.selected {
            self.edit(&Edit::Relabel { start, end, label }, ctx, up)?;
            return Ok(());
        }
        Err(CoreError::Invalid(
            "Select some text or a span first, then choose its label.".into(),
        ))
    }

    fn need_selected(&self) -> Result<(usize, usize), CoreError> {
        self.selection.selected.ok_or(CoreError::Invalid(
            "Select a span first (click it or press Tab).".into(),
        ))
    }

    /// Enter: accept, then on to the next suggestion (or stay on the accepted span).
    pub(super) fn accept_selected(&mut self, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let (start, end) = self.need_selected()?;
        self.edit(&Edit::Accept { start, end }, ctx, up)?;
        let next = self.current().and_then(|d| next_suggestion(d, end));
        self.selection.selected = Some(next.unwrap_or((start, end)));
        up.change.selection = true;
        Ok(())
    }

    /// x / Delete: a suggestion is rejected (and remembered by the learner, so it is not
    /// suggested there again); an accepted span is removed. Then on to the next suggestion.
    pub(super) fn remove_selected(&mut self, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let (start, end) = self.need_selected()?;
        let suggested = self.current().and_then(|d| {
            d.find_span(start, end)
                .map(|i| &d.spans()[i])
                .filter(|s| s.state == SpanState::Suggested)
                .cloned()
        });
        let edit = match &suggested {
            Some(span) => {
                self.remember_rejected(span, up);
                Edit::Reject { start, end }
            }
            None => Edit::Remove { start, end },
        };
        self.edit(&edit, ctx, up)?;
        self.selection.selected = self.current().and_then(|d| next_suggestion(d, end));
        up.change.selection = true;
        Ok(())
    }

    pub(super) fn resize_selected(
        &mut self,
        edge: Edge,
        delta: i32,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let (start, end) = self.need_selected()?;
        let step = self.edit(
            &Edit::Resize {
                start,
                end,
                edge,
                delta,
            },
            ctx,
            up,
        )?;
        self.selection.selected = added(&step);
        up.change.selection = true;
        Ok(())
    }

    pub(super) fn label_all_selected(
        &mut self,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let (start, end) = self.need_selected()?;
        let step = self.edit(&Edit::LabelAll { start, end }, ctx, up)?;
        let n = step
            .after
            .iter()
            .filter(|s| !step.before.contains(s))
            .count();
        up.say(
            format!(
                "Labelled {n} more occurrence{}",
                if n == 1 { "" } else { "s" }
            ),
            false,
        );
        Ok(())
    }

    /// A schema change reaches into every document (renamed or removed spans); each
    /// document's part is one step of its own undo history.
    pub(super) fn change_schema(
        &mut self,
        change: &SchemaChange,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let steps = change.apply(&mut self.schema, &mut self.documents)?;
        let mut saved = Vec::with_capacity(steps.len());
        for (id, step) in steps {
            if let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) {
                touch(doc, ctx);
            }
            self.histories.entry(id.clone()).or_default().record(step);
            saved.push(id);
        }
        up.change.schema = true;
        up.change.history = true;
        up.change.documents.extend(saved.iter().cloned());
        up.save(Save {
            documents: saved,
            schema: true,
            ..Save::default()
        });
        Ok(())
    }
}
