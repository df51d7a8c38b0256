//! Events and relations in the spaCy/Prodigy JSONL: Prodigy's `rel.manual` shape,
//! `"relations": [{"head", "child", "head_span", "child_span", "label"}]` (token indices). An
//! event is a trigger span labelled with its type plus relations from it to each argument,
//! labelled by role (as in doccano).

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::doccano_links::{self, Entity};
use crate::label::Schema;
use crate::links::Links;

/// A span as `head_span` / `child_span` carry it (token_end inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RelSpan {
    pub start: i64,
    pub end: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_end: Option<i64>,
    pub label: String,
}

/// One Prodigy relation: head and child are the token indices of the spans' last tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RelJson {
    #[serde(default)]
    pub head: Option<i64>,
    #[serde(default)]
    pub child: Option<i64>,
    #[serde(default)]
    pub head_span: Option<RelSpan>,
    #[serde(default)]
    pub child_span: Option<RelSpan>,
    pub label: String,
}

/// A written span of the task: code point offsets, token range (inclusive end), label.
pub(crate) type Written = (usize, usize, usize, usize, String);

/// The trigger spans to add to the task's spans and the relations, for the links over
/// `spans` (the entity spans already written). `token_range` gives a code point range's
/// (first, last) token, or None when it is not on tokens (the link is then left out, and the
/// self-check of the export reports it).
pub(crate) fn write(
    spans: &[Written],
    links: &Links,
    token_range: impl Fn(usize, usize) -> Option<(usize, usize)>,
) -> (Vec<Written>, Vec<RelJson>) {
    let find = |all: &[Written], (s, e): (usize, usize), label: Option<&str>| {
        all.iter()
            .find(|w| (w.0, w.1) == (s, e) && label.is_none_or(|l| w.4 == l))
            .cloned()
    };
    let rel_span = |w: &Written| RelSpan {
        start: w.0 as i64,
        end: w.1 as i64,
        token_start: Some(w.2 as i64),
        token_end: Some(w.3 as i64),
        label: w.4.clone(),
    };
    let relation = |head: &Written, child: &Written, label: &str| RelJson {
        head: Some(head.3 as i64),
        child: Some(child.3 as i64),
        head_span: Some(rel_span(head)),
        child_span: Some(rel_span(child)),
        label: label.to_string(),
    };
    let mut triggers = Vec::new();
    let mut relations = Vec::new();
    for e in &links.events {
        let Some((a, b)) = token_range(e.start, e.end) else {
            continue;
        };
        let trigger: Written = (e.start, e.end, a, b, e.kind.clone());
        for arg in &e.args {
            if let Some(child) = find(spans, (arg.start, arg.end), None) {
                relations.push(relation(&trigger, &child, &arg.role));
            }
        }
        triggers.push(trigger);
    }
    for r in &links.relations {
        if let (Some(head), Some(child)) = (find(spans, r.from, None), find(spans, r.to, None)) {
            relations.push(relation(&head, &child, &r.kind));
        }
    }
    (triggers, relations)
}

/// Events and relations of a task from its spans (code point offsets, token ranges) and
/// its `relations`; the trigger spans' indices are returned so they are not read as entity
/// spans. Errors name the field.
pub(crate) fn read(
    spans: &[Written],
    relations: &[RelJson],
    schema: &Schema,
) -> Result<(Links, Vec<usize>), String> {
    let entities: Vec<Entity> = spans
        .iter()
        .enumerate()
        .map(|(i, w)| (i as i64, w.4.clone(), w.0, w.1))
        .collect();
    let mut values = Vec::with_capacity(relations.len());
    for (k, r) in relations.iter().enumerate() {
        let n = k + 1;
        let end = |span: &Option<RelSpan>, token: Option<i64>, field: &str| {
            let by_span = span.as_ref().and_then(|s| {
                spans.iter().position(|w| {
                    (w.0 as i64, w.1 as i64, w.4.as_str()) == (s.start, s.end, s.label.as_str())
                })
            });
            // without the span: the first span over that token
            let by_token = || {
                let t = usize::try_from(token?).ok()?;
                spans.iter().position(|w| w.2 <= t && t <= w.3)
            };
            match span {
                Some(s) => by_span.ok_or(format!(
                    "relations[{n}].{field}_span ({}–{}, {}) is not one of the task's spans",
                    s.start, s.end, s.label
                )),
                None => by_token().ok_or(format!(
                    "relations[{n}].{field} names no token of a span of this task"
                )),
            }
        };
        let from = end(&r.head_span, r.head, "head")?;
        let to = end(&r.child_span, r.child, "child")?;
        values.push(json!({"from_id": from, "to_id": to, "type": r.label}));
    }
    let (links, triggers) = doccano_links::read(&entities, &values, schema)?;
    Ok((links, triggers.into_iter().map(|i| i as usize).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::{Event, Relation};
    use crate::span::{Origin, SpanState};

    #[test]
    fn an_event_is_a_trigger_span_and_relations_labelled_by_role() {
        // "Gunmen attacked Bannu ." with Bannu a GPE (token 2)
        let spans: Vec<Written> = vec![(16, 21, 2, 2, "GPE".into())];
        let links = Links {
            events: vec![Event::manual("ATTACK", 7, 15).with("place", 16, 21)],
            relations: vec![],
        };
        let (triggers, relations) = write(&spans, &links, |s, _| (s == 7).then_some((1, 1)));
        assert_eq!(triggers, vec![(7, 15, 1, 1, "ATTACK".to_string())]);
        assert_eq!(relations.len(), 1);
        assert_eq!((relations[0].head, relations[0].child), (Some(1), Some(2)));
        assert_eq!(relations[0].label, "place");
        let mut all = spans.clone();
        all.extend(triggers);
        let (back, trig) = read(&all, &relations, &Schema::news()).unwrap();
        assert_eq!(trig, vec![1]);
        assert_eq!(back.events[0].kind, "ATTACK");
        assert_eq!(back.events[0].args, links.events[0].args);
    }

    #[test]
    fn a_relation_by_token_index_alone_and_a_bad_one_named() {
        let spans: Vec<Written> =
            vec![(0, 11, 0, 1, "PERSON".into()), (18, 32, 4, 4, "ORG".into())];
        let rel = RelJson {
            head: Some(1),
            child: Some(4),
            head_span: None,
            child_span: None,
            label: "leader_of".into(),
        };
        let (links, _) = read(&spans, std::slice::from_ref(&rel), &Schema::news()).unwrap();
        assert_eq!(
            links.relations,
            vec![Relation {
                kind: "leader_of".into(),
                from: (0, 11),
                to: (18, 32),
                origin: Origin::Import,
                state: SpanState::Accepted,
            }]
        );
        let bad = RelJson {
            child: Some(3),
            ..rel
        };
        assert_eq!(
            read(&spans, &[bad], &Schema::news()).unwrap_err(),
            "relations[1].child names no token of a span of this task"
        );
    }
}
