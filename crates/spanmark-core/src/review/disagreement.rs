//! The places in one text where annotators' spans meet: every run of overlapping spans across
//! all versions is one item, agreed when every annotator has exactly the same single span there.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A span as review files keep it: code point offsets (end exclusive) and a label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct ReviewSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl ReviewSpan {
    pub fn of(span: &Span) -> ReviewSpan {
        ReviewSpan {
            start: span.start,
            end: span.end,
            label: span.label.clone(),
        }
    }
    pub fn overlaps(&self, o: &ReviewSpan) -> bool {
        self.start < o.end && o.start < self.end
    }
}

/// One place to decide: its stretch of text and each participant's spans in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// per participant of the document (in the order of its `annotators`): their spans here
    pub versions: Vec<Vec<ReviewSpan>>,
    pub agreed: bool,
}

impl Item {
    /// The participants (positions in `versions`) whose spans here equal `spans`.
    pub fn holders(&self, spans: &[ReviewSpan]) -> Vec<usize> {
        (0..self.versions.len())
            .filter(|&p| self.versions[p].as_slice() == spans)
            .collect()
    }
}

/// Items of one text, in text order, from each participant's sorted, non-overlapping spans.
pub fn items(versions: &[&[Span]]) -> Vec<Item> {
    let mut all: Vec<(usize, &Span)> = versions
        .iter()
        .enumerate()
        .flat_map(|(p, spans)| spans.iter().map(move |s| (p, s)))
        .collect();
    all.sort_by_key(|(p, s)| (s.start, s.end, *p));
    let mut out: Vec<Item> = Vec::new();
    for (p, s) in all {
        match out.last_mut() {
            Some(item) if s.start < item.end => {
                item.end = item.end.max(s.end);
                item.versions[p].push(ReviewSpan::of(s));
            }
            _ => {
                let mut item = Item {
                    start: s.start,
                    end: s.end,
                    versions: vec![Vec::new(); versions.len()],
                    agreed: false,
                };
                item.versions[p].push(ReviewSpan::of(s));
                out.push(item);
            }
        }
    }
    for item in &mut out {
        let first = &item.versions[0];
        item.agreed = first.len() == 1 && item.versions.iter().all(|v| v == first);
    }
    out
}
