//! Edit semantics: add (snapping, replacing overlaps), remove, relabel, resize, accept,
//! reject, accept all, clear suggestions, label all, suggest — and their undo steps.

mod core_support;

use core_support::{add, at, doc, surfaces};
use spanmark_core::{CoreError, Edge, Edit, History, Schema};

#[test]
fn add_snaps_to_whole_words_and_trims_punctuation() {
    let mut d = doc();
    let (s, e) = at(&d, "PESHAWAR", 0);
    // from inside the word to after the comma and space
    add(&mut d, s + 2, e + 2, "GPE").unwrap();
    assert_eq!(surfaces(&d), vec![("PESHAWAR".into(), "GPE".into())]);
    let (s, _) = at(&d, "Pakistan’s", 0);
    add(&mut d, s, s + 10, "GPE").unwrap();
    assert_eq!(
        surfaces(&d)[1].0,
        "Pakistan",
        "the possessive is not part of the span"
    );
}

#[test]
fn add_only_punctuation_is_nothing_to_label() {
    let mut d = doc();
    let (s, e) = at(&d, " — ", 0);
    assert!(matches!(
        add(&mut d, s, e, "GPE"),
        Err(CoreError::NothingToLabel { .. })
    ));
    assert!(d.spans().is_empty());
}

#[test]
fn add_rejects_unknown_labels_and_bad_offsets() {
    let mut d = doc();
    assert_eq!(
        add(&mut d, 0, 3, "WEAPON"),
        Err(CoreError::UnknownLabel("WEAPON".into()))
    );
    let n = d.len_chars();
    assert_eq!(
        add(&mut d, 0, n + 1, "GPE"),
        Err(CoreError::OutOfRange {
            offset: n + 1,
            len: n
        })
    );
    assert_eq!(
        add(&mut d, 5, 2, "GPE"),
        Err(CoreError::EmptySpan { start: 5, end: 2 })
    );
    assert!(d.spans().is_empty());
}

#[test]
fn add_replaces_overlapping_spans_in_one_step() {
    let mut d = doc();
    let (s1, e1) = at(&d, "Kabul", 0);
    let (s2, e2) = at(&d, "Taliban", 0);
    add(&mut d, s1, e1, "GPE").unwrap();
    add(&mut d, s2, e2, "ORG").unwrap();
    let step = Edit::Add {
        start: s1,
        end: e2,
        label: "ORG".into(),
    }
    .apply(&mut d, &Schema::news())
    .unwrap();
    assert_eq!(
        step.before.len(),
        2,
        "the step holds the two replaced spans"
    );
    assert_eq!(step.after.len(), 1);
    assert_eq!(
        surfaces(&d),
        vec![("Kabul-based Taliban".into(), "ORG".into())]
    );
    let mut h = History::new();
    h.record(step);
    h.undo(&mut d).unwrap();
    assert_eq!(
        surfaces(&d),
        vec![
            ("Kabul".into(), "GPE".into()),
            ("Taliban".into(), "ORG".into())
        ]
    );
}

#[test]
fn remove_relabel_and_missing_spans() {
    let mut d = doc();
    let (s, e) = at(&d, "Taliban", 0);
    add(&mut d, s, e, "PERSON").unwrap();
    Edit::Relabel {
        start: s,
        end: e,
        label: "ORG".into(),
    }
    .apply(&mut d, &Schema::news())
    .unwrap();
    assert_eq!(d.spans()[0].label, "ORG");
    let r = Edit::Relabel {
        start: s,
        end: e,
        label: "NOPE".into(),
    }
    .apply(&mut d, &Schema::news());
    assert_eq!(r, Err(CoreError::UnknownLabel("NOPE".into())));
    assert_eq!(
        Edit::Remove {
            start: s,
            end: e + 1
        }
        .apply(&mut d, &Schema::news()),
        Err(CoreError::NoSpan {
            start: s,
            end: e + 1
        })
    );
    Edit::Remove { start: s, end: e }
        .apply(&mut d, &Schema::news())
        .unwrap();
    assert!(d.spans().is_empty());
}

#[test]
fn resize_moves_one_token_and_never_overlaps_or_empties() {
    let mut d = doc();
    let schema = Schema::news();
    let (s, e) = at(&d, "Kabul", 0);
    let (ts, te) = at(&d, "Taliban", 0);
    add(&mut d, s, e, "GPE").unwrap();
    add(&mut d, ts, te, "ORG").unwrap();
    let grow = Edit::Resize {
        start: s,
        end: e,
        edge: Edge::End,
        delta: 1,
    };
    grow.apply(&mut d, &schema).unwrap();
    assert_eq!(
        surfaces(&d)[0].0,
        "Kabul-based",
        "the hyphen is stepped over"
    );
    let (_, e2) = at(&d, "Kabul-based", 0);
    let shrink = Edit::Resize {
        start: s,
        end: e2,
        edge: Edge::End,
        delta: -1,
    };
    shrink.apply(&mut d, &schema).unwrap();
    assert_eq!(surfaces(&d)[0].0, "Kabul");
    grow.apply(&mut d, &schema).unwrap();
    let into_neighbour = Edit::Resize {
        start: s,
        end: e2,
        edge: Edge::End,
        delta: 1,
    };
    assert_eq!(
        into_neighbour.apply(&mut d, &schema),
        Err(CoreError::CannotResize)
    );
    let back = Edit::Resize {
        start: s,
        end: e2,
        edge: Edge::Start,
        delta: -1,
    };
    back.apply(&mut d, &schema).unwrap();
    assert_eq!(surfaces(&d)[0].0, "said Kabul-based");
    let shrink_t = Edit::Resize {
        start: ts,
        end: te,
        edge: Edge::End,
        delta: -1,
    };
    assert_eq!(
        shrink_t.apply(&mut d, &schema),
        Err(CoreError::CannotResize),
        "never empty"
    );
    let two = Edit::Resize {
        start: ts,
        end: te,
        edge: Edge::End,
        delta: 2,
    };
    assert!(matches!(
        two.apply(&mut d, &schema),
        Err(CoreError::Invalid(_))
    ));
}

#[test]
fn noop_steps_are_not_recorded_and_undo_redo_are_exact() {
    let mut d = doc();
    let schema = Schema::news();
    let mut h = History::new();
    let (s, e) = at(&d, "Kabul", 0);
    h.record(
        Edit::Add {
            start: s,
            end: e,
            label: "GPE".into(),
        }
        .apply(&mut d, &schema)
        .unwrap(),
    );
    let after_add = d.spans().to_vec();
    h.record(
        Edit::Accept { start: s, end: e }
            .apply(&mut d, &schema)
            .unwrap(),
    );
    assert_eq!(
        h.undo_len(),
        1,
        "accepting an accepted span changes nothing"
    );
    h.undo(&mut d).unwrap();
    assert!(d.spans().is_empty());
    assert_eq!(h.undo(&mut d), Err(CoreError::NothingToUndo));
    h.redo(&mut d).unwrap();
    assert_eq!(d.spans(), &after_add[..]);
    assert_eq!(h.redo(&mut d), Err(CoreError::NothingToRedo));
}

#[test]
fn history_is_bounded() {
    let mut d = doc();
    let schema = Schema::news();
    let mut h = History::with_limit(3);
    let (s, e) = at(&d, "Kabul", 0);
    for label in ["GPE", "ORG", "LOC", "FAC", "NORP"] {
        let edit = if d.spans().is_empty() {
            Edit::Add {
                start: s,
                end: e,
                label: label.into(),
            }
        } else {
            Edit::Relabel {
                start: s,
                end: e,
                label: label.into(),
            }
        };
        h.record(edit.apply(&mut d, &schema).unwrap());
    }
    assert_eq!(h.undo_len(), 3);
    for _ in 0..3 {
        h.undo(&mut d).unwrap();
    }
    assert_eq!(d.spans()[0].label, "ORG");
    assert!(!h.can_undo());
}

#[test]
fn undo_refuses_when_the_document_changed_behind_its_back() {
    let mut d = doc();
    let schema = Schema::news();
    let mut h = History::new();
    let (s, e) = at(&d, "Kabul", 0);
    h.record(
        Edit::Add {
            start: s,
            end: e,
            label: "GPE".into(),
        }
        .apply(&mut d, &schema)
        .unwrap(),
    );
    // another tab's version replaces the spans
    d.set_spans(vec![spanmark_core::Span::manual(0, 8, "GPE")]);
    assert!(matches!(h.undo(&mut d), Err(CoreError::Invalid(_))));
    assert_eq!(
        d.spans().len(),
        1,
        "nothing was spliced into the other version"
    );
    assert!(!h.can_undo() && !h.can_redo());
}
