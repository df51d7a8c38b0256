//! The detector: the rules of `rules.rs` over one text in their order — the finders, the
//! merge by precedence into non-overlapping suggestions, then the passes — with its word lists.

use std::sync::Arc;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

use super::candidate::{merge, Candidate};
use super::lexicon::Lexicon;
use super::rules::{claim, RuleInput, RuleSet, Stage, RULES};
use super::words::{views, View};
use super::{DetectInput, Detector};
use crate::error::CoreError;
use crate::span::Span;
use crate::token::Token;

/// The rule detectors with their word lists. Cheap to clone (the lists are shared).
#[derive(Debug, Clone)]
pub struct Pipeline {
    lexicon: Arc<Lexicon>,
    rules: RuleSet,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::builtin()
    }
}

impl Pipeline {
    /// The core word lists from their text (`data/builtin.tsv` and `data/rules.tsv`): what
    /// the web page fetches right after first paint.
    pub fn from_lists(builtin: &[u8], rules: &[u8]) -> Result<Pipeline, CoreError> {
        let lexicon = Lexicon::from_lists(utf8(builtin)?, utf8(rules)?)?;
        Ok(Pipeline {
            lexicon: Arc::new(lexicon),
            rules: RuleSet::default(),
        })
    }

    /// The compiled-in core word lists only (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> Pipeline {
        static BUILTIN: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Pipeline {
            lexicon: BUILTIN.get_or_init(|| Arc::new(Lexicon::builtin())).clone(),
            rules: RuleSet::default(),
        }
    }

    /// The compiled-in lists plus a gazetteer file (`LABEL<TAB>name` lines, UTF-8).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_extra(bytes: &[u8]) -> Result<Pipeline, CoreError> {
        let mut p = Pipeline::builtin();
        p.add_gazetteer(bytes)?;
        Ok(p)
    }

    /// The compiled-in lists plus the larger gazetteer shipped in the repository (native tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn full() -> Pipeline {
        static FULL: OnceLock<Arc<Lexicon>> = OnceLock::new();
        let lexicon = FULL.get_or_init(|| {
            let mut lex = Lexicon::builtin();
            let _ = lex.add_gazetteer(EXTRA);
            Arc::new(lex)
        });
        Pipeline {
            lexicon: lexicon.clone(),
            rules: RuleSet::default(),
        }
    }

    /// The same detector with one rule switched off (by its name in `rules::RULES`).
    pub fn without(&self, rule: &str) -> Result<Pipeline, CoreError> {
        let rules = self
            .rules
            .without(rule)
            .ok_or_else(|| CoreError::Invalid(super::rules::no_such_rule(rule)))?;
        Ok(Pipeline {
            lexicon: self.lexicon.clone(),
            rules,
        })
    }

    /// Adds more gazetteer lines; returns how many entries were read.
    pub fn add_gazetteer(&mut self, bytes: &[u8]) -> Result<usize, CoreError> {
        Arc::make_mut(&mut self.lexicon).add_gazetteer(utf8(bytes)?)
    }

    /// Adds one part of a gazetteer file (from `gazetteer_parts`): the web page reads the
    /// larger list part by part, so no single task blocks the page for long.
    pub fn add_gazetteer_part(
        &mut self,
        part: &str,
        first_line: usize,
    ) -> Result<usize, CoreError> {
        Arc::make_mut(&mut self.lexicon).add_gazetteer_from(part, first_line)
    }

    /// Number of names and given names the detectors know.
    pub fn entries(&self) -> usize {
        self.lexicon.len()
    }

    /// Whether a word is a title that goes before names ("President", "Col."), by the rule
    /// lists; the consistency check flags a PERSON span that starts with one.
    pub fn is_title(&self, word: &str) -> bool {
        self.lexicon.has(word, super::lexicon::class::TITLE)
    }

    /// What the word lists say about each token (the learner's tagger reads it).
    pub fn list_marks(&self, text: &str, tokens: &[Token]) -> Vec<super::ListMarks> {
        super::list_marks::list_marks(&self.lexicon, text, tokens)
    }

    /// Suggestions for a text: non-overlapping, sorted, state Suggested, origin set.
    pub fn detect(&self, text: &str, tokens: &[Token]) -> Vec<Span> {
        let v = views(text, tokens);
        self.candidates(&v, text)
            .into_iter()
            .map(|c| c.to_span(&v, &self.lexicon))
            .collect()
    }

    /// The rules in their order: the finders' proposals, merged, then each pass. Every
    /// candidate a rule makes is claimed with that rule's name before the next one runs.
    fn candidates(&self, v: &[View<'_>], text: &str) -> Vec<Candidate> {
        let input = RuleInput {
            v,
            text,
            lex: &self.lexicon,
        };
        let mut list = Vec::with_capacity(v.len() / 4);
        let mut merged = false;
        for (i, rule) in RULES.iter().enumerate() {
            if rule.stage == Stage::Pass && !merged {
                list = merge(v, list);
                merged = true;
            }
            if !self.rules.runs(i) {
                continue;
            }
            (rule.run)(&input, &mut list);
            claim(&mut list, rule);
        }
        if !merged {
            list = merge(v, list);
        }
        list
    }
}

/// A gazetteer file's bytes as parts of about `size` bytes, each ending at a line end, with
/// the number of its first line: what `add_gazetteer_part` takes.
pub fn gazetteer_parts(bytes: &[u8], size: usize) -> Result<Vec<(usize, &str)>, CoreError> {
    let text = utf8(bytes)?;
    let mut parts = Vec::new();
    let (mut start, mut line) = (0, 1);
    while start < text.len() {
        let end = match text[(start + size.max(1)).min(text.len())..].find('\n') {
            Some(i) => (start + size.max(1)).min(text.len()) + i + 1,
            None => text.len(),
        };
        let part = &text[start..end];
        parts.push((line, part));
        line += part.matches('\n').count();
        start = end;
    }
    Ok(parts)
}

fn utf8(bytes: &[u8]) -> Result<&str, CoreError> {
    std::str::from_utf8(bytes).map_err(|e| {
        CoreError::Invalid(format!(
            "the word list is not UTF-8 text (byte {})",
            e.valid_up_to()
        ))
    })
}

impl Detector for Pipeline {
    fn detect(&self, input: &DetectInput<'_>) -> Vec<Span> {
        Pipeline::detect(self, input.text, input.tokens)
    }
}

/// The larger gazetteer, compiled into native builds only (the web page fetches it instead).
#[cfg(not(target_arch = "wasm32"))]
pub const EXTRA: &str = include_str!("../../data/extra.tsv");
