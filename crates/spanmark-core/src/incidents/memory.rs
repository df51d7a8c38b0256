//! What the annotator taught about events: trigger words accepted per event type (suggested
//! from then on) and rejected (never suggested again), and how often each role was filled.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::folded::{fold, Folded};
use crate::document::Document;
use crate::links::Event;
use crate::span::Origin;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventMemory {
    /// lowercase trigger text (`folded::fold`) → (event type → times accepted)
    pub triggers: BTreeMap<String, BTreeMap<String, u32>>,
    /// lowercase trigger texts the annotator rejected as triggers
    pub rejected: BTreeSet<String>,
    /// event type → (role → arguments accepted)
    pub roles: BTreeMap<String, BTreeMap<String, u32>>,
}

impl EventMemory {
    /// Learn from a document's accepted events.
    pub fn learn(&mut self, doc: &Document) {
        for e in doc.links().events.iter().filter(|e| e.is_accepted()) {
            self.learn_event(doc, e);
        }
    }

    /// Learn one event the annotator accepted or made: its trigger words are suggested as
    /// its type from now on (and no longer count as rejected), its roles are counted.
    pub fn learn_event(&mut self, doc: &Document, e: &Event) {
        let word = fold(doc.slice(e.start, e.end));
        self.rejected.remove(&word);
        *self
            .triggers
            .entry(word)
            .or_default()
            .entry(e.kind.clone())
            .or_default() += 1;
        for a in &e.args {
            *self
                .roles
                .entry(e.kind.clone())
                .or_default()
                .entry(a.role.clone())
                .or_default() += 1;
        }
    }

    /// Remember a rejected suggestion: its trigger words are not suggested again.
    pub fn reject(&mut self, doc: &Document, event: &Event) {
        let word = fold(doc.slice(event.start, event.end));
        if !self.triggers.contains_key(&word) {
            self.rejected.insert(word);
        }
    }

    /// The type most often accepted for these trigger words.
    pub fn kind_of(&self, words: &str) -> Option<&str> {
        let kinds = self.triggers.get(&fold(words))?;
        kinds
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(k, _)| k.as_str())
    }

    /// Rule suggestions corrected by memory: rejected trigger words dropped, and remembered
    /// trigger words found in the text (whole tokens) suggested where no event covers them.
    pub fn apply(&self, doc: &Document, mut events: Vec<Event>) -> Vec<Event> {
        if !self.rejected.is_empty() {
            events.retain(|e| !self.rejected.contains(&fold(doc.slice(e.start, e.end))));
        }
        if self.triggers.is_empty() {
            // nothing to find: the lowercase of the whole text is not needed
            events.sort_by_key(|e| (e.start, e.end));
            return events;
        }
        // matched in the lowercase, mapped back per character (lowercasing can change lengths)
        let lower = Folded::new(doc.text());
        for words in self.triggers.keys() {
            let Some(kind) = self.kind_of(words) else {
                continue;
            };
            for (b, m) in lower.text.match_indices(words.as_str()) {
                let (Some(s), Some(e)) = (lower.char_at(b), lower.char_at(b + m.len())) else {
                    continue;
                };
                let whole = doc.is_token_start(s) && doc.is_token_end(e);
                if whole && !events.iter().any(|x| x.start < e && s < x.end) {
                    events.push(Event::suggested(kind, s, e, Origin::Memory));
                }
            }
        }
        events.sort_by_key(|e| (e.start, e.end));
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Links;

    #[test]
    fn accepted_triggers_are_suggested_and_rejected_ones_are_not() {
        let mut taught = Document::new("a", "A", "Rebels torched a school.");
        taught.set_links(Links {
            events: vec![Event::manual("ATTACK", 7, 14)],
            relations: vec![],
        });
        let mut memory = EventMemory::default();
        memory.learn(&taught);
        assert_eq!(memory.kind_of("Torched"), Some("ATTACK"));
        let doc = Document::new("b", "B", "Mobs torched shops. A blast shook the market.");
        let rules = vec![Event::suggested("BOMBING", 22, 27, Origin::Pattern)];
        let out = memory.apply(&doc, rules.clone());
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].kind.as_str(), out[0].origin),
            ("ATTACK", Origin::Memory)
        );
        memory.reject(&doc, &rules[0]);
        let out = memory.apply(&doc, rules);
        assert_eq!(out.len(), 1, "the rejected “blast” is not suggested again");
        let mut with_role = taught.clone();
        with_role.set_spans(vec![crate::span::Span::manual(17, 23, "FAC")]);
        with_role.set_links(Links {
            events: vec![Event::manual("ATTACK", 7, 14).with("target", 17, 23)],
            relations: vec![],
        });
        memory.learn(&with_role);
        assert_eq!(memory.roles["ATTACK"]["target"], 1);
    }

    #[test]
    fn a_memory_that_only_rejected_drops_those_words_and_sorts_the_rest() {
        let doc = Document::new("b", "B", "A blast shook the market. Gunmen attacked a bus.");
        let rules = vec![
            Event::suggested("ATTACK", 33, 41, Origin::Pattern),
            Event::suggested("BOMBING", 2, 7, Origin::Pattern),
        ];
        let fresh = EventMemory::default();
        let kept: Vec<usize> = fresh
            .apply(&doc, rules.clone())
            .iter()
            .map(|e| e.start)
            .collect();
        assert_eq!(kept, [2, 33], "nothing taught: every event, in text order");
        let mut memory = EventMemory::default();
        memory.reject(&doc, &rules[1]);
        assert!(memory.triggers.is_empty());
        let kept: Vec<&str> = memory
            .apply(&doc, rules)
            .iter()
            .map(|e| doc.slice(e.start, e.end))
            .collect();
        assert_eq!(kept, ["attacked"], "the rejected “blast” is left out");
    }
}
