//! Span versions and touched ranges: what a view of a long document needs to redraw only
//! the paragraphs an edit, undo or redo changed, and to redraw everything otherwise.

use std::ops::Range;

use spanmark_core::{Document, Edit, History, Origin, Schema, Span};

fn sample() -> Document {
    let mut d = Document::new(
        "d",
        "t",
        "Imran Khan met officials in Lahore.\n\nKabul and Tehran replied on Monday.",
    );
    d.set_spans(vec![
        Span::suggested(0, 10, "PERSON", Origin::Gazetteer),
        Span::suggested(28, 34, "GPE", Origin::Gazetteer),
        Span::suggested(37, 42, "GPE", Origin::Gazetteer),
    ]);
    d
}

/// The ranges as `touched_since` gives them.
fn touched(pairs: &[(usize, usize)]) -> Option<Vec<Range<usize>>> {
    Some(pairs.iter().map(|&(s, e)| s..e).collect())
}

fn apply(d: &mut Document, h: &mut History, edit: Edit) {
    let step = edit.apply(d, &Schema::news()).unwrap();
    h.record(step);
}

#[test]
fn an_edit_reports_the_stretch_it_touched() {
    let mut d = sample();
    let mut h = History::new();
    let v0 = d.spans_version();
    assert_eq!(d.touched_since(v0), touched(&[]));
    apply(&mut d, &mut h, Edit::Accept { start: 28, end: 34 });
    assert_ne!(d.spans_version(), v0);
    assert_eq!(d.touched_since(v0), touched(&[(28, 34)]));
    let v1 = d.spans_version();
    // adding over "officials in Lahore" replaces the Lahore span: the range covers both
    apply(
        &mut d,
        &mut h,
        Edit::Add {
            start: 15,
            end: 34,
            label: "ORG".into(),
        },
    );
    assert_eq!(d.touched_since(v1), touched(&[(15, 34)]));
    assert_eq!(d.touched_since(v0), touched(&[(28, 34), (15, 34)]));
}

#[test]
fn undo_and_redo_report_their_stretch_too() {
    let mut d = sample();
    let mut h = History::new();
    apply(
        &mut d,
        &mut h,
        Edit::Relabel {
            start: 37,
            end: 42,
            label: "PERSON".into(),
        },
    );
    let v = d.spans_version();
    h.undo(&mut d).unwrap();
    assert_eq!(d.touched_since(v), touched(&[(37, 42)]));
    let v = d.spans_version();
    h.redo(&mut d).unwrap();
    assert_eq!(d.touched_since(v), touched(&[(37, 42)]));
}

#[test]
fn replacing_all_spans_or_old_versions_are_unknown() {
    let mut d = sample();
    let v0 = d.spans_version();
    d.set_spans(vec![Span::manual(0, 10, "PERSON")]);
    assert_eq!(d.touched_since(v0), None, "set_spans may change anything");
    let v1 = d.spans_version();
    let mut h = History::new();
    for _ in 0..40 {
        apply(
            &mut d,
            &mut h,
            Edit::Relabel {
                start: 0,
                end: 10,
                label: "ORG".into(),
            },
        );
    }
    assert_eq!(d.touched_since(v1), None, "too many changes ago");
    assert_eq!(d.touched_since(u64::MAX), None, "a version it never had");
}

#[test]
fn versions_are_unique_so_copies_never_pass_for_each_other() {
    let d = sample();
    let mut a = d.clone();
    let mut b = d.clone();
    assert_eq!(
        a.spans_version(),
        d.spans_version(),
        "a copy has the same spans"
    );
    assert_eq!(a, d, "the bookkeeping is not part of the content");
    let mut h = History::new();
    apply(&mut a, &mut h, Edit::Accept { start: 0, end: 10 });
    apply(&mut b, &mut h, Edit::Accept { start: 0, end: 10 });
    assert_eq!(a, b);
    assert_ne!(a.spans_version(), b.spans_version());
    assert_eq!(b.touched_since(a.spans_version()), None);
    let c = Document::new("d", "t", "Imran Khan met officials in Lahore.");
    assert_ne!(c.spans_version(), d.spans_version());
}
