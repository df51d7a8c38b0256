//! Keyboard selection in the article: where the moving end of a selection goes when the
//! user presses Shift+←/→ (one token at a time), in code points.

use spanmark_core::Token;

/// The next token boundary after `pos` (`dir > 0`) or before it (`dir < 0`).
/// Moving right lands on a token's end, moving left on a token's start; `pos` itself when
/// there is no token that way.
pub fn step(tokens: &[Token], pos: usize, dir: i32) -> usize {
    if dir > 0 {
        let i = tokens.partition_point(|t| t.end <= pos);
        tokens.get(i).map_or(pos, |t| t.end)
    } else {
        let i = tokens.partition_point(|t| t.start < pos);
        if i == 0 {
            pos
        } else {
            tokens[i - 1].start
        }
    }
}

/// A keyboard selection: the fixed end and the moving end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub anchor: usize,
    pub focus: usize,
}

impl Extent {
    /// The selection after one Shift+arrow press.
    pub fn extend(self, tokens: &[Token], dir: i32) -> Extent {
        Extent {
            anchor: self.anchor,
            focus: step(tokens, self.focus, dir),
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
    use spanmark_core::token::tokenize;

    #[test]
    fn steps_over_whole_tokens() {
        let text = "Imran Khan’s party, PTI.";
        let t = tokenize(text);
        assert_eq!(step(&t, 0, 1), 5);
        assert_eq!(step(&t, 5, 1), 10);
        assert_eq!(step(&t, 3, 1), 5, "from inside a word to its end");
        assert_eq!(step(&t, 10, -1), 6);
        assert_eq!(step(&t, 6, -1), 0);
        assert_eq!(step(&t, 0, -1), 0);
        let end = text.chars().count();
        assert_eq!(step(&t, end, 1), end);
    }

    #[test]
    fn extent_grows_and_shrinks() {
        let t = tokenize("Lahore and Karachi");
        let e = Extent {
            anchor: 0,
            focus: 0,
        }
        .extend(&t, 1);
        assert_eq!(e.range(), Some((0, 6)));
        let e = e.extend(&t, 1).extend(&t, 1);
        assert_eq!(e.range(), Some((0, 18)));
        let e = e.extend(&t, -1);
        assert_eq!(e.range(), Some((0, 11)));
        let back = Extent {
            anchor: 18,
            focus: 18,
        }
        .extend(&t, -1);
        assert_eq!(back.range(), Some((11, 18)));
    }
}
