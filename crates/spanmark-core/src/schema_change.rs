//! Changes to the schema that reach into documents: renaming a label, relation or event type
//! renames its annotations, deleting one removes them — each as one undoable step per document.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::edit::Step;
use crate::error::CoreError;
use crate::event_schema::{EventType, RelationType, TypeKind};
use crate::label::Schema;
use crate::links::{Links, LinksChange};

/// One change a user makes to the label schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SchemaChange {
    Add {
        name: String,
        color: Option<String>,
    },
    Rename {
        from: String,
        to: String,
    },
    Recolor {
        name: String,
        color: String,
    },
    Move {
        name: String,
        to: usize,
    },
    Delete {
        name: String,
    },
    AddRelationType(RelationType),
    AddEventType(EventType),
    RenameType {
        kind: TypeKind,
        from: String,
        to: String,
    },
    RecolorType {
        kind: TypeKind,
        name: String,
        color: String,
    },
    /// Deleting a type removes its relations or events (ask first: see [`count_links`]).
    DeleteType {
        kind: TypeKind,
        name: String,
    },
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
                schema.rename_label_in_types(from, &to);
                Ok(rename_spans(docs, schema, from, &to))
            }
            SchemaChange::Delete { name } => {
                schema.delete_label(name)?;
                Ok(remove_spans(docs, schema, name))
            }
            SchemaChange::AddRelationType(t) => {
                schema.add_relation_type(t.clone()).map(|_| Vec::new())
            }
            SchemaChange::AddEventType(t) => schema.add_event_type(t.clone()).map(|_| Vec::new()),
            SchemaChange::RecolorType { kind, name, color } => {
                schema.recolor_type(*kind, name, color).map(|_| Vec::new())
            }
            SchemaChange::RenameType { kind, from, to } => {
                let to = schema.rename_type(*kind, from, to)?;
                Ok(change_links_each(docs, |links| match kind {
                    TypeKind::Relation => links
                        .relations
                        .iter_mut()
                        .filter(|r| r.kind == *from)
                        .for_each(|r| r.kind.clone_from(&to)),
                    TypeKind::Event => links
                        .events
                        .iter_mut()
                        .filter(|e| e.kind == *from)
                        .for_each(|e| e.kind.clone_from(&to)),
                }))
            }
            SchemaChange::DeleteType { kind, name } => {
                schema.delete_type(*kind, name)?;
                Ok(change_links_each(docs, |links| match kind {
                    TypeKind::Relation => links.relations.retain(|r| r.kind != *name),
                    TypeKind::Event => links.events.retain(|e| e.kind != *name),
                }))
            }
        }
    }
}

/// How many relations or events of a type these documents hold (to ask before deleting it).
pub fn count_links(docs: &[Document], kind: TypeKind, name: &str) -> usize {
    docs.iter()
        .map(|d| match kind {
            TypeKind::Relation => d
                .links()
                .relations
                .iter()
                .filter(|r| r.kind == name)
                .count(),
            TypeKind::Event => d.links().events.iter().filter(|e| e.kind == name).count(),
        })
        .sum()
}

/// Change the links of each document; one links-only step per document that changed.
fn change_links_each(docs: &mut [Document], change: impl Fn(&mut Links)) -> DocumentSteps {
    let mut steps = Vec::new();
    for doc in docs {
        let before = doc.links().clone();
        let mut after = before.clone();
        change(&mut after);
        if after != before {
            let mut step = Step::between(&[], &[]);
            step.links = Some(Box::new(LinksChange { before, after }));
            doc.step_spans(&step, true);
            steps.push((doc.id.clone(), step));
        }
    }
    steps
}

/// How many spans in these documents carry a label (to ask before deleting it).
pub fn count_spans(docs: &[Document], label: &str) -> usize {
    docs.iter()
        .map(|d| d.spans().iter().filter(|s| s.label == label).count())
        .sum()
}

/// Give every span labelled `from` the label `to`; one step per document that changed.
pub fn rename_spans(docs: &mut [Document], schema: &Schema, from: &str, to: &str) -> DocumentSteps {
    change_each(docs, schema, |spans| {
        for s in spans.iter_mut().filter(|s| s.label == from) {
            s.label = to.to_string();
        }
    })
}

/// Remove every span labelled `label` (and the arguments and relations that used them);
/// one step per document that changed.
pub fn remove_spans(docs: &mut [Document], schema: &Schema, label: &str) -> DocumentSteps {
    change_each(docs, schema, |spans| spans.retain(|s| s.label != label))
}

fn change_each(
    docs: &mut [Document],
    schema: &Schema,
    change: impl Fn(&mut Vec<crate::span::Span>),
) -> DocumentSteps {
    let mut steps = Vec::new();
    for doc in docs {
        let before = doc.spans().to_vec();
        change(doc.spans_mut());
        let mut step = Step::between(&before, doc.spans());
        let links = doc.links().clone();
        if !links.is_empty() {
            let after = links.reconciled(doc.spans(), schema, None);
            if after != links {
                doc.put_links(after.clone());
                step.links = Some(Box::new(LinksChange {
                    before: links,
                    after,
                }));
            }
        }
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
