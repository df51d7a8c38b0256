//! Agreement numbers against values computed by hand on one short text (every step written
//! out below), plus the degenerate cases: nothing annotated, one annotator's document only.

mod review_support;

use review_support::*;
use spanmark_core::review::{Agreement, Outcome, Team};

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < 1e-9
}

// Text: "Imran Khan met Shehbaz Sharif in Lahore on Monday." (10 tokens)
// A: Imran Khan PERSON, Shehbaz Sharif PERSON, Lahore GPE, Monday DATE
// B: Imran Khan PERSON, met ORG, Sharif PERSON, Lahore LOC
#[test]
fn golden_pair_spans() {
    let (a, b) = golden_pair();
    let team = Team::new(vec![a, b]).unwrap();
    let agreement = Agreement::of(&team);
    let pair = &agreement.pairs[0];
    let spans = &pair.spans;
    // strict: 1 match of 4 + 4 → 2·1/8
    assert!(close(spans.overall.f1_strict(), 25.0));
    // overlap: A's Imran Khan, Shehbaz Sharif; B's Imran Khan, Sharif → P = R = 2/4
    assert_eq!((spans.overall.overlap_a, spans.overall.overlap_b), (2, 2));
    assert!(close(spans.overall.f1_overlap(), 50.0));
    let o = spans.outcomes;
    assert_eq!(
        (
            o.agreed,
            o.label_differs,
            o.boundary_differs,
            o.both_differ,
            o.only_a,
            o.only_b
        ),
        (1, 1, 1, 0, 1, 1)
    );
    let person = agreement.labels.iter().position(|l| l == "PERSON").unwrap();
    assert!(close(spans.per_label[person].f1_strict(), 50.0));
    let gpe = agreement.labels.iter().position(|l| l == "GPE").unwrap();
    let loc = agreement.labels.iter().position(|l| l == "LOC").unwrap();
    let date = agreement.labels.iter().position(|l| l == "DATE").unwrap();
    let org = agreement.labels.iter().position(|l| l == "ORG").unwrap();
    let c = &spans.confusion.counts;
    let none = spans.confusion.none();
    assert_eq!(c[person][person], 2);
    assert_eq!(c[gpe][loc], 1);
    assert_eq!(c[date][none], 1);
    assert_eq!(c[none][org], 1);
    assert_eq!(c.iter().flatten().sum::<usize>(), 5);
}

#[test]
fn golden_pair_tokens() {
    let (a, b) = golden_pair();
    let agreement = Agreement::of(&Team::new(vec![a, b]).unwrap());
    let pair = &agreement.pairs[0];
    // tags  A: B-P I-P O B-P I-P O B-GPE O B-DATE O
    //       B: B-P I-P B-ORG O B-P O B-LOC O O O
    // p_o = 5/10; p_e = (B-P 2·2 + I-P 2·1 + O 4·5) / 100 = 0.26
    assert_eq!(pair.tokens, 10);
    assert!(
        close(pair.kappa, (0.5 - 0.26) / (1.0 - 0.26)),
        "{}",
        pair.kappa
    );
    // alpha: 20 values; n_O = 9, B-P 4, I-P 3, four tags once: Σn² = 110;
    // 5 disagreeing units of 2 values → observed 10; α = 1 − 19·10 / (400 − 110)
    assert!(
        close(agreement.all.alpha, 1.0 - 190.0 / 290.0),
        "{}",
        agreement.all.alpha
    );
    // PERSON alone: A in on 4 tokens, B on 3, both on 3 → p_o = 9/10,
    // p_e = 0.4·0.3 + 0.6·0.7 = 0.54
    let person = agreement.labels.iter().position(|l| l == "PERSON").unwrap();
    assert!(close(pair.label_kappa[person], (0.9 - 0.54) / (1.0 - 0.54)));
    // binary alpha for PERSON: n_in = 7 of 20, one disagreeing unit: 1 − 19·2 / (2·7·13)
    assert!(close(agreement.all.label_alpha[person], 1.0 - 38.0 / 182.0));
}

#[test]
fn alignment_rows_come_in_text_order() {
    let (a, b) = golden_pair();
    let rows = spanmark_core::review::align(a.documents[0].spans(), b.documents[0].spans());
    let outcomes: Vec<Outcome> = rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            Outcome::Agreed,
            Outcome::OnlyInB,
            Outcome::BoundaryDiffers,
            Outcome::LabelDiffers,
            Outcome::OnlyInA
        ]
    );
}

#[test]
fn three_annotators_alpha_with_a_missing_document() {
    // c lacks the second document: its units have two values, the first's three
    let t1 = "Kabul is calm.";
    let t2 = "Herat is not.";
    let a = annotator(
        "a",
        NEWS,
        vec![
            doc("1", t1, &[("Kabul", "GPE")]),
            doc("2", t2, &[("Herat", "GPE")]),
        ],
    );
    let b = annotator(
        "b",
        NEWS,
        vec![doc("1", t1, &[("Kabul", "GPE")]), doc("2", t2, &[])],
    );
    let c = annotator("c", NEWS, vec![doc("1", t1, &[("Kabul", "LOC")])]);
    let agreement = Agreement::of(&Team::new(vec![a, b, c]).unwrap());
    assert_eq!(agreement.pairs.len(), 3);
    assert_eq!(agreement.all.documents_compared, 2);
    assert_eq!(agreement.all.documents_shared_by_all, 1);
    // units: t1 has 4 tokens × 3 values, t2 4 tokens × 2 values → 20 values
    // O: 3·3 in t1 + (3·2 + 1) in t2 = 16; B-GPE: 2 in t1 + 1 in t2 = 3; B-LOC: 1; Σn² = 266
    // observed: Kabul unit (m = 3: 2 GPE, 1 LOC) → (9 − 5)/2 = 2; Herat unit (m = 2) → 2
    // α = 1 − 19·4 / (400 − 266)
    assert_eq!(agreement.all.units, 8);
    assert!(
        close(agreement.all.alpha, 1.0 - 76.0 / 134.0),
        "{}",
        agreement.all.alpha
    );
}

#[test]
fn nothing_annotated_is_perfect_agreement() {
    let a = annotator("a", NEWS, vec![doc("1", "Nothing here.", &[])]);
    let b = annotator("b", NEWS, vec![doc("1", "Nothing here.", &[])]);
    let agreement = Agreement::of(&Team::new(vec![a, b]).unwrap());
    let pair = &agreement.pairs[0];
    assert_eq!(pair.spans.overall.f1_strict(), 100.0);
    assert_eq!(pair.spans.overall.f1_overlap(), 100.0);
    assert_eq!(pair.kappa, 1.0);
    assert_eq!(agreement.all.alpha, 1.0);
}

#[test]
fn events_and_relations_are_scored_strictly() {
    use spanmark_core::links::{Event, Links, Relation};
    let text = "The BLA attacked Quetta on Monday.";
    let mut a = doc("1", text, &[("BLA", "ORG"), ("Quetta", "GPE")]);
    let mut b = a.clone();
    a.set_links(Links {
        events: vec![Event::manual("attack", 8, 16)
            .with("attacker", 4, 7)
            .with("place", 17, 23)],
        relations: vec![Relation::manual("based_in", (4, 7), (17, 23))],
    });
    b.set_links(Links {
        events: vec![Event::manual("attack", 8, 16).with("attacker", 4, 7)],
        relations: vec![],
    });
    let team = Team::new(vec![
        annotator("a", NEWS, vec![a]),
        annotator("b", NEWS, vec![b]),
    ])
    .unwrap();
    let links = &Agreement::of(&team).pairs[0].links;
    // the same trigger; the events differ in one argument; 1 of 2 + 1 arguments shared
    assert_eq!(links.triggers.f1_strict(), 100.0);
    assert_eq!(links.events.f1_strict(), 0.0);
    assert!(close(links.arguments.f1_strict(), 200.0 / 3.0));
    assert_eq!(
        (
            links.relations.a,
            links.relations.b,
            links.relations.f1_strict()
        ),
        (1, 0, 0.0)
    );
    assert_eq!(links.per_event_type["attack"].a, 1);
    assert_eq!(links.per_relation_type["based_in"].b, 0);
    // as `spanmark eval` scores them: the event detected, one argument of two found
    assert_eq!(
        (
            links.ace.detection.tp,
            links.ace.detection.gold,
            links.ace.detection.pred
        ),
        (1, 1, 1)
    );
    assert_eq!(
        (
            links.ace.arguments.tp,
            links.ace.arguments.gold,
            links.ace.arguments.pred
        ),
        (1, 2, 1)
    );
}
