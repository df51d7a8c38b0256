//! Events and relations in Label Studio JSON: `type: "relation"` results (`from_id`, `to_id`,
//! `direction`, `labels`) beside the span results. An event is a trigger region labelled with
//! its type plus relations from it to each argument, labelled by role (as in doccano).

use std::collections::HashMap;

use serde_json::{json, Value};

use super::doccano_links::{self, Entity};
use crate::label::Schema;
use crate::links::Links;

/// A relation result as Label Studio writes it.
pub(crate) fn relation(from: &str, to: &str, label: &str) -> Value {
    json!({"from_id": from, "to_id": to, "type": "relation", "direction": "right", "labels": [label]})
}

/// A trigger region to write: its id, code point offsets and event type.
pub(crate) type Trigger = (String, usize, usize, String);

/// The trigger regions to add and the relation results, for the links over the regions
/// already written (`ids`: a span's offsets → its region id).
pub(crate) fn write(
    ids: &HashMap<(usize, usize), String>,
    links: &Links,
) -> (Vec<Trigger>, Vec<Value>) {
    let mut triggers = Vec::new();
    let mut relations = Vec::new();
    for (k, e) in links.events.iter().enumerate() {
        let id = format!("t{}", k + 1);
        for a in &e.args {
            if let Some(to) = ids.get(&(a.start, a.end)) {
                relations.push(relation(&id, to, &a.role));
            }
        }
        triggers.push((id, e.start, e.end, e.kind.clone()));
    }
    for r in &links.relations {
        if let (Some(from), Some(to)) = (ids.get(&r.from), ids.get(&r.to)) {
            relations.push(relation(from, to, &r.kind));
        }
    }
    (triggers, relations)
}

/// A labelled region of an annotation: its id (if any), label and code point offsets.
pub(crate) struct Region {
    pub id: Option<String>,
    pub label: String,
    pub start: usize,
    pub end: usize,
}

/// Events and relations from one annotation's regions and relation results; returns the
/// indices of the regions that are triggers (not entity spans). Errors name the result.
pub(crate) fn read(
    regions: &[Region],
    relations: &[(usize, Value)],
    schema: &Schema,
) -> Result<(Links, Vec<usize>), String> {
    let entities: Vec<Entity> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (i as i64, r.label.clone(), r.start, r.end))
        .collect();
    let id_of = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut values = Vec::new();
    for (n, r) in relations {
        let end = |field: &str| {
            let id =
                id_of(r.get(field)).ok_or(format!("result {n} (a relation) has no \"{field}\""))?;
            regions
                .iter()
                .position(|g| g.id.as_deref() == Some(id.as_str()))
                .ok_or(format!(
                    "result {n}: {field} “{id}” names no labelled region of this annotation"
                ))
        };
        let (mut from, mut to) = (end("from_id")?, end("to_id")?);
        if r.get("direction").and_then(Value::as_str) == Some("left") {
            std::mem::swap(&mut from, &mut to);
        }
        let labels: Vec<&str> = r
            .get("labels")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if labels.is_empty() {
            return Err(format!(
                "result {n}: the relation has no \"labels\" (Spanmark's relations are typed)"
            ));
        }
        for label in labels {
            values.push(json!({"from_id": from, "to_id": to, "type": label}));
        }
    }
    let (links, triggers) = doccano_links::read(&entities, &values, schema)?;
    Ok((links, triggers.into_iter().map(|i| i as usize).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Event;

    fn region(id: &str, label: &str, start: usize, end: usize) -> Region {
        Region {
            id: Some(id.into()),
            label: label.into(),
            start,
            end,
        }
    }

    #[test]
    fn an_event_goes_out_as_a_trigger_region_and_comes_back() {
        let mut ids = HashMap::new();
        ids.insert((16, 21), "s1".to_string());
        let links = Links {
            events: vec![Event::manual("ATTACK", 7, 15).with("place", 16, 21)],
            relations: vec![],
        };
        let (triggers, relations) = write(&ids, &links);
        assert_eq!(
            triggers,
            vec![("t1".to_string(), 7, 15, "ATTACK".to_string())]
        );
        assert_eq!(relations, vec![relation("t1", "s1", "place")]);
        let regions = vec![region("s1", "GPE", 16, 21), region("t1", "ATTACK", 7, 15)];
        let rel: Vec<(usize, Value)> = relations.into_iter().map(|r| (3, r)).collect();
        let (back, trig) = read(&regions, &rel, &Schema::news()).unwrap();
        assert_eq!(trig, vec![1]);
        assert_eq!(back.events[0].args, links.events[0].args);
    }

    #[test]
    fn a_left_relation_is_turned_round_and_bad_ones_are_named() {
        let regions = vec![region("a", "PERSON", 0, 11), region("b", "ORG", 18, 32)];
        let left = json!({"from_id": "b", "to_id": "a", "type": "relation", "direction": "left", "labels": ["leader_of"]});
        let (links, _) = read(&regions, &[(3, left)], &Schema::news()).unwrap();
        assert_eq!(
            (links.relations[0].from, links.relations[0].to),
            ((0, 11), (18, 32))
        );
        let missing =
            json!({"from_id": "a", "to_id": "zz", "type": "relation", "labels": ["member_of"]});
        assert_eq!(
            read(&regions, &[(4, missing)], &Schema::news()).unwrap_err(),
            "result 4: to_id “zz” names no labelled region of this annotation"
        );
        let untyped = json!({"from_id": "a", "to_id": "b", "type": "relation"});
        assert!(read(&regions, &[(5, untyped)], &Schema::news())
            .unwrap_err()
            .contains("has no \"labels\""));
    }
}
