//! Edits as values: everything a user can do to a document's spans. Applying one
//! returns the `Step` needed to undo it, or an error sentence; nothing panics.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::CoreError;
use crate::label::Schema;
use crate::links::{LinkEdit, LinkLoss, LinksChange, Moved};
use crate::span::{Origin, Span, SpanState};

mod layer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edge {
    Start,
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Add a manual span over a selection (snapped to tokens); overlapped spans are replaced.
    Add {
        start: usize,
        end: usize,
        label: String,
    },
    Remove {
        start: usize,
        end: usize,
    },
    Relabel {
        start: usize,
        end: usize,
        label: String,
    },
    /// Move one edge of a span by `delta` words (±1), skipping punctuation tokens.
    Resize {
        start: usize,
        end: usize,
        edge: Edge,
        delta: i32,
    },
    Accept {
        start: usize,
        end: usize,
    },
    Reject {
        start: usize,
        end: usize,
    },
    AcceptAll,
    ClearSuggestions,
    /// Give every other whole-word occurrence of this span's text the same label.
    LabelAll {
        start: usize,
        end: usize,
    },
    /// Replace the suggestion layer (detector output); accepted spans are kept.
    Suggest {
        spans: Vec<Span>,
    },
    /// A change to the events and relations.
    Link(LinkEdit),
}

/// What an applied edit changed, so it can be undone exactly: the spans from index `at`
/// that it replaced (`before`) and their replacements (`after`). Only the changed stretch is
/// kept, so 500 steps of a long document stay small.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub before: Vec<Span>,
    pub after: Vec<Span>,
    /// index in the span list where `before` started and `after` starts
    pub at: usize,
    /// the events and relations before and after, when the step changed them
    pub links: Option<Box<LinksChange>>,
}

impl Step {
    /// The step that turns `old` into `new`: both lists minus their common start and end.
    pub fn between(old: &[Span], new: &[Span]) -> Step {
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
        let suffix = old_rest
            .iter()
            .rev()
            .zip(new_rest.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        Step {
            before: old_rest[..old_rest.len() - suffix].to_vec(),
            after: new_rest[..new_rest.len() - suffix].to_vec(),
            at: prefix,
            links: None,
        }
    }

    /// The code point range the step touches: from the first start to the last end of the
    /// spans it removes and adds (empty at the step's place when it changes nothing).
    pub fn touched(&self) -> std::ops::Range<usize> {
        let bounds = self
            .before
            .iter()
            .chain(&self.after)
            .map(|s| (s.start, s.end));
        let links = self
            .links
            .as_ref()
            .and_then(|c| c.touched())
            .map(|r| (r.start, r.end));
        bounds
            .chain(links)
            .reduce(|(s, e), (s2, e2)| (s.min(s2), e.max(e2)))
            .map_or(0..0, |(s, e)| s..e)
    }

    /// True when the edit changed nothing (e.g. accepting an accepted span).
    pub fn is_noop(&self) -> bool {
        self.before == self.after && self.links.as_ref().is_none_or(|c| c.before == c.after)
    }

    /// The event arguments and relations this step removed with the spans it removed.
    pub fn link_loss(&self) -> LinkLoss {
        self.links.as_ref().map(|c| c.loss()).unwrap_or_default()
    }

    /// Whether `doc` is what this step left (so it can be undone on it).
    pub fn is_applied_to(&self, doc: &Document) -> bool {
        doc.spans().get(self.at..self.at + self.after.len()) == Some(&self.after[..])
            && self.links.as_ref().is_none_or(|c| c.after == *doc.links())
    }

    /// Whether `doc` is what this step started from (so it can be redone on it).
    pub fn is_undone_in(&self, doc: &Document) -> bool {
        doc.spans().get(self.at..self.at + self.before.len()) == Some(&self.before[..])
            && self.links.as_ref().is_none_or(|c| c.before == *doc.links())
    }

    /// Turn the spans after this step back into the spans before it.
    pub fn undo(&self, spans: &mut Vec<Span>) {
        let end = (self.at + self.after.len()).min(spans.len());
        spans.splice(self.at.min(end)..end, self.before.iter().cloned());
    }

    /// Turn the spans before this step into the spans after it.
    pub fn redo(&self, spans: &mut Vec<Span>) {
        let end = (self.at + self.before.len()).min(spans.len());
        spans.splice(self.at.min(end)..end, self.after.iter().cloned());
    }
}

impl Edit {
    /// Apply to a document. On error the document is untouched.
    pub fn apply(&self, doc: &mut Document, schema: &Schema) -> Result<Step, CoreError> {
        let mut links = None;
        let mut step = match (self, self.local(doc, schema)?) {
            (_, Some(step)) => step,
            (Edit::Link(edit), None) => {
                let (after, accept) = edit.apply(doc, schema)?;
                let mut spans = doc.spans().to_vec();
                for s in spans
                    .iter_mut()
                    .filter(|s| accept.contains(&(s.start, s.end)))
                {
                    s.state = SpanState::Accepted;
                }
                links = Some(after);
                Step::between(doc.spans(), &spans)
            }
            (_, None) => Step::between(doc.spans(), &self.global(doc, schema)?),
        };
        // the links are copied only for a step that changes them (a long article has
        // thousands of events; most edits leave them alone)
        let touches_links = !doc.links().is_empty()
            && (matches!(self, Edit::AcceptAll | Edit::ClearSuggestions)
                || if step.before.len() <= 8 {
                    step.before
                        .iter()
                        .any(|s| doc.links().uses((s.start, s.end)))
                } else {
                    let used = doc.links().used_ranges();
                    step.before.iter().any(|s| used.contains(&(s.start, s.end)))
                });
        if let Some(after) = links {
            let before = doc.links().clone();
            step.links = Some(Box::new(LinksChange { before, after }));
            doc.step_spans(&step, true);
        } else if touches_links {
            let before = doc.links().clone();
            // the spans change first, then the links follow them
            doc.step_spans(&step, true);
            let layer = match self {
                Edit::AcceptAll => crate::links::accept_all(&before),
                Edit::ClearSuggestions => crate::links::clear_suggestions(&before),
                _ => before.clone(),
            };
            let after = layer.reconciled(doc.spans(), schema, self.moved(&step));
            if after != before {
                doc.put_links(after.clone());
                step.links = Some(Box::new(LinksChange { before, after }));
            }
        } else {
            doc.step_spans(&step, true);
        }
        Ok(step)
    }

    /// The span a resize moved: from its old bounds to its new ones.
    fn moved(&self, step: &Step) -> Moved {
        match (self, step.before.as_slice(), step.after.as_slice()) {
            (Edit::Resize { .. }, [old], [new]) => {
                Some(((old.start, old.end), (new.start, new.end)))
            }
            _ => None,
        }
    }

    /// The step of an edit that touches a few neighbouring spans (None for the others),
    /// computed without copying the whole span list.
    fn local(&self, doc: &Document, schema: &Schema) -> Result<Option<Step>, CoreError> {
        let spans = doc.spans();
        let one = |i: usize, after: Vec<Span>| Step {
            before: vec![spans[i].clone()],
            after,
            at: i,
            links: None,
        };
        let changed = |i: usize, change: &dyn Fn(&mut Span)| {
            let mut span = spans[i].clone();
            change(&mut span);
            one(i, vec![span])
        };
        Ok(Some(match self {
            Edit::Add { start, end, label } => {
                schema.check(label)?;
                let (s, e) = doc.snap(*start, *end)?;
                let r = doc.spans_overlapping(s, e);
                let mut span = Span::manual(s, e, label.clone());
                if let [same] = &spans[r.clone()] {
                    // labelling exactly a suggestion accepts it: its origin is kept
                    if (same.start, same.end) == (s, e) {
                        span.origin = same.origin;
                        span.confidence = same.confidence.filter(|_| same.label == *label);
                    }
                }
                Step {
                    before: spans[r.clone()].to_vec(),
                    after: vec![span],
                    at: r.start,
                    links: None,
                }
            }
            Edit::Remove { start, end } | Edit::Reject { start, end } => {
                one(existing(doc, *start, *end)?, Vec::new())
            }
            Edit::Relabel { start, end, label } => {
                schema.check(label)?;
                changed(existing(doc, *start, *end)?, &|span| {
                    if span.label != *label {
                        span.label.clone_from(label);
                        span.confidence = None;
                    }
                    span.state = SpanState::Accepted;
                })
            }
            Edit::Resize {
                start,
                end,
                edge,
                delta,
            } => {
                let i = existing(doc, *start, *end)?;
                let (s, e) = resized(doc, i, *edge, *delta)?;
                changed(i, &|span| {
                    span.start = s;
                    span.end = e;
                    span.state = SpanState::Accepted;
                })
            }
            Edit::Accept { start, end } => changed(existing(doc, *start, *end)?, &|span| {
                span.state = SpanState::Accepted
            }),
            _ => return Ok(None),
        }))
    }

    /// The whole span list after an edit that may touch spans anywhere.
    fn global(&self, doc: &Document, schema: &Schema) -> Result<Vec<Span>, CoreError> {
        let mut spans = doc.spans().to_vec();
        match self {
            Edit::AcceptAll => spans.iter_mut().for_each(|s| s.state = SpanState::Accepted),
            Edit::ClearSuggestions => spans.retain(Span::is_accepted),
            Edit::LabelAll { start, end } => {
                spans = layer::label_all(doc, existing(doc, *start, *end)?)
            }
            Edit::Suggest { spans: incoming } => spans = layer::suggest(doc, schema, incoming),
            _ => {}
        }
        Ok(spans)
    }
}

/// Index of the span exactly at start..end, or an error sentence.
fn existing(doc: &Document, start: usize, end: usize) -> Result<usize, CoreError> {
    doc.check_range(start, end)?;
    doc.find_span(start, end)
        .ok_or(CoreError::NoSpan { start, end })
}

/// The bounds of span `i` with one edge moved by one token; never empty, never over a neighbour.
fn resized(doc: &Document, i: usize, edge: Edge, delta: i32) -> Result<(usize, usize), CoreError> {
    let span = &doc.spans()[i];
    let toks = doc.tokens();
    let word = |k: &usize| doc.is_labelable_token(*k);
    let (mut s, mut e) = (span.start, span.end);
    // edges skip punctuation: "Kabul" grows to "Kabul-based", never to "Kabul-"
    let found = match (edge, delta) {
        (Edge::Start, -1) => (0..toks.partition_point(|t| t.start < s))
            .rev()
            .find(word)
            .map(|k| s = toks[k].start),
        (Edge::Start, 1) => (toks.partition_point(|t| t.start <= s)..toks.len())
            .find(word)
            .map(|k| s = toks[k].start),
        (Edge::End, 1) => (toks.partition_point(|t| t.end <= e)..toks.len())
            .find(word)
            .map(|k| e = toks[k].end),
        (Edge::End, -1) => (0..toks.partition_point(|t| t.end < e))
            .rev()
            .find(word)
            .map(|k| e = toks[k].end),
        _ => {
            return Err(CoreError::Invalid(
                "a span moves by one word at a time".into(),
            ))
        }
    };
    found.ok_or(CoreError::CannotResize)?;
    let spans = doc.spans();
    let clashes = (i > 0 && spans[i - 1].end > s) || spans.get(i + 1).is_some_and(|n| n.start < e);
    if s >= e || clashes {
        return Err(CoreError::CannotResize);
    }
    Ok((s, e))
}

/// A manual, accepted span (what a user's own action creates).
pub(crate) fn manual(start: usize, end: usize, label: &str) -> Span {
    Span {
        start,
        end,
        label: label.to_string(),
        origin: Origin::Manual,
        state: SpanState::Accepted,
        confidence: None,
    }
}
