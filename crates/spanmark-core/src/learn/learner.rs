//! The learner the page and CLI hold: memory + tagger + the training run, learning from
//! done documents, suggesting merged spans, and saving itself as one versioned JSON string.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::discourse::same_names;
use super::error::LearnError;
use super::features::{extract, TokenFeatures};
use super::memory::Memory;
use super::merge::{merge, Evidence, MergePolicy};
use super::model::{ModelFile, MODEL_VERSION};
use super::rule_record::RuleRecord;
use super::tagger::{Prediction, Tagger};
use super::trainer::{Example, Progress, Trainer, DEFAULT_EPOCHS};
use crate::detect::{ListMarks, Pipeline};
use crate::span::Span;
#[cfg(not(target_arch = "wasm32"))]
use crate::token::tokenize;
use crate::token::{sentences, Token};

const FORMAT: &str = "spanmark-learner";
/// Documents whose before-learning scores make up the "recent" accuracy.
const RECENT: usize = 5;
/// Points of the recent accuracy the panel's curve shows.
const CURVE: usize = 30;

/// F1 (0–100) of the suggestions over some scored documents (0 when none was right).
fn f1_of<'a>(scores: impl Iterator<Item = &'a DocScore>) -> f32 {
    let (tp, fp, fn_) = scores.fold((0, 0, 0), |a, s| {
        (
            a.0 + s.true_positives,
            a.1 + s.false_positives,
            a.2 + s.false_negatives,
        )
    });
    if tp == 0 {
        0.0
    } else {
        200.0 * tp as f32 / (2 * tp + fp + fn_) as f32
    }
}

/// How the suggestions for a document scored against what the user accepted, measured
/// just before the learner learnt from it (so it is an honest held-back score).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocScore {
    pub order: u32,
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
}

/// What the page shows about the learner.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LearnStats {
    /// done documents the learner holds (memory)
    pub documents: usize,
    /// accepted spans in them
    pub spans: usize,
    /// documents and spans the current tagger was trained on
    pub trained_documents: usize,
    pub trained_spans: usize,
    pub remembered_forms: usize,
    pub rejections: usize,
    pub model_weights: usize,
    /// F1 (0–100) of the suggestions on the last few done documents, each scored before
    /// the learner saw it; None until a document has been scored
    pub recent_f1: Option<f32>,
    /// the same score after each done document, oldest first (the last `CURVE` points): the
    /// F1 of the suggestions on that document and the `RECENT` − 1 before it
    pub recent_curve: Vec<f32>,
    pub scored_documents: usize,
    /// the training run in progress, if any
    pub training: Option<Progress>,
    /// remembered documents not fed again since loading (training waits for them)
    pub missing_documents: usize,
}

#[derive(Serialize, Deserialize)]
struct LearnerFile {
    format: String,
    version: u32,
    memory: Memory,
    model: Option<ModelFile>,
    trained_on: BTreeMap<String, (u64, u32)>,
    scores: BTreeMap<String, DocScore>,
    /// what the user did to the rule spans (files saved before it existed have none)
    #[serde(default)]
    rules: RuleRecord,
}

/// id → (fingerprint of text + accepted spans, number of spans)
type Fingerprints = BTreeMap<String, (u64, u32)>;

#[derive(Debug, Clone, Default)]
pub struct Learner {
    memory: Memory,
    tagger: Option<Tagger>,
    /// id → (fingerprint, example); shared with a training run, which keeps the ones it
    /// started with
    examples: BTreeMap<String, (u64, Arc<Example>)>,
    /// id → (fingerprint, spans) of what the tagger was trained on
    trained_on: Fingerprints,
    run: Option<(Trainer, Vec<Arc<Example>>, Fingerprints)>,
    scores: BTreeMap<String, DocScore>,
    record: RuleRecord,
    /// the word lists the tagger's list features read (none: no list features)
    lists: Option<Pipeline>,
}

fn fingerprint(text: &str, spans: &[&Span]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    text.bytes().for_each(&mut eat);
    for s in spans {
        format!("|{}:{}:{}", s.start, s.end, s.label)
            .bytes()
            .for_each(&mut eat);
    }
    h
}

/// The sentences of a text, whether each token opens one, and what the word lists say of each
/// token (empty without `lists`): the first part of featurising.
pub(super) fn sentences_and_marks(
    text: &str,
    tokens: &[Token],
    lists: Option<&Pipeline>,
) -> (Vec<std::ops::Range<usize>>, Vec<bool>, Vec<ListMarks>) {
    let sents = sentences(text, tokens);
    let mut starts = vec![false; tokens.len()];
    sents
        .iter()
        .filter(|s| s.start < tokens.len())
        .for_each(|s| starts[s.start] = true);
    let marks = lists
        .map(|p| p.list_marks(text, tokens))
        .unwrap_or_default();
    (sents, starts, marks)
}

/// Tokens, sentences, rule spans and features of a text (with list features when `lists`).
fn featurise(
    text: &str,
    tokens: &[Token],
    rules: &[Span],
    lists: Option<&Pipeline>,
) -> (Vec<std::ops::Range<usize>>, TokenFeatures) {
    let (sents, starts, marks) = sentences_and_marks(text, tokens, lists);
    let features = extract(text, tokens, &starts, rules, &marks);
    (sents, features)
}

impl Learner {
    pub fn new() -> Self {
        Learner::default()
    }

    /// The rule spans `learn_document` and `suggest_text` use: the detector of `use_lists`,
    /// else the compiled-in one.
    #[cfg(not(target_arch = "wasm32"))]
    fn native_rules(&self, text: &str, tokens: &[Token]) -> Vec<Span> {
        match &self.lists {
            Some(p) => p.detect(text, tokens),
            None => crate::detect::detect(text, tokens),
        }
    }

    /// Let the tagger read these word lists (given names, gazetteer phrases, rule words) as
    /// features of every token. Give the same lists before learning and suggesting (the
    /// detector whose spans are passed as `rules`); documents learnt before keep their features.
    pub fn use_lists(&mut self, lists: &Pipeline) {
        self.lists = Some(lists.clone());
    }

    /// Learn from a done document (its accepted spans). Returns how the suggestions
    /// scored on it before learning, when it is new or changed. Idempotent: feeding the
    /// same document again (e.g. after a reload) changes nothing. (Native builds: the web
    /// page passes its own detector's spans to `learn_document_with`.)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn learn_document(&mut self, id: &str, text: &str, spans: &[Span]) -> Option<DocScore> {
        let tokens = tokenize(text);
        let rules = self.native_rules(text, &tokens);
        self.learn_document_with(id, text, &tokens, &rules, spans)
    }

    /// `learn_document` with the tokens and rule spans given (a page whose detector has a
    /// user gazetteer passes what it showed; use the same rules later in `suggest`).
    pub fn learn_document_with(
        &mut self,
        id: &str,
        text: &str,
        tokens: &[Token],
        rules: &[Span],
        spans: &[Span],
    ) -> Option<DocScore> {
        let (sents, features) = featurise(text, tokens, rules, self.lists.as_ref());
        self.remember(id, text, tokens, rules, spans, sents, features)
    }

    /// The word lists the tagger's list features read (none: no list features).
    pub(super) fn lists(&self) -> Option<&Pipeline> {
        self.lists.as_ref()
    }

    /// The last part of learning a featurised document: score the suggestions on it (when new
    /// or changed), remember its spans and what the user did to the rules, keep it to train on.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn remember(
        &mut self,
        id: &str,
        text: &str,
        tokens: &[Token],
        rules: &[Span],
        spans: &[Span],
        sents: Vec<std::ops::Range<usize>>,
        features: TokenFeatures,
    ) -> Option<DocScore> {
        let accepted: Vec<&Span> = spans.iter().filter(|s| s.is_accepted()).collect();
        let fp = fingerprint(text, &accepted);
        let mut score = None;
        let known = self
            .examples
            .get(id)
            .map(|e| e.0)
            .or(self.trained_on.get(id).map(|t| t.0));
        if known != Some(fp) {
            let prediction = self
                .tagger
                .as_ref()
                .map(|t| t.predict(tokens, &features, &sents));
            let suggested =
                self.merge_suggestions(text, tokens, rules, prediction, &MergePolicy::default());
            let tp = suggested
                .iter()
                .filter(|s| {
                    accepted
                        .iter()
                        .any(|g| g.start == s.start && g.end == s.end && g.label == s.label)
                })
                .count() as u32;
            let order = self.scores.values().map(|s| s.order + 1).max().unwrap_or(0);
            let ds = DocScore {
                order,
                true_positives: tp,
                false_positives: suggested.len() as u32 - tp,
                false_negatives: accepted.len() as u32 - tp,
            };
            self.scores.insert(id.to_string(), ds);
            score = Some(ds);
        }
        let owned: Vec<Span> = accepted.iter().map(|s| (*s).clone()).collect();
        self.memory.add_document(id, text, tokens, &owned);
        let shown: Vec<Span> = rules
            .iter()
            .filter(|s| !self.memory.is_rejected(text, tokens, s))
            .cloned()
            .collect();
        self.record
            .add_document(id, text, tokens, &shown, &accepted);
        let gold = accepted
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect();
        self.examples.insert(
            id.to_string(),
            (
                fp,
                Arc::new(Example {
                    tokens: tokens.to_vec(),
                    features,
                    sentences: sents,
                    gold,
                }),
            ),
        );
        score
    }

    /// Forget a document (it was deleted or reopened); the tagger retrains on the next step.
    pub fn forget_document(&mut self, id: &str) {
        self.memory.forget_document(id);
        self.record.forget_document(id);
        self.examples.remove(id);
        self.scores.remove(id);
    }

    /// Remember that a suggestion was rejected here.
    pub fn reject(&mut self, text: &str, tokens: &[Token], span: &Span) {
        self.memory.reject(text, tokens, span);
    }

    fn example_set(&self) -> BTreeMap<String, (u64, u32)> {
        self.examples
            .iter()
            .map(|(id, (fp, e))| (id.clone(), (*fp, e.gold.len() as u32)))
            .collect()
    }

    /// Documents the learner remembers (from a saved learner) but has not been fed
    /// again since loading: feed them with `learn_document` before training, or the
    /// next training run would forget them. Training waits until this is empty.
    pub fn missing_documents(&self) -> Vec<String> {
        self.memory
            .document_ids()
            .filter(|id| !self.examples.contains_key(*id))
            .map(String::from)
            .collect()
    }

    /// Is there something to train (new or changed documents, or a run under way)?
    pub fn needs_training(&self) -> bool {
        self.run.is_some() || (!self.examples.is_empty() && self.example_set() != self.trained_on)
    }

    /// Train on at most `budget` sentences (about 0.1 ms each natively), starting a run
    /// when documents changed. When the run finishes the new tagger replaces the old one.
    pub fn train_step(&mut self, budget: usize) -> Progress {
        if self.run.is_none() {
            if !self.needs_training() || !self.missing_documents().is_empty() {
                return Progress {
                    done: 0,
                    total: 0,
                    finished: true,
                };
            }
            let set = self.example_set();
            let examples: Vec<Arc<Example>> =
                self.examples.values().map(|(_, e)| Arc::clone(e)).collect();
            let trainer = Trainer::new(&examples, DEFAULT_EPOCHS);
            self.run = Some((trainer, examples, set));
        }
        let Some((trainer, examples, _)) = self.run.as_mut() else {
            return Progress {
                done: 0,
                total: 0,
                finished: true,
            };
        };
        let progress = trainer.step(examples, budget);
        if progress.finished {
            if let Some((trainer, _, set)) = self.run.take() {
                self.tagger = Some(trainer.tagger());
                self.trained_on = set;
            }
        }
        progress
    }

    /// Train to the end in one go (CLI, tests).
    pub fn train(&mut self) {
        while !self.train_step(4096).finished {}
    }

    pub fn tagger(&self) -> Option<&Tagger> {
        self.tagger.as_ref()
    }

    /// What the tagger alone says (None before any training).
    pub fn predict(&self, text: &str, tokens: &[Token], rules: &[Span]) -> Option<Prediction> {
        let tagger = self.tagger.as_ref()?;
        let (sents, features) = featurise(text, tokens, rules, self.lists.as_ref());
        Some(tagger.predict(tokens, &features, &sents))
    }

    /// How much the tagger has to learn from this document ("most to learn" first): the
    /// share of its capitalised words the tagger has never seen, plus the share of tokens it
    /// is unsure of (outside probability between 0.1 and 0.9), plus the mean doubt
    /// (1 − confidence) of its suggested spans. None before any training.
    pub fn uncertainty(&self, text: &str, tokens: &[Token], rules: &[Span]) -> Option<f32> {
        let tagger = self.tagger.as_ref()?;
        let (sents, features) = featurise(text, tokens, rules, self.lists.as_ref());
        let prediction = tagger.predict(tokens, &features, &sents);
        if tokens.is_empty() {
            return Some(0.0);
        }
        let capitalised: Vec<usize> = (0..tokens.len())
            .filter(|&i| {
                tokens[i]
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
            .collect();
        // the second feature of a token is its word as written (features::extract)
        let new_words = capitalised
            .iter()
            .filter(|&&i| {
                features
                    .of(i)
                    .get(1)
                    .is_none_or(|id| !tagger.weights.contains_key(id))
            })
            .count() as f32
            / capitalised.len().max(1) as f32;
        let unsure = prediction
            .outside
            .iter()
            .filter(|&&p| (0.1..0.9).contains(&p))
            .count() as f32
            / tokens.len() as f32;
        let doubt = prediction
            .spans
            .iter()
            .map(|s| 1.0 - s.confidence.unwrap_or(1.0))
            .sum::<f32>()
            / prediction.spans.len().max(1) as f32;
        Some(new_words + unsure + doubt)
    }

    /// Rule spans merged with memory and model suggestions, rejected ones left out.
    pub fn suggest(
        &self,
        text: &str,
        tokens: &[Token],
        rules: &[Span],
        policy: &MergePolicy,
    ) -> Vec<Span> {
        let prediction = self.predict(text, tokens, rules);
        self.merge_suggestions(text, tokens, rules, prediction, policy)
    }

    /// Memory suggestions merged with rules and a prediction, rejected ones left out.
    fn merge_suggestions(
        &self,
        text: &str,
        tokens: &[Token],
        rules: &[Span],
        prediction: Option<Prediction>,
        policy: &MergePolicy,
    ) -> Vec<Span> {
        let remembered = self.memory.suggest(text, tokens);
        let model = prediction.as_ref().zip(self.tagger.as_ref());
        let kept: Vec<Span> = rules
            .iter()
            .filter(|s| !self.memory.is_rejected(text, tokens, s))
            .cloned()
            .collect();
        let evidence = Evidence {
            text,
            record: &self.record,
        };
        let mut merged = merge(tokens, &kept, &remembered, model, Some(&evidence), policy);
        // a learner that has learnt nothing suggests the rules alone
        let learnt = self.tagger.is_some() || self.memory.document_count() > 0;
        let again = if learnt {
            same_names(text, tokens, &merged, policy.discourse)
        } else {
            Vec::new()
        };
        if !again.is_empty() {
            merged.extend(again);
            merged.sort_by_key(|s| s.start);
        }
        merged
            .into_iter()
            .filter(|s| !self.memory.is_rejected(text, tokens, s))
            .collect()
    }

    /// Tokenize, run the rule detector and suggest: the whole pipeline for one text.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn suggest_text(&self, text: &str, policy: &MergePolicy) -> Vec<Span> {
        let tokens = tokenize(text);
        let rules = self.native_rules(text, &tokens);
        self.suggest(text, &tokens, &rules, policy)
    }

    /// Forget everything learnt (the word lists of `use_lists` stay).
    pub fn reset(&mut self) {
        let lists = self.lists.take();
        *self = Learner::default();
        self.lists = lists;
    }

    pub fn stats(&self) -> LearnStats {
        let mut by_order: Vec<&DocScore> = self.scores.values().collect();
        by_order.sort_by_key(|s| s.order);
        let curve_from = by_order.len().saturating_sub(CURVE);
        let recent_curve = (curve_from..by_order.len())
            .map(|j| f1_of(by_order[(j + 1).saturating_sub(RECENT)..=j].iter().copied()))
            .collect();
        let recent = &by_order[by_order.len().saturating_sub(RECENT)..];
        let recent_f1 = (!recent.is_empty()).then(|| f1_of(recent.iter().copied()));
        LearnStats {
            documents: self.memory.document_count(),
            spans: self.memory.span_count(),
            trained_documents: self.trained_on.len(),
            trained_spans: self.trained_on.values().map(|t| t.1 as usize).sum(),
            remembered_forms: self.memory.forms(),
            rejections: self.memory.rejection_count(),
            model_weights: self.tagger.as_ref().map(Tagger::weight_count).unwrap_or(0),
            recent_f1,
            recent_curve,
            scored_documents: self.scores.len(),
            training: self.run.as_ref().map(|r| r.0.progress()),
            missing_documents: self.missing_documents().len(),
        }
    }

    /// The learner as one JSON string (memory, quantised model, scores).
    pub fn to_json(&self) -> String {
        let file = LearnerFile {
            format: FORMAT.into(),
            version: MODEL_VERSION,
            memory: self.memory.clone(),
            model: self.tagger.as_ref().map(ModelFile::from_tagger),
            trained_on: self.trained_on.clone(),
            scores: self.scores.clone(),
            rules: self.record.clone(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Load a saved learner. Training examples are not saved: feed the done documents
    /// again with `learn_document` (cheap and idempotent) before the next training.
    pub fn from_json(json: &str) -> Result<Self, LearnError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| LearnError::NotAModel(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(LearnError::NotAModel(
                "it has no \"format\": \"spanmark-learner\"".into(),
            ));
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if version > MODEL_VERSION {
            return Err(LearnError::TooNew(version));
        }
        let file: LearnerFile =
            serde_json::from_value(value).map_err(|e| LearnError::Damaged(e.to_string()))?;
        let mut memory = file.memory;
        memory.reindex();
        let tagger = file.model.as_ref().map(ModelFile::to_tagger).transpose()?;
        let mut record = file.rules;
        record.reindex();
        Ok(Learner {
            record,
            memory,
            tagger,
            trained_on: file.trained_on,
            scores: file.scores,
            ..Learner::default()
        })
    }
}
