//! Agreement on events and relations: strict (a trigger, a whole event, an argument, a relation
//! count only when type and offsets are equal) and the ACE scores `spanmark eval` prints.

use std::collections::{BTreeMap, HashSet};
use std::hash::Hash;

use serde::Serialize;

use super::span_agreement::SpanTally;
use crate::incidents::score::EventTally;
use crate::links::Links;

/// Strict tallies of one pair over the link layer, overall and per event / relation type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LinkAgreement {
    /// (type, trigger)
    pub triggers: SpanTally,
    /// (type, trigger, every argument)
    pub events: SpanTally,
    /// (type, trigger, role, argument span)
    pub arguments: SpanTally,
    /// (type, from, to)
    pub relations: SpanTally,
    /// per event type: events with all arguments; per relation type: relations
    pub per_event_type: BTreeMap<String, SpanTally>,
    pub per_relation_type: BTreeMap<String, SpanTally>,
    /// the ACE scores `spanmark eval` prints (A as gold, B as prediction): detection = type
    /// and an overlapping trigger; arguments = type, role and exact offsets; per role
    #[serde(skip)]
    pub ace: EventTally,
}

fn tally<T: Eq + Hash>(a: &[T], b: &[T]) -> SpanTally {
    let (sa, sb): (HashSet<&T>, HashSet<&T>) = (a.iter().collect(), b.iter().collect());
    let strict = sa.intersection(&sb).count();
    SpanTally {
        a: sa.len(),
        b: sb.len(),
        strict,
        // overlap has no meaning for links: strict is the only match
        overlap_a: strict,
        overlap_b: strict,
    }
}

/// (type, start, end) of a trigger; (role, start, end) of an argument.
pub(super) type Trigger = (String, usize, usize);
type ArgumentKey = (String, usize, usize);
/// An event with every argument, sorted.
type EventKey = (Trigger, Vec<ArgumentKey>);
/// (type, from, to)
pub(super) type RelationKey = (String, (usize, usize), (usize, usize));

impl LinkAgreement {
    pub fn add_document(&mut self, a: &Links, b: &Links) {
        self.ace.add(&a.events, &b.events);
        let triggers = |l: &Links| -> Vec<Trigger> {
            l.events
                .iter()
                .map(|e| (e.kind.clone(), e.start, e.end))
                .collect()
        };
        let events = |l: &Links| -> Vec<EventKey> {
            l.events
                .iter()
                .map(|e| {
                    let mut args: Vec<_> = e
                        .args
                        .iter()
                        .map(|x| (x.role.clone(), x.start, x.end))
                        .collect();
                    args.sort();
                    ((e.kind.clone(), e.start, e.end), args)
                })
                .collect()
        };
        let arguments = |l: &Links| -> Vec<(Trigger, String, usize, usize)> {
            l.events
                .iter()
                .flat_map(|e| {
                    e.args.iter().map(move |x| {
                        (
                            (e.kind.clone(), e.start, e.end),
                            x.role.clone(),
                            x.start,
                            x.end,
                        )
                    })
                })
                .collect()
        };
        let relations = |l: &Links| -> Vec<RelationKey> {
            l.relations
                .iter()
                .map(|r| (r.kind.clone(), r.from, r.to))
                .collect()
        };
        self.triggers.add(&tally(&triggers(a), &triggers(b)));
        let (ea, eb) = (events(a), events(b));
        self.events.add(&tally(&ea, &eb));
        self.arguments.add(&tally(&arguments(a), &arguments(b)));
        let (ra, rb) = (relations(a), relations(b));
        self.relations.add(&tally(&ra, &rb));
        let kinds: HashSet<&String> = ea.iter().chain(&eb).map(|e| &e.0 .0).collect();
        for kind in kinds {
            let of = |v: &[EventKey]| -> Vec<_> {
                v.iter().filter(|e| &e.0 .0 == kind).cloned().collect()
            };
            self.per_event_type
                .entry(kind.clone())
                .or_default()
                .add(&tally(&of(&ea), &of(&eb)));
        }
        let kinds: HashSet<&String> = ra.iter().chain(&rb).map(|r| &r.0).collect();
        for kind in kinds {
            let of = |v: &[RelationKey]| -> Vec<_> {
                v.iter().filter(|r| &r.0 == kind).cloned().collect()
            };
            self.per_relation_type
                .entry(kind.clone())
                .or_default()
                .add(&tally(&of(&ra), &of(&rb)));
        }
    }

    pub fn add(&mut self, o: &LinkAgreement) {
        for (x, y) in [
            (&mut self.ace.detection, &o.ace.detection),
            (&mut self.ace.arguments, &o.ace.arguments),
        ] {
            x.tp += y.tp;
            x.gold += y.gold;
            x.pred += y.pred;
        }
        for (role, c) in &o.ace.roles {
            let x = self.ace.roles.entry(role.clone()).or_default();
            x.tp += c.tp;
            x.gold += c.gold;
            x.pred += c.pred;
        }
        self.triggers.add(&o.triggers);
        self.events.add(&o.events);
        self.arguments.add(&o.arguments);
        self.relations.add(&o.relations);
        for (k, t) in &o.per_event_type {
            self.per_event_type.entry(k.clone()).or_default().add(t);
        }
        for (k, t) in &o.per_relation_type {
            self.per_relation_type.entry(k.clone()).or_default().add(t);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.triggers.a + self.triggers.b + self.relations.a + self.relations.b == 0
    }
}
