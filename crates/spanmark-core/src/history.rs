//! Bounded undo/redo history of applied edits for one document.
//! Undo restores exactly the spans before a step; redo exactly the spans after it.

use std::collections::VecDeque;

use crate::document::Document;
use crate::edit::Step;
use crate::error::CoreError;

pub const DEFAULT_LIMIT: usize = 500;

#[derive(Debug, Clone)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::new()
    }
}

impl History {
    pub fn new() -> Self {
        History::with_limit(DEFAULT_LIMIT)
    }

    /// A history keeping at most `limit` steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Remember an applied step; a step that changed nothing is not recorded.
    /// Recording clears the redo list, and the oldest step goes once the limit is reached.
    pub fn record(&mut self, step: Step) {
        if step.is_noop() {
            return;
        }
        self.redo.clear();
        self.undo.push_back(step);
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// The step `undo` would take back next.
    pub fn last_undo(&self) -> Option<&Step> {
        self.undo.back()
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
    pub fn limit(&self) -> usize {
        self.limit
    }
    /// Forget everything (e.g. when another tab's version replaced the document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Undo the last step. If the document was changed behind the history's back (e.g. by
    /// another tab's version), the history is cleared and an error says so.
    pub fn undo(&mut self, doc: &mut Document) -> Result<(), CoreError> {
        let step = self.undo.pop_back().ok_or(CoreError::NothingToUndo)?;
        if !step.is_applied_to(doc) {
            self.clear();
            return Err(stale());
        }
        doc.step_spans(&step, false);
        self.redo.push(step);
        Ok(())
    }

    /// Redo the last undone step (same safety as `undo`).
    pub fn redo(&mut self, doc: &mut Document) -> Result<(), CoreError> {
        let step = self.redo.pop().ok_or(CoreError::NothingToRedo)?;
        if !step.is_undone_in(doc) {
            self.clear();
            return Err(stale());
        }
        doc.step_spans(&step, true);
        self.undo.push_back(step);
        Ok(())
    }
}

fn stale() -> CoreError {
    CoreError::Invalid(
        "the document was changed elsewhere, so earlier steps cannot be undone".into(),
    )
}
