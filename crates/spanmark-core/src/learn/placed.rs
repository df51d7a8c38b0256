//! The merge's growing list of non-overlapping spans, ordered by position, so placing a span
//! looks only at its neighbours (a 1 MB article has 25,000 rule spans to place).

use std::collections::BTreeMap;

use crate::span::Span;

/// Spans that overlap no other, by (start, end, order placed).
#[derive(Default)]
pub(super) struct Placed {
    spans: BTreeMap<(usize, usize, u64), Span>,
    placed: u64,
}

impl Placed {
    /// Keys of the spans overlapping `start..end`. The spans never overlap one another, so
    /// going back from the last one starting before `end`, the first non-empty span that
    /// ends at or before `start` has nothing overlapping before it.
    fn overlapping(&self, start: usize, end: usize) -> Vec<(usize, usize, u64)> {
        let mut out = Vec::new();
        for (key, s) in self.spans.range(..(end, 0, 0)).rev() {
            if s.overlaps(start, end) {
                out.push(*key);
            } else if s.start < s.end && s.end <= start {
                break;
            }
        }
        out
    }

    /// Whether any span overlaps `start..end`.
    pub(super) fn any_overlapping(&self, start: usize, end: usize) -> bool {
        !self.overlapping(start, end).is_empty()
    }

    /// Whether any span satisfies `f` (in no particular order).
    pub(super) fn any(&self, f: impl Fn(&Span) -> bool) -> bool {
        self.spans.values().any(f)
    }

    /// Add `span` where it overlaps nothing, or where `may_replace` allows it to replace
    /// every span it overlaps. Returns whether it was added.
    pub(super) fn place(&mut self, span: &Span, may_replace: impl Fn(&Span) -> bool) -> bool {
        let overlapped = self.overlapping(span.start, span.end);
        if !overlapped.iter().all(|k| may_replace(&self.spans[k])) {
            return false;
        }
        for k in overlapped {
            self.spans.remove(&k);
        }
        self.placed += 1;
        self.spans
            .insert((span.start, span.end, self.placed), span.clone());
        true
    }

    /// The spans sorted by (start, end), ties in the order placed.
    pub(super) fn into_sorted(self) -> Vec<Span> {
        self.spans.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dice::Dice;
    use crate::span::Origin;

    /// The list `Placed` replaces: every span compared with every other.
    fn place_by_search(out: &mut Vec<Span>, span: &Span, may_replace: impl Fn(&Span) -> bool) {
        let overlapped: Vec<usize> = (0..out.len())
            .filter(|&i| out[i].overlaps(span.start, span.end))
            .collect();
        if !overlapped.iter().all(|&i| may_replace(&out[i])) {
            return;
        }
        for i in overlapped.into_iter().rev() {
            out.remove(i);
        }
        out.push(span.clone());
    }

    #[test]
    fn placing_gives_what_a_search_of_every_span_gave() {
        let mut d = Dice(0x9e37_79b9_7f4a_7c15);
        let labels = ["ORG", "GPE", "PERSON"];
        for round in 0..500 {
            let mut fast = Placed::default();
            let mut slow: Vec<Span> = Vec::new();
            for _ in 0..d.roll(40) {
                let start = d.roll(60);
                // empty spans too: they overlap only the spans strictly around them
                let end = start + d.roll(6);
                let span = Span::suggested(start, end, labels[d.roll(3)], Origin::Pattern);
                let rule = d.roll(3);
                let may = |o: &Span| match rule {
                    0 => false,
                    1 => o.start >= span.start && o.end <= span.end,
                    _ => o.label == "ORG",
                };
                assert_eq!(
                    fast.any_overlapping(span.start, span.end),
                    slow.iter().any(|o| o.overlaps(span.start, span.end)),
                    "round {round}"
                );
                fast.place(&span, may);
                place_by_search(&mut slow, &span, may);
            }
            slow.sort_by_key(|s| (s.start, s.end));
            assert_eq!(fast.into_sorted(), slow, "round {round}");
        }
    }
}
