//! For the learner's unit tests: a suggested span over a word of a text, found by its
//! occurrence, so tests name words instead of counting offsets.

use crate::span::{Origin, Span};

/// A suggested span over the `nth` occurrence of `word` in `text` (code-point offsets).
pub fn over(text: &str, word: &str, nth: usize, label: &str, origin: Origin) -> Span {
    let byte = text.match_indices(word).nth(nth).unwrap().0;
    let start = text[..byte].chars().count();
    Span::suggested(start, start + word.chars().count(), label, origin)
}
