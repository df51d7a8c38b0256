//! What one step did to the event and relation layer: the links before and after, for undo,
//! and what a span deletion took with it, in a sentence the page can show.

use super::{Argument, Links, Relation};

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
        for e in &self.before.events {
            let now = self
                .after
                .events
                .iter()
                .find(|x| (x.start, x.end) == (e.start, e.end));
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
        let changed_events = self
            .before
            .events
            .iter()
            .filter(|e| !self.after.events.contains(e))
            .chain(
                self.after
                    .events
                    .iter()
                    .filter(|e| !self.before.events.contains(e)),
            )
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
