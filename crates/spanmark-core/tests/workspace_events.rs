//! The event commands as the page sends them: suggested events on new documents and when the
//! word lists arrive, selecting, accepting and rejecting by key (each one undo step), making
//! an event, filling a role, linking two spans, and what the incident memory learns.

mod workspace_support;

use spanmark_core::detect::Pipeline;
use spanmark_core::workspace::{Command, Pick};
use spanmark_core::{Origin, SpanState};
use workspace_support::Desk;

const ATTACK: &str = "Gunmen attacked a police post in Bannu on Tuesday, killing three officers.";

fn create(desk: &mut Desk, text: &str) {
    desk.run(Command::Create {
        title: String::new(),
        text: text.into(),
    });
}

/// (type, trigger text, state) of every event of the open document.
fn events(desk: &Desk) -> Vec<(String, String, SpanState)> {
    let d = desk.doc();
    d.links()
        .events
        .iter()
        .map(|e| (e.kind.clone(), d.slice(e.start, e.end).to_string(), e.state))
        .collect()
}

fn at(text: &str, word: &str) -> (usize, usize) {
    let b = text.find(word).unwrap();
    let s = text[..b].chars().count();
    (s, s + word.chars().count())
}

#[test]
fn a_new_document_starts_with_suggested_events_and_no_undo_step() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    assert_eq!(
        events(&desk),
        [("ATTACK".into(), "attacked".into(), SpanState::Suggested)]
    );
    assert!(!desk.ws.can_undo());
}

#[test]
fn when_the_lists_arrive_the_event_gets_its_roles_in_the_same_step_as_the_spans() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    desk.run(Command::UseDetector {
        detector: Pipeline::builtin(),
        last: true,
    });
    let d = desk.doc();
    let e = &d.links().events[0];
    let roles: Vec<(&str, &str)> = e
        .args
        .iter()
        .map(|a| (a.role.as_str(), d.slice(a.start, a.end)))
        .collect();
    assert!(roles.contains(&("place", "Bannu")), "{roles:?}");
    assert!(roles.contains(&("time", "Tuesday")), "{roles:?}");
    assert!(!desk.ws.can_undo(), "untouched: detection is no undo step");
}

#[test]
fn accept_by_key_selects_the_next_suggested_event_and_undoes_in_one_step() {
    let text = "Gunmen attacked a post in Bannu. In a separate incident, militants kidnapped two engineers.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    assert_eq!(events(&desk).len(), 2, "{:?}", events(&desk));
    desk.run(Command::SelectNextEvent);
    assert_eq!(desk.ws.selection().links.event, Some(at(text, "attacked")));
    assert_eq!(desk.try_run(Command::AcceptSelectedEvent), Ok(true));
    assert_eq!(events(&desk)[0].2, SpanState::Accepted);
    assert_eq!(
        desk.ws.selection().links.event,
        Some(at(text, "kidnapped")),
        "on to the next suggested event"
    );
    assert_eq!(desk.ws.history("d").map(|h| h.undo_len()), None);
    let id = desk.ws.current_id().unwrap().to_string();
    assert_eq!(desk.ws.history(&id).unwrap().undo_len(), 1);
    desk.undo().unwrap();
    assert_eq!(events(&desk)[0].2, SpanState::Suggested);
    desk.run(Command::AcceptAllEvents);
    assert!(events(&desk).iter().all(|e| e.2 == SpanState::Accepted));
    assert_eq!(
        desk.ws.history(&id).unwrap().undo_len(),
        1,
        "accept all: one step"
    );
}

#[test]
fn accepting_without_a_selected_event_says_how() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    assert_eq!(
        desk.try_run(Command::AcceptSelectedEvent),
        Err("Select an event first (] selects the next one).".into())
    );
}

#[test]
fn a_rejected_trigger_is_not_suggested_again_and_undo_brings_the_event_back() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    desk.run(Command::SelectNextEvent);
    assert_eq!(desk.try_run(Command::RejectSelectedEvent), Ok(true));
    assert!(events(&desk).is_empty());
    assert_eq!(desk.ws.selection().links.event, None);
    desk.undo().unwrap();
    assert_eq!(events(&desk).len(), 1);
    create(&mut desk, "Rebels attacked a convoy near Gao.");
    assert!(events(&desk).is_empty(), "“attacked” was rejected");
    assert!(desk.ws.learning().events().rejected.contains("attacked"));
}

#[test]
fn an_event_made_from_selected_words_is_suggested_in_the_next_document() {
    let text = "Mobs ransacked shops in the old city.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    assert!(
        events(&desk).is_empty(),
        "“ransacked” is not in the lexicon"
    );
    desk.run(Command::SetPending(Some(at(text, "ransacked"))));
    desk.run(Command::StartEvent);
    assert_eq!(
        desk.ws.selection().links.pick,
        Some(Pick::EventType(at(text, "ransacked")))
    );
    assert_eq!(desk.ws.choices()[0], "ATTACK");
    assert_eq!(desk.try_run(Command::Pick(0)), Ok(true));
    assert_eq!(
        events(&desk),
        [("ATTACK".into(), "ransacked".into(), SpanState::Accepted)]
    );
    assert_eq!(desk.ws.selection().links.event, Some(at(text, "ransacked")));
    assert_eq!(desk.ws.selection().links.pick, None);
    create(&mut desk, "Rioters ransacked a bus.");
    let d = desk.doc();
    let e = &d.links().events[0];
    assert_eq!(
        (d.slice(e.start, e.end), e.origin, e.state),
        ("ransacked", Origin::Memory, SpanState::Suggested)
    );
}

#[test]
fn the_role_keys_put_the_selected_span_into_a_role_and_removing_it_says_what_goes() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    let bannu = desk.label_selection_utf16(33, 38, "GPE").unwrap();
    assert_eq!(desk.doc().slice(bannu.0, bannu.1), "Bannu");
    desk.run(Command::SelectNextEvent);
    desk.run(Command::Select(Some(bannu)));
    assert_eq!(desk.try_run(Command::StartRole), Ok(false));
    assert_eq!(
        desk.ws.choices(),
        ["target", "place"],
        "roles that take a GPE"
    );
    assert_eq!(desk.try_run(Command::Pick(1)), Ok(true));
    let args = &desk.doc().links().events[0].args;
    assert_eq!((args[0].role.as_str(), args[0].start), ("place", bannu.0));
    desk.run(Command::Select(Some(bannu)));
    desk.run(Command::RemoveSelected);
    assert_eq!(
        desk.last.notice().map(|n| n.text.as_str()),
        Some("This also removes 1 event argument (place of ATTACK); Ctrl+Z brings it back.")
    );
    assert!(desk.doc().links().events[0].args.is_empty());
    desk.undo().unwrap();
    assert_eq!(desk.doc().links().events[0].args.len(), 1);
}

#[test]
fn r_on_two_spans_picks_a_relation_type_that_fits_their_labels() {
    let text = "Hafiz Saeed leads Jamaat-ud-Dawa from Lahore.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    let person = desk.label_selection_utf16(0, 11, "PERSON").unwrap();
    let org = desk.label_selection_utf16(18, 31, "ORG").unwrap();
    desk.run(Command::Select(Some(person)));
    desk.run(Command::StartRelation);
    assert_eq!(desk.ws.selection().links.relation_from, Some(person));
    desk.run(Command::Select(Some(org)));
    desk.run(Command::StartRelation);
    assert_eq!(desk.ws.choices(), ["member_of", "leader_of", "alias_of"]);
    assert_eq!(
        desk.try_run(Command::Pick(7)),
        Err("There is no choice 8.".into())
    );
    assert_eq!(desk.try_run(Command::Pick(1)), Ok(true));
    let r = &desk.doc().links().relations[0];
    assert_eq!((r.kind.as_str(), r.from, r.to), ("leader_of", person, org));
    assert_eq!(desk.ws.selection().links.relation_from, None);
}

#[test]
fn escape_stops_a_pick_before_it_drops_the_selection() {
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    desk.run(Command::SetPending(Some(at(ATTACK, "killing"))));
    desk.run(Command::StartEvent);
    assert!(desk.ws.selection().links.pick.is_some());
    desk.run(Command::Escape);
    assert_eq!(desk.ws.selection().links.pick, None);
    assert!(desk.ws.selection().pending.is_some(), "still selected");
    desk.run(Command::Escape);
    assert_eq!(desk.ws.selection().pending, None);
}

#[test]
fn deleting_an_event_type_in_use_is_counted_first_and_undone_in_one_step() {
    use spanmark_core::event_schema::TypeKind;
    use spanmark_core::schema_change::count_links;
    use spanmark_core::SchemaChange;
    let mut desk = Desk::new();
    create(&mut desk, ATTACK);
    desk.run(Command::SelectNextEvent);
    desk.run(Command::AcceptSelectedEvent);
    let id = desk.ws.current_id().unwrap().to_string();
    assert_eq!(
        count_links(desk.ws.documents(), TypeKind::Event, "ATTACK"),
        1
    );
    let before = desk.ws.history(&id).unwrap().undo_len();
    desk.run(Command::Schema(SchemaChange::DeleteType {
        kind: TypeKind::Event,
        name: "ATTACK".into(),
    }));
    assert!(desk.ws.schema().event_type("ATTACK").is_none());
    assert!(events(&desk).is_empty());
    assert_eq!(desk.ws.history(&id).unwrap().undo_len(), before + 1);
    desk.undo().unwrap();
    assert_eq!(events(&desk).len(), 1, "the event is back");
    desk.run(Command::Schema(SchemaChange::RenameType {
        kind: TypeKind::Relation,
        from: "member_of".into(),
        to: "part_of".into(),
    }));
    assert!(desk.ws.schema().relation_type("part_of").is_some());
}

#[test]
fn select_event_by_click_and_step_back_with_wrap_around() {
    let text = "Gunmen attacked a post in Bannu. In a separate incident, militants kidnapped two engineers.";
    let mut desk = Desk::new();
    create(&mut desk, text);
    let (attacked, kidnapped) = (at(text, "attacked"), at(text, "kidnapped"));
    // a click on a trigger selects that event and says the selection changed
    let up = desk.run(Command::SelectEvent(Some(kidnapped)));
    assert!(up.change.selection);
    assert_eq!(desk.ws.selection().links.event, Some(kidnapped));
    // `[` goes to the previous event, then wraps around to the last one
    desk.run(Command::SelectPrevEvent);
    assert_eq!(desk.ws.selection().links.event, Some(attacked));
    desk.run(Command::SelectPrevEvent);
    assert_eq!(desk.ws.selection().links.event, Some(kidnapped));
    // a click elsewhere clears it; `[` from nothing starts at the last event
    desk.run(Command::SelectEvent(None));
    assert_eq!(desk.ws.selection().links.event, None);
    desk.run(Command::SelectPrevEvent);
    assert_eq!(desk.ws.selection().links.event, Some(kidnapped));
    assert!(!desk.ws.can_undo(), "selecting is no undo step");
}
