//! Token-level agreement over BIO tags of the core tokenizer: Cohen's kappa for a pair and
//! Krippendorff's alpha (nominal, missing values allowed) for any number of annotators.

use crate::document::Document;
use crate::span::Span;

/// BIO tag codes: 0 is O, label l is B = 1 + 2l and I = 2 + 2l.
pub fn bio_tags(doc: &Document, spans: &[Span], label_index: &dyn Fn(&str) -> usize) -> Vec<u32> {
    let mut tags = vec![0u32; doc.tokens().len()];
    for s in spans {
        let l = label_index(&s.label) as u32;
        let range = doc.tokens_overlapping(s.start, s.end);
        for (n, t) in range.enumerate() {
            tags[t] = if n == 0 { 1 + 2 * l } else { 2 + 2 * l };
        }
    }
    tags
}

/// The label a tag belongs to (None for O).
pub fn tag_label(tag: u32) -> Option<usize> {
    (tag > 0).then(|| ((tag - 1) / 2) as usize)
}

/// How often A's tag and B's tag co-occur on a token, for Cohen's kappa.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagMatrix {
    size: usize,
    counts: Vec<u64>,
    pub tokens: u64,
}

impl TagMatrix {
    pub fn new(labels: usize) -> TagMatrix {
        let size = 1 + 2 * labels;
        TagMatrix {
            size,
            counts: vec![0; size * size],
            tokens: 0,
        }
    }

    pub fn add(&mut self, a: &[u32], b: &[u32]) {
        for (&x, &y) in a.iter().zip(b) {
            self.counts[x as usize * self.size + y as usize] += 1;
        }
        self.tokens += a.len().min(b.len()) as u64;
    }

    /// Cohen's kappa over all tags: (p_o − p_e) / (1 − p_e). When chance agreement is already
    /// perfect (both sides used one tag only), 1 if they agree everywhere.
    pub fn kappa(&self) -> f64 {
        let n = self.size;
        let (mut rows, mut cols) = (vec![0u64; n], vec![0u64; n]);
        let mut same = 0;
        for (i, row) in self.counts.chunks(n).enumerate() {
            for (j, &c) in row.iter().enumerate() {
                rows[i] += c;
                cols[j] += c;
                if i == j {
                    same += c;
                }
            }
        }
        kappa(
            self.tokens,
            same,
            rows.iter().zip(&cols).map(|(&r, &c)| (r, c)),
        )
    }

    /// Cohen's kappa for one label: a token is in the label (B or I) or not.
    pub fn label_kappa(&self, label: usize) -> f64 {
        let n = self.size;
        let inside = |t: usize| tag_label(t as u32) == Some(label);
        let (mut both, mut only_a, mut only_b) = (0, 0, 0);
        for i in 0..n {
            for j in 0..n {
                let c = self.counts[i * n + j];
                match (inside(i), inside(j)) {
                    (true, true) => both += c,
                    (true, false) => only_a += c,
                    (false, true) => only_b += c,
                    _ => {}
                }
            }
        }
        let neither = self.tokens - both - only_a - only_b;
        let a_in = both + only_a;
        let b_in = both + only_b;
        kappa(
            self.tokens,
            both + neither,
            [(a_in, b_in), (self.tokens - a_in, self.tokens - b_in)].into_iter(),
        )
    }
}

fn kappa(total: u64, same: u64, marginals: impl Iterator<Item = (u64, u64)>) -> f64 {
    if total == 0 {
        return 1.0;
    }
    let t = total as f64;
    let po = same as f64 / t;
    let pe: f64 = marginals
        .map(|(r, c)| (r as f64 / t) * (c as f64 / t))
        .sum();
    if (1.0 - pe).abs() < 1e-12 {
        return if same == total { 1.0 } else { 0.0 };
    }
    (po - pe) / (1.0 - pe)
}

/// Krippendorff's alpha, nominal: tokens are units, annotators are coders, tags are values.
/// Units with fewer than two values (a document only one annotator has) do not count.
#[derive(Debug, Clone, PartialEq)]
pub struct AlphaTally {
    /// pairable values per tag
    values: Vec<f64>,
    /// Σ over units of (m² − Σ count²) / (m − 1): the observed disagreement, unnormalised
    disagreement: f64,
    /// per label: values inside it, and the binary disagreement
    label_values: Vec<f64>,
    label_disagreement: Vec<f64>,
    pub units: u64,
}

impl AlphaTally {
    pub fn new(labels: usize) -> AlphaTally {
        AlphaTally {
            values: vec![0.0; 1 + 2 * labels],
            disagreement: 0.0,
            label_values: vec![0.0; labels],
            label_disagreement: vec![0.0; labels],
            units: 0,
        }
    }

    /// One document: the tag sequence of every annotator that has it (same tokens).
    pub fn add(&mut self, coders: &[&[u32]]) {
        if coders.len() < 2 {
            return;
        }
        let m = coders.len() as f64;
        let tokens = coders.iter().map(|c| c.len()).min().unwrap_or(0);
        let mut seen: Vec<(u32, u32)> = Vec::with_capacity(coders.len());
        for t in 0..tokens {
            seen.clear();
            for c in coders {
                let tag = c[t];
                match seen.iter_mut().find(|(v, _)| *v == tag) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((tag, 1)),
                }
            }
            self.units += 1;
            let mut squares = 0.0;
            for &(tag, n) in &seen {
                let n = f64::from(n);
                self.values[tag as usize] += n;
                squares += n * n;
            }
            self.disagreement += (m * m - squares) / (m - 1.0);
            if seen.len() == 1 && seen[0].0 == 0 {
                continue;
            }
            // labels present in this unit: binary inside / outside counts
            for &(tag, _) in &seen {
                let Some(l) = tag_label(tag) else { continue };
                if seen
                    .iter()
                    .any(|&(o, _)| o != tag && tag_label(o) == Some(l) && o < tag)
                {
                    continue; // this label was already counted through its other tag
                }
                let inside: f64 = seen
                    .iter()
                    .filter(|&&(o, _)| tag_label(o) == Some(l))
                    .map(|&(_, n)| f64::from(n))
                    .sum();
                self.label_values[l] += inside;
                self.label_disagreement[l] += 2.0 * inside * (m - inside) / (m - 1.0);
            }
        }
    }

    /// Alpha over all tags (1 when every value is the same tag).
    pub fn alpha(&self) -> f64 {
        let n: f64 = self.values.iter().sum();
        let squares: f64 = self.values.iter().map(|v| v * v).sum();
        alpha(n, self.disagreement, n * n - squares)
    }

    /// Alpha for one label: a token is inside it or not.
    pub fn label_alpha(&self, label: usize) -> f64 {
        let n: f64 = self.values.iter().sum();
        let inside = self.label_values[label];
        alpha(
            n,
            self.label_disagreement[label],
            2.0 * inside * (n - inside),
        )
    }
}

fn alpha(n: f64, observed: f64, expected_pairs: f64) -> f64 {
    if expected_pairs <= 0.0 {
        return 1.0;
    }
    1.0 - (n - 1.0) * observed / expected_pairs
}
