//! The editor the annotator works in: one document, its undo history and the label schema,
//! behind one `apply`. The web app and the CLI drive every change through here.

use crate::document::Document;
use crate::edit::Edit;
use crate::error::CoreError;
use crate::history::History;
use crate::label::Schema;
use crate::schema_change::SchemaChange;
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct Editor {
    document: Document,
    history: History,
    schema: Schema,
}

impl Editor {
    pub fn new(document: Document, schema: Schema) -> Self {
        Editor {
            document,
            history: History::new(),
            schema,
        }
    }

    /// Reassemble an editor, e.g. after switching back to a document whose history was kept.
    pub fn from_parts(document: Document, history: History, schema: Schema) -> Self {
        Editor {
            document,
            history,
            schema,
        }
    }

    pub fn into_parts(self) -> (Document, History, Schema) {
        (self.document, self.history, self.schema)
    }

    pub fn document(&self) -> &Document {
        &self.document
    }
    pub fn schema(&self) -> &Schema {
        &self.schema
    }
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The document's own fields (title, status, timestamps, revision). Spans changed here
    /// bypass the history; change them with `apply`.
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.document
    }

    /// Apply an edit and record it for undo. Returns whether anything changed;
    /// on error nothing changes.
    pub fn apply(&mut self, edit: &Edit) -> Result<bool, CoreError> {
        let step = edit.apply(&mut self.document, &self.schema)?;
        let changed = !step.is_noop();
        self.history.record(step);
        Ok(changed)
    }

    /// Label a browser selection (UTF-16 offsets) with a label; returns the span's code point range.
    pub fn label_selection_utf16(
        &mut self,
        start_u16: usize,
        end_u16: usize,
        label: &str,
    ) -> Result<(usize, usize), CoreError> {
        let (s, e) = self.document.snap_utf16(start_u16, end_u16)?;
        self.apply(&Edit::Add {
            start: s,
            end: e,
            label: label.to_string(),
        })?;
        Ok((s, e))
    }

    pub fn undo(&mut self) -> Result<(), CoreError> {
        self.history.undo(&mut self.document)
    }
    pub fn redo(&mut self) -> Result<(), CoreError> {
        self.history.redo(&mut self.document)
    }
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Change the schema; this document's part of it (renamed or removed spans) is one
    /// undoable step. Other documents are changed with `SchemaChange::apply` directly.
    pub fn change_schema(&mut self, change: &SchemaChange) -> Result<(), CoreError> {
        let steps = change.apply(&mut self.schema, std::slice::from_mut(&mut self.document))?;
        for (_, step) in steps {
            self.history.record(step);
        }
        Ok(())
    }

    /// Replace the schema (e.g. changed in another tab); spans are left as they are.
    pub fn set_schema(&mut self, schema: Schema) {
        self.schema = schema;
    }

    /// The first suggestion starting after `offset` (Tab to the next suggestion), wrapping around.
    pub fn next_suggestion(&self, offset: Option<usize>) -> Option<&Span> {
        let spans = self.document.spans();
        let from = offset.map_or(0, |o| spans.partition_point(|s| s.start <= o));
        spans[from..]
            .iter()
            .chain(&spans[..from])
            .find(|s| !s.is_accepted())
    }

    /// The last suggestion starting before `offset` (Shift+Tab), wrapping around.
    pub fn prev_suggestion(&self, offset: Option<usize>) -> Option<&Span> {
        let spans = self.document.spans();
        let to = offset.map_or(spans.len(), |o| spans.partition_point(|s| s.start < o));
        spans[..to]
            .iter()
            .rev()
            .chain(spans[to..].iter().rev())
            .find(|s| !s.is_accepted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Origin;

    fn editor() -> Editor {
        let text = "Kabul 😀 and Herat and Kandahar.";
        Editor::new(Document::new("d", "t", text), Schema::news())
    }

    #[test]
    fn utf16_selection_after_an_emoji_lands_on_the_right_word() {
        let mut ed = editor();
        // "Herat" starts at code point 12 but UTF-16 unit 13 (the emoji takes two)
        let (s, e) = ed.label_selection_utf16(13, 18, "GPE").unwrap();
        assert_eq!(ed.document().slice(s, e), "Herat");
        assert_eq!((s, e), (12, 17));
        assert!(ed.can_undo());
        ed.undo().unwrap();
        assert!(ed.document().spans().is_empty());
        ed.redo().unwrap();
        assert_eq!(ed.document().spans().len(), 1);
    }

    #[test]
    fn noop_edits_are_reported_and_not_recorded() {
        let mut ed = editor();
        assert!(ed
            .apply(&Edit::Add {
                start: 0,
                end: 5,
                label: "GPE".into()
            })
            .unwrap());
        assert!(!ed.apply(&Edit::Accept { start: 0, end: 5 }).unwrap());
        assert_eq!(ed.history().undo_len(), 1);
        assert!(ed
            .apply(&Edit::Add {
                start: 0,
                end: 5,
                label: "NOPE".into()
            })
            .is_err());
        assert_eq!(ed.history().undo_len(), 1);
    }

    #[test]
    fn tab_walks_suggestions_and_wraps() {
        let mut ed = editor();
        let spans = vec![
            Span::suggested(0, 5, "GPE", Origin::Gazetteer),
            Span::suggested(12, 17, "GPE", Origin::Gazetteer),
            Span::suggested(22, 30, "GPE", Origin::Gazetteer),
        ];
        ed.apply(&Edit::Suggest { spans }).unwrap();
        ed.apply(&Edit::Accept { start: 12, end: 17 }).unwrap();
        assert_eq!(ed.next_suggestion(None).unwrap().start, 0);
        assert_eq!(ed.next_suggestion(Some(0)).unwrap().start, 22);
        assert_eq!(ed.next_suggestion(Some(22)).unwrap().start, 0);
        assert_eq!(ed.prev_suggestion(Some(22)).unwrap().start, 0);
        assert_eq!(ed.prev_suggestion(Some(0)).unwrap().start, 22);
    }

    #[test]
    fn deleting_a_label_is_one_undoable_step() {
        let mut ed = editor();
        ed.apply(&Edit::Add {
            start: 0,
            end: 5,
            label: "GPE".into(),
        })
        .unwrap();
        ed.apply(&Edit::Add {
            start: 12,
            end: 17,
            label: "GPE".into(),
        })
        .unwrap();
        ed.change_schema(&SchemaChange::Delete { name: "GPE".into() })
            .unwrap();
        assert!(ed.document().spans().is_empty());
        assert!(!ed.schema().contains("GPE"));
        ed.undo().unwrap();
        assert_eq!(ed.document().spans().len(), 2);
    }
}
