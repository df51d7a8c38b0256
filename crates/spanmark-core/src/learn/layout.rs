//! Where a token stands on its line, as the tagger sees it: a headline, a results or
//! standings row, or running text; whether the line is in capitals and the token opens it.

use crate::token::Token;

/// The kind of line a token is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// running text (ends with sentence punctuation, or long)
    Body,
    /// a short line without closing punctuation: a headline, byline or list item
    Head,
    /// a line with several figures among few words: a results line or a table row
    Row,
}

impl Line {
    pub fn name(self) -> &'static str {
        match self {
            Line::Body => "body",
            Line::Head => "head",
            Line::Row => "row",
        }
    }
}

/// One token's place: its line's kind, whether the line is in capitals, whether the
/// token is the line's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: Line,
    pub shouted: bool,
    pub first: bool,
}

fn is_figure(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ".,:-–".contains(c))
}

fn closes_sentence(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "\"" | "”" | ":" | "…")
}

/// The place of every token, lines being the stretches between line breaks.
pub fn places(text: &str, tokens: &[Token]) -> Vec<Place> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len()
            && !text
                .get(tokens[end - 1].byte_end..tokens[end].byte_start)
                .is_some_and(|gap| gap.contains('\n'))
        {
            end += 1;
        }
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text(text)).collect();
        let figures = words.iter().filter(|w| is_figure(w)).count();
        let wordy = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        let letters = words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic());
        let (mut upper, mut cased) = (0, 0);
        for c in letters {
            cased += usize::from(c.is_uppercase() || c.is_lowercase());
            upper += usize::from(c.is_uppercase());
        }
        let line = if figures >= 2 && figures * 2 >= wordy {
            Line::Row
        } else if words.len() <= 24 && !words.last().is_some_and(|w| closes_sentence(w)) {
            Line::Head
        } else {
            Line::Body
        };
        let shouted = cased >= 4 && upper == cased;
        for i in start..end {
            out.push(Place {
                line,
                shouted,
                first: i == start,
            });
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn headlines_rows_and_running_text_are_told_apart() {
        let text = "STORM HITS COAST\nAmsel 3 Brenn 1\n4. Korvik 20 12 5 3 41\nThe mayor said the road would open on Monday, and it did.";
        let tokens = tokenize(text);
        let got = places(text, &tokens);
        let kind = |word: &str| {
            let i = tokens.iter().position(|t| t.text(text) == word).unwrap();
            (got[i].line, got[i].shouted, got[i].first)
        };
        assert_eq!(kind("STORM"), (Line::Head, true, true));
        assert_eq!(kind("COAST"), (Line::Head, true, false));
        assert_eq!(kind("Amsel"), (Line::Row, false, true));
        assert_eq!(kind("Brenn"), (Line::Row, false, false));
        assert_eq!(kind("Korvik"), (Line::Row, false, false));
        assert_eq!(kind("mayor"), (Line::Body, false, false));
        assert_eq!(got.len(), tokens.len());
    }
}
