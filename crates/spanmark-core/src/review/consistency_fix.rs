//! Fixing what the consistency view found: one occurrence or all of a form get one label (or
//! lose their span), as one change over every document touched, undoable as a whole.

use crate::document::Document;
use crate::edit::Step;
use crate::span::Span;

use super::consistency::Occurrence;
use super::error::ReviewError;

/// A fix: per document touched, the step that makes it (undo it to take the fix back).
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub steps: Vec<(usize, Step)>,
}

impl Fix {
    /// The fix giving every occurrence `label` (None: removing their spans). Occurrences whose
    /// words now overlap another span are left alone; nothing to change is an error.
    pub fn new(
        documents: &[Document],
        occurrences: &[Occurrence],
        label: Option<&str>,
    ) -> Result<Fix, ReviewError> {
        let mut docs: Vec<usize> = occurrences.iter().map(|o| o.document).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut steps = Vec::new();
        for d in docs {
            let Some(doc) = documents.get(d) else {
                continue;
            };
            let mut spans: Vec<Span> = doc.spans().to_vec();
            for o in occurrences.iter().filter(|o| o.document == d) {
                let exact = spans
                    .iter()
                    .position(|s| s.start == o.start && s.end == o.end);
                match (exact, label) {
                    (Some(i), None) => {
                        spans.remove(i);
                    }
                    (Some(i), Some(l)) => spans[i] = Span::manual(o.start, o.end, l),
                    (None, Some(l)) if !spans.iter().any(|s| s.overlaps(o.start, o.end)) => {
                        let at = spans.partition_point(|s| s.start < o.start);
                        spans.insert(at, Span::manual(o.start, o.end, l));
                    }
                    _ => {}
                }
            }
            let step = Step::between(doc.spans(), &spans);
            if !step.is_noop() {
                steps.push((d, step));
            }
        }
        if steps.is_empty() {
            return Err(ReviewError::NothingToFix);
        }
        Ok(Fix { steps })
    }

    pub fn apply(&self, documents: &mut [Document]) {
        for (d, step) in &self.steps {
            if let Some(doc) = documents.get_mut(*d) {
                doc.step_spans(step, true);
            }
        }
    }

    pub fn undo(&self, documents: &mut [Document]) {
        for (d, step) in self.steps.iter().rev() {
            if let Some(doc) = documents.get_mut(*d) {
                doc.step_spans(step, false);
            }
        }
    }
}
