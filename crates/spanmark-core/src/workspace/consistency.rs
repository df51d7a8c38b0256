//! The consistency view's commands: check the page's documents (accepted spans), jump to an
//! occurrence, fix one occurrence or every one of a form with its main label, undo a fix.

use super::review::{Checked, ReviewCommand};
use super::{touch, Ctx, Effect, Save, Update, Workspace};
use crate::error::CoreError;
use crate::review::{flags, Consistency, Fix, Occurrence};

fn invalid(e: impl ToString) -> CoreError {
    CoreError::Invalid(e.to_string())
}

impl Workspace {
    pub(super) fn consistency_command(
        &mut self,
        command: ReviewCommand,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        use ReviewCommand as R;
        match command {
            R::Check => self.check_consistency(),
            R::JumpTo { form, occurrence } => {
                let o = self.occurrence(form, occurrence)?;
                let id = self
                    .review
                    .checked
                    .as_ref()
                    .map(|c| c.ids[o.document].clone());
                let id = id
                    .filter(|id| self.document(id).is_some())
                    .ok_or_else(|| invalid("That document is gone; check again."))?;
                self.review.open = false;
                self.open(Some(id), up);
                let range = Some((o.start, o.end));
                if o.label.is_some() {
                    self.selection.selected = range;
                    self.selection.pending = None;
                } else {
                    self.selection.selected = None;
                    self.selection.pending = range;
                    up.effect(Effect::ShowPending);
                }
                up.change.selection = true;
            }
            R::FixOne { form, occurrence } => {
                let o = self.occurrence(form, occurrence)?;
                self.fix(form, &[o], ctx, up)?;
            }
            R::FixAll(form) => {
                let odd: Vec<Occurrence> = self.checked_form(form)?.odd_ones().cloned().collect();
                self.fix(form, &odd, ctx, up)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Consistency of every document's accepted spans, and the flags.
    fn check_consistency(&mut self) {
        let documents: Vec<_> = self
            .documents
            .iter()
            .map(|d| {
                let mut c = d.clone();
                c.set_spans(
                    d.spans()
                        .iter()
                        .filter(|s| s.is_accepted())
                        .cloned()
                        .collect(),
                );
                c
            })
            .collect();
        let is_title = |w: &str| self.suggester.detector().is_some_and(|p| p.is_title(w));
        let found = flags(&documents, &is_title);
        self.review.checked = Some(Checked {
            consistency: Consistency::of(&documents),
            ids: documents.iter().map(|d| d.id.clone()).collect(),
            flags: found,
        });
    }

    fn checked_form(&self, form: usize) -> Result<&crate::review::Form, CoreError> {
        self.review
            .checked
            .as_ref()
            .and_then(|c| c.consistency.forms.get(form))
            .ok_or_else(|| invalid("Check the documents' consistency first."))
    }

    fn occurrence(&self, form: usize, occurrence: usize) -> Result<Occurrence, CoreError> {
        let f = self.checked_form(form)?;
        f.labelled
            .iter()
            .chain(&f.unlabelled)
            .nth(occurrence)
            .cloned()
            .ok_or_else(|| invalid("There is no such occurrence; check again."))
    }

    /// Give `occurrences` the form's main label: one step per document touched, all undone
    /// together by the review's undo; the list is checked again.
    fn fix(
        &mut self,
        form: usize,
        occurrences: &[Occurrence],
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let label = self.checked_form(form)?.main_label().to_string();
        let ids = self
            .review
            .checked
            .as_ref()
            .map(|c| c.ids.clone())
            .unwrap_or_default();
        // the fix is planned on the documents as they are now, in the checked order
        let documents: Vec<_> = ids
            .iter()
            .filter_map(|id| self.document(id).cloned())
            .collect();
        if documents.len() != ids.len() {
            return Err(invalid(
                "A document was deleted since the check; check again.",
            ));
        }
        let plan = Fix::new(&documents, occurrences, Some(&label)).map_err(invalid)?;
        let mut done = Vec::new();
        for (d, step) in plan.steps {
            let id = ids[d].clone();
            let Some(doc) = self.doc_mut(&id) else {
                continue;
            };
            doc.step_spans(&step, true);
            touch(doc, ctx);
            self.histories
                .entry(id.clone())
                .or_default()
                .record(step.clone());
            up.change.documents.push(id.clone());
            done.push((id, step));
        }
        up.change.history = true;
        up.save(Save {
            documents: done.iter().map(|(id, _)| id.clone()).collect(),
            ..Save::default()
        });
        up.say(
            format!(
                "{} occurrence{} labelled {label}.",
                occurrences.len(),
                if occurrences.len() == 1 { "" } else { "s" }
            ),
            false,
        );
        self.review.undo_kinds.push(true);
        self.review.fixes.push(done);
        self.check_consistency();
        Ok(())
    }

    /// Take back the last fix in every document it touched (their own last step each).
    pub(super) fn undo_fix(&mut self, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let fix = self.review.fixes.pop().ok_or(CoreError::NothingToUndo)?;
        for (id, step) in fix.into_iter().rev() {
            let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) else {
                continue;
            };
            let history = self.histories.entry(id.clone()).or_default();
            if history.last_undo() == Some(&step) {
                history.undo(doc)?;
            } else if step.is_applied_to(doc) {
                doc.step_spans(&step, false);
                history.clear();
            } else {
                continue;
            }
            touch(doc, ctx);
            up.change.documents.push(id.clone());
            up.save(Save {
                documents: vec![id],
                ..Save::default()
            });
        }
        up.change.history = true;
        if self.review.checked.is_some() {
            self.check_consistency();
        }
        Ok(())
    }
}
