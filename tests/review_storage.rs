//! wasm-bindgen tests of the review storage glue in headless Chromium: the team and the
//! adjudication saved to real localStorage come back in a new store; a corrupt record is said.

mod storage_support;

use spanmark::storage::{restore_commands, review_blob_now, save_review_blob, Snapshot, Store};
use spanmark_core::formats::InputFile;
use spanmark_core::persist::blob_key;
use spanmark_core::workspace::{
    Command, Ctx, Effect, ReviewCommand as R, Update, Workspace, REVIEW_BLOB, REVIEW_TEAM_BLOB,
};
use spanmark_core::Schema;
use wasm_bindgen_test::*;

use storage_support::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Imran Khan met Shehbaz Sharif in Lahore on Monday.";

fn export(name: &str, spans: &[(usize, usize, &str)]) -> InputFile {
    let spans: Vec<String> = spans
        .iter()
        .map(|(s, e, l)| format!("{{\"start\": {s}, \"end\": {e}, \"label\": \"{l}\"}}"))
        .collect();
    let raw = format!(
        "{{\"format\": \"spanmark/2\", \"documents\": [{{\"id\": \"{name}1\", \"title\": \"Lahore\", \"text\": \"{TEXT}\", \"spans\": [{}]}}]}}",
        spans.join(", ")
    );
    InputFile {
        name: format!("{name}.json"),
        bytes: raw.into_bytes(),
    }
}

fn team() -> Vec<InputFile> {
    vec![
        export(
            "ayesha",
            &[(0, 10, "PERSON"), (15, 29, "PERSON"), (33, 39, "GPE")],
        ),
        export(
            "bilal",
            &[(0, 10, "PERSON"), (23, 29, "PERSON"), (33, 39, "LOC")],
        ),
    ]
}

/// Run a command as the page does and save what it asks to (the page's save glue).
fn run(ws: &mut Workspace, store: &Store, command: R) -> Update {
    let up = ws.update(
        Command::Review(command),
        &Ctx {
            now: 1.0e12,
            salt: 1,
        },
    );
    for e in &up.effects {
        let blob = match e {
            Effect::SaveReview => REVIEW_BLOB,
            Effect::SaveReviewTeam => REVIEW_TEAM_BLOB,
            _ => continue,
        };
        // the page writes the blob as the workspace gives it when written
        let raw = review_blob_now(ws, blob).unwrap();
        save_review_blob(store, blob, &raw).unwrap();
    }
    up
}

fn error(up: &Update) -> Option<String> {
    up.notice().filter(|n| n.error).map(|n| n.text.clone())
}

/// Save the documents, then start a new page on the same storage: documents, then the
/// review commands the page runs at startup. Returns the workspace and the sentences said.
fn reload(ws: &Workspace) -> (Workspace, Vec<String>) {
    let store = Store::open();
    let (labels, settings) = (ws.schema().clone(), settings());
    let report = store.sync(&Snapshot {
        documents: ws.documents(),
        labels: &labels,
        settings: &settings,
    });
    assert!(report.error.is_none());
    let fresh = Store::open();
    let loaded = fresh.load();
    let mut page = Workspace::new(Schema::news());
    page.update(
        Command::Restore {
            documents: loaded.documents,
            schema: loaded.labels.unwrap_or_else(Schema::news),
            current: None,
        },
        &Ctx {
            now: 2.0e12,
            salt: 2,
        },
    );
    let mut said = Vec::new();
    for command in restore_commands(&fresh) {
        let up = page.update(
            command,
            &Ctx {
                now: 2.0e12,
                salt: 2,
            },
        );
        said.extend(error(&up));
    }
    (page, said)
}

fn started(store: &Store) -> Workspace {
    let mut ws = Workspace::new(Schema::news());
    for c in [R::Load(team()), R::Start, R::Take(1)] {
        let up = run(&mut ws, store, c);
        assert_eq!(error(&up), None);
    }
    ws
}

#[wasm_bindgen_test]
fn the_team_and_the_adjudication_come_back_after_a_reload() {
    clear();
    let store = Store::open();
    let ws = started(&store);
    assert!(store.load_blob(REVIEW_TEAM_BLOB).is_some());
    assert!(local()
        .get_item(&blob_key(REVIEW_TEAM_BLOB))
        .unwrap()
        .is_some());
    let (page, said) = reload(&ws);
    assert_eq!(said, Vec::<String>::new());
    let r = page.review();
    assert_eq!(r.team, ws.review().team, "the annotators came back");
    assert_eq!(r.agreement, ws.review().agreement, "and their agreement");
    assert_eq!(
        r.position,
        ws.review().position,
        "the same disagreement shown"
    );
    assert_eq!(r.adjudication, ws.review().adjudication, "the choice made");
    let gold = page.document(&r.gold[0]).unwrap();
    assert_eq!(
        gold.provenance().count(),
        ws.document(&r.gold[0]).unwrap().provenance().count()
    );
    assert!(gold.provenance().count() > 0);
}

#[wasm_bindgen_test]
fn a_corrupt_adjudication_is_said_and_the_team_and_documents_still_load() {
    clear();
    let store = Store::open();
    let ws = started(&store);
    local()
        .set_item(
            &blob_key(REVIEW_BLOB),
            "{\"format\": \"spanmark-review-state\", \"gold\": 7",
        )
        .unwrap();
    let (page, said) = reload(&ws);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("The saved review could not be read"),
        "{}",
        said[0]
    );
    assert!(page.review().team.is_some(), "the team still loads");
    assert!(page.review().agreement.is_some());
    assert!(page.review().adjudication.is_none());
    assert_eq!(page.documents().len(), 1, "the gold document still loads");
}

#[wasm_bindgen_test]
fn a_corrupt_team_is_said_and_the_documents_still_load() {
    clear();
    let store = Store::open();
    let ws = started(&store);
    local()
        .set_item(&blob_key(REVIEW_TEAM_BLOB), "not json")
        .unwrap();
    let (page, said) = reload(&ws);
    assert!(
        said[0].starts_with("The saved team review could not be read"),
        "{said:?}"
    );
    assert!(page.review().team.is_none());
    assert_eq!(page.documents().len(), 1);
}

#[wasm_bindgen_test]
fn a_full_quota_is_said_not_silent() {
    clear();
    let store = Store::open();
    let mut ws = Workspace::new(Schema::news());
    let filler = fill_quota();
    let up = ws.update(Command::Review(R::Load(team())), &Ctx { now: 1.0, salt: 1 });
    assert!(up.effects.contains(&Effect::SaveReviewTeam));
    let raw = review_blob_now(&ws, REVIEW_TEAM_BLOB).unwrap();
    let err = save_review_blob(&store, REVIEW_TEAM_BLOB, &raw).unwrap_err();
    unfill(&filler);
    assert!(
        err.starts_with("The annotators' files could not be kept for after a reload (load them again then): storage is full"),
        "{err}"
    );
}
