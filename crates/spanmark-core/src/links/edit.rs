//! Edits of the event and relation layer as values: make an event or relation, fill or
//! empty a role, accept or reject suggestions. Applying one returns the new layer or an error.

use serde::{Deserialize, Serialize};

use super::{span_at, Event, Links, Relation};
use crate::document::Document;
use crate::error::CoreError;
use crate::label::Schema;
use crate::span::SpanState;

type Range = (usize, usize);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkEdit {
    /// Make the selected words (snapped to tokens) the trigger of a new manual event.
    AddEvent {
        kind: String,
        start: usize,
        end: usize,
    },
    RemoveEvent {
        start: usize,
        end: usize,
    },
    /// Change an event's type; arguments whose role the new type lacks go.
    Retype {
        start: usize,
        end: usize,
        kind: String,
    },
    /// Put the entity span `start..end` into a role of the event triggered at `trigger`.
    AddArgument {
        trigger: Range,
        role: String,
        start: usize,
        end: usize,
    },
    RemoveArgument {
        trigger: Range,
        role: String,
        start: usize,
        end: usize,
    },
    AddRelation {
        kind: String,
        from: Range,
        to: Range,
    },
    RemoveRelation {
        kind: String,
        from: Range,
        to: Range,
    },
    /// Accept a suggested event, its arguments and the suggested spans they point at.
    AcceptEvent {
        start: usize,
        end: usize,
    },
    RejectEvent {
        start: usize,
        end: usize,
    },
    AcceptRelation {
        kind: String,
        from: Range,
        to: Range,
    },
    RejectRelation {
        kind: String,
        from: Range,
        to: Range,
    },
    /// Accept every suggested event and relation (and the suggested spans they use).
    AcceptAll,
    /// Replace the suggested events and relations (rule or learner output); accepted ones stay.
    Suggest {
        events: Vec<Event>,
        relations: Vec<Relation>,
    },
}

fn no_event(start: usize, end: usize) -> CoreError {
    CoreError::Invalid(format!(
        "there is no event with its trigger at {start}–{end}"
    ))
}

fn no_relation(kind: &str) -> CoreError {
    CoreError::Invalid(format!("there is no such {kind} relation"))
}

/// The label of the entity span exactly at `r`, or an error sentence.
fn entity(doc: &Document, r: Range) -> Result<&str, CoreError> {
    doc.check_range(r.0, r.1)?;
    span_at(doc.spans(), r)
        .map(|s| s.label.as_str())
        .ok_or(CoreError::NoSpan {
            start: r.0,
            end: r.1,
        })
}

fn check_argument(
    doc: &Document,
    schema: &Schema,
    kind: &str,
    role: &str,
    r: Range,
) -> Result<(), CoreError> {
    let label = entity(doc, r)?;
    let t = schema
        .event_type(kind)
        .ok_or_else(|| CoreError::Invalid(format!("there is no event type called “{kind}”")))?;
    let role_type = t
        .role(role)
        .ok_or_else(|| CoreError::Invalid(format!("the event type {kind} has no role “{role}”")))?;
    if !role_type.allows(label) {
        return Err(CoreError::Invalid(format!(
            "the role {role} of {kind} does not take a {label} span"
        )));
    }
    Ok(())
}

fn check_relation(
    doc: &Document,
    schema: &Schema,
    kind: &str,
    from: Range,
    to: Range,
) -> Result<(), CoreError> {
    let (f, t) = (entity(doc, from)?, entity(doc, to)?);
    if from == to {
        return Err(CoreError::Invalid(
            "a relation needs two different spans".into(),
        ));
    }
    let rt = schema
        .relation_type(kind)
        .ok_or_else(|| CoreError::Invalid(format!("there is no relation type called “{kind}”")))?;
    if !rt.allows(f, t) {
        return Err(CoreError::Invalid(format!(
            "{kind} does not go from {f} to {t}"
        )));
    }
    Ok(())
}

impl LinkEdit {
    /// The layer after this edit and the suggested spans it accepts; on error nothing changes.
    pub fn apply(&self, doc: &Document, schema: &Schema) -> Result<(Links, Vec<Range>), CoreError> {
        let mut links = doc.links().clone();
        let mut accept_spans = Vec::new();
        let find =
            |links: &Links, s: usize, e: usize| links.event_at(s, e).ok_or_else(|| no_event(s, e));
        match self {
            LinkEdit::AddEvent { kind, start, end } => {
                if schema.event_type(kind).is_none() {
                    return Err(CoreError::Invalid(format!(
                        "there is no event type called “{kind}”"
                    )));
                }
                let (s, e) = doc.snap(*start, *end)?;
                if let Some(i) = links.event_at(s, e) {
                    if links.events[i].kind == *kind {
                        links.events[i].state = SpanState::Accepted;
                    } else {
                        return Err(CoreError::Invalid(format!(
                            "these words already trigger a {} event",
                            links.events[i].kind
                        )));
                    }
                } else {
                    links.events.push(Event::manual(kind.clone(), s, e));
                }
            }
            LinkEdit::RemoveEvent { start, end } | LinkEdit::RejectEvent { start, end } => {
                let i = find(&links, *start, *end)?;
                links.events.remove(i);
            }
            LinkEdit::Retype { start, end, kind } => {
                let i = find(&links, *start, *end)?;
                let t = schema.event_type(kind).ok_or_else(|| {
                    CoreError::Invalid(format!("there is no event type called “{kind}”"))
                })?;
                let e = &mut links.events[i];
                e.kind.clone_from(kind);
                e.state = SpanState::Accepted;
                e.args.retain(|a| t.role(&a.role).is_some());
            }
            LinkEdit::AddArgument {
                trigger,
                role,
                start,
                end,
            } => {
                let i = find(&links, trigger.0, trigger.1)?;
                check_argument(doc, schema, &links.events[i].kind, role, (*start, *end))?;
                let e = &mut links.events[i];
                e.add_argument(role, *start, *end);
            }
            LinkEdit::RemoveArgument {
                trigger,
                role,
                start,
                end,
            } => {
                let i = find(&links, trigger.0, trigger.1)?;
                let e = &mut links.events[i];
                let before = e.args.len();
                e.args
                    .retain(|a| !(a.role == *role && (a.start, a.end) == (*start, *end)));
                if e.args.len() == before {
                    return Err(CoreError::Invalid(format!(
                        "that span is not the {role} of this event"
                    )));
                }
            }
            LinkEdit::AddRelation { kind, from, to } => {
                check_relation(doc, schema, kind, *from, *to)?;
                let new = Relation::manual(kind.clone(), *from, *to);
                match links.relations.iter_mut().find(|r| r.same(&new)) {
                    Some(r) => r.state = SpanState::Accepted,
                    None => links.relations.push(new),
                }
            }
            LinkEdit::RemoveRelation { kind, from, to }
            | LinkEdit::RejectRelation { kind, from, to } => {
                let probe = Relation::manual(kind.clone(), *from, *to);
                let i = links
                    .relations
                    .iter()
                    .position(|r| r.same(&probe))
                    .ok_or_else(|| no_relation(kind))?;
                links.relations.remove(i);
            }
            LinkEdit::AcceptEvent { start, end } => {
                let i = find(&links, *start, *end)?;
                let e = &mut links.events[i];
                e.state = SpanState::Accepted;
                accept_spans.extend(e.args.iter().map(|a| (a.start, a.end)));
            }
            LinkEdit::AcceptRelation { kind, from, to } => {
                let probe = Relation::manual(kind.clone(), *from, *to);
                let r = links
                    .relations
                    .iter_mut()
                    .find(|r| r.same(&probe))
                    .ok_or_else(|| no_relation(kind))?;
                r.state = SpanState::Accepted;
                accept_spans.extend([r.from, r.to]);
            }
            LinkEdit::AcceptAll => {
                for e in links.events.iter().filter(|e| !e.is_accepted()) {
                    accept_spans.extend(e.args.iter().map(|a| (a.start, a.end)));
                }
                for r in links.relations.iter().filter(|r| !r.is_accepted()) {
                    accept_spans.extend([r.from, r.to]);
                }
                links = accept_all(&links);
            }
            LinkEdit::Suggest { events, relations } => {
                links.events.retain(Event::is_accepted);
                links.relations.retain(Relation::is_accepted);
                for e in events {
                    let fits = e.start < e.end
                        && e.end <= doc.len_chars()
                        && schema.event_type(&e.kind).is_some();
                    if fits && links.event_at(e.start, e.end).is_none() {
                        let mut e = e.clone();
                        e.state = SpanState::Suggested;
                        e.args.retain(|a| {
                            check_argument(doc, schema, &e.kind, &a.role, (a.start, a.end)).is_ok()
                        });
                        links.events.push(e);
                    }
                }
                for r in relations {
                    let fresh = !links.relations.iter().any(|x| x.same(r));
                    if fresh && check_relation(doc, schema, &r.kind, r.from, r.to).is_ok() {
                        let mut r = r.clone();
                        r.state = SpanState::Suggested;
                        links.relations.push(r);
                    }
                }
            }
        }
        links.sort();
        Ok((links, accept_spans))
    }
}

/// The layer with every suggestion accepted (Accept all), and the spans its arguments use.
pub(crate) fn accept_all(links: &Links) -> Links {
    let mut out = links.clone();
    out.events
        .iter_mut()
        .for_each(|e| e.state = SpanState::Accepted);
    out.relations
        .iter_mut()
        .for_each(|r| r.state = SpanState::Accepted);
    out
}

/// The layer without its suggestions (Clear suggestions).
pub(crate) fn clear_suggestions(links: &Links) -> Links {
    let mut out = links.clone();
    out.events.retain(Event::is_accepted);
    out.relations.retain(Relation::is_accepted);
    out
}
