//! Events and relations in an adjudication: what every annotator of a document agrees on goes
//! into its gold document (as its spans arrive); what they differ on is counted, not guessed.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::link_agreement::{RelationKey, Trigger};
use crate::links::{Event, Links, Relation};
use crate::span::{Span, SpanState};

/// The links every annotator of one document shares, and how many they do not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AgreedLinks {
    /// events whose type and trigger every annotator has, with the arguments all of them
    /// gave; relations every annotator has (type and both ends)
    #[serde(rename = "agreed", default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// events, arguments and relations only some annotators have (left out of the gold)
    #[serde(default, skip_serializing_if = "is_zero")]
    pub differ: usize,
}

impl AgreedLinks {
    pub fn is_empty(&self) -> bool {
        self.links.is_empty() && self.differ == 0
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// An argument of an event: the event's trigger, the role and the argument's offsets.
type ArgumentKey = (Trigger, String, usize, usize);

/// Items found in every set, and the number found in some but not all.
fn shared<T: Ord + Clone>(sets: &[BTreeSet<T>]) -> (BTreeSet<T>, usize) {
    let union: BTreeSet<T> = sets.iter().flatten().cloned().collect();
    let all: BTreeSet<T> = union
        .iter()
        .filter(|x| sets.iter().all(|s| s.contains(*x)))
        .cloned()
        .collect();
    let differ = union.len() - all.len();
    (all, differ)
}

/// What the annotators' accepted links (one per annotator) have in common.
pub fn agreed_links(copies: &[&Links]) -> AgreedLinks {
    if copies.is_empty() {
        return AgreedLinks::default();
    }
    let accepted = |l: &Links| -> Vec<Event> {
        l.events
            .iter()
            .filter(|e| e.state == SpanState::Accepted)
            .cloned()
            .collect()
    };
    let events: Vec<Vec<Event>> = copies.iter().map(|l| accepted(l)).collect();
    let (triggers, differ_events) = shared(
        &events
            .iter()
            .map(|v| v.iter().map(|e| (e.kind.clone(), e.start, e.end)).collect())
            .collect::<Vec<BTreeSet<Trigger>>>(),
    );
    let (arguments, differ_args) = shared(
        &events
            .iter()
            .map(|v| {
                v.iter()
                    .filter(|e| triggers.contains(&(e.kind.clone(), e.start, e.end)))
                    .flat_map(|e| {
                        e.args.iter().map(move |a| {
                            (
                                (e.kind.clone(), e.start, e.end),
                                a.role.clone(),
                                a.start,
                                a.end,
                            )
                        })
                    })
                    .collect()
            })
            .collect::<Vec<BTreeSet<ArgumentKey>>>(),
    );
    let (relations, differ_relations) = shared(
        &copies
            .iter()
            .map(|l| {
                l.relations
                    .iter()
                    .filter(|r| r.state == SpanState::Accepted)
                    .map(|r| (r.kind.clone(), r.from, r.to))
                    .collect()
            })
            .collect::<Vec<BTreeSet<RelationKey>>>(),
    );
    let mut links = Links::default();
    for (kind, start, end) in &triggers {
        let mut event = Event::manual(kind.clone(), *start, *end);
        for (_, role, s, e) in arguments
            .iter()
            .filter(|a| a.0 .0 == *kind && a.0 .1 == *start && a.0 .2 == *end)
        {
            event.add_argument(role, *s, *e);
        }
        links.events.push(event);
    }
    for (kind, from, to) in relations {
        links.relations.push(Relation::manual(kind, from, to));
    }
    AgreedLinks {
        links,
        differ: differ_events + differ_args + differ_relations,
    }
}

fn has_span(spans: &[Span], (start, end): (usize, usize)) -> bool {
    spans
        .binary_search_by(|s| (s.start, s.end).cmp(&(start, end)))
        .is_ok()
}

fn touches(range: &Range<usize>, (start, end): (usize, usize)) -> bool {
    start >= range.start && end <= range.end
}

/// The gold document's links after its spans became `spans` (sorted by start, end) by a
/// decision over `range`: the links it had, less those whose spans are gone, plus the agreed
/// arguments and relations whose spans the decision just brought in. An agreed event the
/// adjudicator deleted from the gold document stays deleted.
pub fn gold_links(agreed: &Links, current: &Links, spans: &[Span], range: Range<usize>) -> Links {
    let mut out = current.accepted_for(spans, true);
    for event in out.events.iter_mut() {
        let Some(a) = agreed
            .events
            .iter()
            .find(|a| a.kind == event.kind && a.start == event.start && a.end == event.end)
        else {
            continue;
        };
        for arg in &a.args {
            let at = (arg.start, arg.end);
            if touches(&range, at) && has_span(spans, at) {
                event.add_argument(&arg.role, arg.start, arg.end);
            }
        }
    }
    for r in &agreed.relations {
        let new_end = touches(&range, r.from) || touches(&range, r.to);
        let present = out
            .relations
            .iter()
            .any(|x| x.kind == r.kind && x.from == r.from && x.to == r.to);
        if new_end && !present && has_span(spans, r.from) && has_span(spans, r.to) {
            out.relations.push(r.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attack(args: &[(&str, usize, usize)]) -> Event {
        let mut e = Event::manual("ATTACK", 10, 16);
        for (role, s, t) in args {
            e.add_argument(role, *s, *t);
        }
        e
    }

    fn links(events: Vec<Event>, relations: Vec<Relation>) -> Links {
        Links { events, relations }
    }

    #[test]
    fn only_what_every_annotator_has_is_agreed() {
        let a = links(
            vec![attack(&[("place", 20, 26), ("perpetrator", 0, 5)])],
            vec![Relation::manual("member_of", (0, 5), (30, 35))],
        );
        let b = links(
            vec![
                attack(&[("place", 20, 26)]),
                Event::manual("KIDNAPPING", 40, 47),
            ],
            vec![Relation::manual("member_of", (0, 5), (30, 35))],
        );
        let agreed = agreed_links(&[&a, &b]);
        assert_eq!(agreed.links.events.len(), 1);
        let e = &agreed.links.events[0];
        assert_eq!((e.kind.as_str(), e.start, e.end), ("ATTACK", 10, 16));
        assert_eq!(e.args.len(), 1);
        assert_eq!(e.args[0].role, "place");
        assert_eq!(agreed.links.relations.len(), 1);
        // the perpetrator argument and the kidnapping differ
        assert_eq!(agreed.differ, 2);
    }

    #[test]
    fn a_set_agrees_with_itself() {
        let a = links(
            vec![attack(&[("place", 20, 26)])],
            vec![Relation::manual("located_in", (20, 26), (30, 35))],
        );
        let agreed = agreed_links(&[&a, &a, &a]);
        assert_eq!(agreed.differ, 0);
        assert_eq!(agreed.links.events[0].args, a.events[0].args);
        assert_eq!(agreed.links.relations.len(), 1);
    }

    #[test]
    fn suggestions_are_not_agreed_work() {
        let mut e = attack(&[]);
        e.state = SpanState::Suggested;
        let a = links(vec![e], vec![]);
        let agreed = agreed_links(&[&a, &a]);
        assert!(agreed.links.is_empty());
        assert_eq!(agreed.differ, 0);
    }

    #[test]
    fn arguments_arrive_with_their_spans_and_go_with_them() {
        let agreed = links(
            vec![attack(&[("place", 20, 26), ("perpetrator", 0, 5)])],
            vec![Relation::manual("member_of", (0, 5), (30, 35))],
        );
        let place = Span::manual(20, 26, "GPE");
        let actor = Span::manual(0, 5, "ORG");
        let group = Span::manual(30, 35, "ORG");
        // the event is in the gold with its place; the perpetrator is still undecided
        let current = links(vec![attack(&[("place", 20, 26)])], vec![]);
        let spans = vec![actor.clone(), place.clone(), group.clone()];
        let after = gold_links(&agreed, &current, &spans, 0..5);
        assert_eq!(after.events[0].args.len(), 2);
        assert_eq!(after.relations.len(), 1);
        // deciding "neither" on the place removes its argument
        let spans = vec![actor, group];
        let after = gold_links(&agreed, &after, &spans, 20..26);
        assert_eq!(after.events[0].args.len(), 1);
        assert_eq!(after.events[0].args[0].role, "perpetrator");
    }

    #[test]
    fn a_deleted_agreed_event_stays_deleted() {
        let agreed = links(vec![attack(&[("place", 20, 26)])], vec![]);
        let spans = vec![Span::manual(20, 26, "GPE")];
        let after = gold_links(&agreed, &Links::default(), &spans, 20..26);
        assert!(after.events.is_empty());
    }
}
