//! `--model MODEL` for `spanmark detect`: load a learner saved by `train` (or the page)
//! and turn rule spans into merged rule + memory + model suggestions.

use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::span::Span;
use spanmark_core::token::Token;

/// Read a learner file written by `spanmark train` or exported from the page.
pub fn load_model(path: &str) -> Result<Learner, String> {
    let json =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read model {path}: {e}"))?;
    Learner::from_json(&json).map_err(|e| format!("{path}: {e}"))
}

/// The rule detector's spans for a text, merged with what the learner suggests.
pub fn apply_model(learner: &Learner, text: &str, tokens: &[Token], rules: &[Span]) -> Vec<Span> {
    learner.suggest(text, tokens, rules, &MergePolicy::default())
}
