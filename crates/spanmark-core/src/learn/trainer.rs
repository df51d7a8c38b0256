//! Training the tagger: a structured averaged perceptron over sentences, run in slices
//! (`step(budget)`) so a page can train without blocking for more than a few milliseconds.

use std::borrow::Borrow;
use std::ops::Range;

use super::bilou::{encode, TagSet};
use super::features::{FeatureMap, TokenFeatures};
use super::tagger::{Lattice, Tagger};
use super::viterbi::{best_path, Steps};
use crate::token::Token;

/// Passes over the training sentences (8: chosen on cross-validation over the world-news
/// training articles, BENCHMARKS.md; 6 before, 10 and 15 no better).
pub const DEFAULT_EPOCHS: usize = 8;

/// One annotated text, featurised once: what the tagger learns from.
#[derive(Debug, Clone)]
pub struct Example {
    pub tokens: Vec<Token>,
    pub features: TokenFeatures,
    pub sentences: Vec<Range<usize>>,
    /// accepted spans: (start, end, label) in code points
    pub gold: Vec<(usize, usize, String)>,
}

/// How far a training run has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub finished: bool,
}

#[derive(Debug, Clone, Copy)]
struct Acc {
    tag: u16,
    w: f32,
    total: f32,
    stamp: u32,
}

impl Acc {
    fn bump(&mut self, delta: f32, clock: u32) {
        self.total += self.w * (clock - self.stamp) as f32;
        self.stamp = clock;
        self.w += delta;
    }
    fn average(&self, clock: u32) -> f32 {
        let total = self.total + self.w * (clock - self.stamp) as f32;
        total / clock.max(1) as f32
    }
}

/// A training run over a fixed list of examples.
///
/// Feature ids are numbered once, in the first pass (`rows`: the n-th feature seen has row n of
/// `weights`), so the later passes index weights directly instead of hashing every feature of
/// every token again; the scores, paths and updates are the same as with the hashed map.
#[derive(Debug, Clone)]
pub struct Trainer {
    tags: TagSet,
    /// the allowed tag steps weighted by `current`, what Viterbi reads
    steps: Steps,
    gold: Vec<Vec<usize>>,
    /// (example, sentence) pairs in the order of the current epoch
    items: Vec<(usize, Range<usize>)>,
    epochs: usize,
    epoch: usize,
    cursor: usize,
    clock: u32,
    /// feature id → its row in `weights` and `ids`
    rows: FeatureMap<u32>,
    /// row → feature id
    ids: Vec<u32>,
    /// row → the feature's weight per tag (tags in the order first updated)
    weights: Vec<Vec<Acc>>,
    /// per example, the row of each of its features (parallel to `TokenFeatures::ids`;
    /// u32::MAX until its sentence is first learnt)
    numbered: Vec<Vec<u32>>,
    /// scratch of one sentence: emission scores, Viterbi's tables, the predicted path
    em: Vec<f32>,
    score: Vec<f32>,
    back: Vec<u32>,
    path: Vec<usize>,
    transitions: Vec<Acc>,
    /// current transition weights (the `w` of `transitions`), kept for decoding
    current: Vec<f32>,
    label_counts: Vec<u32>,
    seed: u64,
}

impl Trainer {
    /// Prepare a run; labels are taken from the examples' gold spans.
    pub fn new<E: Borrow<Example>>(examples: &[E], epochs: usize) -> Self {
        let examples: Vec<&Example> = examples.iter().map(Borrow::borrow).collect();
        let mut labels: Vec<String> = examples
            .iter()
            .flat_map(|e| e.gold.iter().map(|g| g.2.clone()))
            .collect();
        labels.sort();
        labels.dedup();
        let tags = TagSet::new(labels);
        let mut label_counts = vec![0u32; tags.labels().len()];
        let gold = examples
            .iter()
            .map(|e| {
                let spans: Vec<(usize, usize, usize)> = e
                    .gold
                    .iter()
                    .filter_map(|(s, t, l)| tags.label_index(l).map(|li| (*s, *t, li)))
                    .collect();
                spans.iter().for_each(|s| label_counts[s.2] += 1);
                encode(&e.tokens, &spans)
            })
            .collect();
        let items = examples
            .iter()
            .enumerate()
            .flat_map(|(x, e)| {
                e.sentences
                    .iter()
                    .filter(|s| !s.is_empty())
                    .map(move |s| (x, s.clone()))
            })
            .collect();
        let n = tags.len();
        let transitions = (0..(n + 1) * n)
            .map(|k| Acc {
                tag: (k % n) as u16,
                w: 0.0,
                total: 0.0,
                stamp: 0,
            })
            .collect();
        let current = vec![0.0; (n + 1) * n];
        Trainer {
            steps: Steps::new(&Lattice::new(n), &current),
            tags,
            gold,
            items,
            epochs,
            epoch: 0,
            cursor: 0,
            clock: 0,
            rows: FeatureMap::default(),
            ids: Vec::new(),
            weights: Vec::new(),
            numbered: examples
                .iter()
                .map(|e| vec![u32::MAX; e.features.ids().len()])
                .collect(),
            em: Vec::new(),
            score: Vec::new(),
            back: Vec::new(),
            path: Vec::new(),
            current,
            transitions,
            label_counts,
            seed: 0x9e37_79b9_7f4a_7c15,
        }
    }

    pub fn progress(&self) -> Progress {
        let total = self.items.len() * self.epochs;
        let done = (self.epoch * self.items.len() + self.cursor).min(total);
        Progress {
            done,
            total,
            finished: done >= total,
        }
    }

    /// Shuffle the sentence order for the next epoch (xorshift: deterministic runs).
    fn shuffle(&mut self) {
        for i in (1..self.items.len()).rev() {
            self.seed ^= self.seed << 13;
            self.seed ^= self.seed >> 7;
            self.seed ^= self.seed << 17;
            let j = (self.seed % (i as u64 + 1)) as usize;
            self.items.swap(i, j);
        }
    }

    /// Learn from at most `budget` sentences. `examples` must be the list given to `new`.
    pub fn step<E: Borrow<Example>>(&mut self, examples: &[E], budget: usize) -> Progress {
        for _ in 0..budget {
            if self.epoch >= self.epochs {
                break;
            }
            if self.cursor == 0 && self.epoch > 0 {
                self.shuffle();
            }
            if let Some((x, sent)) = self.items.get(self.cursor).cloned() {
                if let Some(example) = examples.get(x) {
                    self.learn_sentence(&example.borrow().features, x, sent);
                }
            }
            self.cursor += 1;
            if self.cursor >= self.items.len() {
                self.cursor = 0;
                self.epoch += 1;
            }
        }
        self.progress()
    }

    /// Give the features of a sentence their rows, the first time it is learnt.
    fn number(&mut self, feats: &TokenFeatures, example: usize, sent: Range<usize>) {
        let at = feats.at(sent);
        let mine = &mut self.numbered[example];
        if mine.get(at.start).is_none_or(|&r| r != u32::MAX) {
            return;
        }
        for (k, &id) in at.clone().zip(&feats.ids()[at]) {
            let next = self.ids.len() as u32;
            let row = *self.rows.entry(id).or_insert(next);
            if row == next {
                self.ids.push(id);
                self.weights.push(Vec::new());
            }
            mine[k] = row;
        }
    }

    fn learn_sentence(&mut self, feats: &TokenFeatures, example: usize, sent: Range<usize>) {
        self.number(feats, example, sent.clone());
        self.clock += 1;
        let n = self.tags.len();
        let len = sent.len();
        let rows = &self.numbered[example];
        self.em.clear();
        self.em.resize(len * n, 0.0);
        for (r, out) in self.em.chunks_mut(n).enumerate() {
            let at = feats.at(sent.start + r..sent.start + r + 1);
            for &row in &rows[at] {
                for a in &self.weights[row as usize] {
                    out[a.tag as usize] += a.w;
                }
            }
        }
        best_path(
            &self.em,
            &self.steps,
            &mut self.score,
            &mut self.back,
            &mut self.path,
        );
        let gold = &self.gold[example][sent.clone()];
        if self.path == gold {
            return;
        }
        let clock = self.clock;
        let pred = &self.path;
        for row in 0..len {
            let (g, p) = (gold[row], pred[row]);
            if g != p {
                let at = feats.at(sent.start + row..sent.start + row + 1);
                for &feature in &rows[at] {
                    let accs = &mut self.weights[feature as usize];
                    for (tag, delta) in [(g, 1.0), (p, -1.0)] {
                        match accs.iter_mut().find(|a| a.tag as usize == tag) {
                            Some(a) => a.bump(delta, clock),
                            None => {
                                let mut a = Acc {
                                    tag: tag as u16,
                                    w: 0.0,
                                    total: 0.0,
                                    stamp: clock,
                                };
                                a.bump(delta, clock);
                                accs.push(a);
                            }
                        }
                    }
                }
            }
            let gk = if row == 0 {
                g
            } else {
                (gold[row - 1] + 1) * n + g
            };
            let pk = if row == 0 {
                p
            } else {
                (pred[row - 1] + 1) * n + p
            };
            if gk != pk {
                self.transitions[gk].bump(1.0, clock);
                self.transitions[pk].bump(-1.0, clock);
                self.current[gk] += 1.0;
                self.current[pk] -= 1.0;
                self.steps.set(gk, self.current[gk]);
                self.steps.set(pk, self.current[pk]);
            }
        }
    }

    /// Run to the end without slicing.
    pub fn run<E: Borrow<Example>>(&mut self, examples: &[E]) {
        while !self.step(examples, 1024).finished {}
    }

    /// The averaged tagger of what has been learnt so far.
    pub fn tagger(&self) -> Tagger {
        let clock = self.clock;
        let mut weights = FeatureMap::default();
        for (&id, accs) in self.ids.iter().zip(&self.weights) {
            let row: Vec<(u16, f32)> = accs
                .iter()
                .map(|a| (a.tag, a.average(clock)))
                .filter(|(_, w)| w.abs() > 1e-3)
                .collect();
            if !row.is_empty() {
                weights.insert(id, row);
            }
        }
        Tagger {
            tags: self.tags.clone(),
            weights,
            transitions: self.transitions.iter().map(|a| a.average(clock)).collect(),
            label_counts: self.label_counts.clone(),
        }
    }
}
