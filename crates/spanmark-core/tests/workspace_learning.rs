//! The workspace's detector and learner commands: word lists arriving (and documents made
//! before them detected again), lists that fail, the learner loaded, fed, trained, retrained.

mod workspace_support;

use spanmark_core::detect::Pipeline;
use spanmark_core::learn::Learner;
use spanmark_core::workspace::{Command, Effect, Lists, Notice};
use spanmark_core::Span;
use workspace_support::Desk;

const TEXT: &str = "Imran Khan visited Lahore and Karachi on Monday.";

fn create(desk: &mut Desk, text: &str) -> String {
    desk.run(Command::Create {
        title: String::new(),
        text: text.into(),
    });
    desk.ws.current_id().unwrap().to_string()
}

fn detected(text: &str) -> Vec<Span> {
    let doc = spanmark_core::Document::new("x", "x", text);
    Pipeline::builtin().detect(doc.text(), doc.tokens())
}

#[test]
fn a_document_made_with_a_detector_starts_with_its_suggestions_and_no_undo_step() {
    let mut desk = Desk::new();
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: true,
    });
    create(&mut desk, TEXT);
    let want = detected(TEXT);
    assert!(want.len() >= 3, "the fixture needs suggestions: {want:?}");
    assert_eq!(desk.doc().spans(), &want[..]);
    assert!(!desk.ws.can_undo());
}

#[test]
fn documents_made_before_the_lists_get_suggestions_when_they_arrive() {
    let mut desk = Desk::new();
    let id = create(&mut desk, TEXT);
    assert!(desk.doc().spans().is_empty(), "no detector yet");
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: false,
    });
    assert_eq!(desk.ws.suggester().lists(), Lists::Partial);
    assert_eq!(desk.doc().spans(), &detected(TEXT)[..]);
    assert_eq!(desk.doc().revision, 1);
    assert_eq!(desk.last.saved().unwrap().documents, [id]);
    assert!(
        !desk.ws.can_undo(),
        "an untouched document's suggestions are no undo step"
    );
}

#[test]
fn a_document_edited_before_any_list_gets_them_as_one_undo_step() {
    let mut desk = Desk::new();
    create(&mut desk, TEXT);
    desk.run(Command::SetPending(Some((30, 37))));
    desk.run(Command::ApplyLabel("ORG".into()));
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: false,
    });
    let labels: Vec<&str> = desk
        .doc()
        .spans()
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert!(labels.contains(&"ORG"), "the user's span stays: {labels:?}");
    assert!(desk.doc().spans().len() > 1, "and the suggestions came");
    assert_eq!(
        desk.ws.history(desk.doc().id.as_str()).unwrap().undo_len(),
        2
    );
    desk.undo().unwrap();
    assert_eq!(desk.labelled(), [("Karachi", "ORG")]);
}

#[test]
fn the_last_list_leaves_edited_and_very_long_documents_alone() {
    const NAMED: &str = "Zorbak Quillfeather met the press in Lahore.";
    let extra = Pipeline::with_extra(b"PERSON\tZorbak Quillfeather\n").unwrap();
    let zorbak = |desk: &Desk, id: &str| {
        let d = desk.ws.document(id).unwrap();
        d.spans()
            .iter()
            .any(|s| d.slice(s.start, s.end) == "Zorbak Quillfeather")
    };
    let mut desk = Desk::new();
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: false,
    });
    let edited = create(&mut desk, NAMED);
    desk.run(Command::AcceptAll);
    let long_text = format!("{NAMED} ").repeat(300_001 / NAMED.len() + 1);
    let long = create(&mut desk, &long_text);
    let fresh = create(&mut desk, NAMED);
    assert!(
        !zorbak(&desk, &fresh),
        "the first list does not know the name"
    );
    desk.run(Command::UseDetector {
        detector: extra,
        last: true,
    });
    assert_eq!(desk.ws.suggester().lists(), Lists::Complete);
    assert!(zorbak(&desk, &fresh));
    assert!(
        !zorbak(&desk, &edited),
        "edited since: the user's spans stay as they are"
    );
    assert!(!zorbak(&desk, &long), "too long to detect again in one go");
    assert_eq!(desk.last.saved().unwrap().documents, [fresh]);
}

#[test]
fn lists_that_fail_settle_the_detector_and_new_documents_are_not_watched() {
    let mut desk = Desk::new();
    desk.run(Command::ListsSettled);
    assert_eq!(desk.ws.suggester().lists(), Lists::Complete);
    let id = create(&mut desk, TEXT);
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: true,
    });
    assert!(desk.ws.document(&id).unwrap().spans().is_empty());
}

/// Feed the learner until it has nothing left to do; how many slices it took.
/// A new document of TEXT with its first words labelled PERSON, marked done; its id.
fn done_with_a_person(desk: &mut Desk) -> String {
    let id = create(desk, TEXT);
    desk.run(Command::SetPending(Some((0, 10))));
    desk.run(Command::ApplyLabel("PERSON".into()));
    desk.run(Command::SetDone {
        id: id.clone(),
        done: true,
    });
    id
}

fn learn_all(desk: &mut Desk) -> usize {
    for n in 1..500 {
        desk.run(Command::LearnSlice { budget: 100 });
        if !desk.has(&Effect::Learn) {
            return n;
        }
    }
    panic!("the learner never finished");
}

#[test]
fn marking_done_queues_learning_which_waits_for_the_lists() {
    let mut desk = Desk::new();
    let id = done_with_a_person(&mut desk);
    assert!(desk.has(&Effect::Learn));
    assert_eq!(desk.ws.learning().queued(), 1);
    desk.run(Command::LearnSlice { budget: 100 });
    assert_eq!(desk.last.effects, [Effect::LearnLater], "no lists yet");
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: true,
    });
    assert!(desk.has(&Effect::Learn), "the waiting learner goes on");
    // a document is learnt in four slices: its rules, word-list marks, features, remembering
    for part in 1..=3 {
        desk.run(Command::LearnSlice { budget: 100 });
        assert!(desk.has(&Effect::Learn), "part {part}");
        assert!(
            !desk.has(&Effect::SaveLearner),
            "part {part}: not learnt yet"
        );
        assert_eq!(
            desk.ws.learning().queued(),
            1,
            "part {part}: still under way"
        );
        assert_eq!(desk.ws.learning().learner().stats().documents, 0);
    }
    desk.run(Command::LearnSlice { budget: 100 });
    assert!(desk.has(&Effect::SaveLearner));
    assert_eq!(desk.ws.learning().learner().stats().documents, 1);
    learn_all(&mut desk);
    let stats = desk.ws.learning().learner().stats();
    assert_eq!((stats.documents, stats.spans), (1, 1));
    assert!(desk.ws.learning().is_idle());
    // opened again: forgotten
    desk.run(Command::SetDone { id, done: false });
    learn_all(&mut desk);
    assert_eq!(desk.ws.learning().learner().stats().documents, 0);
}

#[test]
fn a_document_reopened_while_it_is_learnt_is_forgotten_after() {
    let mut desk = Desk::new();
    desk.run(Command::ListsSettled);
    let id = done_with_a_person(&mut desk);
    desk.run(Command::LearnSlice { budget: 100 });
    assert_eq!(desk.ws.learning().queued(), 1, "under way");
    desk.run(Command::SetDone { id, done: false });
    learn_all(&mut desk);
    let stats = desk.ws.learning().learner().stats();
    assert_eq!((stats.documents, stats.trained_documents), (0, 0));
    assert!(desk.ws.learning().is_idle());
}

#[test]
fn a_deleted_done_document_is_forgotten() {
    let mut desk = Desk::new();
    desk.run(Command::ListsSettled);
    let id = done_with_a_person(&mut desk);
    learn_all(&mut desk);
    assert_eq!(desk.ws.learning().learner().stats().documents, 1);
    desk.run(Command::Delete(id));
    assert!(desk.has(&Effect::Learn));
    learn_all(&mut desk);
    assert_eq!(desk.ws.learning().learner().stats().documents, 0);
}

#[test]
fn retrain_says_when_the_model_is_up_to_date() {
    let mut desk = Desk::new();
    desk.run(Command::Retrain);
    assert_eq!(
        desk.last.effects,
        [Effect::LearnerSays(Some(Notice {
            text: "The model is up to date with your done documents.".into(),
            error: false,
        }))]
    );
    let id = create(&mut desk, TEXT);
    desk.run(Command::SetDone { id, done: true });
    desk.run(Command::ListsSettled);
    desk.run(Command::Retrain);
    assert!(desk.has(&Effect::LearnerSays(None)) && desk.has(&Effect::Learn));
}

#[test]
fn a_learner_taken_in_is_fed_the_done_documents_it_remembers() {
    let mut desk = Desk::new();
    desk.run(Command::ListsSettled);
    done_with_a_person(&mut desk);
    learn_all(&mut desk);
    let saved = desk.ws.learning().learner().to_json();
    // a reset: saved, and nothing to feed
    desk.run(Command::UseLearner {
        learner: Box::new(Learner::new()),
        save: true,
    });
    assert!(desk.has(&Effect::SaveLearner));
    assert_eq!(desk.ws.learning().learner().stats().documents, 0);
    // the saved one comes back (another tab): it remembers the document and learns it again
    desk.run(Command::UseLearner {
        learner: Box::new(Learner::from_json(&saved).unwrap()),
        save: false,
    });
    assert!(!desk.has(&Effect::SaveLearner));
    assert!(desk.has(&Effect::Learn));
    learn_all(&mut desk);
    assert_eq!(desk.ws.learning().learner().stats().documents, 1);
}

#[test]
fn the_threshold_is_kept_for_suggestions() {
    let mut desk = Desk::new();
    desk.run(Command::SetThreshold(0.9));
    assert_eq!(desk.ws.learning().threshold(), 0.9);
}
