//! The team review kept across a reload and carried into exports: the saved team and its
//! agreement, an adjudication resumed on it, provenance per gold span in Spanmark JSON and in
//! storage records, and review files opened in the page.

mod review_support;
mod workspace_support;

use review_support::{spanmark_file, FileDoc, NEWS, TEXT};
use spanmark_core::formats::{self, ExportOptions, Format, InputFile, SpanChoice};
use spanmark_core::persist::{blob_key, decode_document, encode_document};
use spanmark_core::review::{Adjudication, Choice, Source, Team};
use spanmark_core::workspace::{
    Command, Effect, ReviewCommand as R, REVIEW_BLOB, REVIEW_TEAM_BLOB,
};
use spanmark_core::Document;
use workspace_support::Desk;

// TEXT = "Imran Khan met Shehbaz Sharif in Lahore on Monday."
const A: FileDoc = (
    "a1",
    "Lahore meeting",
    TEXT,
    &[
        (0, 10, "PERSON"),
        (15, 29, "PERSON"),
        (33, 39, "GPE"),
        (43, 49, "DATE"),
    ],
);
const B: FileDoc = (
    "b7",
    "Meeting",
    TEXT,
    &[
        (0, 10, "PERSON"),
        (11, 14, "ORG"),
        (23, 29, "PERSON"),
        (33, 39, "LOC"),
    ],
);
const OTHER: FileDoc = (
    "o1",
    "Other",
    "Nawaz Sharif spoke in Karachi.",
    &[(0, 12, "PERSON")],
);

fn files() -> Vec<InputFile> {
    vec![
        spanmark_file("ayesha.json", NEWS, &[A]),
        spanmark_file("bilal.json", NEWS, &[B]),
    ]
}

/// The same two annotators with their article followed by ~210 KB of unannotated text: an
/// adjudication too large to save whole.
fn large_files() -> Vec<InputFile> {
    let long: &'static str =
        Box::leak(format!("{TEXT}{}", " Nothing happened.".repeat(12_000)).into_boxed_str());
    let a: FileDoc = (A.0, A.1, long, A.3);
    let b: FileDoc = (B.0, B.1, long, B.3);
    // "format" first: the format is guessed from the first 4 KB (json! sorts keys)
    let format_first = |f: InputFile| {
        let mut v: serde_json::Value = serde_json::from_slice(&f.bytes).unwrap();
        v.as_object_mut().unwrap().remove("format");
        let rest = serde_json::to_string(&v).unwrap();
        InputFile {
            name: f.name,
            bytes: format!("{{\"format\": \"spanmark/1\", {}", &rest[1..]).into_bytes(),
        }
    };
    vec![
        format_first(spanmark_file("ayesha.json", NEWS, &[a])),
        format_first(spanmark_file("bilal.json", NEWS, &[b])),
    ]
}

/// The last string each blob was saved as, over every command run so far.
#[derive(Default)]
struct Saved {
    team: Option<String>,
    review: Option<String>,
}

impl Saved {
    fn note(&mut self, desk: &Desk) {
        for e in &desk.last.effects {
            match e {
                // the page serializes each blob when it writes it (here: after every command)
                Effect::SaveReviewTeam => self.team = desk.ws.review().team_blob(),
                Effect::SaveReview => self.review = Some(desk.ws.review().to_blob()),
                _ => {}
            }
        }
    }
}

fn run(desk: &mut Desk, saved: &mut Saved, c: R) {
    desk.try_run(Command::Review(c)).unwrap();
    saved.note(desk);
}

/// A new page: the stored documents, then the team blob, then the review blob.
fn reload(desk: &Desk, saved: &Saved) -> (Desk, Vec<String>) {
    let mut page = Desk::new();
    page.run(Command::Restore {
        documents: desk.ws.documents().to_vec(),
        schema: desk.ws.schema().clone(),
        current: None,
    });
    let mut errors = Vec::new();
    if let Some(raw) = &saved.team {
        errors.extend(
            page.try_run(Command::Review(R::RestoreTeam(raw.clone())))
                .err(),
        );
    }
    if let Some(raw) = &saved.review {
        errors.extend(page.try_run(Command::Review(R::Restore(raw.clone()))).err());
    }
    (page, errors)
}

fn shown(desk: &Desk) -> String {
    let r = desk.ws.review();
    let adj = r.adjudication.as_ref().unwrap();
    let (case, item, _) = adj.item(r.position.unwrap()).unwrap();
    case.text
        .chars()
        .skip(item.start)
        .take(item.end - item.start)
        .collect()
}

fn gold(desk: &Desk) -> &Document {
    desk.ws.document(&desk.ws.review().gold[0]).unwrap()
}

#[test]
fn the_team_is_saved_on_load_and_rename_and_comes_back_with_its_agreement() {
    let mut desk = Desk::new();
    let mut saved = Saved::default();
    run(&mut desk, &mut saved, R::Load(files()));
    assert!(saved.team.is_some(), "loading saves the team");
    run(
        &mut desk,
        &mut saved,
        R::Rename {
            annotator: 1,
            name: "Bilal".into(),
        },
    );
    let (page, errors) = reload(&desk, &saved);
    assert_eq!(errors, Vec::<String>::new());
    let r = page.ws.review();
    let team = r.team.as_ref().unwrap();
    let names: Vec<_> = team.annotators.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["ayesha", "Bilal"], "the rename was saved");
    assert_eq!(team, desk.ws.review().team.as_ref().unwrap());
    assert_eq!(
        r.agreement,
        desk.ws.review().agreement,
        "agreement recomputed the same"
    );
    // one text, written once though both annotators have it
    let raw = saved.team.unwrap();
    assert_eq!(raw.matches("Imran Khan met").count(), 1, "{raw}");
    assert_eq!(blob_key(REVIEW_TEAM_BLOB), "spanmark/1/blob/review/team");
    assert_eq!(blob_key(REVIEW_BLOB), "spanmark/1/blob/review");
}

#[test]
fn a_reload_half_way_brings_back_team_agreement_position_and_undo() {
    let mut desk = Desk::new();
    let mut saved = Saved::default();
    run(&mut desk, &mut saved, R::Load(large_files()));
    run(&mut desk, &mut saved, R::Start);
    run(&mut desk, &mut saved, R::Take(1)); // met → bilal's ORG
    run(&mut desk, &mut saved, R::Take(0)); // Shehbaz Sharif → ayesha's
    assert_eq!(shown(&desk), "Lahore");
    let review = saved.review.clone().unwrap();
    assert!(
        review.contains("\"progress\""),
        "made on the saved team: decisions only"
    );
    assert!(
        !review.contains("Imran Khan met"),
        "no text in the progress blob: {review}"
    );
    let (mut page, errors) = reload(&desk, &saved);
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(shown(&page), "Lahore");
    assert!(page.ws.review().team.is_some() && page.ws.review().agreement.is_some());
    assert_eq!(gold(&page).spans(), gold(&desk).spans());
    page.try_run(Command::Review(R::Neither)).unwrap();
    page.try_run(Command::Review(R::Take(0))).unwrap();
    let adj = page.ws.review().adjudication.as_ref().unwrap();
    assert_eq!(adj.remaining(), 0, "finished after the reload");
    // the choices before the reload can still be undone
    for _ in 0..3 {
        page.try_run(Command::Review(R::Undo)).unwrap();
    }
    assert_eq!(shown(&page), "Shehbaz Sharif");
}

#[test]
fn a_small_adjudication_is_saved_whole_and_carries_on_without_the_team() {
    let mut desk = Desk::new();
    let mut saved = Saved::default();
    run(&mut desk, &mut saved, R::Load(files()));
    run(&mut desk, &mut saved, R::Start);
    run(&mut desk, &mut saved, R::Take(1));
    assert!(saved
        .review
        .as_ref()
        .unwrap()
        .contains("\"adjudication\":{"));
    saved.team = None; // say the team could not be saved (storage full)
    let (page, errors) = reload(&desk, &saved);
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(shown(&page), "Shehbaz Sharif");
}

#[test]
fn a_team_loaded_during_an_adjudication_saves_it_whole() {
    let mut desk = Desk::new();
    let mut saved = Saved::default();
    run(&mut desk, &mut saved, R::Load(files()));
    run(&mut desk, &mut saved, R::Start);
    run(&mut desk, &mut saved, R::Take(1));
    let other = vec![
        spanmark_file("carol.json", NEWS, &[OTHER]),
        spanmark_file("dan.json", NEWS, &[OTHER]),
    ];
    run(&mut desk, &mut saved, R::Load(other));
    let review = saved.review.clone().unwrap();
    assert!(review.contains("\"adjudication\":{"), "{review}");
    let (page, errors) = reload(&desk, &saved);
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(shown(&page), "Shehbaz Sharif");
    assert_eq!(
        page.ws.review().team.as_ref().unwrap().annotators[0].name,
        "carol"
    );
}

#[test]
fn a_corrupt_team_is_said_and_the_documents_stay() {
    let mut desk = Desk::new();
    let mut saved = Saved::default();
    run(&mut desk, &mut saved, R::Load(large_files()));
    run(&mut desk, &mut saved, R::Start);
    saved.team = Some("{\"format\": \"spanmark-review-team\", \"version\": 1, \"texts\": [], \"annotators\": [{\"name\": \"x\", \"file\": \"x\", \"labels\": [], \"documents\": [{\"v\": 2, \"id\": \"d\", \"xt\": 4}]}]}".into());
    let (page, errors) = reload(&desk, &saved);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("The saved team review could not be read: the saved team: this is not a Spanmark review file: x's document 1: its text is missing"), "{}", errors[0]);
    assert!(
        errors[1].contains("which could not be read back; load them again"),
        "{}",
        errors[1]
    );
    assert_eq!(
        page.ws.documents().len(),
        1,
        "the gold document is still there"
    );
    assert!(page.ws.review().team.is_none());
}

#[test]
fn progress_refuses_a_team_with_other_documents() {
    let team = |files: Vec<InputFile>| {
        Team::new(
            files
                .iter()
                .map(|f| spanmark_core::review::load_annotator(f).unwrap())
                .collect(),
        )
        .unwrap()
    };
    let mut adj = Adjudication::new(&team(files()), Default::default());
    adj.decide(0, Choice::Take { annotator: 1 }, 5.0).unwrap();
    let progress = adj.progress();
    let back = Adjudication::resume(&team(files()), progress.clone()).unwrap();
    assert_eq!(back, adj);
    let other = team(vec![
        spanmark_file("carol.json", NEWS, &[OTHER]),
        spanmark_file("dan.json", NEWS, &[OTHER]),
    ]);
    let err = Adjudication::resume(&other, progress)
        .unwrap_err()
        .to_string();
    assert!(err.contains("are not the ones it was made on"), "{err}");
}

/// The started desk with every disagreement decided one way or another.
fn decided() -> Desk {
    let mut desk = Desk::new();
    desk.try_run(Command::Review(R::Load(files()))).unwrap();
    desk.try_run(Command::Review(R::Start)).unwrap();
    for c in [R::Take(1), R::Take(0), R::Take(0), R::Neither] {
        desk.try_run(Command::Review(c)).unwrap();
    }
    desk
}

#[test]
fn gold_spans_carry_provenance_into_storage_and_spanmark_json_and_back() {
    let desk = decided();
    let doc = gold(&desk);
    let provenance: Vec<_> = doc.provenance().cloned().collect();
    let sources: Vec<(String, Source)> = provenance
        .iter()
        .map(|p| {
            (
                doc.slice(p.span.start, p.span.end).to_string(),
                p.source.clone(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("Imran Khan".into(), Source::Agreed),
            (
                "met".into(),
                Source::Taken {
                    annotator: "bilal".into()
                }
            ),
            (
                "Shehbaz Sharif".into(),
                Source::Taken {
                    annotator: "ayesha".into()
                }
            ),
            (
                "Lahore".into(),
                Source::Taken {
                    annotator: "ayesha".into()
                }
            ),
        ]
    );
    assert_eq!(provenance[0].had, ["ayesha", "bilal"]);
    assert_eq!(provenance[1].had, ["bilal"]);
    assert!(provenance[1].at.is_some() && provenance[0].at.is_none());

    // storage record
    let back = decode_document(&encode_document(doc).unwrap(), Some(&doc.id)).unwrap();
    assert_eq!(back.provenance().cloned().collect::<Vec<_>>(), provenance);

    // Spanmark JSON: a "review" field per span, read back on import
    let options = ExportOptions {
        spans: SpanChoice::AcceptedOnly,
        ..ExportOptions::default()
    };
    let export = formats::export(
        Format::Spanmark,
        std::slice::from_ref(doc),
        desk.ws.schema(),
        &options,
    )
    .unwrap();
    let bytes = &export.files[0].bytes;
    let json: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let met = &json["documents"][0]["spans"][1];
    assert_eq!(met["review"]["source"], "taken");
    assert_eq!(met["review"]["chosen"], "bilal");
    assert_eq!(met["review"]["had"], serde_json::json!(["bilal"]));
    assert!(met["review"]["at"].is_number());
    assert!(json["documents"][0]["spans"][0]["review"]["at"].is_null());
    let imported = formats::import(Format::Spanmark, "gold.json", bytes).unwrap();
    assert_eq!(
        imported.documents[0]
            .provenance()
            .cloned()
            .collect::<Vec<_>>(),
        provenance
    );

    // other formats have nowhere to put it
    let spacy = formats::export(
        Format::Spacy,
        std::slice::from_ref(doc),
        desk.ws.schema(),
        &options,
    )
    .unwrap();
    assert!(!String::from_utf8_lossy(&spacy.files[0].bytes).contains("bilal"));
}

#[test]
fn an_edit_after_the_adjudication_drops_that_spans_provenance() {
    let desk = decided();
    let mut doc = gold(&desk).clone();
    let spans: Vec<_> = doc
        .spans()
        .iter()
        .filter(|s| s.start != 11)
        .cloned()
        .collect();
    doc.set_spans(spans);
    assert_eq!(doc.provenance().count(), 3, "“met” was removed");
    let raw = encode_document(&doc).unwrap();
    assert!(
        raw.contains("\"pv\":") && !raw.contains("\"annotator\":\"bilal\""),
        "{raw}"
    );
}

#[test]
fn a_bad_review_field_is_refused_with_a_sentence() {
    let desk = decided();
    let options = ExportOptions::default();
    let export = formats::export(
        Format::Spanmark,
        &[gold(&desk).clone()],
        desk.ws.schema(),
        &options,
    )
    .unwrap();
    let raw = String::from_utf8(export.files[0].bytes.clone()).unwrap();
    let bad = raw.replacen("\"source\": \"taken\"", "\"source\": \"oracle\"", 1);
    let err = formats::import(Format::Spanmark, "gold.json", bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("gold.json") && err.contains("\"source\": \"oracle\""),
        "{err}"
    );
    let bad = raw.replacen("\"chosen\": \"bilal\",", "", 1);
    let err = formats::import(Format::Spanmark, "gold.json", bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("span 2: its \"review\" says \"taken\" but has no \"chosen\""),
        "{err}"
    );
}

#[test]
fn a_review_file_opens_in_the_page_and_carries_on() {
    // the file `spanmark adjudicate --prefer bilal` would write, one decision made
    let desk = {
        let mut d = Desk::new();
        d.try_run(Command::Review(R::Load(files()))).unwrap();
        d
    };
    let mut adj = Adjudication::new(desk.ws.review().team.as_ref().unwrap(), Default::default());
    adj.decide(0, Choice::Take { annotator: 1 }, 5.0).unwrap();
    let file = InputFile {
        name: "gold.review.json".into(),
        bytes: adj.to_json().into_bytes(),
    };
    let mut page = Desk::new();
    page.try_run(Command::Review(R::Open(file.clone())))
        .unwrap();
    assert_eq!(
        page.ws.documents().len(),
        1,
        "its gold document joins the list"
    );
    assert_eq!(shown(&page), "Shehbaz Sharif", "the first undecided one");
    let met = gold(&page)
        .provenance()
        .find(|p| p.span.start == 11)
        .unwrap()
        .clone();
    assert_eq!(
        met.source,
        Source::Taken {
            annotator: "bilal".into()
        }
    );
    // the page's own download reads back the same (both directions)
    page.try_run(Command::Review(R::Take(0))).unwrap();
    let again = page.ws.review().adjudication.as_ref().unwrap().to_json();
    let back = Adjudication::from_json("gold.review.json", &again).unwrap();
    assert_eq!(&back, page.ws.review().adjudication.as_ref().unwrap());
    // refused while one runs, and a file that is not one says so
    let err = page.try_run(Command::Review(R::Open(file))).unwrap_err();
    assert!(err.contains("finish it before opening"), "{err}");
    let mut fresh = Desk::new();
    let bad = InputFile {
        name: "notes.json".into(),
        bytes: b"{}".to_vec(),
    };
    let err = fresh.try_run(Command::Review(R::Open(bad))).unwrap_err();
    assert!(
        err.starts_with("notes.json: this is not a Spanmark review file"),
        "{err}"
    );
    assert!(fresh.ws.documents().is_empty());
}

#[test]
fn the_gold_document_is_done_once_every_disagreement_is_decided() {
    let mut desk = decided();
    assert_eq!(gold(&desk).status, spanmark_core::DocStatus::Done);
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(
        gold(&desk).status,
        spanmark_core::DocStatus::Open,
        "one undecided again"
    );
}
