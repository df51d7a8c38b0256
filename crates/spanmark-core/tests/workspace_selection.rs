//! The workspace's selection commands: select a span, Tab and Shift+Tab, text selected in
//! the article, the caret, Shift+arrow word by word, Escape, the help and the label search.

mod workspace_support;

use spanmark_core::workspace::{next_suggestion, Command, Effect, Extent};
use spanmark_core::{Document, Edit, Origin, Span};
use workspace_support::Desk;

const TEXT: &str = "Lahore and Karachi and Quetta";

fn spans() -> Desk {
    let mut desk = Desk::with_text(TEXT);
    desk.apply(&Edit::Suggest {
        spans: vec![
            Span::suggested(0, 6, "GPE", Origin::Gazetteer),
            Span::suggested(11, 18, "GPE", Origin::Gazetteer),
        ],
    })
    .unwrap();
    desk.apply(&Edit::Add {
        start: 23,
        end: 29,
        label: "GPE".into(),
    })
    .unwrap();
    desk
}

#[test]
fn select_drops_the_pending_text_and_pending_drops_the_span() {
    let mut desk = spans();
    desk.run(Command::SetPending(Some((7, 10))));
    desk.run(Command::Select(Some((0, 6))));
    let sel = *desk.ws.selection();
    assert_eq!((sel.selected, sel.pending), (Some((0, 6)), None));
    assert!(desk.last.change.selection);
    desk.run(Command::SetPending(Some((7, 10))));
    let sel = *desk.ws.selection();
    assert_eq!((sel.selected, sel.pending), (None, Some((7, 10))));
    desk.run(Command::Select(None));
    assert_eq!(
        desk.ws.selection().pending,
        Some((7, 10)),
        "no span: the text stays"
    );
}

#[test]
fn tab_walks_every_span_and_wraps_shift_tab_goes_back() {
    let mut desk = spans();
    desk.run(Command::SelectNext);
    assert_eq!(desk.ws.selection().selected, Some((0, 6)));
    desk.run(Command::SelectNext);
    assert_eq!(desk.ws.selection().selected, Some((11, 18)));
    desk.run(Command::SelectNext);
    assert_eq!(
        desk.ws.selection().selected,
        Some((23, 29)),
        "accepted spans too"
    );
    desk.run(Command::SelectNext);
    assert_eq!(desk.ws.selection().selected, Some((0, 6)), "wraps around");
    desk.run(Command::SelectPrev);
    assert_eq!(desk.ws.selection().selected, Some((23, 29)));
}

#[test]
fn tab_starts_from_the_caret() {
    let mut desk = spans();
    desk.run(Command::SetCaret(8));
    desk.run(Command::SelectNext);
    assert_eq!(desk.ws.selection().selected, Some((11, 18)));
    desk.run(Command::Select(None));
    desk.run(Command::SetCaret(8));
    desk.run(Command::SelectPrev);
    assert_eq!(desk.ws.selection().selected, Some((0, 6)));
    // without a document nothing moves
    desk.run(Command::ShowForm);
    desk.run(Command::SelectNext);
    assert!(!desk.last.change.selection);
}

#[test]
fn the_caret_drops_the_pending_text() {
    let mut desk = spans();
    desk.run(Command::SetPending(Some((7, 10))));
    desk.run(Command::SetCaret(4));
    let sel = *desk.ws.selection();
    assert_eq!((sel.caret, sel.pending), (Some(4), None));
}

#[test]
fn shift_arrows_extend_from_the_caret_one_token_at_a_time() {
    let mut desk = Desk::with_text(TEXT);
    desk.run(Command::SetCaret(0));
    desk.run(Command::ExtendSelection(1));
    assert_eq!(desk.ws.selection().pending, Some((0, 6)));
    assert!(desk.has(&Effect::ShowPending));
    desk.run(Command::ExtendSelection(1));
    desk.run(Command::ExtendSelection(1));
    assert_eq!(desk.ws.selection().pending, Some((0, 18)));
    desk.run(Command::ExtendSelection(-1));
    assert_eq!(desk.ws.selection().pending, Some((0, 11)));
    // from the end of the text, leftwards
    desk.run(Command::SetCaret(29));
    desk.run(Command::ExtendSelection(-1));
    assert_eq!(desk.ws.selection().pending, Some((23, 29)));
    assert_eq!(desk.ws.selection().caret, Some(29));
}

#[test]
fn shift_arrows_without_a_caret_start_at_the_pending_text() {
    let mut desk = Desk::with_text(TEXT);
    desk.run(Command::SetPending(Some((11, 18))));
    desk.run(Command::ExtendSelection(1));
    assert_eq!(desk.ws.selection().pending, Some((11, 22)));
    assert_eq!(desk.ws.selection().caret, Some(11));
}

#[test]
fn extent_steps_over_whole_tokens() {
    let doc = Document::new("d", "t", "Imran Khan’s party, PTI.");
    let at = |pos| Extent {
        anchor: pos,
        focus: pos,
    };
    assert_eq!(at(0).extend(&doc, 1).focus, 5);
    assert_eq!(at(5).extend(&doc, 1).focus, 10);
    assert_eq!(
        at(3).extend(&doc, 1).focus,
        5,
        "from inside a word to its end"
    );
    assert_eq!(at(10).extend(&doc, -1).focus, 6);
    assert_eq!(at(6).extend(&doc, -1).focus, 0);
    assert_eq!(at(0).extend(&doc, -1).focus, 0);
    let end = doc.len_chars();
    assert_eq!(at(end).extend(&doc, 1).focus, end);
    assert_eq!(at(4).range(), None);
}

#[test]
fn the_next_suggestion_is_the_first_suggested_span_from_there_on() {
    let desk = spans();
    assert_eq!(next_suggestion(desk.doc(), 0), Some((0, 6)));
    assert_eq!(next_suggestion(desk.doc(), 6), Some((11, 18)));
    assert_eq!(
        next_suggestion(desk.doc(), 18),
        None,
        "accepted spans are skipped; no wrap"
    );
}

#[test]
fn escape_closes_the_help_first_then_drops_the_selection() {
    let mut desk = spans();
    desk.run(Command::Select(Some((0, 6))));
    desk.run(Command::ToggleHelp);
    assert!(desk.ws.help_open() && desk.last.change.help);
    desk.run(Command::Escape);
    assert!(!desk.ws.help_open());
    assert_eq!(
        desk.ws.selection().selected,
        Some((0, 6)),
        "the first Escape closes the help"
    );
    desk.run(Command::Escape);
    assert_eq!(desk.ws.selection().selected, None);
    desk.run(Command::ToggleHelp);
    desk.run(Command::ToggleHelp);
    assert!(!desk.ws.help_open());
}

#[test]
fn slash_asks_the_page_to_focus_the_label_search() {
    let mut desk = spans();
    desk.run(Command::FindLabel);
    assert_eq!(desk.last.effects, [Effect::FocusLabelSearch]);
    assert!(desk.last.change.is_empty());
}
