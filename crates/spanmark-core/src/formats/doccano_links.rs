//! doccano's entities + relations shape for documents with events or relations:
//! `"entities": [{"id","label","start_offset","end_offset"}], "relations": [{"id","from_id","to_id","type"}]`;
//! an event is a trigger entity labelled with its type plus relations to its arguments typed by role.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::label::Schema;
use crate::links::{Argument, Event, Links, Relation};
use crate::span::{Origin, Span, SpanState};

/// The `entities` and `relations` of one line; `at` converts a code point offset to the file's unit.
pub(crate) fn write(spans: &[Span], links: &Links, at: impl Fn(usize) -> usize) -> (Value, Value) {
    let mut entities = Vec::new();
    let mut ids: HashMap<(usize, usize), usize> = HashMap::new();
    for s in spans {
        let id = entities.len() + 1;
        ids.insert((s.start, s.end), id);
        entities.push(json!({"id": id, "label": s.label, "start_offset": at(s.start), "end_offset": at(s.end)}));
    }
    let mut relations = Vec::new();
    for e in &links.events {
        let trigger = entities.len() + 1;
        entities.push(json!({"id": trigger, "label": e.kind, "start_offset": at(e.start), "end_offset": at(e.end)}));
        for a in &e.args {
            if let Some(to) = ids.get(&(a.start, a.end)) {
                relations.push(json!({"id": relations.len() + 1, "from_id": trigger, "to_id": to, "type": a.role}));
            }
        }
    }
    for r in &links.relations {
        if let (Some(from), Some(to)) = (ids.get(&r.from), ids.get(&r.to)) {
            relations.push(
                json!({"id": relations.len() + 1, "from_id": from, "to_id": to, "type": r.kind}),
            );
        }
    }
    (Value::Array(entities), Value::Array(relations))
}

/// An entity of the line: (id, label, start, end) in code points.
pub(crate) type Entity = (i64, String, usize, usize);

/// Events and relations from the line's relations; entities labelled with an event type are
/// triggers (their ids are returned so they are not read as spans). Errors name the field.
pub(crate) fn read(
    entities: &[Entity],
    relations: &[Value],
    schema: &Schema,
) -> Result<(Links, Vec<i64>), String> {
    let by_id: HashMap<i64, &Entity> = entities.iter().map(|e| (e.0, e)).collect();
    let mut links = Links::default();
    let mut triggers = Vec::new();
    for e in entities
        .iter()
        .filter(|e| schema.event_type(&e.1).is_some())
    {
        triggers.push(e.0);
        links.events.push(Event {
            kind: e.1.clone(),
            start: e.2,
            end: e.3,
            args: Vec::new(),
            origin: Origin::Import,
            state: SpanState::Accepted,
        });
    }
    for (k, r) in relations.iter().enumerate() {
        let n = k + 1;
        let field = |name: &str| {
            r.get(name)
                .and_then(Value::as_i64)
                .ok_or(format!("relations[{n}] has no \"{name}\" (a whole number)"))
        };
        let kind = r
            .get("type")
            .or_else(|| r.get("label"))
            .and_then(Value::as_str)
            .ok_or(format!("relations[{n}] has no \"type\""))?;
        let (from, to) = (field("from_id")?, field("to_id")?);
        let end = |id: i64, f: &str| {
            by_id.get(&id).copied().ok_or(format!(
                "relations[{n}].{f} is {id}, which names no entity of this line"
            ))
        };
        let (a, b) = (end(from, "from_id")?, end(to, "to_id")?);
        if let Some(t) = schema.event_type(&a.1) {
            let role = t.role(kind).ok_or(format!(
                "relations[{n}]: the event type {} has no role “{kind}”",
                a.1
            ))?;
            if !role.allows(&b.1) {
                return Err(format!(
                    "relations[{n}]: the role {kind} of {} does not take a {} span",
                    a.1, b.1
                ));
            }
            let event = links
                .events
                .iter_mut()
                .find(|e| (e.start, e.end, &e.kind) == (a.2, a.3, &a.1));
            if let Some(event) = event {
                event.args.push(Argument {
                    role: kind.into(),
                    start: b.2,
                    end: b.3,
                });
            }
            continue;
        }
        let rt = schema.relation_type(kind).ok_or(format!(
            "relations[{n}]: the schema has no relation type “{kind}”"
        ))?;
        if !rt.allows(&a.1, &b.1) {
            return Err(format!(
                "relations[{n}]: {kind} does not go from {} to {}",
                a.1, b.1
            ));
        }
        links.relations.push(Relation {
            kind: kind.into(),
            from: (a.2, a.3),
            to: (b.2, b.3),
            origin: Origin::Import,
            state: SpanState::Accepted,
        });
    }
    for e in &mut links.events {
        e.args
            .sort_by(|x, y| (x.start, x.end, &x.role).cmp(&(y.start, y.end, &y.role)));
    }
    links.sort();
    Ok((links, triggers))
}
