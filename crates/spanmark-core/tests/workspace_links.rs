//! Events and relations through the workspace as the page will drive them: each link edit is
//! a `Command::Edit`, one undo step and a save; deleting an argument span and undoing it brings
//! the event back whole.

mod workspace_support;

use spanmark_core::links::LinkEdit;
use spanmark_core::{Edit, Span};
use workspace_support::Desk;

const TEXT: &str = "Militants attacked a post in Bannu on Tuesday.";

fn desk() -> Desk {
    let mut desk = Desk::with_text(TEXT);
    desk.apply(&Edit::Add {
        start: 29,
        end: 34,
        label: "GPE".into(),
    })
    .unwrap();
    desk.apply(&Edit::Add {
        start: 38,
        end: 45,
        label: "DATE".into(),
    })
    .unwrap();
    desk
}

fn link(desk: &mut Desk, edit: LinkEdit) -> Result<bool, String> {
    desk.apply(&Edit::Link(edit))
}

#[test]
fn an_event_made_by_commands_is_saved_and_undone_step_by_step() {
    let mut desk = desk();
    assert_eq!(
        link(
            &mut desk,
            LinkEdit::AddEvent {
                kind: "ATTACK".into(),
                start: 10,
                end: 18
            }
        ),
        Ok(true)
    );
    assert_eq!(desk.last.saved().unwrap().documents, ["d"]);
    let place = LinkEdit::AddArgument {
        trigger: (10, 18),
        role: "place".into(),
        start: 29,
        end: 34,
    };
    assert_eq!(link(&mut desk, place), Ok(true));
    let wrong = LinkEdit::AddArgument {
        trigger: (10, 18),
        role: "killed".into(),
        start: 38,
        end: 45,
    };
    assert_eq!(
        link(&mut desk, wrong),
        Err("the role killed of ATTACK does not take a DATE span".into())
    );
    assert_eq!(desk.ws.history("d").unwrap().undo_len(), 4);
    desk.undo().unwrap();
    assert!(desk.doc().links().events[0].args.is_empty());
    desk.redo().unwrap();
    assert_eq!(desk.doc().links().events[0].args.len(), 1);
}

#[test]
fn undoing_the_deletion_of_an_argument_span_brings_the_event_back_whole() {
    let mut desk = desk();
    link(
        &mut desk,
        LinkEdit::AddEvent {
            kind: "ATTACK".into(),
            start: 10,
            end: 18,
        },
    )
    .unwrap();
    for (role, s, e) in [("place", 29, 34), ("time", 38, 45)] {
        link(
            &mut desk,
            LinkEdit::AddArgument {
                trigger: (10, 18),
                role: role.into(),
                start: s,
                end: e,
            },
        )
        .unwrap();
    }
    let whole = desk.doc().links().clone();
    desk.apply(&Edit::Remove { start: 29, end: 34 }).unwrap();
    assert_eq!(desk.doc().links().events[0].args.len(), 1);
    assert_eq!(desk.doc().spans(), &[Span::manual(38, 45, "DATE")]);
    desk.undo().unwrap();
    assert_eq!(desk.doc().links(), &whole);
    assert_eq!(desk.doc().spans().len(), 2);
}
