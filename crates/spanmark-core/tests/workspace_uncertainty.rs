//! "Most to learn": the workspace's uncertainty per document, which the document list sorts
//! by — none before training, higher for an article full of names the tagger never saw.

mod workspace_support;

use spanmark_core::detect::Pipeline;
use spanmark_core::workspace::{Command, Effect};
use workspace_support::Desk;

const LEARNT: &str = "Imran Khan visited Lahore and Karachi on Monday.";
const FAMILIAR: &str = "Imran Khan visited Karachi and Lahore on Friday.";
const STRANGE: &str = "Volkova Brisk met Ondrej Talvik of Quarnel Dynamics in Veszmir.";

fn create(desk: &mut Desk, text: &str) -> String {
    desk.run(Command::Create {
        title: String::new(),
        text: text.into(),
    });
    desk.ws.current_id().unwrap().to_string()
}

#[test]
fn documents_with_unseen_names_have_more_to_learn() {
    let mut desk = Desk::new();
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: true,
    });
    let learnt = create(&mut desk, LEARNT);
    let familiar = create(&mut desk, FAMILIAR);
    let strange = create(&mut desk, STRANGE);
    assert_eq!(desk.ws.uncertainty(&familiar), None, "no tagger yet");
    desk.run(Command::Open(learnt.clone()));
    desk.run(Command::AcceptAll);
    desk.run(Command::SetDone {
        id: learnt,
        done: true,
    });
    for _ in 0..500 {
        desk.run(Command::LearnSlice { budget: 100 });
        if !desk.has(&Effect::Learn) {
            break;
        }
    }
    assert!(desk.ws.learning().learner().tagger().is_some(), "trained");
    let f = desk.ws.uncertainty(&familiar).unwrap();
    let s = desk.ws.uncertainty(&strange).unwrap();
    assert!(s > f, "unseen names {s} should outrank familiar ones {f}");
    assert_eq!(desk.ws.uncertainty("no such id"), None);
}
