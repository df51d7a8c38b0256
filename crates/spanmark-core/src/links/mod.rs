//! The event and relation layer of a document: events (trigger + role arguments) and
//! relations between its spans, kept consistent with the spans they point at.

mod change;
mod edit;
mod event;
mod relation;

use serde::{Deserialize, Serialize};

use crate::label::Schema;
use crate::span::{Span, SpanState};

pub use change::{LinkLoss, LinksChange};
pub use edit::LinkEdit;
pub(crate) use edit::{accept_all, clear_suggestions};
pub use event::{Argument, Event};
pub use relation::Relation;

/// A document's events (sorted by trigger) and relations (in the order made).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Links {
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
}

/// A span that moved (resized): links at `from` now point at `to`.
pub type Moved = Option<((usize, usize), (usize, usize))>;

fn span_at(spans: &[Span], (start, end): (usize, usize)) -> Option<&Span> {
    spans
        .binary_search_by(|s| s.start.cmp(&start))
        .ok()
        .map(|i| &spans[i])
        .filter(|s| s.end == end)
}

impl Links {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.relations.is_empty()
    }

    pub fn has_suggestions(&self) -> bool {
        self.events.iter().any(|e| !e.is_accepted())
            || self.relations.iter().any(|r| !r.is_accepted())
    }

    /// The event whose trigger is exactly start..end.
    pub fn event_at(&self, start: usize, end: usize) -> Option<usize> {
        self.events
            .iter()
            .position(|e| (e.start, e.end) == (start, end))
    }

    /// Whether a span range is used by an argument or a relation.
    pub fn uses(&self, range: (usize, usize)) -> bool {
        self.events
            .iter()
            .any(|e| e.args.iter().any(|a| (a.start, a.end) == range))
            || self
                .relations
                .iter()
                .any(|r| r.from == range || r.to == range)
    }

    /// Every span range an argument or a relation uses (`uses` for many ranges at once).
    pub fn used_ranges(&self) -> std::collections::HashSet<(usize, usize)> {
        let args = self
            .events
            .iter()
            .flat_map(|e| e.args.iter().map(|a| (a.start, a.end)));
        let ends = self.relations.iter().flat_map(|r| [r.from, r.to]);
        args.chain(ends).collect()
    }

    pub(crate) fn sort(&mut self) {
        self.events.sort_by_key(|e| (e.start, e.end));
    }

    /// The links after the spans changed: a moved span carries its links along; arguments and
    /// relations whose span is gone, or whose label the role or relation type no longer
    /// allows, are dropped. Events stay (a role may be empty).
    pub fn reconciled(&self, spans: &[Span], schema: &Schema, moved: Moved) -> Links {
        let follow = |r: (usize, usize)| match moved {
            Some((from, to)) if from == r => to,
            _ => r,
        };
        let label = |r: (usize, usize)| span_at(spans, r).map(|s| s.label.as_str());
        let mut out = self.clone();
        for e in &mut out.events {
            let kind = schema.event_type(&e.kind);
            for a in &mut e.args {
                (a.start, a.end) = follow((a.start, a.end));
            }
            e.args.retain(|a| {
                let role = kind.and_then(|k| k.role(&a.role));
                matches!((label((a.start, a.end)), role), (Some(l), Some(r)) if r.allows(l))
            });
        }
        for r in &mut out.relations {
            r.from = follow(r.from);
            r.to = follow(r.to);
        }
        out.relations.retain(|r| {
            let kind = schema.relation_type(&r.kind);
            matches!((label(r.from), label(r.to), kind), (Some(f), Some(t), Some(k)) if k.allows(f, t))
        });
        out
    }

    /// Without the arguments and relations whose spans are not in `spans` (no schema check).
    pub fn within(&self, spans: &[Span]) -> Links {
        let mut out = self.clone();
        for e in &mut out.events {
            e.args
                .retain(|a| span_at(spans, (a.start, a.end)).is_some());
        }
        out.relations
            .retain(|r| span_at(spans, r.from).is_some() && span_at(spans, r.to).is_some());
        out
    }

    /// Why these links cannot belong to a document with these spans and this schema
    /// (the first problem, as "event 2: …"), or None when they fit.
    pub fn problem(&self, spans: &[Span], schema: Option<&Schema>, len: usize) -> Option<String> {
        for (n, e) in self.events.iter().enumerate() {
            let n = n + 1;
            if e.start >= e.end || e.end > len {
                return Some(format!(
                    "event {n}: its trigger {}–{} lies outside the text of {len} characters",
                    e.start, e.end
                ));
            }
            let kind = match schema.map(|s| s.event_type(&e.kind)) {
                Some(None) => {
                    return Some(format!(
                        "event {n}: the schema has no event type “{}”",
                        e.kind
                    ))
                }
                Some(Some(kind)) => Some(kind),
                None => None,
            };
            for a in &e.args {
                let role = match kind.map(|k| k.role(&a.role)) {
                    Some(None) => {
                        return Some(format!(
                            "event {n}: the event type {} has no role “{}”",
                            e.kind, a.role
                        ))
                    }
                    Some(Some(role)) => Some(role),
                    None => None,
                };
                let Some(span) = span_at(spans, (a.start, a.end)) else {
                    return Some(format!(
                        "event {n}: its {} argument {}–{} is not an entity span",
                        a.role, a.start, a.end
                    ));
                };
                if role.is_some_and(|r| !r.allows(&span.label)) {
                    return Some(format!(
                        "event {n}: the role {} of {} does not take a {} span",
                        a.role, e.kind, span.label
                    ));
                }
            }
        }
        for (n, r) in self.relations.iter().enumerate() {
            let n = n + 1;
            let kind = match schema.map(|s| s.relation_type(&r.kind)) {
                Some(None) => {
                    return Some(format!(
                        "relation {n}: the schema has no relation type “{}”",
                        r.kind
                    ))
                }
                Some(Some(kind)) => Some(kind),
                None => None,
            };
            let (Some(f), Some(t)) = (span_at(spans, r.from), span_at(spans, r.to)) else {
                return Some(format!(
                    "relation {n}: one of its ends is not an entity span"
                ));
            };
            if kind.is_some_and(|k| !k.allows(&f.label, &t.label)) {
                return Some(format!(
                    "relation {n}: {} does not go from {} to {}",
                    r.kind, f.label, t.label
                ));
            }
        }
        None
    }

    /// Only the accepted links (what an export without suggestions carries); arguments that
    /// point at spans not in `spans` are left out.
    pub fn accepted_for(&self, spans: &[Span], with_suggestions: bool) -> Links {
        let keep = |state: SpanState| with_suggestions || state == SpanState::Accepted;
        let mut out = Links {
            events: self
                .events
                .iter()
                .filter(|e| keep(e.state))
                .cloned()
                .collect(),
            relations: self
                .relations
                .iter()
                .filter(|r| keep(r.state))
                .filter(|r| span_at(spans, r.from).is_some() && span_at(spans, r.to).is_some())
                .cloned()
                .collect(),
        };
        for e in &mut out.events {
            e.args
                .retain(|a| span_at(spans, (a.start, a.end)).is_some());
        }
        out
    }
}
