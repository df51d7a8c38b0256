//! Edits over many spans at once: "label all occurrences" of a surface string and
//! replacing the suggestion layer with a detector's output.

use crate::document::Document;
use crate::label::Schema;
use crate::span::{Span, SpanState};

use super::manual;

/// Spans after giving every whole-word occurrence of span `i`'s text its label.
/// Accepted spans are never touched; overlapped suggestions are replaced.
pub(super) fn label_all(doc: &Document, i: usize) -> Vec<Span> {
    let mut spans = doc.spans().to_vec();
    // the source counts as accepted: "label all" confirms it
    spans[i].state = SpanState::Accepted;
    let source = &spans[i];
    let surface = doc.slice(source.start, source.end);
    let mut added = Vec::new();
    for (b, m) in doc.text().match_indices(surface) {
        let index = doc.index();
        let (Some(s), Some(e)) = (index.char_of_byte(b), index.char_of_byte(b + m.len())) else {
            continue;
        };
        let whole_word = doc.is_token_start(s) && doc.is_token_end(e);
        if whole_word && !overlaps_accepted(&spans, s, e) {
            added.push(manual(s, e, &source.label));
        }
    }
    // both lists are sorted and non-overlapping: one sweep finds the suggestions to replace
    let mut k = 0;
    spans.retain(|s| {
        while added.get(k).is_some_and(|a: &Span| a.end <= s.start) {
            k += 1;
        }
        added.get(k).is_none_or(|a| a.start >= s.end)
    });
    spans.extend(added);
    spans.sort_by_key(|s| s.start);
    spans
}

/// Whether start..end overlaps an accepted span of a sorted, non-overlapping list.
fn overlaps_accepted(spans: &[Span], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|a| a.end <= start);
    spans[k..]
        .iter()
        .take_while(|a| a.start < end)
        .any(Span::is_accepted)
}

/// Spans after replacing the suggestion layer: accepted spans stay; incoming spans become
/// suggestions unless they are out of range, have a label outside the schema, or overlap an
/// accepted span or an earlier (longer-first) suggestion.
pub(super) fn suggest(doc: &Document, schema: &Schema, incoming: &[Span]) -> Vec<Span> {
    let n = doc.len_chars();
    let accepted: Vec<Span> = doc
        .spans()
        .iter()
        .filter(|s| s.is_accepted())
        .cloned()
        .collect();
    let mut fresh: Vec<&Span> = incoming
        .iter()
        .filter(|s| s.start < s.end && s.end <= n && schema.contains(&s.label))
        .collect();
    fresh.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = accepted.clone();
    let mut last_end = 0;
    for s in fresh {
        if s.start >= last_end && !overlaps_accepted(&accepted, s.start, s.end) {
            let mut s = s.clone();
            s.state = SpanState::Suggested;
            last_end = s.end;
            out.push(s);
        }
    }
    out.sort_by_key(|s| s.start);
    out
}
