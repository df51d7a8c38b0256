//! The compact stored form of a document's events and relations (record version 2):
//! `"ev": [[type, start, end, code, [[role, start, end], …]], …]`, `"re": [[type, [s, e], [s, e], code]]`.

use super::error::PersistError;
use super::packed::{origin_code, ORIGINS};
use crate::links::{Argument, Event, Links, Relation};
use crate::span::{Origin, SpanState};

/// [type, trigger start, trigger end, code, arguments]
pub(super) type EventWire = (String, usize, usize, u8, Vec<(String, usize, usize)>);
/// [type, from, to, code]
pub(super) type RelationWire = (String, (usize, usize), (usize, usize), u8);

/// `origin << 1 | accepted`, as for spans.
fn code(origin: Origin, state: SpanState) -> u8 {
    ((origin_code(origin.family()) as u8) << 1) | u8::from(state == SpanState::Accepted)
}

fn decode_code(code: u8, what: &str) -> Result<(Origin, SpanState), PersistError> {
    let origin = ORIGINS.get(usize::from(code >> 1)).ok_or_else(|| {
        PersistError::Malformed(format!("{what} has an unknown origin code {code}"))
    })?;
    let state = if code & 1 == 1 {
        SpanState::Accepted
    } else {
        SpanState::Suggested
    };
    Ok((*origin, state))
}

pub(super) fn events_out(links: &Links) -> Vec<EventWire> {
    links
        .events
        .iter()
        .map(|e| {
            let args = e
                .args
                .iter()
                .map(|a| (a.role.clone(), a.start, a.end))
                .collect();
            (
                e.kind.clone(),
                e.start,
                e.end,
                code(e.origin, e.state),
                args,
            )
        })
        .collect()
}

pub(super) fn relations_out(links: &Links) -> Vec<RelationWire> {
    links
        .relations
        .iter()
        .map(|r| (r.kind.clone(), r.from, r.to, code(r.origin, r.state)))
        .collect()
}

pub(super) fn links_in(
    events: Vec<EventWire>,
    relations: Vec<RelationWire>,
) -> Result<Links, PersistError> {
    let mut links = Links::default();
    for (n, (kind, start, end, c, args)) in events.into_iter().enumerate() {
        let (origin, state) = decode_code(c, &format!("event {}", n + 1))?;
        let args = args
            .into_iter()
            .map(|(role, start, end)| Argument { role, start, end })
            .collect();
        links.events.push(Event {
            kind,
            start,
            end,
            args,
            origin,
            state,
        });
    }
    for (n, (kind, from, to, c)) in relations.into_iter().enumerate() {
        let (origin, state) = decode_code(c, &format!("relation {}", n + 1))?;
        links.relations.push(Relation {
            kind,
            from,
            to,
            origin,
            state,
        });
    }
    Ok(links)
}
