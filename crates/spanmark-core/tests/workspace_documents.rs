//! The workspace's document commands: create, open, the form, rename, mark done, delete,
//! import, and what storage hands back (restore, other tabs' writes and deletes, schema).

mod workspace_support;

use spanmark_core::workspace::{Command, Effect, Save};
use spanmark_core::{DocStatus, Document, Edit, Schema, Span};
use workspace_support::Desk;

fn create(desk: &mut Desk, title: &str, text: &str) -> String {
    desk.run(Command::Create {
        title: title.into(),
        text: text.into(),
    });
    desk.ws
        .current_id()
        .expect("the new document is open")
        .to_string()
}

#[test]
fn create_opens_a_document_with_its_id_time_and_title_from_the_context() {
    let mut desk = Desk::new();
    let id = create(&mut desk, "  Report  ", "Kabul is busy.");
    assert_eq!(
        id,
        format!("d{:x}{:04x}", 1001, 7),
        "id from clock and salt"
    );
    let doc = desk.doc();
    assert_eq!(doc.title, "Report");
    assert_eq!((doc.created, doc.updated), (1001.0, 1001.0));
    assert_eq!(
        desk.last.saved(),
        Some(&Save {
            documents: vec![id.clone()],
            order: true,
            ..Save::default()
        })
    );
    assert!(desk.last.change.current && desk.last.change.order);
    assert!(!desk.ws.can_undo(), "a new document has nothing to undo");
}

#[test]
fn create_titles_from_the_first_line_cut_at_sixty_characters() {
    let mut desk = Desk::new();
    create(&mut desk, " ", "\n\n  Short first line  \nsecond");
    assert_eq!(desk.doc().title, "Short first line");
    let long = "x".repeat(70);
    create(&mut desk, "", &long);
    assert_eq!(desk.doc().title, format!("{}…", "x".repeat(60)));
    assert_eq!(desk.ws.documents().len(), 2);
}

#[test]
fn create_refuses_an_empty_article_and_changes_nothing() {
    let mut desk = Desk::new();
    let err = desk.try_run(Command::Create {
        title: "t".into(),
        text: " \n ".into(),
    });
    assert_eq!(err, Err("Paste or type an article first.".into()));
    assert!(desk.ws.documents().is_empty());
    assert!(desk.last.saved().is_none());
}

#[test]
fn open_and_show_form_clear_the_selection_and_the_notice() {
    let mut desk = Desk::new();
    let a = create(&mut desk, "a", "Kabul and Herat.");
    create(&mut desk, "b", "Lahore.");
    desk.run(Command::SetCaret(3));
    desk.run(Command::Open(a.clone()));
    assert_eq!(desk.ws.current_id(), Some(a.as_str()));
    assert_eq!(desk.ws.selection().caret, None);
    assert!(desk.has(&Effect::Unsay));
    desk.run(Command::ShowForm);
    assert_eq!(desk.ws.current_id(), None);
    assert!(desk.last.change.current);
}

#[test]
fn rename_and_set_done_bump_the_revision_and_save() {
    let mut desk = Desk::with_text("Kabul.");
    desk.run(Command::Rename {
        id: "d".into(),
        title: "  New name ".into(),
    });
    assert_eq!(desk.doc().title, "New name");
    assert_eq!(desk.doc().revision, 1);
    assert_eq!(desk.doc().updated, desk.now);
    assert_eq!(desk.last.saved().unwrap().documents, ["d"]);
    desk.run(Command::SetDone {
        id: "d".into(),
        done: true,
    });
    assert_eq!(desk.doc().status, DocStatus::Done);
    assert_eq!(desk.doc().revision, 2);
    desk.run(Command::SetDone {
        id: "d".into(),
        done: false,
    });
    assert_eq!(desk.doc().status, DocStatus::Open);
    // a document that is not there: nothing happens, nothing is saved
    desk.run(Command::Rename {
        id: "gone".into(),
        title: "x".into(),
    });
    assert!(desk.last.saved().is_none());
}

#[test]
fn delete_removes_the_document_and_its_history_and_shows_the_form() {
    let mut desk = Desk::with_text("Kabul and Herat.");
    desk.apply(&Edit::Add {
        start: 0,
        end: 5,
        label: "GPE".into(),
    })
    .unwrap();
    desk.run(Command::Delete("d".into()));
    assert!(desk.ws.documents().is_empty());
    assert!(desk.ws.history("d").is_none());
    assert_eq!(desk.ws.current_id(), None);
    let save = desk.last.saved().unwrap();
    assert_eq!(
        (save.deleted.as_slice(), save.order),
        (&["d".to_string()][..], true)
    );
}

#[test]
fn import_adds_replaces_by_id_bumps_revisions_and_opens_the_first() {
    let mut desk = Desk::with_text("Kabul.");
    desk.apply(&Edit::Add {
        start: 0,
        end: 5,
        label: "GPE".into(),
    })
    .unwrap();
    let mut same = Document::new("d", "again", "Herat.");
    same.revision = 0;
    let new = Document::new("e", "new", "Lahore.");
    let mut schema = Schema::news();
    schema.add_label("WEAPON", None).unwrap();
    desk.run(Command::Import {
        documents: vec![same, new],
        schema: schema.clone(),
        replace: false,
    });
    let ids: Vec<&str> = desk.ws.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d", "e"]);
    let d = desk.ws.document("d").unwrap();
    assert_eq!(
        (d.text(), d.revision),
        ("Herat.", 2),
        "newer than the one it replaced"
    );
    assert_eq!(desk.ws.document("e").unwrap().created, desk.now);
    assert!(
        !desk.ws.can_undo(),
        "old undo steps do not apply to replaced text"
    );
    assert_eq!(desk.ws.current_id(), Some("d"));
    assert_eq!(desk.ws.schema(), &schema);
    assert_eq!(desk.last.notice().unwrap().text, "Imported 2 documents.");
    let save = desk.last.saved().unwrap();
    assert_eq!(save.documents, ["d", "e"]);
    assert!(save.schema && save.order);
}

#[test]
fn import_with_replace_deletes_the_others_and_an_empty_import_is_refused() {
    let mut desk = Desk::with_text("Kabul.");
    assert_eq!(
        desk.try_run(Command::Import {
            documents: vec![],
            schema: Schema::news(),
            replace: false,
        }),
        Err("There is nothing new to import.".into())
    );
    desk.run(Command::Import {
        documents: vec![Document::new("x", "x", "Herat.")],
        schema: Schema::news(),
        replace: true,
    });
    let save = desk.last.saved().unwrap();
    assert_eq!(
        (save.documents.clone(), save.deleted.clone()),
        (vec!["x".into()], vec!["d".into()])
    );
    assert!(!save.schema, "the same schema is not saved again");
    assert_eq!(desk.ws.documents().len(), 1);
    assert_eq!(desk.last.notice().unwrap().text, "Imported 1 document.");
}

#[test]
fn restore_replaces_everything_and_saves_nothing() {
    let mut desk = Desk::with_text("Kabul.");
    desk.run(Command::Restore {
        documents: vec![
            Document::new("a", "a", "Herat."),
            Document::new("b", "b", "x"),
        ],
        schema: Schema::news(),
        current: Some("missing".into()),
    });
    assert_eq!(desk.ws.documents().len(), 2);
    assert_eq!(
        desk.ws.current_id(),
        None,
        "an unknown open document is dropped"
    );
    assert!(desk.last.saved().is_none());
    desk.run(Command::Restore {
        documents: vec![Document::new("a", "a", "Herat.")],
        schema: Schema::news(),
        current: Some("a".into()),
    });
    assert_eq!(desk.ws.current_id(), Some("a"));
}

#[test]
fn stored_versions_replace_ours_and_drop_their_undo_steps() {
    let mut desk = Desk::with_text("Kabul and Herat.");
    desk.apply(&Edit::Add {
        start: 0,
        end: 5,
        label: "GPE".into(),
    })
    .unwrap();
    desk.run(Command::Select(Some((0, 5))));
    let mut theirs = Document::new("d", "theirs", "Kabul and Herat.");
    theirs.set_spans(vec![Span::manual(10, 15, "GPE")]);
    theirs.revision = 5;
    desk.run(Command::Stored(vec![
        theirs,
        Document::new("n", "n", "new"),
    ]));
    assert_eq!(desk.doc().title, "theirs");
    assert!(!desk.ws.can_undo());
    assert_eq!(
        desk.ws.selection().selected,
        None,
        "the selected span is gone"
    );
    assert_eq!(desk.ws.documents().len(), 2);
    assert!(desk.last.saved().is_none(), "storage already holds them");
}

#[test]
fn unstored_follows_another_tab_deleting_and_stored_schema_replaces_the_labels() {
    let mut desk = Desk::with_text("Kabul.");
    desk.run(Command::Unstored("d".into()));
    assert!(desk.ws.documents().is_empty());
    assert_eq!(desk.ws.current_id(), None);
    let mut schema = Schema::news();
    schema.delete_label("GPE").unwrap();
    desk.run(Command::StoredSchema(schema.clone()));
    assert_eq!(desk.ws.schema(), &schema);
    assert!(desk.last.change.schema);
    assert!(desk.last.saved().is_none());
    desk.run(Command::StoredSchema(schema));
    assert!(!desk.last.change.schema, "the same schema changes nothing");
}
