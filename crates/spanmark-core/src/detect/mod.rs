//! Entity detection: layered detectors behind one trait, merged by precedence
//! into non-overlapping suggestions, each carrying its origin.

use crate::span::Span;
use crate::token::Token;

/// What a detector sees: the text and its tokens (code point + byte offsets).
pub struct DetectInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
}

pub trait Detector {
    /// Suggestions (state Suggested, origin set) in code point offsets; may overlap.
    fn detect(&self, input: &DetectInput<'_>) -> Vec<Span>;
}

/// Detect entities in a text with the default detector stack, non-overlapping, sorted.
/// (Placeholder until the detection issue lands: finds nothing.)
pub fn detect(text: &str, tokens: &[Token]) -> Vec<Span> {
    let _ = DetectInput { text, tokens };
    Vec::new()
}
