//! Errors the core can return; each renders as a sentence a person understands.
//! Nothing in the core panics on user input: it returns one of these.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    #[error("offset {offset} is outside the text, which has {len} characters")]
    OutOfRange { offset: usize, len: usize },
    #[error("the span {start}–{end} is empty or reversed")]
    EmptySpan { start: usize, end: usize },
    #[error("the selection {start}–{end} contains no word to label")]
    NothingToLabel { start: usize, end: usize },
    #[error("there is no label called “{0}”")]
    UnknownLabel(String),
    #[error("a label called “{0}” already exists")]
    DuplicateLabel(String),
    #[error("a label needs a name")]
    EmptyLabelName,
    #[error("there is no span at {start}–{end}")]
    NoSpan { start: usize, end: usize },
    #[error("the span cannot move further that way")]
    CannotResize,
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("gazetteer line {line} is not “LABEL<tab>name”: {text}")]
    GazetteerLine { line: usize, text: String },
    #[error("gazetteer line {line}: the label “{label}” {problem}")]
    GazetteerLabel {
        line: usize,
        label: String,
        problem: String,
    },
    #[error("{0}")]
    Invalid(String),
}
