//! Changes to the label schema that reach into documents: renaming a label renames its
//! spans, deleting one removes its spans — each as one undoable step per document.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::edit::Step;
use crate::error::CoreError;
use crate::label::Schema;

/// One change a user makes to the label schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SchemaChange {
    Add { name: String, color: Option<String> },
    Rename { from: String, to: String },
    Recolor { name: String, color: String },
    Move { name: String, to: usize },
    Delete { name: String },
}

/// The steps a schema change made in documents, by document id (record them in each
/// document's `History` to make them undoable).
pub type DocumentSteps = Vec<(String, Step)>;

impl SchemaChange {
    /// Apply to the schema and to every document given. On error nothing changes.
    pub fn apply(
        &self,
        schema: &mut Schema,
        docs: &mut [Document],
    ) -> Result<DocumentSteps, CoreError> {
        match self {
            SchemaChange::Add { name, color } => {
                schema.add_label(name, color.as_deref()).map(|_| Vec::new())
            }
            SchemaChange::Recolor { name, color } => {
                schema.recolor_label(name, color).map(|_| Vec::new())
            }
            SchemaChange::Move { name, to } => schema.move_label(name, *to).map(|_| Vec::new()),
            SchemaChange::Rename { from, to } => {
                let to = schema.rename_label(from, to)?;
                Ok(rename_spans(docs, from, &to))
            }
            SchemaChange::Delete { name } => {
                schema.delete_label(name)?;
                Ok(remove_spans(docs, name))
            }
        }
    }
}

/// How many spans in these documents carry a label (to ask before deleting it).
pub fn count_spans(docs: &[Document], label: &str) -> usize {
    docs.iter()
        .map(|d| d.spans().iter().filter(|s| s.label == label).count())
        .sum()
}

/// Give every span labelled `from` the label `to`; one step per document that changed.
pub fn rename_spans(docs: &mut [Document], from: &str, to: &str) -> DocumentSteps {
    change_each(docs, |spans| {
        for s in spans.iter_mut().filter(|s| s.label == from) {
            s.label = to.to_string();
        }
    })
}

/// Remove every span labelled `label`; one step per document that changed.
pub fn remove_spans(docs: &mut [Document], label: &str) -> DocumentSteps {
    change_each(docs, |spans| spans.retain(|s| s.label != label))
}

fn change_each(
    docs: &mut [Document],
    change: impl Fn(&mut Vec<crate::span::Span>),
) -> DocumentSteps {
    let mut steps = Vec::new();
    for doc in docs {
        let before = doc.spans().to_vec();
        change(doc.spans_mut());
        let step = Step::between(&before, doc.spans());
        if !step.is_noop() {
            steps.push((doc.id.clone(), step));
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::History;

    fn docs() -> Vec<Document> {
        let mut a = Document::new("a", "A", "Nawaz Sharif visited Lahore and Kabul.");
        a.set_spans(vec![
            Span::manual(0, 12, "PERSON"),
            Span::manual(21, 27, "GPE"),
            Span::manual(32, 37, "GPE"),
        ]);
        let mut b = Document::new("b", "B", "Imran Khan spoke.");
        b.set_spans(vec![Span::manual(0, 10, "PERSON")]);
        vec![a, b]
    }

    #[test]
    fn rename_renames_spans_in_every_document() {
        let mut schema = Schema::news();
        let mut ds = docs();
        let steps = SchemaChange::Rename {
            from: "GPE".into(),
            to: " PLACE ".into(),
        }
        .apply(&mut schema, &mut ds)
        .unwrap();
        assert_eq!(steps.len(), 1, "only document a had GPE spans");
        assert_eq!(steps[0].0, "a");
        assert_eq!(
            ds[0].spans().iter().filter(|s| s.label == "PLACE").count(),
            2
        );
        assert!(schema.contains("PLACE") && !schema.contains("GPE"));
    }

    #[test]
    fn delete_removes_spans_as_one_undoable_step_per_document() {
        let mut schema = Schema::news();
        let mut ds = docs();
        assert_eq!(count_spans(&ds, "PERSON"), 2);
        let steps = SchemaChange::Delete {
            name: "PERSON".into(),
        }
        .apply(&mut schema, &mut ds)
        .unwrap();
        assert_eq!(steps.len(), 2);
        assert_eq!(count_spans(&ds, "PERSON"), 0);
        assert_eq!(ds[0].spans().len(), 2);
        let mut h = History::new();
        h.record(steps[0].1.clone());
        h.undo(&mut ds[0]).unwrap();
        assert_eq!(ds[0].spans().len(), 3);
    }

    #[test]
    fn failed_changes_touch_nothing() {
        let mut schema = Schema::news();
        let mut ds = docs();
        let before = ds.clone();
        let r = SchemaChange::Rename {
            from: "GPE".into(),
            to: "person".into(),
        }
        .apply(&mut schema, &mut ds);
        assert_eq!(r, Err(CoreError::DuplicateLabel("person".into())));
        let r = SchemaChange::Delete {
            name: "WEAPON".into(),
        }
        .apply(&mut schema, &mut ds);
        assert_eq!(r, Err(CoreError::UnknownLabel("WEAPON".into())));
        assert_eq!(ds, before);
        assert_eq!(schema, Schema::news());
    }
}
