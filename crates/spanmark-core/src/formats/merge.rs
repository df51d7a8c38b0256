//! What importing would change, before anything changes: new documents, documents that replace an
//! existing one with the same id, and those that are identical; the page shows it as a preview.

use crate::document::Document;

/// The preview of a merge of imported documents into the existing ones (indices into `imported`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergePlan {
    /// ids not present yet
    pub added: Vec<usize>,
    /// same id, different text or spans: merging replaces the existing document
    pub changed: Vec<usize>,
    /// same id, same text, spans, title and status: nothing to do
    pub unchanged: Vec<usize>,
}

/// Compares imported documents with existing ones by id.
pub fn plan_merge(existing: &[Document], imported: &[Document]) -> MergePlan {
    let mut plan = MergePlan::default();
    for (i, doc) in imported.iter().enumerate() {
        match existing.iter().find(|e| e.id == doc.id) {
            None => plan.added.push(i),
            Some(e)
                if e.text() == doc.text()
                    && e.spans() == doc.spans()
                    && e.title == doc.title
                    && e.status == doc.status =>
            {
                plan.unchanged.push(i)
            }
            Some(_) => plan.changed.push(i),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn a_plan_sorts_imports_into_added_changed_unchanged() {
        let a = Document::new("a", "A", "Lahore");
        let mut b = Document::new("b", "B", "Herat");
        let existing = vec![a.clone(), b.clone()];
        b.set_spans(vec![Span::manual(0, 5, "GPE")]);
        let c = Document::new("c", "C", "Kabul");
        let plan = plan_merge(&existing, &[a, b, c]);
        assert_eq!(
            plan,
            MergePlan {
                added: vec![2],
                changed: vec![1],
                unchanged: vec![0]
            }
        );
    }
}
