//! Bounded undo/redo history of applied edits for one document.

use crate::document::Document;
use crate::edit::Step;
use crate::error::CoreError;

pub const DEFAULT_LIMIT: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl History {
    pub fn new() -> Self {
        History { undo: Vec::new(), redo: Vec::new(), limit: DEFAULT_LIMIT }
    }
    pub fn record(&mut self, step: Step) {
        self.redo.clear();
        self.undo.push(step);
        if self.undo.len() > self.limit.max(1) {
            self.undo.remove(0);
        }
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    pub fn undo(&mut self, doc: &mut Document) -> Result<(), CoreError> {
        let step = self.undo.pop().ok_or(CoreError::NothingToUndo)?;
        doc.set_spans(step.before.clone());
        self.redo.push(step);
        Ok(())
    }
    pub fn redo(&mut self, doc: &mut Document) -> Result<(), CoreError> {
        let step = self.redo.pop().ok_or(CoreError::NothingToRedo)?;
        doc.set_spans(step.after.clone());
        self.undo.push(step);
        Ok(())
    }
}
