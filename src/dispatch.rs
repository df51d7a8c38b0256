//! Carries out an `Intent`: documents are made, edited and deleted here, always through
//! the core (`Edit::apply`, `History`); errors become a notice, changes are announced.

use leptos::prelude::*;
use spanmark_core::{
    CoreError, DocStatus, Document, Edit, History, SchemaChange, Span, SpanState, Step,
};

use crate::caret::Extent;
use crate::intent::Intent;
use crate::state::{AppState, Change};

impl AppState {
    /// Do what the user asked. Never panics; a refused edit shows its sentence.
    pub fn dispatch(&self, intent: Intent) {
        if let Err(e) = self.try_dispatch(intent) {
            self.say(e.to_string(), true);
        }
    }

    fn try_dispatch(&self, intent: Intent) -> Result<(), CoreError> {
        match intent {
            Intent::Create { title, text } => self.create(&title, &text)?,
            Intent::Open(id) => self.open(Some(id)),
            Intent::ShowForm => self.open(None),
            Intent::Rename { id, title } => {
                self.update_meta(&id, |d| d.title = title.trim().to_string())
            }
            Intent::SetDone { id, done } => self.update_meta(&id, |d| {
                d.status = if done {
                    DocStatus::Done
                } else {
                    DocStatus::Open
                }
            }),
            Intent::Delete(id) => self.delete(&id),
            Intent::Import {
                documents,
                schema,
                replace,
            } => self.import(documents, schema, replace)?,
            Intent::Edit(edit) => {
                self.edit(&edit)?;
            }
            Intent::Undo | Intent::Redo => self.undo_redo(matches!(intent, Intent::Undo))?,
            Intent::Select(sel) => {
                self.selected.set(sel);
                if sel.is_some() {
                    self.pending.set(None);
                }
            }
            Intent::SelectNext => self.select_step(true),
            Intent::SelectPrev => self.select_step(false),
            Intent::SetPending(range) => {
                self.pending.set(range);
                if range.is_some() {
                    self.selected.set(None);
                }
            }
            Intent::SetCaret(pos) => {
                self.caret.set(Some(pos));
                self.pending.set(None);
            }
            Intent::ExtendSelection(dir) => self.extend(dir),
            Intent::ApplyLabel(label) => self.apply_label(label)?,
            Intent::AcceptSelected => {
                let (start, end) = self.need_selected()?;
                self.edit(&Edit::Accept { start, end })?;
                self.selected
                    .set(Some(self.next_suggestion(end).unwrap_or((start, end))));
            }
            Intent::RemoveSelected => {
                let (start, end) = self.need_selected()?;
                let suggested = self
                    .span_at(start, end)
                    .is_some_and(|s| s.state == SpanState::Suggested);
                let edit = if suggested {
                    // remembered by the learner, so it is not suggested there again
                    crate::learning::rejected(self, start, end);
                    Edit::Reject { start, end }
                } else {
                    Edit::Remove { start, end }
                };
                self.edit(&edit)?;
                self.selected.set(self.next_suggestion(end));
            }
            Intent::ResizeSelected { edge, delta } => {
                let (start, end) = self.need_selected()?;
                let step = self.edit(&Edit::Resize {
                    start,
                    end,
                    edge,
                    delta,
                })?;
                self.selected.set(added(&step));
            }
            Intent::LabelAllSelected => {
                let (start, end) = self.need_selected()?;
                let step = self.edit(&Edit::LabelAll { start, end })?;
                let n = step
                    .after
                    .iter()
                    .filter(|s| !step.before.contains(s))
                    .count();
                self.say(
                    format!(
                        "Labelled {n} more occurrence{}",
                        if n == 1 { "" } else { "s" }
                    ),
                    false,
                );
            }
            Intent::AcceptAll => {
                self.edit(&Edit::AcceptAll)?;
            }
            Intent::Schema(change) => self.change_schema(&change)?,
            // Focusing the type-ahead is the page's part (app.rs).
            Intent::FindLabel => {}
            Intent::ToggleHelp => self.help_open.update(|o| *o = !*o),
            Intent::Escape => {
                if self.help_open.get_untracked() {
                    self.help_open.set(false);
                } else {
                    self.selected.set(None);
                    self.pending.set(None);
                }
            }
        }
        Ok(())
    }

    fn create(&self, title: &str, text: &str) -> Result<(), CoreError> {
        if text.trim().is_empty() {
            return Err(CoreError::Invalid("Paste or type an article first.".into()));
        }
        let id = new_id();
        let title = if title.trim().is_empty() {
            title_from(text)
        } else {
            title.trim().to_string()
        };
        let mut doc = Document::new(id.clone(), title, text);
        let now = js_sys::Date::now();
        doc.created = now;
        doc.updated = now;
        let suggestions = self.suggest(&doc);
        self.made_before_lists(&id);
        if !suggestions.is_empty() {
            // Detection output is not an undo step: the document starts with it.
            Edit::Suggest { spans: suggestions }.apply(&mut doc, &self.schema.get_untracked())?;
        }
        self.documents.update(|docs| docs.push(doc));
        self.histories.update_value(|h| {
            h.insert(id.clone(), History::new());
        });
        self.open(Some(id.clone()));
        self.announce(Change {
            saved: vec![id],
            order: true,
            ..Change::default()
        });
        Ok(())
    }

    fn open(&self, id: Option<String>) {
        self.selected.set(None);
        self.pending.set(None);
        self.caret.set(None);
        self.notice.set(None);
        self.current.set(id);
    }

    fn update_meta(&self, id: &str, f: impl FnOnce(&mut Document)) {
        let now = js_sys::Date::now();
        let found =
            self.documents
                .try_maybe_update(|docs| match docs.iter_mut().find(|d| d.id == id) {
                    Some(doc) => {
                        f(doc);
                        doc.revision += 1;
                        doc.updated = now;
                        (true, true)
                    }
                    None => (false, false),
                });
        if found == Some(true) {
            self.announce(Change {
                saved: vec![id.to_string()],
                ..Change::default()
            });
        }
    }

    fn delete(&self, id: &str) {
        self.documents.update(|docs| docs.retain(|d| d.id != id));
        self.histories.update_value(|h| {
            h.remove(id);
        });
        if self.current.get_untracked().as_deref() == Some(id) {
            self.open(None);
        }
        self.announce(Change {
            deleted: vec![id.to_string()],
            order: true,
            ..Change::default()
        });
    }

    /// Apply a core edit to the open document and record it for undo.
    fn edit(&self, edit: &Edit) -> Result<Step, CoreError> {
        let id = self
            .current
            .get_untracked()
            .ok_or(CoreError::Invalid("Open a document first.".into()))?;
        let step = self.schema.with_untracked(|schema| {
            self.documents.try_maybe_update(|docs| {
                let Some(doc) = docs.iter_mut().find(|d| d.id == id) else {
                    return (
                        false,
                        Err(CoreError::Invalid("That document is gone.".into())),
                    );
                };
                match edit.apply(doc, schema) {
                    Ok(step) if !step.is_noop() => {
                        doc.revision += 1;
                        doc.updated = js_sys::Date::now();
                        (true, Ok(step))
                    }
                    other => (false, other),
                }
            })
        });
        let step = step.unwrap_or(Err(CoreError::Invalid("The page was closed.".into())))?;
        if !step.is_noop() {
            self.untouched.update_value(|u| {
                u.remove(&id);
            });
            self.histories
                .update_value(|h| h.entry(id.clone()).or_default().record(step.clone()));
            self.history_rev.update(|r| *r += 1);
            self.notice.set(None);
            self.announce(Change {
                saved: vec![id],
                ..Change::default()
            });
        }
        Ok(step)
    }

    fn undo_redo(&self, undo: bool) -> Result<(), CoreError> {
        let Some(id) = self.current.get_untracked() else {
            return Ok(());
        };
        // Taken out while it runs, put back after (no copy of 500 steps per undo).
        let mut history = self
            .histories
            .try_update_value(|h| h.remove(&id))
            .flatten()
            .unwrap_or_default();
        let result = self.documents.try_maybe_update(|docs| {
            let Some(doc) = docs.iter_mut().find(|d| d.id == id) else {
                return (false, Ok(()));
            };
            let r = if undo {
                history.undo(doc)
            } else {
                history.redo(doc)
            };
            if r.is_ok() {
                doc.revision += 1;
                doc.updated = js_sys::Date::now();
            }
            (r.is_ok(), r)
        });
        self.histories.update_value(|h| {
            h.insert(id.clone(), history);
        });
        result.unwrap_or(Ok(()))?;
        self.history_rev.update(|r| *r += 1);
        if let Some((s, e)) = self.selected.get_untracked() {
            if self.span_at(s, e).is_none() {
                self.selected.set(None);
            }
        }
        self.announce(Change {
            saved: vec![id],
            ..Change::default()
        });
        Ok(())
    }

    fn apply_label(&self, label: String) -> Result<(), CoreError> {
        if let Some((start, end)) = self.pending.get_untracked() {
            let step = self.edit(&Edit::Add { start, end, label })?;
            self.pending.set(None);
            self.selected.set(added(&step));
            clear_dom_selection();
            return Ok(());
        }
        if let Some((start, end)) = self.selected.get_untracked() {
            self.edit(&Edit::Relabel { start, end, label })?;
            return Ok(());
        }
        Err(CoreError::Invalid(
            "Select some text or a span first, then choose its label.".into(),
        ))
    }

    fn extend(&self, dir: i32) {
        let pending = self.pending.get_untracked();
        let anchor = self
            .caret
            .get_untracked()
            .or(pending.map(|p| p.0))
            .unwrap_or(0);
        let focus = match pending {
            Some((s, e)) if s == anchor => e,
            Some((s, _)) => s,
            None => anchor,
        };
        let Some(next) = self.with_current(|d| Extent { anchor, focus }.extend(d, dir)) else {
            return;
        };
        self.caret.set(Some(anchor));
        self.selected.set(None);
        self.pending.set(next.range());
    }

    fn select_step(&self, forward: bool) {
        let current = self
            .selected
            .get_untracked()
            .or(self.caret.get_untracked().map(|c| (c, c)));
        let next = self.with_current(|d| {
            let spans = d.spans();
            let pick = match (current, forward) {
                (None, true) => spans.first(),
                (None, false) => spans.last(),
                (Some((s, e)), true) => spans.iter().find(|x| (x.start, x.end) > (s, e)),
                (Some((s, e)), false) => spans.iter().rev().find(|x| (x.start, x.end) < (s, e)),
            };
            pick.or(if forward { spans.first() } else { spans.last() })
                .map(|x| (x.start, x.end))
        });
        if let Some(next) = next.flatten() {
            self.pending.set(None);
            self.selected.set(Some(next));
        }
    }

    /// A schema change reaches into every document (renamed or removed spans); each
    /// document's part is one step of its own undo history.
    fn change_schema(&self, change: &SchemaChange) -> Result<(), CoreError> {
        let mut schema = self.schema.get_untracked();
        let now = js_sys::Date::now();
        let steps = self
            .documents
            .try_maybe_update(|docs| match change.apply(&mut schema, docs) {
                Ok(steps) => {
                    for (id, _) in &steps {
                        if let Some(doc) = docs.iter_mut().find(|d| &d.id == id) {
                            doc.revision += 1;
                            doc.updated = now;
                        }
                    }
                    (!steps.is_empty(), Ok(steps))
                }
                Err(e) => (false, Err(e)),
            })
            .unwrap_or(Ok(Vec::new()))?;
        let saved: Vec<String> = steps.iter().map(|(id, _)| id.clone()).collect();
        self.histories.update_value(|h| {
            for (id, step) in steps {
                h.entry(id).or_default().record(step);
            }
        });
        self.schema.set(schema);
        self.schema_rev.update(|r| *r += 1);
        self.history_rev.update(|r| *r += 1);
        self.announce(Change {
            saved,
            schema: true,
            ..Change::default()
        });
        Ok(())
    }

    fn need_selected(&self) -> Result<(usize, usize), CoreError> {
        self.selected.get_untracked().ok_or(CoreError::Invalid(
            "Select a span first (click it or press Tab).".into(),
        ))
    }

    fn span_at(&self, start: usize, end: usize) -> Option<Span> {
        self.with_current(|d| d.find_span(start, end).map(|i| d.spans()[i].clone()))
            .flatten()
    }

    fn next_suggestion(&self, after: usize) -> Option<(usize, usize)> {
        self.with_current(|d| {
            d.spans()
                .iter()
                .find(|s| s.start >= after && s.state == SpanState::Suggested)
                .map(|s| (s.start, s.end))
        })
        .flatten()
    }
}

/// The span an edit created (the first span in `after` that was not in `before`).
fn added(step: &Step) -> Option<(usize, usize)> {
    step.after
        .iter()
        .find(|s| !step.before.contains(s))
        .map(|s| (s.start, s.end))
}

fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1_679_616.0) as u64;
    format!("d{now:x}{salt:04x}")
}

/// A title from the article's first line, when the user gave none.
fn title_from(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut title: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        title.push('…');
    }
    title
}

fn clear_dom_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}
