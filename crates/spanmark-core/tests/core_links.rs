//! Events and relations as part of the editor: made by edits, carried along when their
//! spans are resized, removed with them on deletion (and reported), all undoable.

use spanmark_core::event_schema::TypeKind;
use spanmark_core::links::{Event, LinkEdit, Relation};
use spanmark_core::span::Origin;
use spanmark_core::{CoreError, Document, Edit, History, Schema, SchemaChange, Span};

/// One document, its history and the schema: what the workspace keeps per open document.
struct Editor {
    doc: Document,
    history: History,
    schema: Schema,
}

impl Editor {
    fn new(doc: Document, schema: Schema) -> Self {
        Editor {
            doc,
            history: History::new(),
            schema,
        }
    }
    fn apply(&mut self, edit: &Edit) -> Result<(), CoreError> {
        let step = edit.apply(&mut self.doc, &self.schema)?;
        self.history.record(step);
        Ok(())
    }
    fn undo(&mut self) -> Result<(), CoreError> {
        self.history.undo(&mut self.doc)
    }
    fn redo(&mut self) -> Result<(), CoreError> {
        self.history.redo(&mut self.doc)
    }
    fn change_schema(&mut self, change: &SchemaChange) -> Result<(), CoreError> {
        let steps = change.apply(&mut self.schema, std::slice::from_mut(&mut self.doc))?;
        for (_, step) in steps {
            self.history.record(step);
        }
        Ok(())
    }
    fn document(&self) -> &Document {
        &self.doc
    }
    fn schema(&self) -> &Schema {
        &self.schema
    }
    fn history(&self) -> &History {
        &self.history
    }
}

const TEXT: &str =
    "Militants attacked a police post in Bannu on Tuesday, killing four. The TTP claimed it.";

fn editor() -> Editor {
    let mut doc = Document::new("d", "t", TEXT);
    doc.set_spans(vec![
        Span::manual(36, 41, "GPE"),      // Bannu
        Span::manual(45, 52, "DATE"),     // Tuesday
        Span::manual(62, 66, "CARDINAL"), // four
        Span::manual(72, 75, "ORG"),      // TTP
    ]);
    Editor::new(doc, Schema::news())
}

fn link(ed: &mut Editor, edit: LinkEdit) {
    ed.apply(&Edit::Link(edit)).unwrap();
}

fn attack(ed: &mut Editor) {
    link(
        ed,
        LinkEdit::AddEvent {
            kind: "ATTACK".into(),
            start: 10,
            end: 18,
        },
    );
    for (role, s, e) in [
        ("place", 36, 41),
        ("time", 45, 52),
        ("killed", 62, 66),
        ("perpetrator", 72, 75),
    ] {
        link(
            ed,
            LinkEdit::AddArgument {
                trigger: (10, 18),
                role: role.into(),
                start: s,
                end: e,
            },
        );
    }
}

#[test]
fn an_event_is_built_by_edits_and_each_edit_undoes() {
    let mut ed = editor();
    attack(&mut ed);
    let e = &ed.document().links().events[0];
    assert_eq!(ed.document().slice(e.start, e.end), "attacked");
    assert_eq!(e.args.len(), 4);
    assert_eq!(e.role("killed").next().unwrap().start, 62);
    ed.undo().unwrap();
    assert_eq!(ed.document().links().events[0].args.len(), 3);
    for _ in 0..4 {
        ed.undo().unwrap();
    }
    assert!(ed.document().links().is_empty());
    for _ in 0..5 {
        ed.redo().unwrap();
    }
    assert_eq!(ed.document().links().events[0].args.len(), 4);
}

#[test]
fn arguments_must_fit_the_role_and_be_entity_spans() {
    let mut ed = editor();
    attack(&mut ed);
    let wrong = |role: &str, s, e| {
        Edit::Link(LinkEdit::AddArgument {
            trigger: (10, 18),
            role: role.into(),
            start: s,
            end: e,
        })
    };
    let err = ed.apply(&wrong("place", 45, 52)).unwrap_err().to_string();
    assert!(err.contains("does not take a DATE"), "{err}");
    assert!(ed
        .apply(&wrong("victim", 36, 41))
        .unwrap_err()
        .to_string()
        .contains("no role “victim”"));
    assert!(
        ed.apply(&wrong("place", 21, 27)).is_err(),
        "“police” is not an entity span"
    );
    let bad_relation = Edit::Link(LinkEdit::AddRelation {
        kind: "member_of".into(),
        from: (36, 41),
        to: (72, 75),
    });
    assert!(ed
        .apply(&bad_relation)
        .unwrap_err()
        .to_string()
        .contains("member_of does not go from GPE to ORG"));
    assert_eq!(ed.history().undo_len(), 5, "failed edits are not recorded");
}

#[test]
fn deleting_an_argument_span_takes_its_links_and_one_undo_brings_all_back() {
    let mut ed = editor();
    attack(&mut ed);
    let whole = ed.document().clone();
    let step = Edit::Remove { start: 36, end: 41 }
        .apply(&mut whole.clone(), ed.schema())
        .unwrap();
    assert_eq!(step.link_loss().arguments.len(), 1);
    ed.apply(&Edit::Remove { start: 36, end: 41 }).unwrap();
    let e = &ed.document().links().events[0];
    assert!(e.role("place").next().is_none());
    assert_eq!(e.args.len(), 3);
    ed.undo().unwrap();
    assert_eq!(
        ed.document(),
        &whole,
        "one undo restores the span and its argument"
    );
}

#[test]
fn a_deletion_reports_what_it_takes_in_a_sentence() {
    let mut doc = Document::new("d", "t", "Ali Khan of the TTP spoke in Bannu.");
    doc.set_spans(vec![
        Span::manual(0, 8, "PERSON"),
        Span::manual(16, 19, "ORG"),
        Span::manual(29, 34, "GPE"),
    ]);
    let mut ed = Editor::new(doc, Schema::news());
    link(
        &mut ed,
        LinkEdit::AddRelation {
            kind: "member_of".into(),
            from: (0, 8),
            to: (16, 19),
        },
    );
    let step = Edit::Remove { start: 16, end: 19 }
        .apply(&mut ed.document().clone(), ed.schema())
        .unwrap();
    assert_eq!(
        step.link_loss().sentence(),
        "also removes 1 relation (member_of)"
    );
    ed.apply(&Edit::Remove { start: 16, end: 19 }).unwrap();
    assert!(ed.document().links().relations.is_empty());
    ed.undo().unwrap();
    assert_eq!(ed.document().links().relations.len(), 1);
    let self_link = Edit::Link(LinkEdit::AddRelation {
        kind: "alias_of".into(),
        from: (0, 8),
        to: (0, 8),
    });
    assert!(ed.apply(&self_link).is_err());
}

#[test]
fn resizing_an_argument_span_moves_the_argument_with_it() {
    let text = "Gunmen attacked North Waziristan on Friday.";
    let mut doc = Document::new("d", "t", text);
    doc.set_spans(vec![Span::manual(16, 21, "GPE")]); // "North"
    let mut ed = Editor::new(doc, Schema::news());
    link(
        &mut ed,
        LinkEdit::AddEvent {
            kind: "ATTACK".into(),
            start: 7,
            end: 15,
        },
    );
    link(
        &mut ed,
        LinkEdit::AddArgument {
            trigger: (7, 15),
            role: "place".into(),
            start: 16,
            end: 21,
        },
    );
    ed.apply(&Edit::Resize {
        start: 16,
        end: 21,
        edge: spanmark_core::Edge::End,
        delta: 1,
    })
    .unwrap();
    let a = &ed.document().links().events[0].args[0];
    assert_eq!(ed.document().slice(a.start, a.end), "North Waziristan");
    ed.undo().unwrap();
    assert_eq!(ed.document().links().events[0].args[0].end, 21);
}

#[test]
fn suggested_events_are_a_layer_accepted_or_rejected_one_by_one_or_all() {
    let mut doc = Document::new("d", "t", TEXT);
    doc.set_spans(vec![Span::suggested(36, 41, "GPE", Origin::Gazetteer)]);
    let mut ed = Editor::new(doc, Schema::news());
    let suggestion = Event::suggested("ATTACK", 10, 18, Origin::Pattern).with("place", 36, 41);
    let unknown = Event::suggested("PROTEST", 0, 9, Origin::Pattern);
    link(
        &mut ed,
        LinkEdit::Suggest {
            events: vec![suggestion, unknown],
            relations: vec![],
        },
    );
    assert_eq!(
        ed.document().links().events.len(),
        1,
        "a type outside the schema is dropped"
    );
    assert!(ed.document().has_suggestions());
    link(&mut ed, LinkEdit::AcceptEvent { start: 10, end: 18 });
    assert!(ed.document().links().events[0].is_accepted());
    assert!(
        ed.document().spans()[0].is_accepted(),
        "accepting an event accepts its argument spans"
    );
    ed.undo().unwrap();
    assert!(!ed.document().spans()[0].is_accepted());
    link(&mut ed, LinkEdit::RejectEvent { start: 10, end: 18 });
    assert!(ed.document().links().events.is_empty());
    ed.undo().unwrap();
    ed.apply(&Edit::AcceptAll).unwrap();
    assert!(!ed.document().has_suggestions());
    ed.undo().unwrap();
    ed.apply(&Edit::ClearSuggestions).unwrap();
    assert!(ed.document().links().is_empty() && ed.document().spans().is_empty());
    ed.undo().unwrap();
    assert_eq!(ed.document().links().events[0].args.len(), 1);
}

#[test]
fn deleting_an_event_type_removes_its_events_in_one_undo_step() {
    let mut ed = editor();
    attack(&mut ed);
    assert_eq!(
        spanmark_core::schema_change::count_links(
            std::slice::from_ref(ed.document()),
            TypeKind::Event,
            "ATTACK"
        ),
        1
    );
    ed.change_schema(&SchemaChange::RenameType {
        kind: TypeKind::Event,
        from: "ATTACK".into(),
        to: "ASSAULT".into(),
    })
    .unwrap();
    assert_eq!(ed.document().links().events[0].kind, "ASSAULT");
    ed.change_schema(&SchemaChange::DeleteType {
        kind: TypeKind::Event,
        name: "ASSAULT".into(),
    })
    .unwrap();
    assert!(ed.document().links().events.is_empty());
    assert!(ed.schema().event_type("ASSAULT").is_none());
    ed.undo().unwrap();
    assert_eq!(ed.document().links().events[0].args.len(), 4);
}

#[test]
fn deleting_a_label_removes_the_arguments_of_its_spans_in_the_same_step() {
    let mut ed = editor();
    attack(&mut ed);
    ed.change_schema(&SchemaChange::Delete {
        name: "CARDINAL".into(),
    })
    .unwrap();
    assert_eq!(ed.document().links().events[0].args.len(), 3);
    ed.undo().unwrap();
    assert_eq!(ed.document().links().events[0].args.len(), 4);
    assert_eq!(ed.document().spans().len(), 4);
}

#[test]
fn relations_are_made_accepted_and_removed() {
    let mut doc = Document::new("d", "t", "Bannu, Khyber Pakhtunkhwa");
    doc.set_spans(vec![Span::manual(0, 5, "GPE"), Span::manual(7, 25, "GPE")]);
    let mut ed = Editor::new(doc, Schema::news());
    let r = Relation::suggested("located_in", (0, 5), (7, 25), Origin::Pattern);
    link(
        &mut ed,
        LinkEdit::Suggest {
            events: vec![],
            relations: vec![r],
        },
    );
    link(
        &mut ed,
        LinkEdit::AcceptRelation {
            kind: "located_in".into(),
            from: (0, 5),
            to: (7, 25),
        },
    );
    assert!(ed.document().links().relations[0].is_accepted());
    link(
        &mut ed,
        LinkEdit::RemoveRelation {
            kind: "located_in".into(),
            from: (0, 5),
            to: (7, 25),
        },
    );
    assert!(ed.document().links().is_empty());
    ed.undo().unwrap();
    assert_eq!(ed.document().links().relations.len(), 1);
}
