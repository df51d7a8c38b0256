//! The best valid BILOU path through a sentence's emission scores (Viterbi), with the allowed
//! tag steps and their transition weights laid out flat so the inner loop reads them in order.

use super::tagger::Lattice;

/// The steps the lattice allows into each tag, with the weight of each: what Viterbi reads.
/// Built once per set of transitions (a prediction, or a training run that keeps it current).
#[derive(Debug, Clone)]
pub(crate) struct Steps {
    tags: usize,
    /// may the tag open / close a sentence
    opens: Vec<bool>,
    closes: Vec<bool>,
    /// the weight of opening a sentence with each tag (row 0 of the transitions)
    start: Vec<f32>,
    /// `into[bounds[t]..bounds[t + 1]]`: (previous tag, weight) of each step allowed into t,
    /// previous tags in increasing order (ties keep the first, as the plain loop did)
    bounds: Vec<usize>,
    into: Vec<(u32, f32)>,
    /// where transition k = (previous + 1) × tags + t is in `into` (usize::MAX: not allowed)
    slot: Vec<usize>,
}

impl Steps {
    /// The steps of `lattice` weighted by `transitions` ((tags + 1) × tags, row 0 the start).
    pub fn new(lattice: &Lattice, transitions: &[f32]) -> Self {
        let tags = lattice.tags;
        let mut slot = vec![usize::MAX; (tags + 1) * tags];
        let mut bounds = Vec::with_capacity(tags + 1);
        let mut into = Vec::new();
        bounds.push(0);
        for t in 0..tags {
            for &p in &lattice.before[t] {
                let k = (p + 1) * tags + t;
                slot[k] = into.len();
                into.push((p as u32, transitions.get(k).copied().unwrap_or(0.0)));
            }
            bounds.push(into.len());
        }
        Steps {
            tags,
            opens: lattice.opens.clone(),
            closes: lattice.closes.clone(),
            start: (0..tags)
                .map(|t| transitions.get(t).copied().unwrap_or(0.0))
                .collect(),
            bounds,
            into,
            slot,
        }
    }

    /// Transition k ((previous + 1) × tags + t, or t for a sentence start) now weighs `w`.
    pub fn set(&mut self, k: usize, w: f32) {
        if k < self.tags {
            self.start[k] = w;
        } else if let Some(&s) = self.slot.get(k).filter(|&&s| s != usize::MAX) {
            self.into[s].1 = w;
        }
    }
}

/// Best valid tag path for emission scores `em` (n × tags, row-major) into `path`, with
/// `score` and `back` as scratch (resized here).
pub(crate) fn best_path(
    em: &[f32],
    steps: &Steps,
    score: &mut Vec<f32>,
    back: &mut Vec<u32>,
    path: &mut Vec<usize>,
) {
    let tags = steps.tags;
    let n = em.len() / tags.max(1);
    path.clear();
    if n == 0 || tags == 0 {
        return;
    }
    score.clear();
    score.resize(n * tags, f32::NEG_INFINITY);
    back.clear();
    back.resize(n * tags, 0);
    for t in 0..tags {
        if steps.opens[t] {
            score[t] = em[t] + steps.start[t];
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i * tags);
        let prev = &done[(i - 1) * tags..];
        let row = &mut rest[..tags];
        let back_row = &mut back[i * tags..(i + 1) * tags];
        let em_row = &em[i * tags..(i + 1) * tags];
        for t in 0..tags {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u32;
            for &(p, w) in &steps.into[steps.bounds[t]..steps.bounds[t + 1]] {
                let s = prev[p as usize] + w;
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            row[t] = best + em_row[t];
            back_row[t] = arg;
        }
    }
    let last_row = &score[(n - 1) * tags..];
    let mut last = 0;
    let mut best = f32::NEG_INFINITY;
    for (t, (&s, &closes)) in last_row.iter().zip(&steps.closes).enumerate() {
        if closes && s > best {
            best = s;
            last = t;
        }
    }
    path.resize(n, 0);
    path[n - 1] = last;
    for i in (1..n).rev() {
        path[i - 1] = back[i * tags + path[i]] as usize;
    }
}

/// Best valid tag path for emission scores `em` (n × tags, row-major); transitions are
/// (tags + 1) × tags with row 0 for the sentence start (tests; the tagger and trainer keep
/// their `Steps` and scratch between sentences).
#[cfg(test)]
pub(crate) fn viterbi(em: &[f32], lattice: &Lattice, transitions: &[f32]) -> Vec<usize> {
    let mut path = Vec::new();
    let steps = Steps::new(lattice, transitions);
    best_path(em, &steps, &mut Vec::new(), &mut Vec::new(), &mut path);
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dice::Dice;

    /// The loop as it was before `Steps` (2026-12-07): the reference the fast one must match.
    fn plain_viterbi(em: &[f32], lattice: &Lattice, transitions: &[f32]) -> Vec<usize> {
        let tags = lattice.tags;
        let n = em.len() / tags;
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![f32::NEG_INFINITY; n * tags];
        let mut back = vec![0usize; n * tags];
        for t in (0..tags).filter(|&t| lattice.opens[t]) {
            score[t] = em[t] + transitions[t];
        }
        for i in 1..n {
            for t in 0..tags {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for &p in &lattice.before[t] {
                    let s = score[(i - 1) * tags + p] + transitions[(p + 1) * tags + t];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                score[i * tags + t] = best + em[i * tags + t];
                back[i * tags + t] = arg;
            }
        }
        let mut last = 0;
        let mut best = f32::NEG_INFINITY;
        for t in (0..tags).filter(|&t| lattice.closes[t]) {
            if score[(n - 1) * tags + t] > best {
                best = score[(n - 1) * tags + t];
                last = t;
            }
        }
        let mut path = vec![0; n];
        path[n - 1] = last;
        for i in (1..n).rev() {
            path[i - 1] = back[i * tags + path[i]];
        }
        path
    }

    #[test]
    fn the_flat_steps_find_the_same_paths_as_the_plain_loop() {
        let mut dice = Dice(0x2545_f491_4f6c_dd1d);
        for round in 0..300 {
            let tags = 1 + 4 * (1 + dice.roll(6));
            let lattice = Lattice::new(tags);
            let n = 1 + dice.roll(25);
            // small integers make ties common: the first best predecessor must win in both
            let value =
                |d: &mut Dice| (d.roll(7) as f32 - 3.0) * if round % 2 == 0 { 1.0 } else { 0.37 };
            let em: Vec<f32> = (0..n * tags).map(|_| value(&mut dice)).collect();
            let mut trans: Vec<f32> = (0..(tags + 1) * tags).map(|_| value(&mut dice)).collect();
            let mut steps = Steps::new(&lattice, &trans);
            // a training run changes some transitions between sentences
            for _ in 0..dice.roll(10) {
                let k = dice.roll(trans.len());
                trans[k] += 1.0;
                steps.set(k, trans[k]);
            }
            let (mut score, mut back, mut path) = (Vec::new(), Vec::new(), Vec::new());
            best_path(&em, &steps, &mut score, &mut back, &mut path);
            assert_eq!(path, plain_viterbi(&em, &lattice, &trans), "round {round}");
            assert_eq!(viterbi(&em, &lattice, &trans), path, "round {round}");
        }
    }
}
