//! The sequence tagger: linear scores of hashed token features per BILOU tag plus tag
//! transitions, decoded with Viterbi under BILOU validity; confidences from marginals.

use super::bilou::{decode, TagSet};
use super::features::{FeatureMap, TokenFeatures};
use super::viterbi::{best_path, Steps};
use crate::span::{Origin, Span};
use crate::token::Token;

/// Scores are divided by this before marginals are taken (perceptron weights are unscaled).
const TEMPERATURE: f32 = 4.0;

/// A trained tagger: what `Trainer` produces and `model` serialises.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub(crate) tags: TagSet,
    /// feature id → (tag, weight) for the tags whose weight is not zero
    pub(crate) weights: FeatureMap<Vec<(u16, f32)>>,
    /// (tags + 1) × tags: row 0 is "sentence start", row t+1 is "after tag t"
    pub(crate) transitions: Vec<f32>,
    /// training spans seen per label (a label the model never saw cannot be vetoed by it)
    pub(crate) label_counts: Vec<u32>,
}

/// What the tagger says about one text.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    /// suggested spans, origin Model, with a confidence
    pub spans: Vec<Span>,
    /// per token, the probability that it is outside every entity
    pub outside: Vec<f32>,
}

/// Which tag may follow which: for each tag, the tags allowed before it.
#[derive(Debug, Clone)]
pub(crate) struct Lattice {
    pub tags: usize,
    /// may the tag open a sentence
    pub opens: Vec<bool>,
    /// may the tag close a sentence
    pub closes: Vec<bool>,
    /// allowed predecessors of each tag
    pub before: Vec<Vec<usize>>,
    /// allowed successors of each tag
    pub after: Vec<Vec<usize>>,
}

impl Lattice {
    pub fn new(tags: usize) -> Self {
        Lattice {
            tags,
            opens: (0..tags).map(|t| TagSet::allowed(None, t)).collect(),
            closes: (0..tags).map(TagSet::may_end).collect(),
            before: (0..tags)
                .map(|t| (0..tags).filter(|&p| TagSet::allowed(Some(p), t)).collect())
                .collect(),
            after: (0..tags)
                .map(|p| (0..tags).filter(|&t| TagSet::allowed(Some(p), t)).collect())
                .collect(),
        }
    }
}

/// Scale a row to sum to one (rows of zeros stay zeros).
fn normalise(row: &mut [f32]) {
    let sum: f32 = row.iter().sum();
    if sum > 0.0 {
        row.iter_mut().for_each(|x| *x /= sum);
    }
}

/// Posterior probability of each tag at each position (forward-backward over valid
/// paths), computed with potentials rescaled per position so nothing overflows.
pub(crate) fn marginals(em: &[f32], lattice: &Lattice, transitions: &[f32]) -> Vec<f32> {
    let tags = lattice.tags;
    let n = em.len() / tags;
    let mut psi = vec![0.0f32; n * tags];
    for i in 0..n {
        let row = &em[i * tags..(i + 1) * tags];
        let top = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        for t in 0..tags {
            psi[i * tags + t] = ((row[t] - top) / TEMPERATURE).exp();
        }
    }
    // every step uses exactly one transition, so shifting them all by one constant cancels
    let top = transitions
        .iter()
        .copied()
        .fold(f32::NEG_INFINITY, f32::max);
    let phi: Vec<f32> = transitions
        .iter()
        .map(|w| ((w - top) / TEMPERATURE).exp())
        .collect();
    let mut alpha = vec![0.0f32; n * tags];
    let mut beta = vec![0.0f32; n * tags];
    for t in (0..tags).filter(|&t| lattice.opens[t]) {
        alpha[t] = phi[t] * psi[t];
    }
    normalise(&mut alpha[..tags.min(n * tags)]);
    for i in 1..n {
        for t in 0..tags {
            let sum: f32 = lattice.before[t]
                .iter()
                .map(|&p| alpha[(i - 1) * tags + p] * phi[(p + 1) * tags + t])
                .sum();
            alpha[i * tags + t] = sum * psi[i * tags + t];
        }
        normalise(&mut alpha[i * tags..(i + 1) * tags]);
    }
    if n > 0 {
        for t in (0..tags).filter(|&t| lattice.closes[t]) {
            beta[(n - 1) * tags + t] = 1.0;
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        for t in 0..tags {
            beta[i * tags + t] = lattice.after[t]
                .iter()
                .map(|&q| {
                    phi[(t + 1) * tags + q] * psi[(i + 1) * tags + q] * beta[(i + 1) * tags + q]
                })
                .sum();
        }
        normalise(&mut beta[i * tags..(i + 1) * tags]);
    }
    let mut out: Vec<f32> = alpha.iter().zip(&beta).map(|(a, b)| a * b).collect();
    for i in 0..n {
        normalise(&mut out[i * tags..(i + 1) * tags]);
    }
    out
}

impl Tagger {
    pub fn labels(&self) -> &[String] {
        self.tags.labels()
    }

    /// How many training spans carried this label.
    pub fn label_count(&self, label: &str) -> u32 {
        self.tags
            .label_index(label)
            .and_then(|i| self.label_counts.get(i).copied())
            .unwrap_or(0)
    }

    /// Number of stored (feature, tag) weights.
    pub fn weight_count(&self) -> usize {
        self.weights.values().map(Vec::len).sum()
    }

    fn emissions(&self, feats: &TokenFeatures, range: std::ops::Range<usize>) -> Vec<f32> {
        let tags = self.tags.len();
        let mut em = vec![0.0; range.len() * tags];
        for (row, i) in range.enumerate() {
            for id in feats.of(i) {
                if let Some(ws) = self.weights.get(id) {
                    for &(t, w) in ws {
                        em[row * tags + t as usize] += w;
                    }
                }
            }
        }
        em
    }

    /// Tag a featurised text sentence by sentence.
    pub fn predict(
        &self,
        tokens: &[Token],
        feats: &TokenFeatures,
        sentences: &[std::ops::Range<usize>],
    ) -> Prediction {
        let tags = self.tags.len();
        let lattice = Lattice::new(tags);
        let steps = Steps::new(&lattice, &self.transitions);
        let (mut score, mut back, mut path) = (Vec::new(), Vec::new(), Vec::new());
        let mut out = Prediction {
            spans: Vec::new(),
            outside: vec![1.0; tokens.len()],
        };
        for sent in sentences
            .iter()
            .filter(|s| !s.is_empty() && s.end <= tokens.len())
        {
            let em = self.emissions(feats, sent.clone());
            best_path(&em, &steps, &mut score, &mut back, &mut path);
            let marg = marginals(&em, &lattice, &self.transitions);
            for (row, i) in sent.clone().enumerate() {
                out.outside[i] = marg[row * tags];
            }
            for ts in decode(&path) {
                let confidence = (ts.first..ts.end)
                    .map(|row| marg[row * tags + path[row]])
                    .fold(1.0f32, f32::min);
                let label = self.tags.labels()[ts.label].clone();
                let mut span = Span::suggested(
                    tokens[sent.start + ts.first].start,
                    tokens[sent.start + ts.end - 1].end,
                    label,
                    Origin::Model,
                );
                span.confidence = Some(confidence.clamp(0.0, 1.0));
                out.spans.push(span);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::viterbi::viterbi;
    use super::*;

    #[test]
    fn viterbi_never_returns_an_invalid_path() {
        // one label: tags O, B, I, L, U; emissions favour a lone B, which is invalid
        let tags = 5;
        let em = vec![
            0.0, 5.0, 0.0, 0.0, 0.0, /* next */ 1.0, 0.0, 0.0, 0.0, 0.0,
        ];
        let trans = vec![0.0; (tags + 1) * tags];
        let path = viterbi(&em, &Lattice::new(tags), &trans);
        assert!(TagSet::allowed(None, path[0]));
        assert!(TagSet::allowed(Some(path[0]), path[1]));
        assert!(TagSet::may_end(path[1]));
        assert_eq!(path, vec![1, 3], "B then L beats O O when B scores 5");
    }

    #[test]
    fn marginals_sum_to_one() {
        let tags = 5;
        let em = vec![
            0.3, 1.0, 0.0, 0.2, 0.5, 0.0, 0.1, 0.4, 0.9, 0.2, 1.0, 0.0, 0.0, 0.3, 0.0,
        ];
        let trans = vec![0.1; (tags + 1) * tags];
        let m = marginals(&em, &Lattice::new(tags), &trans);
        for i in 0..3 {
            let s: f32 = m[i * tags..(i + 1) * tags].iter().sum();
            assert!((s - 1.0).abs() < 1e-4, "row {i} sums to {s}");
        }
        assert!(m[2] < 1e-6, "I cannot start a sentence");
    }

    #[test]
    fn marginals_match_brute_force_over_all_valid_paths() {
        let tags = 5;
        let lattice = Lattice::new(tags);
        let em: Vec<f32> = (0..15).map(|i| ((i * 7) % 11) as f32 * 0.9 - 3.0).collect();
        let trans: Vec<f32> = (0..30).map(|i| ((i * 5) % 7) as f32 * 0.8 - 2.0).collect();
        let mut want = [0.0f64; 15];
        let mut z = 0.0f64;
        for code in 0..125 {
            let path = [code / 25, (code / 5) % 5, code % 5];
            let valid = lattice.opens[path[0]]
                && TagSet::allowed(Some(path[0]), path[1])
                && TagSet::allowed(Some(path[1]), path[2])
                && lattice.closes[path[2]];
            if !valid {
                continue;
            }
            let score = trans[path[0]]
                + (0..3).map(|i| em[i * tags + path[i]]).sum::<f32>()
                + trans[(path[0] + 1) * tags + path[1]]
                + trans[(path[1] + 1) * tags + path[2]];
            let w = ((score / TEMPERATURE) as f64).exp();
            z += w;
            for i in 0..3 {
                want[i * tags + path[i]] += w;
            }
        }
        let got = marginals(&em, &lattice, &trans);
        for k in 0..15 {
            assert!(
                (got[k] as f64 - want[k] / z).abs() < 1e-4,
                "cell {k}: {} vs {}",
                got[k],
                want[k] / z
            );
        }
    }
}
