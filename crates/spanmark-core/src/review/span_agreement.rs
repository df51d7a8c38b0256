//! Span agreement of two annotators: strict and overlap F1 (in percent), outcome counts and a
//! label × label confusion matrix, summed over documents.

use serde::Serialize;

use super::alignment::{align, Aligned, Outcome};
use crate::span::Span;

/// Span counts of one pair (or one label of it): how many each side has and how many match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SpanTally {
    pub a: usize,
    pub b: usize,
    /// spans with the same boundaries and label on both sides
    pub strict: usize,
    /// A's (B's) spans overlapping a span of the other side with the same label
    pub overlap_a: usize,
    pub overlap_b: usize,
}

fn percent(num: f64, den: f64) -> f64 {
    if den == 0.0 {
        100.0
    } else {
        100.0 * num / den
    }
}

impl SpanTally {
    /// Exact-span F1 in percent: 2·matches / (|A| + |B|); 100 when neither side has a span.
    pub fn f1_strict(&self) -> f64 {
        percent(2.0 * self.strict as f64, (self.a + self.b) as f64)
    }
    /// Overlap F1 in percent: the harmonic mean of B's spans found in A and A's found in B.
    pub fn f1_overlap(&self) -> f64 {
        if self.a + self.b == 0 {
            return 100.0;
        }
        let p = percent(self.overlap_b as f64, self.b as f64) / 100.0;
        let r = percent(self.overlap_a as f64, self.a as f64) / 100.0;
        if self.a == 0 || self.b == 0 || p + r == 0.0 {
            0.0
        } else {
            100.0 * 2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, o: &SpanTally) {
        self.a += o.a;
        self.b += o.b;
        self.strict += o.strict;
        self.overlap_a += o.overlap_a;
        self.overlap_b += o.overlap_b;
    }
    /// The same tally seen from the other side.
    pub fn swapped(&self) -> SpanTally {
        SpanTally {
            a: self.b,
            b: self.a,
            strict: self.strict,
            overlap_a: self.overlap_b,
            overlap_b: self.overlap_a,
        }
    }
}

/// How many aligned spans agreed, and how the others differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OutcomeCounts {
    pub agreed: usize,
    pub label_differs: usize,
    pub boundary_differs: usize,
    /// overlapping, with other boundaries and another label
    pub both_differ: usize,
    pub only_a: usize,
    pub only_b: usize,
}

impl OutcomeCounts {
    pub fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Agreed => self.agreed += 1,
            Outcome::LabelDiffers => self.label_differs += 1,
            Outcome::BoundaryDiffers => self.boundary_differs += 1,
            Outcome::BothDiffer => self.both_differ += 1,
            Outcome::OnlyInA => self.only_a += 1,
            Outcome::OnlyInB => self.only_b += 1,
        }
    }
    pub fn add(&mut self, o: &OutcomeCounts) {
        self.agreed += o.agreed;
        self.label_differs += o.label_differs;
        self.boundary_differs += o.boundary_differs;
        self.both_differ += o.both_differ;
        self.only_a += o.only_a;
        self.only_b += o.only_b;
    }
    pub fn disagreements(&self) -> usize {
        self.label_differs + self.boundary_differs + self.both_differ + self.only_a + self.only_b
    }
}

/// Aligned spans counted by (A's label, B's label); the last row and column stand for "no span".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub labels: Vec<String>,
    /// (labels.len() + 1)² counts, row = A's label, column = B's label
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    pub fn new(labels: &[String]) -> Confusion {
        let n = labels.len() + 1;
        Confusion {
            labels: labels.to_vec(),
            counts: vec![vec![0; n]; n],
        }
    }
    pub fn none(&self) -> usize {
        self.labels.len()
    }
    pub fn add(&mut self, o: &Confusion) {
        for (row, other) in self.counts.iter_mut().zip(&o.counts) {
            for (c, x) in row.iter_mut().zip(other) {
                *c += x;
            }
        }
    }
}

/// Everything one document adds to a pair's span agreement.
pub struct DocumentSpans<'a> {
    pub a: &'a [Span],
    pub b: &'a [Span],
    /// label name → index in the team's labels
    pub label_index: &'a dyn Fn(&str) -> usize,
}

/// The span agreement of a pair, summed over documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanAgreement {
    pub overall: SpanTally,
    /// per team label (index as in the team's labels)
    pub per_label: Vec<SpanTally>,
    pub outcomes: OutcomeCounts,
    pub per_label_outcomes: Vec<OutcomeCounts>,
    pub confusion: Confusion,
}

impl SpanAgreement {
    pub fn new(labels: &[String]) -> SpanAgreement {
        SpanAgreement {
            overall: SpanTally::default(),
            per_label: vec![SpanTally::default(); labels.len()],
            outcomes: OutcomeCounts::default(),
            per_label_outcomes: vec![OutcomeCounts::default(); labels.len()],
            confusion: Confusion::new(labels),
        }
    }

    pub fn add_document(&mut self, doc: &DocumentSpans<'_>) -> Vec<Aligned> {
        let (a, b, index) = (doc.a, doc.b, doc.label_index);
        self.overall.a += a.len();
        self.overall.b += b.len();
        for s in a {
            self.per_label[index(&s.label)].a += 1;
        }
        for s in b {
            self.per_label[index(&s.label)].b += 1;
        }
        for (side, mine, theirs) in [(0, a, b), (1, b, a)] {
            for i in overlapped_same_label(mine, theirs) {
                let l = index(&mine[i].label);
                if side == 0 {
                    self.overall.overlap_a += 1;
                    self.per_label[l].overlap_a += 1;
                } else {
                    self.overall.overlap_b += 1;
                    self.per_label[l].overlap_b += 1;
                }
            }
        }
        let rows = align(a, b);
        let none = self.confusion.none();
        for row in &rows {
            let la = row.a.map(|i| index(&a[i].label));
            let lb = row.b.map(|j| index(&b[j].label));
            if row.outcome == Outcome::Agreed {
                self.overall.strict += 1;
                self.per_label[la.unwrap_or(none)].strict += 1;
            }
            self.outcomes.count(row.outcome);
            // a row counts once under each label it involves
            let mut labels = [la, lb];
            if la == lb {
                labels[1] = None;
            }
            for l in labels.into_iter().flatten() {
                self.per_label_outcomes[l].count(row.outcome);
            }
            self.confusion.counts[la.unwrap_or(none)][lb.unwrap_or(none)] += 1;
        }
        rows
    }
}

/// Indices of `mine` that overlap a span of `theirs` with the same label.
fn overlapped_same_label(mine: &[Span], theirs: &[Span]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j0 = 0;
    for (i, x) in mine.iter().enumerate() {
        while j0 < theirs.len() && theirs[j0].end <= x.start {
            j0 += 1;
        }
        let hit = theirs[j0..]
            .iter()
            .take_while(|y| y.start < x.end)
            .any(|y| y.label == x.label);
        if hit {
            out.push(i);
        }
    }
    out
}
