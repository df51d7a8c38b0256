//! Events and relations through an adjudication: what every annotator has reaches the gold
//! document with its spans, what they differ on is counted and said, and undo takes it back.

mod workspace_support;

use spanmark_core::formats::{export, ExportOptions, Format, InputFile};
use spanmark_core::links::{Event, Links, Relation};
use spanmark_core::review::{Adjudication, Settings, Team};
use spanmark_core::workspace::{Command, ReviewCommand as R};
use spanmark_core::{Document, Schema, Span};
use workspace_support::Desk;

const TEXT: &str = "Gunmen from the BLA attacked a bus in Quetta, Balochistan, on Monday.";

/// (start, end) in code points of the first `needle`.
fn at(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn span(needle: &str, label: &str) -> Span {
    let (s, e) = at(needle);
    Span::manual(s, e, label)
}

/// One annotator's document: BLA, Quetta (labelled `quetta`), Balochistan and Monday; an ATTACK with its
/// perpetrator, place and time; and, for the second annotator, one relation more.
fn annotated(id: &str, quetta: &str, extra_relation: bool) -> Document {
    let mut d = Document::new(id, "Quetta attack", TEXT);
    d.set_spans(vec![
        span("BLA", "ORG"),
        span("Quetta", quetta),
        span("Balochistan", "GPE"),
        span("Monday", "DATE"),
    ]);
    let (ts, te) = at("attacked");
    let (bla, quetta, monday) = (at("BLA"), at("Quetta"), at("Monday"));
    let event = Event::manual("ATTACK", ts, te)
        .with("perpetrator", bla.0, bla.1)
        .with("place", quetta.0, quetta.1)
        .with("time", monday.0, monday.1);
    let mut relations = Vec::new();
    if extra_relation {
        relations.push(Relation::manual("located_in", quetta, at("Balochistan")));
    }
    d.set_links(Links {
        events: vec![event],
        relations,
    });
    d
}

/// The Spanmark JSON export of one document.
fn exported(doc: Document) -> Vec<u8> {
    let out = export(
        Format::Spanmark,
        &[doc],
        &Schema::news(),
        &ExportOptions::default(),
    )
    .unwrap();
    out.files[0].bytes.clone()
}

fn file(name: &str, doc: Document) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: exported(doc),
    }
}

fn started() -> Desk {
    let mut desk = Desk::with_text("Our own article.");
    let files = vec![
        file("ayesha.json", annotated("a", "GPE", false)),
        file("bilal.json", annotated("b", "LOC", true)),
    ];
    desk.try_run(Command::Review(R::Load(files))).unwrap();
    desk.try_run(Command::Review(R::Start)).unwrap();
    desk
}

fn gold_links(desk: &Desk) -> Links {
    let id = &desk.ws.review().gold[0];
    desk.ws.document(id).unwrap().links().clone()
}

fn roles(links: &Links) -> Vec<String> {
    links.events[0]
        .args
        .iter()
        .map(|a| a.role.clone())
        .collect()
}

#[test]
fn agreed_event_starts_with_the_arguments_whose_spans_are_agreed() {
    let desk = started();
    let links = gold_links(&desk);
    assert_eq!(links.events.len(), 1);
    assert_eq!(links.events[0].kind, "ATTACK");
    // Quetta is labelled two ways, so its span (and the place argument) waits for a choice
    assert_eq!(roles(&links), ["perpetrator", "time"]);
    assert!(links.relations.is_empty(), "only bilal had the relation");
    let adj = desk.ws.review().adjudication.as_ref().unwrap();
    assert_eq!(adj.gold(0).unwrap().links_differ, 1);
    let said = desk
        .last
        .notice()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains(
            "1 event, event argument or relation only some annotators made is not in them"
        ),
        "{said}"
    );
}

#[test]
fn the_place_arrives_with_its_span_and_undo_takes_both_back() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap(); // bilal's LOC for Quetta
    assert_eq!(roles(&gold_links(&desk)), ["perpetrator", "place", "time"]);
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(roles(&gold_links(&desk)), ["perpetrator", "time"]);
    desk.try_run(Command::Review(R::Neither)).unwrap(); // no span for Quetta
    assert_eq!(roles(&gold_links(&desk)), ["perpetrator", "time"]);
}

#[test]
fn the_gold_export_carries_the_agreed_event() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(0))).unwrap();
    let id = desk.ws.review().gold[0].clone();
    let doc = desk.ws.document(&id).unwrap().clone();
    let json: serde_json::Value = serde_json::from_slice(&exported(doc)).unwrap();
    let events = &json["documents"][0]["events"];
    assert_eq!(events.as_array().map(|a| a.len()), Some(1), "{json}");
    assert_eq!(events[0]["args"].as_array().map(|a| a.len()), Some(3));
}

#[test]
fn a_review_file_keeps_the_agreed_links() {
    let docs = [annotated("a", "GPE", false), annotated("b", "LOC", true)];
    let team = Team::new(vec![
        annotator("ayesha", docs[0].clone()),
        annotator("bilal", docs[1].clone()),
    ])
    .unwrap();
    let adj = Adjudication::new(&team, Settings::default());
    let back = Adjudication::from_json("r.json", &adj.to_json()).unwrap();
    assert_eq!(back.cases[0].links, adj.cases[0].links);
    assert_eq!(back.cases[0].links.differ, 1);
    // a review file written before links were kept still opens, with none
    let mut old: serde_json::Value = serde_json::from_str(&adj.to_json()).unwrap();
    old["cases"][0].as_object_mut().unwrap().remove("links");
    let back = Adjudication::from_json("old.json", &old.to_string()).unwrap();
    assert!(back.cases[0].links.links.is_empty());
    // a trigger moved past the end of the text by hand is refused with a sentence
    let mut bad: serde_json::Value = serde_json::from_str(&adj.to_json()).unwrap();
    bad["cases"][0]["links"]["agreed"]["events"][0]["end"] = serde_json::json!(999);
    let err = Adjudication::from_json("bad.json", &bad.to_string()).unwrap_err();
    let err = err.to_string();
    assert!(err.contains("bad.json") && err.contains("trigger"), "{err}");
}

fn annotator(name: &str, doc: Document) -> spanmark_core::review::Annotator {
    spanmark_core::review::Annotator {
        name: name.into(),
        file: format!("{name}.json"),
        documents: vec![doc],
        labels: ["ORG", "GPE", "LOC", "DATE"].map(String::from).to_vec(),
        warnings: Vec::new(),
    }
}
