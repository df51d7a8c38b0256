//! The consistency commands of the workspace: check the page's documents, jump to an
//! occurrence, fix one or all occurrences of a form with its main label, undo a fix whole.

mod workspace_support;

use spanmark_core::workspace::{Command, ReviewCommand as R};
use spanmark_core::{Document, Schema, Span};
use workspace_support::Desk;

fn doc(id: &str, text: &str, spans: &[(usize, usize, &str)]) -> Document {
    let mut d = Document::new(id, id, text);
    d.set_spans(
        spans
            .iter()
            .map(|&(s, e, l)| Span::manual(s, e, l))
            .collect(),
    );
    d
}

/// "BLA" is ORG twice, NORP once and unlabelled once, over two documents.
fn desk() -> Desk {
    let mut desk = Desk::new();
    desk.run(Command::Restore {
        documents: vec![
            doc(
                "d1",
                "BLA attacked Quetta. BLA said so.",
                &[(0, 3, "ORG"), (21, 24, "ORG")],
            ),
            doc(
                "d2",
                "BLA fighters came. Later BLA left.",
                &[(0, 3, "NORP")],
            ),
        ],
        schema: Schema::news(),
        current: None,
    });
    desk.try_run(Command::Review(R::Check)).unwrap();
    desk
}

fn labels(desk: &Desk, id: &str) -> Vec<(usize, String)> {
    desk.ws
        .document(id)
        .unwrap()
        .spans()
        .iter()
        .map(|s| (s.start, s.label.clone()))
        .collect()
}

fn bla(desk: &Desk) -> usize {
    let c = desk.ws.review().checked.as_ref().unwrap();
    c.consistency
        .forms
        .iter()
        .position(|f| f.text == "BLA")
        .unwrap()
}

#[test]
fn check_lists_forms_labelled_two_ways_and_left_unlabelled() {
    let desk = desk();
    let c = desk.ws.review().checked.as_ref().unwrap();
    let f = &c.consistency.forms[bla(&desk)];
    assert_eq!(f.labels, [("ORG".to_string(), 2), ("NORP".to_string(), 1)]);
    assert_eq!(f.main_label(), "ORG");
    assert_eq!(f.unlabelled.len(), 1, "the second BLA of d2");
    assert_eq!(f.odd_ones().count(), 2);
    assert_eq!(c.ids, ["d1", "d2"]);
}

#[test]
fn fix_one_labels_one_occurrence_as_one_undo_step() {
    let mut desk = desk();
    let form = bla(&desk);
    // occurrences: 3 labelled (d1, d1, d2) then the unlabelled one in d2
    desk.try_run(Command::Review(R::FixOne {
        form,
        occurrence: 3,
    }))
    .unwrap();
    assert_eq!(
        labels(&desk, "d2"),
        [(0, "NORP".into()), (25, "ORG".into())]
    );
    assert_eq!(desk.ws.history("d2").unwrap().undo_len(), 1);
    assert!(desk
        .last
        .saved()
        .unwrap()
        .documents
        .contains(&"d2".to_string()));
    let f = &desk.ws.review().checked.as_ref().unwrap().consistency.forms[bla(&desk)];
    assert!(f.unlabelled.is_empty(), "checked again after the fix");
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(labels(&desk, "d2"), [(0, "NORP".into())]);
    assert_eq!(desk.ws.history("d2").unwrap().undo_len(), 0);
}

#[test]
fn fix_all_changes_every_odd_occurrence_and_undoes_whole() {
    let mut desk = desk();
    let form = bla(&desk);
    desk.try_run(Command::Review(R::FixAll(form))).unwrap();
    assert_eq!(labels(&desk, "d2"), [(0, "ORG".into()), (25, "ORG".into())]);
    assert_eq!(
        labels(&desk, "d1"),
        [(0, "ORG".into()), (21, "ORG".into())],
        "d1 untouched"
    );
    assert!(desk.ws.history("d1").is_none_or(|h| h.undo_len() == 0));
    let err = desk
        .try_run(Command::Review(R::FixAll(bla(&desk))))
        .unwrap_err();
    assert_eq!(err, "no occurrence to fix");
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(labels(&desk, "d2"), [(0, "NORP".into())]);
}

#[test]
fn jump_opens_the_document_on_the_occurrence() {
    let mut desk = desk();
    desk.try_run(Command::Review(R::Show(true))).unwrap();
    let form = bla(&desk);
    desk.try_run(Command::Review(R::JumpTo {
        form,
        occurrence: 3,
    }))
    .unwrap();
    assert_eq!(desk.ws.current_id(), Some("d2"));
    assert_eq!(desk.ws.selection().pending, Some((25, 28)));
    assert!(!desk.ws.review().open);
    desk.try_run(Command::Review(R::JumpTo {
        form,
        occurrence: 0,
    }))
    .unwrap();
    assert_eq!(desk.ws.current_id(), Some("d1"));
    assert_eq!(desk.ws.selection().selected, Some((0, 3)));
    let err = desk
        .try_run(Command::Review(R::JumpTo {
            form,
            occurrence: 9,
        }))
        .unwrap_err();
    assert!(err.contains("no such occurrence"), "{err}");
}

#[test]
fn fixing_before_a_check_says_so() {
    let mut desk = Desk::new();
    let err = desk.try_run(Command::Review(R::FixAll(0))).unwrap_err();
    assert_eq!(err, "Check the documents' consistency first.");
}
