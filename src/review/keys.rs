//! The review view's keys: while adjudicating `1`–`9` take that annotator's version, `b`, `x`,
//! `e`, `n`, `p`; Ctrl+Z undoes a choice or a consistency fix. Pure, tested natively.

use spanmark_core::workspace::ReviewCommand as R;

use crate::annotate::keys::{Focus, KeyPress};
use crate::Command;

/// The command a key press means in the review view, if any (`None`: not a review key).
pub fn review_shortcut(k: KeyPress<'_>, focus: Focus, adjudicating: bool) -> Option<Command> {
    if focus == Focus::TextField || k.alt {
        return None;
    }
    if k.ctrl {
        return match (k.key.to_ascii_lowercase().as_str(), k.shift) {
            ("z", false) => Some(Command::Review(R::Undo)),
            _ => None,
        };
    }
    // letters and digits activate no button: they work with a button focused (the Review tab)
    if !adjudicating {
        return None;
    }
    let command = match k.key {
        "b" => R::Both,
        "x" => R::Neither,
        "e" => R::Edit,
        "n" => R::Next,
        "p" => R::Prev,
        key => {
            let digit = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d))?;
            R::Take(digit - 1)
        }
    };
    Some(Command::Review(command))
}

/// The review keys, for the help overlay: (keys, what they do).
pub const REVIEW_HELP: &[(&str, &str)] = &[
    (
        "1–9 (review)",
        "take that annotator's version of the disagreement",
    ),
    ("b (review)", "keep both versions where they do not overlap"),
    ("x (review)", "keep neither: no span here"),
    ("e (review)", "edit the disagreement in the gold document"),
    ("n / p (review)", "next / previous disagreement"),
    ("Ctrl+Z (review)", "undo the last choice or consistency fix"),
    (
        "f / Shift+F (consistency)",
        "on an occurrence: fix it / every one of its form",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> KeyPress<'_> {
        KeyPress {
            key: k,
            ctrl: false,
            shift: false,
            alt: false,
        }
    }

    fn means(k: KeyPress<'_>, focus: Focus) -> Option<String> {
        review_shortcut(k, focus, true).map(|c| format!("{c:?}"))
    }

    #[test]
    fn digits_take_that_annotator_counting_from_one() {
        assert_eq!(means(key("1"), Focus::Page).unwrap(), "Review(Take(0))");
        assert_eq!(means(key("3"), Focus::Page).unwrap(), "Review(Take(2))");
        assert_eq!(means(key("0"), Focus::Page), None);
    }

    #[test]
    fn letters_and_undo() {
        for (k, want) in [
            ("b", "Review(Both)"),
            ("x", "Review(Neither)"),
            ("e", "Review(Edit)"),
            ("n", "Review(Next)"),
            ("p", "Review(Prev)"),
        ] {
            assert_eq!(means(key(k), Focus::Page).unwrap(), want, "{k}");
        }
        let undo = KeyPress {
            ctrl: true,
            ..key("z")
        };
        assert_eq!(means(undo, Focus::Button).unwrap(), "Review(Undo)");
        assert_eq!(means(key("q"), Focus::Page), None);
    }

    #[test]
    fn not_in_text_fields_nor_before_the_adjudication_starts() {
        assert_eq!(means(key("1"), Focus::TextField), None, "typing a new name");
        assert_eq!(
            means(key("n"), Focus::Button).unwrap(),
            "Review(Next)",
            "after clicking a button"
        );
        assert!(review_shortcut(key("1"), Focus::Page, false).is_none());
        let undo = KeyPress {
            ctrl: true,
            ..key("z")
        };
        assert!(
            review_shortcut(undo, Focus::Page, false).is_some(),
            "a consistency fix is undone without an adjudication"
        );
    }
}
