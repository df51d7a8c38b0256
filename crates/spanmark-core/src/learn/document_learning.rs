//! A done document learnt in parts, one part per slice of the page, so that no slice holds the
//! page for a whole document: word-list marks, then features, then scoring and remembering it.

use std::ops::Range;

use super::features::{extract, TokenFeatures};
use super::learner::{sentences_and_marks, DocScore, Learner};
use crate::detect::ListMarks;
use crate::span::Span;
use crate::token::Token;

/// How far a document has got.
#[derive(Debug, Clone)]
enum Part {
    Marks,
    Features {
        sents: Vec<Range<usize>>,
        starts: Vec<bool>,
        marks: Vec<ListMarks>,
    },
    Remember {
        sents: Vec<Range<usize>>,
        features: TokenFeatures,
    },
    Learnt,
}

/// A document on its way into a learner: the same work as `Learner::learn_document_with`, in
/// three calls of `step` (its own copy of the text, tokens and spans, taken at the start).
#[derive(Debug, Clone)]
pub struct DocumentLearning {
    id: String,
    text: String,
    tokens: Vec<Token>,
    rules: Vec<Span>,
    spans: Vec<Span>,
    part: Part,
}

impl DocumentLearning {
    /// Start learning a done document: `rules` are the detector's spans the page showed.
    pub fn new(id: &str, text: &str, tokens: &[Token], rules: Vec<Span>, spans: &[Span]) -> Self {
        DocumentLearning {
            id: id.to_string(),
            text: text.to_string(),
            tokens: tokens.to_vec(),
            rules,
            spans: spans.to_vec(),
            part: Part::Marks,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Do the next part with this learner. `Some(score)` once the document is learnt (the
    /// score as `learn_document_with` gives it); None while parts remain.
    pub fn step(&mut self, learner: &mut Learner) -> Option<Option<DocScore>> {
        let part = std::mem::replace(&mut self.part, Part::Learnt);
        match part {
            Part::Marks => {
                let (sents, starts, marks) =
                    sentences_and_marks(&self.text, &self.tokens, learner.lists());
                self.part = Part::Features {
                    sents,
                    starts,
                    marks,
                };
                None
            }
            Part::Features {
                sents,
                starts,
                marks,
            } => {
                let features = extract(&self.text, &self.tokens, &starts, &self.rules, &marks);
                self.part = Part::Remember { sents, features };
                None
            }
            Part::Remember { sents, features } => Some(learner.remember(
                &self.id,
                &self.text,
                &self.tokens,
                &self.rules,
                &self.spans,
                sents,
                features,
            )),
            Part::Learnt => Some(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Pipeline;
    use crate::token::tokenize;

    #[test]
    fn a_document_learnt_in_parts_makes_the_same_learner_as_in_one_go() {
        let texts = [
            "Arsenal beat Chelsea 2-1 in London on Sunday. Mikel Arteta said the win mattered.",
            "Siemens AG said on Tuesday it would cut jobs in Munich. Shares in Siemens fell.",
            "Chelsea lost again. Arteta praised Arsenal, and Siemens opened an office in London.",
        ];
        let lists = Pipeline::full();
        let (mut whole, mut parts) = (Learner::new(), Learner::new());
        whole.use_lists(&lists);
        parts.use_lists(&lists);
        for (round, text) in texts.iter().enumerate() {
            let tokens = tokenize(text);
            let rules = lists.detect(text, &tokens);
            let gold: Vec<Span> = rules
                .iter()
                .map(|r| Span::manual(r.start, r.end, r.label.clone()))
                .collect();
            let id = format!("d{round}");
            let want = whole.learn_document_with(&id, text, &tokens, &rules, &gold);
            let mut doc = DocumentLearning::new(&id, text, &tokens, rules, &gold);
            let mut steps = 1;
            let got = loop {
                match doc.step(&mut parts) {
                    Some(score) => break score,
                    None => steps += 1,
                }
            };
            assert_eq!((got, steps), (want, 3), "document {round}");
            whole.train();
            parts.train();
        }
        assert!(whole.tagger().is_some());
        assert_eq!(whole.to_json(), parts.to_json());
    }
}
