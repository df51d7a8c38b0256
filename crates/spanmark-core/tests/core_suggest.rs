//! The suggestion layer: detector output replacing suggestions, accept, reject, accept all,
//! clear, labelling a suggestion's exact words, and "label all occurrences".

mod core_support;

use core_support::{add, at, doc};
use spanmark_core::{Document, Edit, History, Origin, Schema, Span, SpanState};

#[test]
fn suggestions_accept_reject_accept_all_clear() {
    let mut d = doc();
    let schema = Schema::news();
    let (ks, ke) = at(&d, "Kabul", 0);
    let (ts, te) = at(&d, "Taliban", 0);
    let (ps, pe) = at(&d, "Pakistan", 2);
    add(&mut d, ts, te, "ORG").unwrap();
    let incoming = vec![
        Span::suggested(ks, ke, "GPE", Origin::Gazetteer),
        Span::suggested(ts, te, "PERSON", Origin::Model), // overlaps an accepted span: dropped
        Span::suggested(ps, pe, "GPE", Origin::Gazetteer),
        Span::suggested(ps, pe, "WEAPON", Origin::Model), // not in the schema: dropped
        Span::suggested(ps, pe - 2, "GPE", Origin::Model), // overlaps a longer one
    ];
    Edit::Suggest { spans: incoming }
        .apply(&mut d, &schema)
        .unwrap();
    assert_eq!(d.spans().len(), 3);
    assert_eq!(d.spans()[1].label, "ORG");
    assert!(d.spans()[1].is_accepted());
    Edit::Accept { start: ks, end: ke }
        .apply(&mut d, &schema)
        .unwrap();
    assert!(d.spans()[0].is_accepted());
    Edit::Reject { start: ps, end: pe }
        .apply(&mut d, &schema)
        .unwrap();
    assert_eq!(d.spans().len(), 2);
    // a new detector run replaces only the suggestion layer
    Edit::Suggest {
        spans: vec![Span::suggested(ps, pe, "GPE", Origin::Memory)],
    }
    .apply(&mut d, &schema)
    .unwrap();
    assert_eq!(d.spans().len(), 3);
    Edit::ClearSuggestions.apply(&mut d, &schema).unwrap();
    assert_eq!(d.spans().len(), 2);
    Edit::Suggest {
        spans: vec![Span::suggested(ps, pe, "GPE", Origin::Memory)],
    }
    .apply(&mut d, &schema)
    .unwrap();
    Edit::AcceptAll.apply(&mut d, &schema).unwrap();
    assert!(d.spans().iter().all(|s| s.state == SpanState::Accepted));
    assert_eq!(
        d.spans()[2].origin,
        Origin::Memory,
        "accepting keeps the origin"
    );
}

#[test]
fn label_all_whole_words_only_and_skips_accepted() {
    let text = "Pakistan and Pakistani troops. Pakistan’s army. Pakistan Pakistan";
    let mut d = Document::new("d", "t", text);
    let schema = Schema::news();
    let index = d.index().clone();
    let b = |n: usize| {
        index
            .char_of_byte(text.match_indices("Pakistan").nth(n).unwrap().0)
            .unwrap()
    };
    let (p0, p3, p4) = (b(0), b(3), b(4));
    // an accepted span covering the 4th occurrence blocks it
    Edit::Add {
        start: p3,
        end: p3 + 8,
        label: "ORG".into(),
    }
    .apply(&mut d, &schema)
    .unwrap();
    // a suggestion over the 5th is replaced
    let sugg = Span::suggested(p4, p4 + 8, "PERSON", Origin::Model);
    let mut spans = d.spans().to_vec();
    spans.push(sugg);
    d.set_spans(spans);
    Edit::Add {
        start: p0,
        end: p0 + 8,
        label: "GPE".into(),
    }
    .apply(&mut d, &schema)
    .unwrap();
    let before = d.spans().to_vec();
    let step = Edit::LabelAll {
        start: p0,
        end: p0 + 8,
    }
    .apply(&mut d, &schema)
    .unwrap();
    let got: Vec<(&str, &str)> = d
        .spans()
        .iter()
        .map(|s| (d.slice(s.start, s.end), s.label.as_str()))
        .collect();
    // "Pakistani" is not a whole-word match; "Pakistan’s" is
    assert_eq!(
        got,
        vec![
            ("Pakistan", "GPE"),
            ("Pakistan", "GPE"),
            ("Pakistan", "ORG"),
            ("Pakistan", "GPE")
        ]
    );
    assert_eq!(d.spans()[1].start, b(2));
    assert!(d.spans().iter().all(|s| s.is_accepted()));
    let mut h = History::new();
    h.record(step);
    h.undo(&mut d).unwrap();
    assert_eq!(d.spans(), &before[..]);
}

#[test]
fn labelling_exactly_a_suggestion_accepts_it_and_keeps_its_origin() {
    let mut d = doc();
    let schema = Schema::news();
    let (ps, pe) = at(&d, "Taliban", 0);
    let mut s = Span::suggested(ps, pe, "GPE", Origin::Gazetteer);
    s.confidence = Some(0.9);
    Edit::Suggest { spans: vec![s] }
        .apply(&mut d, &schema)
        .unwrap();
    add(&mut d, ps, pe, "ORG").unwrap();
    let got = &d.spans()[0];
    assert_eq!(
        (got.label.as_str(), got.origin, got.state, got.confidence),
        ("ORG", Origin::Gazetteer, SpanState::Accepted, None)
    );
    // a wider selection is the user's own span
    let (ks, _) = at(&d, "Kabul", 0);
    add(&mut d, ks, pe, "ORG").unwrap();
    assert_eq!(d.spans()[0].origin, Origin::Manual);
}
