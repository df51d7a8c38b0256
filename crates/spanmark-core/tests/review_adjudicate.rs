//! Adjudication of the hand-made pair: the disagreements in order, every kind of choice, the
//! gold document with provenance, undo/redo, and a review file that reloads to the same state.

mod review_support;

use review_support::*;
use spanmark_core::review::{
    Adjudication, Choice, ReviewError, ReviewSpan, Settings, Source, Team,
};

fn adjudication(settings: Settings) -> Adjudication {
    let (a, b) = golden_pair();
    Adjudication::new(&Team::new(vec![a, b]).unwrap(), settings)
}

fn texts(adj: &Adjudication) -> Vec<String> {
    (0..adj.len())
        .map(|p| {
            let (case, item, _) = adj.item(p).unwrap();
            case.text
                .chars()
                .skip(item.start)
                .take(item.end - item.start)
                .collect()
        })
        .collect()
}

fn span(start: usize, end: usize, label: &str) -> ReviewSpan {
    ReviewSpan {
        start,
        end,
        label: label.into(),
    }
}

#[test]
fn disagreements_come_in_text_order_and_agreed_spans_are_accepted() {
    let adj = adjudication(Settings::default());
    assert_eq!(
        texts(&adj),
        vec!["met", "Shehbaz Sharif", "Lahore", "Monday"]
    );
    assert_eq!(adj.remaining(), 4);
    let gold = adj.gold(0).unwrap();
    assert_eq!(gold.undecided, 4);
    assert_eq!(gold.provenance.len(), 1);
    assert_eq!(gold.provenance[0].span, span(0, 10, "PERSON"));
    assert_eq!(gold.provenance[0].had, vec!["ayesha", "bilal"]);
    assert_eq!(gold.provenance[0].source, Source::Agreed);
    // the setting off: the agreed span is asked about too, and not in the gold until decided
    let mut adj = adj;
    adj.set_accept_agreed(false);
    assert_eq!(texts(&adj)[0], "Imran Khan");
    assert_eq!(adj.gold(0).unwrap().provenance.len(), 0);
}

#[test]
fn every_choice_and_the_gold_document_with_provenance() {
    let mut adj = adjudication(Settings::default());
    // met: only bilal had ORG there; taking ayesha's version means no span
    adj.decide(0, Choice::Take { annotator: 0 }, 1000.0)
        .unwrap();
    // Shehbaz Sharif vs Sharif: take bilal's
    adj.decide(1, Choice::Take { annotator: 1 }, 2000.0)
        .unwrap();
    // Lahore GPE vs LOC overlap: both cannot be kept
    assert_eq!(
        adj.decide(2, Choice::Both, 3000.0),
        Err(ReviewError::BothOverlap { start: 33, end: 39 })
    );
    adj.decide(
        2,
        Choice::Edit {
            spans: vec![span(33, 39, "GPE")],
        },
        3000.0,
    )
    .unwrap();
    // Monday: only ayesha's DATE; keeping both keeps it
    adj.decide(3, Choice::Both, 4000.0).unwrap();
    assert_eq!(adj.remaining(), 0);
    let gold = adj.gold(0).unwrap();
    assert_eq!(gold.undecided, 0);
    let spans: Vec<_> = gold
        .document
        .spans()
        .iter()
        .map(|s| {
            (
                gold.document.slice(s.start, s.end).to_string(),
                s.label.clone(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        vec![
            ("Imran Khan".to_string(), "PERSON".to_string()),
            ("Sharif".into(), "PERSON".into()),
            ("Lahore".into(), "GPE".into()),
            ("Monday".into(), "DATE".into()),
        ]
    );
    let p = &gold.provenance;
    assert_eq!(
        p[1].source,
        Source::Taken {
            annotator: "bilal".into()
        }
    );
    assert_eq!(
        (p[1].had.clone(), p[1].at),
        (vec!["bilal".to_string()], Some(2000.0))
    );
    assert_eq!(p[2].source, Source::Edited);
    assert_eq!(p[2].had, vec!["ayesha"]);
    assert_eq!((p[3].source.clone(), p[3].at), (Source::Both, Some(4000.0)));
}

#[test]
fn bad_choices_are_refused_with_a_sentence() {
    let mut adj = adjudication(Settings::default());
    let err = adj
        .decide(0, Choice::Take { annotator: 5 }, 0.0)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "“annotator 5” did not annotate “d1”, so their version cannot be taken"
    );
    let err = adj
        .decide(
            2,
            Choice::Edit {
                spans: vec![span(33, 46, "GPE")],
            },
            0.0,
        )
        .unwrap_err();
    assert!(err.to_string().contains("reaches past 29–43"), "{err}");
    let err = adj
        .decide(
            2,
            Choice::Edit {
                spans: vec![span(33, 39, "CITY")],
            },
            0.0,
        )
        .unwrap_err();
    assert_eq!(err, ReviewError::UnknownLabel("CITY".into()));
    assert_eq!(
        adj.decide(9, Choice::Neither, 0.0),
        Err(ReviewError::NoItem(9))
    );
    assert_eq!(adj.remaining(), 4);
}

#[test]
fn every_choice_is_undoable_and_next_skips_decided_items() {
    let mut adj = adjudication(Settings::default());
    assert_eq!(adj.next_open(None), Some(0));
    adj.decide(0, Choice::Neither, 1.0).unwrap();
    adj.decide(1, Choice::Take { annotator: 0 }, 2.0).unwrap();
    assert_eq!(adj.next_open(Some(0)), Some(2));
    assert_eq!(
        adj.prev_open(Some(2)),
        Some(3),
        "wraps round to the last open one"
    );
    assert_eq!((adj.next(Some(1)), adj.prev(Some(1))), (Some(2), Some(0)));
    assert_eq!(adj.undo(), Ok(Some(1)));
    assert_eq!(adj.remaining(), 3);
    assert_eq!(adj.next_open(Some(0)), Some(1));
    assert_eq!(adj.redo(), Ok(Some(1)));
    assert_eq!(adj.remaining(), 2);
    adj.undo().unwrap();
    adj.undo().unwrap();
    assert_eq!(adj.undo(), Err(ReviewError::NothingToUndo));
    assert_eq!(adj.remaining(), 4);
    adj.redo().unwrap();
    // a new choice clears what could be redone
    adj.decide(3, Choice::Neither, 3.0).unwrap();
    assert_eq!(adj.redo(), Err(ReviewError::NothingToRedo));
}

#[test]
fn the_review_file_reloads_to_the_same_state() {
    let mut adj = adjudication(Settings::default());
    adj.decide(1, Choice::Take { annotator: 1 }, 2000.0)
        .unwrap();
    adj.decide(
        2,
        Choice::Edit {
            spans: vec![span(33, 39, "GPE")],
        },
        3000.0,
    )
    .unwrap();
    adj.undo().unwrap();
    let json = adj.to_json();
    let back = Adjudication::from_json("review.json", &json).unwrap();
    assert_eq!(back, adj);
    assert_eq!(back.remaining(), 3);
    let mut back = back;
    assert_eq!(back.redo(), Ok(Some(2)));
    assert_eq!(back.gold(0).unwrap().provenance.len(), 3);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "spanmark-review");
    assert_eq!(value["cases"][0]["decisions"][2]["choice"], "take");
    assert_eq!(value["cases"][0]["decisions"][2]["annotator"], 1);
}

#[test]
fn a_damaged_review_file_is_refused_whole() {
    let adj = adjudication(Settings::default());
    let json = adj.to_json();
    let err = Adjudication::from_json("r.json", "[1, 2]")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "r.json: this is not a Spanmark review file: it has no \"format\": \"spanmark-review\""
    );
    let edited = json.replace("Imran Khan met", "Imran Khan saw");
    let err = Adjudication::from_json("r.json", &edited)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("document 1 (“d1”): its text does not match its hash"),
        "{err}"
    );
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["cases"][0]["decisions"][0] =
        serde_json::json!({"choice": "take", "annotator": 7, "at": 1.0});
    let err = Adjudication::from_json("r.json", &value.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("takes annotator 7, who did not annotate it"),
        "{err}"
    );
}

#[test]
fn three_annotators_agree_only_when_all_have_the_same_span() {
    let t = "Kabul and Herat.";
    let a = annotator(
        "a",
        NEWS,
        vec![doc("1", t, &[("Kabul", "GPE"), ("Herat", "GPE")])],
    );
    let b = annotator(
        "b",
        NEWS,
        vec![doc("1", t, &[("Kabul", "GPE"), ("Herat", "GPE")])],
    );
    let c = annotator("c", NEWS, vec![doc("1", t, &[("Kabul", "GPE")])]);
    let adj = Adjudication::new(&Team::new(vec![a, b, c]).unwrap(), Settings::default());
    assert_eq!(texts(&adj), vec!["Herat"]);
    let (_, item, _) = adj.item(0).unwrap();
    assert_eq!(item.holders(&[span(10, 15, "GPE")]), vec![0, 1]);
}
