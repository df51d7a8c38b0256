//! Lining up two annotators' spans in one text, one to one: same boundaries first, then the
//! largest overlap. Each pair or lone span gets the kind of (dis)agreement it is.

use crate::span::Span;

/// How one aligned pair, or a span without a partner, compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// same boundaries, same label
    Agreed,
    /// same boundaries, another label
    LabelDiffers,
    /// overlapping with other boundaries, same label
    BoundaryDiffers,
    /// overlapping with other boundaries and another label
    BothDiffer,
    OnlyInA,
    OnlyInB,
}

/// One row of an alignment: indices into A's and B's span lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aligned {
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub outcome: Outcome,
}

/// Align two sorted, non-overlapping span lists; rows come in text order.
pub fn align(a: &[Span], b: &[Span]) -> Vec<Aligned> {
    // every overlapping (i, j), found with two pointers: both lists are sorted and disjoint
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut j0 = 0;
    for (i, x) in a.iter().enumerate() {
        while j0 < b.len() && b[j0].end <= x.start {
            j0 += 1;
        }
        let mut j = j0;
        while j < b.len() && b[j].start < x.end {
            candidates.push((i, j));
            j += 1;
        }
    }
    let overlap = |i: usize, j: usize| a[i].end.min(b[j].end) - a[i].start.max(b[j].start);
    let exact = |i: usize, j: usize| a[i].start == b[j].start && a[i].end == b[j].end;
    if candidates.iter().any(|&(i, j)| !exact(i, j)) {
        // only chains with a non-exact overlap need ordering; exact pairs are always one to one
        candidates.sort_by(|&(i, j), &(k, l)| {
            exact(k, l)
                .cmp(&exact(i, j))
                .then(overlap(k, l).cmp(&overlap(i, j)))
                // the overlap's start tells pairs apart and reads the same from either side
                .then(a[i].start.max(b[j].start).cmp(&a[k].start.max(b[l].start)))
        });
    }
    let mut a_to: Vec<Option<usize>> = vec![None; a.len()];
    let mut b_taken = vec![false; b.len()];
    for (i, j) in candidates {
        if a_to[i].is_none() && !b_taken[j] {
            a_to[i] = Some(j);
            b_taken[j] = true;
        }
    }
    let mut rows = Vec::with_capacity(a.len() + b.len());
    let mut j = 0;
    let push_b_before = |rows: &mut Vec<Aligned>, j: &mut usize, until: usize| {
        while *j < b.len() && b[*j].start < until {
            if !b_taken[*j] {
                rows.push(Aligned {
                    a: None,
                    b: Some(*j),
                    outcome: Outcome::OnlyInB,
                });
            }
            *j += 1;
        }
    };
    for (i, x) in a.iter().enumerate() {
        push_b_before(&mut rows, &mut j, x.start);
        rows.push(match a_to[i] {
            None => Aligned {
                a: Some(i),
                b: None,
                outcome: Outcome::OnlyInA,
            },
            Some(k) => {
                let y = &b[k];
                let same_label = x.label == y.label;
                let outcome = match (exact(i, k), same_label) {
                    (true, true) => Outcome::Agreed,
                    (true, false) => Outcome::LabelDiffers,
                    (false, true) => Outcome::BoundaryDiffers,
                    (false, false) => Outcome::BothDiffer,
                };
                Aligned {
                    a: Some(i),
                    b: Some(k),
                    outcome,
                }
            }
        });
    }
    push_b_before(&mut rows, &mut j, usize::MAX);
    rows
}
