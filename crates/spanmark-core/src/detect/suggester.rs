//! What `spanmark detect` (and Python's `spanmark.detect`) suggests for one text: the rule
//! pipeline, and optionally a learnt model's memory and tagger merged over it.

use crate::detect::Pipeline;
use crate::learn::{Learner, MergePolicy};
use crate::span::Span;
use crate::token::tokenize;

/// The rule detectors, and optionally a learnt model merged over them.
pub struct Suggester {
    pub rules: Pipeline,
    pub model: Option<Learner>,
}

impl Suggester {
    pub fn new(rules: Pipeline, mut model: Option<Learner>) -> Self {
        if let Some(learner) = model.as_mut() {
            learner.use_lists(&rules);
        }
        Suggester { rules, model }
    }

    /// Suggestions for a text (line endings already normalised), sorted and non-overlapping.
    pub fn suggest(&self, text: &str) -> Vec<Span> {
        let tokens = tokenize(text);
        let spans = self.rules.detect(text, &tokens);
        match &self.model {
            Some(learner) => learner.suggest(text, &tokens, &spans, &MergePolicy::default()),
            None => spans,
        }
    }
}
