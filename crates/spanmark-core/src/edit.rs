//! Edits as values: everything a user can do to a document's spans. Applying one
//! returns the `Step` needed to undo it, or an error sentence; nothing panics.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::CoreError;
use crate::label::Schema;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edge {
    Start,
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Add a manual span over a selection (snapped to tokens); overlapped spans are replaced.
    Add { start: usize, end: usize, label: String },
    Remove { start: usize, end: usize },
    Relabel { start: usize, end: usize, label: String },
    /// Move one edge of a span by `delta` tokens (±1).
    Resize { start: usize, end: usize, edge: Edge, delta: i32 },
    Accept { start: usize, end: usize },
    Reject { start: usize, end: usize },
    AcceptAll,
    ClearSuggestions,
    /// Give every other whole-word occurrence of this span's text the same label.
    LabelAll { start: usize, end: usize },
    /// Replace the suggestion layer (detector output); accepted spans are kept.
    Suggest { spans: Vec<Span> },
}

/// What an applied edit changed: the spans before and after, so it can be undone exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub before: Vec<Span>,
    pub after: Vec<Span>,
}

impl Edit {
    /// Apply to a document. On error the document is untouched.
    pub fn apply(&self, doc: &mut Document, schema: &Schema) -> Result<Step, CoreError> {
        let _ = schema;
        let before = doc.spans().to_vec();
        // Placeholder: full semantics land with the core issue.
        let _ = doc;
        Ok(Step { before: before.clone(), after: before })
    }
}
