//! Events and relations in JSON, in the shape `spanmark detect` writes:
//! `{"type", "trigger": {"start","end","text"}, "args": [{"role","start","end","label","text"}]}`.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::links::{Argument, Event, Links, Relation};
use crate::span::{Origin, SpanState};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerJson {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArgumentJson {
    pub role: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: TriggerJson,
    #[serde(default)]
    pub args: Vec<ArgumentJson>,
    /// Spanmark JSON only: where it came from and whether it was accepted
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SpanState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndJson {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub from: EndJson,
    pub to: EndJson,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SpanState>,
}

fn label_at(doc: &Document, (s, e): (usize, usize)) -> String {
    doc.find_span(s, e)
        .map(|i| doc.spans()[i].label.clone())
        .unwrap_or_default()
}

/// The events of a document as JSON; `full` adds origin and state (Spanmark JSON).
pub fn events_json(doc: &Document, links: &Links, full: bool) -> Vec<EventJson> {
    links
        .events
        .iter()
        .map(|e| EventJson {
            kind: e.kind.clone(),
            trigger: TriggerJson {
                start: e.start,
                end: e.end,
                text: doc.slice(e.start, e.end).to_string(),
            },
            args: e
                .args
                .iter()
                .map(|a| ArgumentJson {
                    role: a.role.clone(),
                    start: a.start,
                    end: a.end,
                    label: label_at(doc, (a.start, a.end)),
                    text: doc.slice(a.start, a.end).to_string(),
                })
                .collect(),
            origin: full.then_some(e.origin),
            state: full.then_some(e.state),
        })
        .collect()
}

pub fn relations_json(doc: &Document, links: &Links, full: bool) -> Vec<RelationJson> {
    let end = |r: (usize, usize)| EndJson {
        start: r.0,
        end: r.1,
        label: label_at(doc, r),
    };
    links
        .relations
        .iter()
        .map(|r| RelationJson {
            kind: r.kind.clone(),
            from: end(r.from),
            to: end(r.to),
            origin: full.then_some(r.origin),
            state: full.then_some(r.state),
        })
        .collect()
}

/// The links of JSON events and relations (unchecked; see `Links::problem`).
pub fn links_of(events: &[EventJson], relations: &[RelationJson]) -> Links {
    let mut links = Links {
        events: events
            .iter()
            .map(|e| Event {
                kind: e.kind.clone(),
                start: e.trigger.start,
                end: e.trigger.end,
                args: e
                    .args
                    .iter()
                    .map(|a| Argument {
                        role: a.role.clone(),
                        start: a.start,
                        end: a.end,
                    })
                    .collect(),
                origin: e.origin.unwrap_or(Origin::Import),
                state: e.state.unwrap_or(SpanState::Accepted),
            })
            .collect(),
        relations: relations
            .iter()
            .map(|r| Relation {
                kind: r.kind.clone(),
                from: (r.from.start, r.from.end),
                to: (r.to.start, r.to.end),
                origin: r.origin.unwrap_or(Origin::Import),
                state: r.state.unwrap_or(SpanState::Accepted),
            })
            .collect(),
    };
    links.sort();
    links
}
