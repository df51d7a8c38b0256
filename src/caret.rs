//! Keyboard selection in the article: a fixed end (where the user clicked) and a moving
//! end that Shift+←/→ moves one token at a time, using the core's token boundaries.

use spanmark_core::Document;

/// A keyboard selection: the fixed end and the moving end, code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub anchor: usize,
    pub focus: usize,
}

impl Extent {
    /// The selection after one Shift+arrow press: right to the next token's end, left to
    /// the previous token's start; unchanged at either end of the text.
    pub fn extend(self, doc: &Document, dir: i32) -> Extent {
        let focus = if dir > 0 {
            doc.next_token_end(self.focus)
        } else {
            doc.prev_token_start(self.focus)
        };
        Extent {
            anchor: self.anchor,
            focus: focus.unwrap_or(self.focus),
        }
    }

    /// (start, end) if not empty.
    pub fn range(self) -> Option<(usize, usize)> {
        let (s, e) = (self.anchor.min(self.focus), self.anchor.max(self.focus));
        (s < e).then_some((s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pos: usize) -> Extent {
        Extent {
            anchor: pos,
            focus: pos,
        }
    }

    #[test]
    fn steps_over_whole_tokens() {
        let doc = Document::new("d", "t", "Imran Khan’s party, PTI.");
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
    }

    #[test]
    fn extent_grows_and_shrinks() {
        let doc = Document::new("d", "t", "Lahore and Karachi");
        let e = at(0).extend(&doc, 1);
        assert_eq!(e.range(), Some((0, 6)));
        let e = e.extend(&doc, 1).extend(&doc, 1);
        assert_eq!(e.range(), Some((0, 18)));
        let e = e.extend(&doc, -1);
        assert_eq!(e.range(), Some((0, 11)));
        assert_eq!(at(18).extend(&doc, -1).range(), Some((11, 18)));
        assert_eq!(at(4).range(), None);
    }
}
