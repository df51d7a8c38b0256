//! What one step did to the event and relation layer: the links before and after, for undo,
//! and what a span deletion took with it, in a sentence the page can show.

use std::collections::HashMap;

use super::{Argument, Event, Links, Relation};

/// The events of a layer by trigger, in their order (one per trigger in a sound layer): a
/// step on a long article compares thousands of events, so each is looked up, not searched.
fn by_trigger(events: &[Event]) -> HashMap<(usize, usize), Vec<&Event>> {
    let mut out: HashMap<(usize, usize), Vec<&Event>> = HashMap::with_capacity(events.len());
    for e in events {
        out.entry((e.start, e.end)).or_default().push(e);
    }
    out
}

/// The links before and after a step (kept whole: a document has few of them).
#[derive(Debug, Clone, PartialEq)]
pub struct LinksChange {
    pub before: Links,
    pub after: Links,
}

/// The arguments and relations a step removed (by deleting or resizing spans).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkLoss {
    /// (event type, trigger start, the argument)
    pub arguments: Vec<(String, usize, Argument)>,
    pub relations: Vec<Relation>,
}

impl LinkLoss {
    pub fn is_empty(&self) -> bool {
        self.arguments.is_empty() && self.relations.is_empty()
    }

    /// "also removes 2 event arguments (killed of ATTACK, place of ATTACK) and 1 relation
    /// (member_of)", or "" when nothing else went.
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        if !self.arguments.is_empty() {
            let which: Vec<String> = self
                .arguments
                .iter()
                .map(|(kind, _, a)| format!("{} of {kind}", a.role))
                .collect();
            let n = self.arguments.len();
            parts.push(format!(
                "{n} event argument{} ({})",
                if n == 1 { "" } else { "s" },
                which.join(", ")
            ));
        }
        if !self.relations.is_empty() {
            let which: Vec<&str> = self.relations.iter().map(|r| r.kind.as_str()).collect();
            let n = self.relations.len();
            parts.push(format!(
                "{n} relation{} ({})",
                if n == 1 { "" } else { "s" },
                which.join(", ")
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("also removes {}", parts.join(" and "))
        }
    }
}

impl LinksChange {
    /// What was in `before` and is no longer in `after` (events matched by trigger).
    pub fn loss(&self) -> LinkLoss {
        let mut loss = LinkLoss::default();
        let after = by_trigger(&self.after.events);
        for e in &self.before.events {
            let now = after
                .get(&(e.start, e.end))
                .and_then(|same| same.first().copied());
            for a in &e.args {
                // a resized argument keeps its role and count: it is not lost
                let count = |args: &[Argument]| args.iter().filter(|b| b.role == a.role).count();
                let kept =
                    now.is_some_and(|x| x.args.contains(a) || count(&x.args) >= count(&e.args));
                if !kept {
                    loss.arguments.push((e.kind.clone(), e.start, a.clone()));
                }
            }
        }
        for r in &self.before.relations {
            let kept = self
                .after
                .relations
                .iter()
                .any(|x| x.kind == r.kind && (x.from == r.from || x.to == r.to));
            if !kept {
                loss.relations.push(r.clone());
            }
        }
        loss
    }

    /// The stretch of text whose events or relations changed (for views to redraw).
    pub fn touched(&self) -> Option<std::ops::Range<usize>> {
        let (before, after) = (
            by_trigger(&self.before.events),
            by_trigger(&self.after.events),
        );
        // an equal event has the same trigger: only those are compared
        let absent = |e: &Event, other: &HashMap<(usize, usize), Vec<&Event>>| {
            other
                .get(&(e.start, e.end))
                .is_none_or(|same| !same.contains(&e))
        };
        let changed_events = self
            .before
            .events
            .iter()
            .filter(|e| absent(e, &after))
            .chain(self.after.events.iter().filter(|e| absent(e, &before)))
            .map(|e| e.extent());
        let changed_relations = self
            .before
            .relations
            .iter()
            .filter(|r| !self.after.relations.contains(r))
            .chain(
                self.after
                    .relations
                    .iter()
                    .filter(|r| !self.before.relations.contains(r)),
            )
            .map(|r| r.extent());
        changed_events
            .chain(changed_relations)
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dice::Dice;

    /// What `touched` and `loss` computed before events were looked up by trigger.
    fn touched_by_search(c: &LinksChange) -> Option<std::ops::Range<usize>> {
        let events = c
            .before
            .events
            .iter()
            .filter(|e| !c.after.events.contains(e))
            .chain(
                c.after
                    .events
                    .iter()
                    .filter(|e| !c.before.events.contains(e)),
            )
            .map(|e| e.extent());
        let relations = c
            .before
            .relations
            .iter()
            .filter(|r| !c.after.relations.contains(r))
            .chain(
                c.after
                    .relations
                    .iter()
                    .filter(|r| !c.before.relations.contains(r)),
            )
            .map(|r| r.extent());
        events
            .chain(relations)
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
    }

    fn lost_by_search(c: &LinksChange) -> Vec<(String, usize, Argument)> {
        let mut out = Vec::new();
        for e in &c.before.events {
            let now = c
                .after
                .events
                .iter()
                .find(|x| (x.start, x.end) == (e.start, e.end));
            for a in &e.args {
                let count = |args: &[Argument]| args.iter().filter(|b| b.role == a.role).count();
                if !now.is_some_and(|x| x.args.contains(a) || count(&x.args) >= count(&e.args)) {
                    out.push((e.kind.clone(), e.start, a.clone()));
                }
            }
        }
        out
    }

    fn layer(d: &mut Dice, n: usize) -> Links {
        let mut events = Vec::new();
        for i in 0..n {
            let start = i * 10 + d.roll(3);
            let kind = ["ATTACK", "KIDNAPPING"][d.roll(2)];
            let mut e = Event::suggested(
                kind,
                start,
                start + 1 + d.roll(4),
                crate::span::Origin::Pattern,
            );
            for _ in 0..d.roll(4) {
                let at = d.roll(n * 10 + 20);
                e.add_argument(["place", "killed", "target"][d.roll(3)], at, at + 2);
            }
            events.push(e);
        }
        Links {
            events,
            relations: Vec::new(),
        }
    }

    #[test]
    fn touched_and_loss_are_what_a_search_of_every_event_gives() {
        let mut d = Dice(0x2545_f491_4f6c_dd1d);
        for round in 0..300 {
            let n = 1 + d.roll(12);
            let before = layer(&mut d, n);
            let mut after = before.clone();
            for _ in 0..d.roll(4) {
                let k = d.roll(after.events.len().max(1));
                match d.roll(4) {
                    0 if !after.events.is_empty() => {
                        after.events.remove(k);
                    }
                    1 if !after.events.is_empty() => after.events[k].args.clear(),
                    2 if !after.events.is_empty() => after.events[k].kind = "BOMBING".into(),
                    _ => {
                        let n = 1 + d.roll(12);
                        after = layer(&mut d, n);
                    }
                }
            }
            let change = LinksChange { before, after };
            assert_eq!(
                change.touched(),
                touched_by_search(&change),
                "round {round}"
            );
            assert_eq!(
                change.loss().arguments,
                lost_by_search(&change),
                "round {round}"
            );
        }
    }

    #[test]
    fn an_unchanged_layer_touches_nothing_and_loses_nothing() {
        let mut d = Dice(7);
        let links = layer(&mut d, 50);
        let change = LinksChange {
            before: links.clone(),
            after: links,
        };
        assert_eq!(change.touched(), None);
        assert!(change.loss().is_empty());
    }
}
