//! The workspace's edit commands: a core edit, undo and redo, the label keys, Enter, x,
//! Alt+arrows, "l", Shift+A and schema changes; each change is one undo step and saved.

mod workspace_support;

use spanmark_core::workspace::{Command, Effect};
use spanmark_core::{Edge, Edit, Origin, SchemaChange, Span, SpanState};
use workspace_support::Desk;

const TEXT: &str = "Kabul and Herat and Kandahar and Herat.";

/// Three suggestions (Kabul, Herat, Kandahar) and the document open.
fn suggested() -> Desk {
    let mut desk = Desk::with_text(TEXT);
    desk.apply(&Edit::Suggest {
        spans: vec![
            Span::suggested(0, 5, "GPE", Origin::Gazetteer),
            Span::suggested(10, 15, "GPE", Origin::Gazetteer),
            Span::suggested(20, 28, "GPE", Origin::Gazetteer),
        ],
    })
    .unwrap();
    desk
}

#[test]
fn an_edit_is_one_undo_step_with_a_new_revision_and_a_save() {
    let mut desk = Desk::with_text(TEXT);
    let add = Edit::Add {
        start: 0,
        end: 5,
        label: "GPE".into(),
    };
    assert_eq!(desk.apply(&add), Ok(true));
    assert_eq!(desk.doc().revision, 1);
    assert_eq!(desk.doc().updated, desk.now);
    assert_eq!(desk.last.saved().unwrap().documents, ["d"]);
    assert!(desk.has(&Effect::Unsay));
    assert_eq!(desk.ws.history("d").unwrap().undo_len(), 1);
    // the same span again changes nothing: no step, no save, no new revision
    assert_eq!(desk.apply(&Edit::Accept { start: 0, end: 5 }), Ok(false));
    assert_eq!(desk.ws.history("d").unwrap().undo_len(), 1);
    assert_eq!(desk.doc().revision, 1);
    // a refused edit says why and changes nothing
    let bad = desk.apply(&Edit::Add {
        start: 10,
        end: 15,
        label: "NOPE".into(),
    });
    assert_eq!(bad, Err("there is no label called “NOPE”".into()));
    assert_eq!(desk.doc().spans().len(), 1);
}

#[test]
fn an_edit_without_an_open_document_is_refused() {
    let mut desk = Desk::new();
    assert_eq!(
        desk.apply(&Edit::AcceptAll),
        Err("Open a document first.".into())
    );
}

#[test]
fn undo_and_redo_restore_the_spans_and_save() {
    let mut desk = Desk::with_text(TEXT);
    desk.apply(&Edit::Add {
        start: 0,
        end: 5,
        label: "GPE".into(),
    })
    .unwrap();
    desk.run(Command::Select(Some((0, 5))));
    assert_eq!(desk.undo(), Ok(true));
    assert!(desk.doc().spans().is_empty());
    assert_eq!(
        desk.ws.selection().selected,
        None,
        "the selected span is gone"
    );
    assert!(desk.ws.can_redo() && !desk.ws.can_undo());
    assert_eq!(desk.doc().revision, 2);
    assert_eq!(desk.redo(), Ok(true));
    assert_eq!(desk.doc().spans().len(), 1);
    assert_eq!(desk.redo(), Err("nothing to redo".into()));
}

#[test]
fn a_label_key_labels_the_pending_text_and_selects_the_new_span() {
    let mut desk = Desk::with_text(TEXT);
    desk.run(Command::SetPending(Some((10, 15))));
    desk.run(Command::ApplyLabel("GPE".into()));
    assert_eq!(desk.labelled(), [("Herat", "GPE")]);
    assert_eq!(desk.ws.selection().selected, Some((10, 15)));
    assert_eq!(desk.ws.selection().pending, None);
    assert!(desk.has(&Effect::ClearBrowserSelection));
}

#[test]
fn a_label_key_relabels_the_selected_span_or_says_what_to_select() {
    let mut desk = suggested();
    desk.run(Command::Select(Some((0, 5))));
    desk.run(Command::ApplyLabel("ORG".into()));
    assert_eq!(desk.labelled()[0], ("Kabul", "ORG"));
    desk.run(Command::Select(None));
    assert_eq!(
        desk.try_run(Command::ApplyLabel("GPE".into())),
        Err("Select some text or a span first, then choose its label.".into())
    );
}

#[test]
fn enter_accepts_and_moves_to_the_next_suggestion_without_wrapping() {
    let mut desk = suggested();
    desk.run(Command::Select(Some((10, 15))));
    desk.run(Command::AcceptSelected);
    assert_eq!(desk.doc().spans()[1].state, SpanState::Accepted);
    assert_eq!(desk.ws.selection().selected, Some((20, 28)));
    desk.run(Command::AcceptSelected);
    // nothing suggested after Kandahar (Kabul is before it): stay on the accepted span
    assert_eq!(desk.ws.selection().selected, Some((20, 28)));
    desk.run(Command::Select(None));
    assert_eq!(
        desk.try_run(Command::AcceptSelected),
        Err("Select a span first (click it or press Tab).".into())
    );
}

#[test]
fn x_rejects_a_suggestion_which_the_learner_remembers_and_removes_a_span() {
    let mut desk = suggested();
    desk.run(Command::Select(Some((0, 5))));
    desk.run(Command::RemoveSelected);
    assert!(
        desk.has(&Effect::SaveLearner),
        "the rejection is remembered"
    );
    assert_eq!(desk.ws.selection().selected, Some((10, 15)));
    assert_eq!(desk.doc().spans().len(), 2);
    // the learner now leaves Kabul out of what it suggests here
    let again = desk.ws.suggest(desk.doc());
    assert!(again.is_empty(), "no rules and Kabul rejected: {again:?}");
    desk.run(Command::AcceptSelected); // Herat accepted, on to Kandahar
    desk.run(Command::Select(Some((10, 15))));
    desk.run(Command::RemoveSelected);
    assert!(
        !desk.has(&Effect::SaveLearner),
        "removing an accepted span is no rejection"
    );
    assert_eq!(desk.labelled(), [("Kandahar", "GPE")]);
    assert_eq!(desk.ws.selection().selected, Some((20, 28)));
}

#[test]
fn alt_arrows_resize_the_selected_span_and_keep_it_selected() {
    let mut desk = suggested();
    desk.run(Command::Select(Some((10, 15))));
    desk.run(Command::ResizeSelected {
        edge: Edge::End,
        delta: 1,
    });
    assert_eq!(desk.labelled()[1], ("Herat and", "GPE"));
    assert_eq!(desk.ws.selection().selected, Some((10, 19)));
    desk.run(Command::ResizeSelected {
        edge: Edge::Start,
        delta: -1,
    });
    assert_eq!(desk.labelled()[1], ("and Herat and", "GPE"));
    assert_eq!(desk.ws.selection().selected, Some((6, 19)));
    desk.run(Command::Select(None));
    assert!(desk
        .try_run(Command::ResizeSelected {
            edge: Edge::End,
            delta: 1,
        })
        .is_err());
}

#[test]
fn l_labels_every_other_occurrence_and_says_how_many() {
    let mut desk = Desk::with_text(TEXT);
    desk.run(Command::SetPending(Some((10, 15))));
    desk.run(Command::ApplyLabel("GPE".into()));
    desk.run(Command::LabelAllSelected);
    assert_eq!(desk.labelled(), [("Herat", "GPE"), ("Herat", "GPE")]);
    assert_eq!(
        desk.last.notice().unwrap().text,
        "Labelled 1 more occurrence"
    );
    assert_eq!(desk.ws.history("d").unwrap().undo_len(), 2);
}

#[test]
fn shift_a_accepts_every_suggestion_in_one_step() {
    let mut desk = suggested();
    let before = desk.ws.history("d").unwrap().undo_len();
    desk.run(Command::AcceptAll);
    assert!(desk
        .doc()
        .spans()
        .iter()
        .all(|s| s.state == SpanState::Accepted));
    assert_eq!(desk.ws.history("d").unwrap().undo_len(), before + 1);
}

#[test]
fn deleting_a_label_is_one_undo_step_per_document_and_saves_the_schema() {
    let mut desk = Desk::with_text(TEXT);
    desk.run(Command::SetPending(Some((0, 5))));
    desk.run(Command::ApplyLabel("GPE".into()));
    desk.run(Command::SetPending(Some((10, 15))));
    desk.run(Command::ApplyLabel("GPE".into()));
    desk.run(Command::Schema(SchemaChange::Delete { name: "GPE".into() }));
    assert!(desk.doc().spans().is_empty());
    assert!(!desk.ws.schema().contains("GPE"));
    let save = desk.last.saved().unwrap();
    assert!(save.schema);
    assert_eq!(save.documents, ["d"]);
    desk.undo().unwrap();
    assert_eq!(
        desk.doc().spans().len(),
        2,
        "the spans come back in one step"
    );
    // a refused change says why and leaves the schema as it is
    let before = desk.ws.schema().clone();
    assert!(desk
        .try_run(Command::Schema(SchemaChange::Delete {
            name: "NOPE".into()
        }))
        .is_err());
    assert_eq!(desk.ws.schema(), &before);
}
