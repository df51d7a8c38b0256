//! The review commands of the workspace, as the page sends them: loading annotators' files
//! (all or none), agreement, the adjudication into a gold document, undo, and reloading.

mod review_support;
mod workspace_support;

use review_support::{spanmark_file, FileDoc, NEWS, TEXT};
use spanmark_core::formats::InputFile;
use spanmark_core::persist::blob_key;
use spanmark_core::review::{Agreement, Source, Team};
use spanmark_core::workspace::{Command, Effect, ReviewCommand as R, REVIEW_BLOB};
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

fn files() -> Vec<InputFile> {
    vec![
        spanmark_file("ayesha.json", NEWS, &[A]),
        spanmark_file("bilal.spanmark.json", NEWS, &[B]),
    ]
}

/// A desk with one document of its own and the two annotators loaded.
fn loaded() -> Desk {
    let mut desk = Desk::with_text("Our own article about Karachi.");
    desk.try_run(Command::Review(R::Load(files()))).unwrap();
    desk
}

fn started() -> Desk {
    let mut desk = loaded();
    desk.try_run(Command::Review(R::Start)).unwrap();
    desk
}

fn review(desk: &Desk, f: impl FnOnce(&spanmark_core::workspace::Review) -> String) -> String {
    f(desk.ws.review())
}

/// The gold document's spans as (text, label).
fn gold(desk: &Desk) -> Vec<(String, String)> {
    let id = &desk.ws.review().gold[0];
    let d = desk.ws.document(id).unwrap();
    d.spans()
        .iter()
        .map(|s| (d.slice(s.start, s.end).to_string(), s.label.clone()))
        .collect()
}

fn gold_undo_len(desk: &Desk) -> usize {
    let id = &desk.ws.review().gold[0];
    desk.ws.history(id).map_or(0, |h| h.undo_len())
}

/// The text of the disagreement shown.
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

/// The review blob the page would write after the last command (it asks the review for it).
fn saved_blob(desk: &Desk) -> Option<String> {
    let asked = desk.last.effects.contains(&Effect::SaveReview);
    asked.then(|| desk.ws.review().to_blob())
}

#[test]
fn loading_names_annotators_after_files_and_measures_agreement() {
    let desk = loaded();
    let r = desk.ws.review();
    let team = r.team.as_ref().unwrap();
    let names: Vec<_> = team.annotators.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["ayesha", "bilal"]);
    assert_eq!(team.groups().len(), 1, "paired by text, whatever the ids");
    let expected = Agreement::of(&Team::new(team.annotators.clone()).unwrap());
    assert_eq!(r.agreement.as_ref().unwrap(), &expected);
    let pair = &expected.pairs[0];
    // 1 exact match of 4 + 4 spans
    assert!((pair.spans.overall.f1_strict() - 25.0).abs() < 1e-9);
    assert_eq!(desk.ws.documents().len(), 1, "loading adds no document");
}

#[test]
fn a_bad_file_refuses_all_and_changes_nothing() {
    let mut desk = loaded();
    let before = desk.ws.review().team.clone();
    let mut bad = files();
    bad.push(InputFile {
        name: "notes.json".into(),
        bytes: b"{\"hello\": 1}".to_vec(),
    });
    let err = desk.try_run(Command::Review(R::Load(bad))).unwrap_err();
    assert!(err.contains("notes.json"), "{err}");
    assert_eq!(
        desk.ws.review().team,
        before,
        "the team loaded before stays"
    );
    let one = vec![files().remove(0)];
    let err = desk.try_run(Command::Review(R::Load(one))).unwrap_err();
    assert!(err.contains("at least two annotators"), "{err}");
    assert_eq!(desk.ws.documents().len(), 1);
}

#[test]
fn rename_and_pair_selection() {
    let mut desk = loaded();
    desk.try_run(Command::Review(R::Rename {
        annotator: 1,
        name: " Bilal K ".into(),
    }))
    .unwrap();
    assert_eq!(
        review(&desk, |r| r.team.as_ref().unwrap().name(1).into()),
        "Bilal K"
    );
    let err = desk
        .try_run(Command::Review(R::Rename {
            annotator: 1,
            name: "ayesha".into(),
        }))
        .unwrap_err();
    assert!(
        err.contains("already an annotator called “ayesha”"),
        "{err}"
    );
    desk.try_run(Command::Review(R::SelectPair(5))).unwrap();
    assert_eq!(desk.ws.review().pair, 0, "there is only one pair");
}

#[test]
fn start_adds_a_gold_document_with_the_agreed_span() {
    let desk = started();
    assert_eq!(desk.ws.documents().len(), 2);
    let id = desk.ws.review().gold[0].clone();
    let doc = desk.ws.document(&id).unwrap();
    assert_eq!(doc.title, "Lahore meeting (gold)");
    assert_eq!(gold(&desk), [("Imran Khan".into(), "PERSON".into())]);
    let saved = desk.last.saved().unwrap();
    assert!(saved.documents.contains(&id) && saved.order);
    assert!(saved_blob(&desk).is_some(), "the review state is saved");
    assert_eq!(shown(&desk), "met");
    assert_eq!(desk.ws.review().adjudication.as_ref().unwrap().len(), 4);
}

#[test]
fn without_accepting_agreed_spans_they_are_asked_too() {
    let mut desk = loaded();
    desk.try_run(Command::Review(R::AcceptAgreed(false)))
        .unwrap();
    desk.try_run(Command::Review(R::Start)).unwrap();
    assert!(gold(&desk).is_empty());
    assert_eq!(shown(&desk), "Imran Khan");
    assert_eq!(desk.ws.review().adjudication.as_ref().unwrap().len(), 5);
}

#[test]
fn each_choice_is_one_gold_step_with_provenance() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap(); // met: bilal's ORG
    assert_eq!(gold_undo_len(&desk), 1);
    assert_eq!(shown(&desk), "Shehbaz Sharif");
    let err = desk.try_run(Command::Review(R::Both)).unwrap_err();
    assert!(err.contains("overlap"), "{err}");
    assert_eq!(gold_undo_len(&desk), 1, "a refused choice records nothing");
    desk.try_run(Command::Review(R::Take(0))).unwrap(); // ayesha's Shehbaz Sharif
    desk.try_run(Command::Review(R::Neither)).unwrap(); // Lahore: no span
    assert_eq!(shown(&desk), "Monday");
    // “neither” where the gold document has no span yet changes no span: no step recorded
    assert_eq!(gold_undo_len(&desk), 2);
    desk.try_run(Command::Review(R::Both)).unwrap(); // Monday: only ayesha had it
    assert_eq!(gold_undo_len(&desk), 3);
    let g: Vec<_> = gold(&desk);
    let want: Vec<(String, String)> = [
        ("Imran Khan", "PERSON"),
        ("met", "ORG"),
        ("Shehbaz Sharif", "PERSON"),
        ("Monday", "DATE"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(g, want);
    let adj = desk.ws.review().adjudication.as_ref().unwrap();
    assert_eq!(adj.remaining(), 0);
    let prov = adj.gold(0).unwrap().provenance;
    let met = prov.iter().find(|p| p.span.start == 11).unwrap();
    assert_eq!(met.had, ["bilal"]);
    assert_eq!(
        met.source,
        Source::Taken {
            annotator: "bilal".into()
        }
    );
    assert!(met.at.is_some());
    assert_eq!(prov[0].source, Source::Agreed);
}

#[test]
fn undo_takes_back_one_choice_of_the_gold_document() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap();
    desk.try_run(Command::Review(R::Take(0))).unwrap();
    assert_eq!(gold(&desk).len(), 3);
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(gold(&desk).len(), 2, "Shehbaz Sharif is gone again");
    assert_eq!(
        gold_undo_len(&desk),
        1,
        "the gold document's own step was taken back"
    );
    assert_eq!(
        shown(&desk),
        "Shehbaz Sharif",
        "the undone disagreement is shown"
    );
    desk.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(gold(&desk).len(), 1);
    let err = desk.try_run(Command::Review(R::Undo)).unwrap_err();
    assert_eq!(err, "nothing to undo");
}

#[test]
fn next_and_previous_move_through_every_disagreement() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Next)).unwrap();
    assert_eq!(shown(&desk), "Shehbaz Sharif");
    desk.try_run(Command::Review(R::Next)).unwrap();
    desk.try_run(Command::Review(R::Next)).unwrap();
    assert_eq!(shown(&desk), "Monday");
    desk.try_run(Command::Review(R::Next)).unwrap();
    assert_eq!(shown(&desk), "Monday", "no wrap at the end");
    desk.try_run(Command::Review(R::Prev)).unwrap();
    assert_eq!(shown(&desk), "Lahore");
    desk.try_run(Command::Review(R::Go(0))).unwrap();
    assert_eq!(shown(&desk), "met");
    desk.try_run(Command::Review(R::Go(9))).unwrap();
    assert_eq!(shown(&desk), "met", "no such disagreement: stays");
}

#[test]
fn moving_says_only_that_the_shown_disagreement_moved() {
    let mut desk = started();
    let change = desk.run(Command::Review(R::Next)).change.clone();
    assert!(change.review_position, "n moved the shown disagreement");
    assert!(!change.review, "n changed nothing else of the review");
    assert!(
        desk.last
            .effects
            .iter()
            .any(|e| matches!(e, Effect::SaveReview)),
        "the position is saved"
    );
    desk.try_run(Command::Review(R::Go(3))).unwrap();
    let change = desk.run(Command::Review(R::Next)).change.clone();
    assert!(
        !change.review && !change.review_position,
        "n at the last disagreement moves nothing"
    );
    let change = desk.run(Command::Review(R::Take(0))).change.clone();
    assert!(change.review, "a choice changes the decisions");
}

#[test]
fn a_reload_mid_way_carries_on() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap();
    desk.try_run(Command::Review(R::Take(0))).unwrap();
    let blob = saved_blob(&desk).unwrap();
    let documents: Vec<Document> = desk.ws.documents().to_vec();
    // a new page: documents from storage, then the review blob; no team loaded
    let mut page = Desk::new();
    page.run(Command::Restore {
        documents,
        schema: desk.ws.schema().clone(),
        current: None,
    });
    page.try_run(Command::Review(R::Restore(blob))).unwrap();
    assert_eq!(shown(&page), "Lahore");
    assert_eq!(gold(&page), gold(&desk));
    page.try_run(Command::Review(R::Neither)).unwrap();
    page.try_run(Command::Review(R::Take(0))).unwrap();
    assert_eq!(gold(&page).last().unwrap().0, "Monday");
    // the undo steps came back too: the choice before the reload can be undone
    page.try_run(Command::Review(R::Undo)).unwrap();
    page.try_run(Command::Review(R::Undo)).unwrap();
    page.try_run(Command::Review(R::Undo)).unwrap();
    assert_eq!(
        gold(&page).len(),
        2,
        "Shehbaz Sharif undone after the reload"
    );
}

/// Moves are saved too: the page serializes the review when it writes (after a run of
/// presses), so the blob written then restores the last position shown.
#[test]
fn a_run_of_moves_is_saved_as_where_it_stands() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap();
    let asks = |desk: &Desk| {
        let saves = desk.last.effects.iter();
        saves.filter(|e| **e == Effect::SaveReview).count()
    };
    assert_eq!(asks(&desk), 1, "a choice asks for one write");
    for c in [R::Next, R::Next, R::Prev] {
        desk.try_run(Command::Review(c)).unwrap();
        assert_eq!(asks(&desk), 1, "each move asks for a write");
    }
    let at = shown(&desk);
    assert_eq!(
        at, "Lahore",
        "Shehbaz Sharif after the choice; two forward, one back"
    );
    let mut page = Desk::new();
    page.run(Command::Restore {
        documents: desk.ws.documents().to_vec(),
        schema: desk.ws.schema().clone(),
        current: None,
    });
    page.try_run(Command::Review(R::Restore(saved_blob(&desk).unwrap())))
        .unwrap();
    assert_eq!(shown(&page), at);
    assert_eq!(gold(&page), gold(&desk));
}

#[test]
fn a_bad_saved_review_says_so_and_changes_nothing() {
    let mut desk = started();
    let before = desk.ws.review().gold.clone();
    let err = desk
        .try_run(Command::Review(R::Restore("{\"format\": \"x\"".into())))
        .unwrap_err();
    assert!(
        err.starts_with("The saved review could not be read"),
        "{err}"
    );
    assert_eq!(desk.ws.review().gold, before);
    assert!(desk.ws.review().adjudication.is_some());
}

#[test]
fn e_opens_the_gold_document_and_an_edit_there_is_recorded_as_edited() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Next)).unwrap(); // Shehbaz Sharif
    desk.try_run(Command::Review(R::Edit)).unwrap();
    let id = desk.ws.review().gold[0].clone();
    assert_eq!(desk.ws.current_id(), Some(id.as_str()));
    assert!(!desk.ws.review().open);
    assert_eq!(desk.ws.selection().pending, Some((15, 29)));
    desk.try_run(Command::ApplyLabel("ORG".into())).unwrap();
    let adj = desk.ws.review().adjudication.as_ref().unwrap();
    let prov = adj.gold(0).unwrap().provenance;
    let edited = prov.iter().find(|p| p.span.start == 15).unwrap();
    assert_eq!(edited.source, Source::Edited);
    assert_eq!(edited.span.label, "ORG");
    assert_eq!(adj.remaining(), 3);
}

#[test]
fn finish_keeps_the_gold_documents() {
    let mut desk = started();
    desk.try_run(Command::Review(R::Take(1))).unwrap();
    desk.try_run(Command::Review(R::Finish)).unwrap();
    assert!(desk.ws.review().adjudication.is_none());
    assert_eq!(desk.ws.documents().len(), 2);
    let err = desk.try_run(Command::Review(R::Take(0))).unwrap_err();
    assert_eq!(err, "Start the adjudication first.");
}

#[test]
fn the_review_is_kept_under_its_own_storage_key() {
    assert_eq!(blob_key(REVIEW_BLOB), "spanmark/1/blob/review");
}
