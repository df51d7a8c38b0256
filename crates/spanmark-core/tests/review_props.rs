//! Property tests of agreement: a set against itself is perfect (F1 100, kappa 1, alpha 1), and
//! swapping A and B changes nothing symmetric (counts swap sides, the confusion transposes).

mod review_support;

use proptest::prelude::*;
use review_support::*;
use spanmark_core::review::{Agreement, Team};
use spanmark_core::{Document, Span};

const WORDS: &[&str] = &[
    "Kabul", "police", "said", "Imran", "Khan", "on", "Monday", "the", "ISPR", "7",
];
const LABELS: &[&str] = &["PERSON", "ORG", "GPE", "DATE"];

fn text_of(words: &[usize]) -> String {
    words
        .iter()
        .map(|&w| WORDS[w])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Spans over whole tokens: (first token, token count, label), overlaps resolved by the document.
fn with_spans(text: &str, raw: &[(usize, usize, usize)]) -> Document {
    let mut d = Document::new("d", "d", text);
    let tokens = d.tokens().to_vec();
    let spans = raw
        .iter()
        .filter_map(|&(first, len, label)| {
            let first = first % tokens.len().max(1);
            let last = (first + len).min(tokens.len()) - 1;
            Some(Span::manual(
                tokens.get(first)?.start,
                tokens.get(last)?.end,
                LABELS[label],
            ))
        })
        .collect();
    d.set_spans(spans);
    d
}

/// Spans as (first token, token count, label index).
type RawSpans = Vec<(usize, usize, usize)>;
/// A document's words and each annotator's spans.
type RawDoc = (Vec<usize>, RawSpans, RawSpans);

fn set() -> impl Strategy<Value = Vec<RawDoc>> {
    prop::collection::vec(
        (
            prop::collection::vec(0..WORDS.len(), 1..25),
            prop::collection::vec((0..25usize, 1..4usize, 0..LABELS.len()), 0..8),
            prop::collection::vec((0..25usize, 1..4usize, 0..LABELS.len()), 0..8),
        ),
        1..5,
    )
}

fn team(docs: &[RawDoc], swap: bool) -> Team {
    let mut a_docs = Vec::new();
    let mut b_docs = Vec::new();
    for (i, (words, a, b)) in docs.iter().enumerate() {
        // distinct texts: a document number in front
        let text = format!("Doc {i}. {}", text_of(words));
        a_docs.push(with_spans(&text, a));
        b_docs.push(with_spans(&text, b));
    }
    let (a, b) = (
        annotator("a", LABELS, a_docs),
        annotator("b", LABELS, b_docs),
    );
    Team::new(if swap { vec![b, a] } else { vec![a, b] }).unwrap()
}

proptest! {
    #[test]
    fn a_set_against_itself_is_perfect(docs in set()) {
        let t = team(&docs, false);
        let same = Team::new(vec![t.annotators[0].clone(), { let mut c = t.annotators[0].clone(); c.name = "copy".into(); c }]).unwrap();
        let agreement = Agreement::of(&same);
        let pair = &agreement.pairs[0];
        prop_assert_eq!(pair.spans.overall.f1_strict(), 100.0);
        prop_assert_eq!(pair.spans.overall.f1_overlap(), 100.0);
        prop_assert_eq!(pair.kappa, 1.0);
        prop_assert_eq!(agreement.all.alpha, 1.0);
        prop_assert_eq!(pair.spans.outcomes.disagreements(), 0);
        for (_, tally, _) in agreement.labels_in(&pair.spans) {
            prop_assert_eq!(tally.f1_strict(), 100.0);
        }
        for l in 0..agreement.labels.len() {
            prop_assert_eq!(pair.label_kappa[l], 1.0);
            prop_assert_eq!(agreement.all.label_alpha[l], 1.0);
        }
    }

    #[test]
    fn swapping_a_and_b_changes_nothing_symmetric(docs in set()) {
        let ab = Agreement::of(&team(&docs, false));
        let ba = Agreement::of(&team(&docs, true));
        let (x, y) = (&ab.pairs[0], &ba.pairs[0]);
        prop_assert_eq!(x.spans.overall, y.spans.overall.swapped());
        prop_assert!((x.spans.overall.f1_strict() - y.spans.overall.f1_strict()).abs() < 1e-9);
        prop_assert!((x.spans.overall.f1_overlap() - y.spans.overall.f1_overlap()).abs() < 1e-9);
        prop_assert!((x.kappa - y.kappa).abs() < 1e-9);
        prop_assert!((ab.all.alpha - ba.all.alpha).abs() < 1e-9);
        let (o, p) = (x.spans.outcomes, y.spans.outcomes);
        prop_assert_eq!((o.agreed, o.label_differs, o.boundary_differs, o.both_differ), (p.agreed, p.label_differs, p.boundary_differs, p.both_differ));
        prop_assert_eq!((o.only_a, o.only_b), (p.only_b, p.only_a));
        let (c, d) = (&x.spans.confusion.counts, &y.spans.confusion.counts);
        for i in 0..c.len() {
            for j in 0..c.len() {
                prop_assert_eq!(c[i][j], d[j][i]);
            }
        }
        for l in 0..ab.labels.len() {
            prop_assert!((x.label_kappa[l] - y.label_kappa[l]).abs() < 1e-9);
            prop_assert_eq!(x.spans.per_label[l], y.spans.per_label[l].swapped());
        }
    }

    #[test]
    fn agreement_numbers_stay_in_range(docs in set()) {
        let ab = Agreement::of(&team(&docs, false));
        let x = &ab.pairs[0];
        prop_assert!((0.0..=100.0).contains(&x.spans.overall.f1_strict()));
        prop_assert!(x.spans.overall.f1_strict() <= x.spans.overall.f1_overlap() + 1e-9);
        prop_assert!(x.kappa <= 1.0 && ab.all.alpha <= 1.0);
        let o = x.spans.outcomes;
        prop_assert_eq!(o.agreed + o.label_differs + o.boundary_differs + o.both_differ + o.only_a, x.spans.overall.a);
        prop_assert_eq!(o.agreed + o.label_differs + o.boundary_differs + o.both_differ + o.only_b, x.spans.overall.b);
    }
}
