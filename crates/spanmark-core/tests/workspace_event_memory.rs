//! The incident memory is saved with the learning state and survives a reload: making an
//! event says what to save, a fresh workspace restores it and suggests the trigger again.

mod workspace_support;

use spanmark_core::workspace::{Command, Effect};
use spanmark_core::{Origin, SpanState};
use workspace_support::Desk;

fn create(desk: &mut Desk, text: &str) {
    desk.run(Command::Create {
        title: String::new(),
        text: text.into(),
    });
}

fn at(text: &str, word: &str) -> (usize, usize) {
    let b = text.find(word).unwrap();
    let s = text[..b].chars().count();
    (s, s + word.chars().count())
}

/// The blob the last command asked to save, if any.
fn saved_blob(desk: &Desk) -> Option<String> {
    desk.last.effects.iter().find_map(|e| match e {
        Effect::SaveEventMemory(raw) => Some(raw.clone()),
        _ => None,
    })
}

#[test]
fn a_made_event_is_saved_and_a_reloaded_page_suggests_its_trigger_again() {
    let text = "Rioters ransacked the market in Quetta.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    desk.run(Command::SetPending(Some(at(text, "ransacked"))));
    desk.run(Command::StartEvent);
    assert_eq!(saved_blob(&desk), None, "nothing taught yet");
    assert_eq!(desk.try_run(Command::Pick(0)), Ok(true));
    let blob = saved_blob(&desk).expect("making an event saves the memory");

    // the reloaded page: a fresh workspace, the blob read back before any document
    let mut reloaded = Desk::new();
    reloaded.run(Command::RestoreEventMemory(blob));
    assert!(reloaded.last.change.learner);
    assert_eq!(reloaded.ws.learning().events(), desk.ws.learning().events());
    create(&mut reloaded, "A mob ransacked a bus.");
    let d = reloaded.doc();
    let e = &d.links().events[0];
    assert_eq!(
        (d.slice(e.start, e.end), e.kind.as_str(), e.origin, e.state),
        ("ransacked", "ATTACK", Origin::Memory, SpanState::Suggested)
    );
}

#[test]
fn a_rejected_trigger_stays_rejected_after_a_reload() {
    let text = "Gunmen attacked a police post in Bannu.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    desk.run(Command::SelectNextEvent);
    desk.run(Command::RejectSelectedEvent);
    let blob = saved_blob(&desk).expect("rejecting teaches the memory");
    let mut reloaded = Desk::new();
    reloaded.run(Command::RestoreEventMemory(blob));
    create(&mut reloaded, "Gunmen attacked a bus near Zhob.");
    assert!(reloaded.doc().links().events.is_empty());
}

#[test]
fn a_damaged_blob_is_refused_with_a_sentence_and_changes_nothing() {
    let mut desk = Desk::new();
    desk.run(Command::RestoreEventMemory("{\"format\": 3".into()));
    let said = desk.last.effects.iter().find_map(|e| match e {
        Effect::LearnerSays(Some(n)) => Some(n.text.clone()),
        _ => None,
    });
    assert!(
        said.as_deref().is_some_and(
            |s| s.starts_with("The saved incident memory could not be read (it is not JSON")
        ),
        "{said:?}"
    );
    assert_eq!(desk.ws.learning().events(), &Default::default());
}
