//! Sentence boundaries over tokens: terminal punctuation (with the closing quotes that follow),
//! line breaks, and never after a title, month or initial ("Col.", "Jan.", "W.").

use std::ops::Range;

use super::abbrev::{kind_of_token, AbbrevKind};
use super::chars::{is_closer, is_terminal};
use super::Token;

/// Sentence boundaries as ranges of token indices: consecutive, non-empty, covering all tokens.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let end = sentence_end(text, tokens, i);
        if let Some(end) = end {
            out.push(start..end);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// If a sentence ends with token `i` (plus the closers after it), the index after it.
fn sentence_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens[i].text(text);
    let Some(next) = tokens.get(i + 1) else {
        return Some(i + 1);
    };
    let gap = &text[tokens[i].byte_end..next.byte_start];
    let next_text = next.text(text);
    let lower_next = starts_lowercase(next_text);
    if is_terminal(t) {
        let mut end = i + 1;
        // closing quotes and brackets attached to the mark stay in this sentence
        while let Some(c) = tokens.get(end) {
            if c.byte_start == tokens[end - 1].byte_end && is_closer(c.text(text)) {
                end += 1;
            } else {
                break;
            }
        }
        let Some(after) = tokens.get(end) else {
            return Some(end);
        };
        let gap = &text[tokens[end - 1].byte_end..after.byte_start];
        // CJK full stops need no space after them
        let spaced = !gap.is_empty() || t.chars().all(|c| c as u32 >= 0x3000);
        let follows = spaced && !starts_lowercase(after.text(text));
        return (follows || gap.contains("\n\n")).then_some(end);
    }
    if let Some(kind) = kind_of_token(t) {
        let spaced = !gap.is_empty();
        if kind == AbbrevKind::Trailing && spaced && super::starts_upper(next_text) {
            return Some(i + 1);
        }
        // "to the U.S. He said": an initialism, then a word that starts sentences
        let initialism = t.len() > 2 && t[..t.len() - 1].contains('.');
        if initialism && spaced && STARTERS.contains(&next_text) {
            return Some(i + 1);
        }
    }
    if gap.contains('\n') {
        let blank_line = gap.split('\n').skip(1).count() > 1;
        let leading = kind_of_token(t) == Some(AbbrevKind::Leading);
        if blank_line || (!leading && !lower_next) {
            return Some(i + 1);
        }
    }
    None
}

/// Capitalised words that begin sentences but hardly ever follow "U.S." inside one.
const STARTERS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "But", "He", "Her", "His", "However", "I", "If", "In",
    "It", "Its", "On", "She", "So", "That", "The", "Their", "There", "These", "They", "This",
    "Those", "We", "What", "When", "While", "Yet", "You",
];

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}
