//! For the learner's unit tests: a suggested span over a word of a text, found by its
//! occurrence, so tests name words instead of counting offsets; a tagger that learnt nothing.

use super::bilou::TagSet;
use super::tagger::Tagger;
use crate::span::{Origin, Span};

/// A suggested span over the `nth` occurrence of `word` in `text` (code-point offsets).
pub fn over(text: &str, word: &str, nth: usize, label: &str, origin: Origin) -> Span {
    let byte = text.match_indices(word).nth(nth).unwrap().0;
    let start = text[..byte].chars().count();
    Span::suggested(start, start + word.chars().count(), label, origin)
}

/// A tagger with no weights that has seen 50 spans of each of two labels: the merge's tests
/// give it their own predictions, and its counts let the model act on both labels.
pub fn untrained(labels: [&str; 2]) -> Tagger {
    let tags = TagSet::new(labels.iter().map(|l| l.to_string()).collect());
    let n = tags.len();
    Tagger {
        tags,
        weights: Default::default(),
        transitions: vec![0.0; (n + 1) * n],
        label_counts: vec![50, 50],
    }
}
