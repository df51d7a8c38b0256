//! Event scores the ACE way: event detection (types equal, triggers overlap), argument F1
//! (event type, role and argument offsets exact) and the same per role, micro-averaged.

use std::collections::BTreeMap;

use crate::links::Event;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Event scores summed over documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventTally {
    pub detection: Counts,
    pub arguments: Counts,
    pub roles: BTreeMap<String, Counts>,
}

type ArgKey = (String, String, usize, usize);

fn arg_keys(events: &[Event]) -> Vec<ArgKey> {
    events
        .iter()
        .flat_map(|e| {
            e.args
                .iter()
                .map(|a| (e.kind.clone(), a.role.clone(), a.start, a.end))
        })
        .collect()
}

impl EventTally {
    /// Add one document's gold and predicted events.
    pub fn add(&mut self, gold: &[Event], pred: &[Event]) {
        let mut used = vec![false; gold.len()];
        for p in pred {
            let hit = gold.iter().enumerate().position(|(i, g)| {
                !used[i] && g.kind == p.kind && g.start < p.end && p.start < g.end
            });
            if let Some(i) = hit {
                used[i] = true;
                self.detection.tp += 1;
            }
        }
        self.detection.gold += gold.len();
        self.detection.pred += pred.len();
        let (mut g, p) = (arg_keys(gold), arg_keys(pred));
        for key in &g {
            self.roles.entry(key.1.clone()).or_default().gold += 1;
        }
        self.arguments.gold += g.len();
        self.arguments.pred += p.len();
        for key in p {
            let role = self.roles.entry(key.1.clone()).or_default();
            role.pred += 1;
            if let Some(i) = g.iter().position(|x| *x == key) {
                g.swap_remove(i);
                role.tp += 1;
                self.arguments.tp += 1;
            }
        }
    }

    /// The table `spanmark eval` prints under the entity scores.
    pub fn report(&self) -> String {
        let row = |name: &str, c: &Counts| {
            format!(
                "{name:<18} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6}\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp,
                c.gold,
                c.pred
            )
        };
        let mut out = String::from("\nevents (ACE: detection = type and overlapping trigger; arguments = type, role and exact offsets)\n");
        out.push_str(&format!(
            "{:<18} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
            "", "P", "R", "F1", "tp", "gold", "pred"
        ));
        out.push_str(&row("event detection", &self.detection));
        out.push_str(&row("arguments", &self.arguments));
        for (role, c) in &self.roles {
            out.push_str(&row(&format!("  {role}"), c));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Origin;

    #[test]
    fn detection_needs_the_type_and_an_overlapping_trigger_arguments_exact_offsets() {
        let gold = vec![Event::manual("ATTACK", 10, 18)
            .with("place", 30, 35)
            .with("killed", 40, 44)];
        let pred = vec![
            Event::suggested("ATTACK", 12, 20, Origin::Pattern)
                .with("place", 30, 35)
                .with("killed", 40, 43),
            Event::suggested("BOMBING", 10, 18, Origin::Pattern),
        ];
        let mut t = EventTally::default();
        t.add(&gold, &pred);
        assert_eq!(
            t.detection,
            Counts {
                tp: 1,
                gold: 1,
                pred: 2
            }
        );
        assert_eq!(
            t.arguments,
            Counts {
                tp: 1,
                gold: 2,
                pred: 2
            }
        );
        assert_eq!(
            t.roles["killed"],
            Counts {
                tp: 0,
                gold: 1,
                pred: 1
            }
        );
        assert!((t.detection.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!(t.report().contains("event detection"));
    }
}
