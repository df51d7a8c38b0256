//! Keyboard shortcuts: which key press means which `Command`. Pure, so the whole table is
//! tested natively; the help overlay lists the same table.

use spanmark_core::{Edge, Schema};

use crate::Command;

/// A key press as the browser reports it (`KeyboardEvent.key` and modifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

/// Where the key was pressed: in a text field nothing but the form's own keys apply;
/// on a button, Enter/Space/Tab/arrows keep their usual meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Page,
    Button,
    TextField,
}

/// The intent of a key press, if it is a shortcut here. `picking`: the number keys choose
/// an event type, role or relation type (`Command::Pick`) instead of a label.
pub fn shortcut(
    k: KeyPress<'_>,
    focus: Focus,
    schema: &Schema,
    document_open: bool,
    picking: bool,
) -> Option<Command> {
    if focus == Focus::TextField {
        return (k.key == "Escape").then_some(Command::Escape);
    }
    if k.ctrl {
        return match (k.key.to_ascii_lowercase().as_str(), k.shift) {
            ("z", false) => Some(Command::Undo),
            ("z", true) | ("y", false) => Some(Command::Redo),
            _ => None,
        };
    }
    let plain_key_ok = focus == Focus::Page;
    match k.key {
        "?" => return Some(Command::ToggleHelp),
        "Escape" => return Some(Command::Escape),
        _ => {}
    }
    if !document_open {
        return None;
    }
    let arrow = match k.key {
        "ArrowLeft" => Some(-1),
        "ArrowRight" => Some(1),
        _ => None,
    };
    if let Some(delta) = arrow {
        return match (k.alt, k.shift) {
            (true, false) => Some(Command::ResizeSelected {
                edge: Edge::End,
                delta,
            }),
            (true, true) => Some(Command::ResizeSelected {
                edge: Edge::Start,
                delta,
            }),
            (false, true) if plain_key_ok => Some(Command::ExtendSelection(delta)),
            _ => None,
        };
    }
    if k.alt {
        return None;
    }
    match k.key {
        "Tab" if plain_key_ok => Some(if k.shift {
            Command::SelectPrev
        } else {
            Command::SelectNext
        }),
        "Enter" if plain_key_ok => Some(Command::AcceptSelected),
        "Delete" | "Backspace" | "x" => Some(Command::RemoveSelected),
        "l" => Some(Command::LabelAllSelected),
        "A" => Some(Command::AcceptAll),
        "/" => Some(Command::FindLabel),
        "]" => Some(Command::SelectNextEvent),
        "[" => Some(Command::SelectPrevEvent),
        "a" => Some(Command::AcceptSelectedEvent),
        "d" => Some(Command::RejectSelectedEvent),
        "E" => Some(Command::AcceptAllEvents),
        "e" => Some(Command::StartEvent),
        "o" => Some(Command::StartRole),
        "r" => Some(Command::StartRelation),
        key if picking => {
            let digit = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d))?;
            Some(Command::Pick(digit - 1))
        }
        key => {
            let mut chars = key.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            schema
                .by_key(c)
                .map(|l| Command::ApplyLabel(l.name.clone()))
        }
    }
}

/// Every shortcut, for the help overlay: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    (
        "Select text, then 1–9",
        "label the selection (it snaps to whole words)",
    ),
    (
        "Shift+← / Shift+→",
        "select word by word from where you clicked",
    ),
    ("Click a span", "select it"),
    ("Tab / Shift+Tab", "next / previous span"),
    ("1–9 on a span", "change its label"),
    ("Enter", "accept the selected suggestion and go to the next"),
    (
        "x, Delete, Backspace",
        "reject the suggestion / remove the span",
    ),
    ("Alt+← / Alt+→", "move the span's end one word"),
    (
        "Alt+Shift+← / Alt+Shift+→",
        "move the span's start one word",
    ),
    (
        "l",
        "label every other occurrence of the selected span's text",
    ),
    ("Shift+A", "accept all suggestions"),
    (
        "/",
        "find a label by name (when there are more than nine), Enter applies it",
    ),
    ("] / [", "select the next / previous event"),
    (
        "a",
        "accept the selected event (and its arguments) and go to the next",
    ),
    (
        "d",
        "reject the selected suggested event / remove an accepted one",
    ),
    ("Shift+E", "accept all suggested events"),
    (
        "Select words, then e, then 1–9",
        "make the words a trigger and choose the event's type",
    ),
    (
        "o on a span, then 1–9",
        "put the selected span into a role of the selected event",
    ),
    (
        "r on a span, r on another, then 1–9",
        "link the two spans with a relation of the chosen type",
    ),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
    (
        "Ctrl+Enter (in the text box)",
        "annotate the pasted article",
    ),
    ("?", "show or hide this help"),
    ("Esc", "close help / clear the selection"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Commands hold no `PartialEq` (some carry a detector or a learner): compare them as
    /// they print.
    fn same(a: Option<Command>, b: Option<Command>) -> bool {
        format!("{a:?}") == format!("{b:?}")
    }

    fn press(key: &str, ctrl: bool, shift: bool, alt: bool) -> Option<Command> {
        shortcut(
            KeyPress {
                key,
                ctrl,
                shift,
                alt,
            },
            Focus::Page,
            &Schema::news(),
            true,
            false,
        )
    }

    #[test]
    fn the_table() {
        assert!(same(press("z", true, false, false), Some(Command::Undo)));
        assert!(same(press("Z", true, true, false), Some(Command::Redo)));
        assert!(same(press("y", true, false, false), Some(Command::Redo)));
        assert!(same(
            press("1", false, false, false),
            Some(Command::ApplyLabel("PERSON".into()))
        ));
        assert!(same(
            press("3", false, false, false),
            Some(Command::ApplyLabel("GPE".into()))
        ));
        assert!(same(press("9", false, false, false), None));
        assert!(same(
            press("Enter", false, false, false),
            Some(Command::AcceptSelected)
        ));
        assert!(same(
            press("Delete", false, false, false),
            Some(Command::RemoveSelected)
        ));
        assert!(same(
            press("x", false, false, false),
            Some(Command::RemoveSelected)
        ));
        assert!(same(
            press("ArrowRight", false, false, true),
            Some(Command::ResizeSelected {
                edge: Edge::End,
                delta: 1
            })
        ));
        assert!(same(
            press("ArrowLeft", false, true, true),
            Some(Command::ResizeSelected {
                edge: Edge::Start,
                delta: -1
            })
        ));
        assert!(same(
            press("ArrowLeft", false, true, false),
            Some(Command::ExtendSelection(-1))
        ));
        assert!(same(press("ArrowLeft", false, false, false), None));
        assert!(same(
            press("Tab", false, true, false),
            Some(Command::SelectPrev)
        ));
        assert!(same(
            press("?", false, true, false),
            Some(Command::ToggleHelp)
        ));
        assert!(same(
            press("A", false, true, false),
            Some(Command::AcceptAll)
        ));
        assert!(same(
            press("/", false, false, false),
            Some(Command::FindLabel)
        ));
    }

    #[test]
    fn event_keys_and_digits_while_picking() {
        assert!(same(
            press("]", false, false, false),
            Some(Command::SelectNextEvent)
        ));
        assert!(same(
            press("a", false, false, false),
            Some(Command::AcceptSelectedEvent)
        ));
        assert!(same(
            press("d", false, false, false),
            Some(Command::RejectSelectedEvent)
        ));
        assert!(same(
            press("E", false, true, false),
            Some(Command::AcceptAllEvents)
        ));
        assert!(same(
            press("o", false, false, false),
            Some(Command::StartRole)
        ));
        let k = KeyPress {
            key: "2",
            ctrl: false,
            shift: false,
            alt: false,
        };
        let s = Schema::news();
        assert!(same(
            shortcut(k, Focus::Page, &s, true, true),
            Some(Command::Pick(1))
        ));
        assert!(same(
            shortcut(k, Focus::Page, &s, true, false),
            Some(Command::ApplyLabel("ORG".into()))
        ));
        assert!(same(
            shortcut(KeyPress { key: "0", ..k }, Focus::Page, &s, true, true),
            None
        ));
    }

    #[test]
    fn fields_and_buttons_keep_their_keys() {
        let s = Schema::news();
        let k = |key| KeyPress {
            key,
            ctrl: false,
            shift: false,
            alt: false,
        };
        assert!(same(
            shortcut(k("1"), Focus::TextField, &s, true, false),
            None
        ));
        assert!(same(
            shortcut(k("Escape"), Focus::TextField, &s, true, false),
            Some(Command::Escape)
        ));
        assert!(same(
            shortcut(k("Enter"), Focus::Button, &s, true, false),
            None
        ));
        assert!(same(
            shortcut(k("Tab"), Focus::Button, &s, true, false),
            None
        ));
        assert!(same(
            shortcut(k("1"), Focus::Button, &s, true, false),
            Some(Command::ApplyLabel("PERSON".into()))
        ));
        assert!(
            same(shortcut(k("1"), Focus::Page, &s, false, false), None),
            "no document open"
        );
    }
}
