//! Events suggested with what the annotator taught: the rules' events, corrected by the
//! incident memory, and the roles of the events only the memory found filled like the rules'.

use super::memory::EventMemory;
use super::roles;
use crate::document::Document;
use crate::links::Event;
use crate::span::Origin;
use crate::token::sentences;

/// The rules' events for `doc` with the memory applied (rejected trigger words dropped,
/// remembered ones found again). A remembered trigger counts as the rules' strong ones do:
/// only in the article's body, and not within `JOIN_WITHIN` sentences of an event of its
/// type (a second mention of the same incident). Its roles are filled from its sentence and
/// the following ones, up to the next event's sentence.
pub fn suggest_remembered(doc: &Document, memory: &EventMemory) -> Vec<Event> {
    let mut events = memory.apply(doc, super::suggest(doc));
    if !events.iter().any(|e| e.origin == Origin::Memory) {
        return events;
    }
    let sents = sentences(doc.text(), doc.tokens());
    let sentence_of = |offset: usize| {
        let token = doc.tokens().partition_point(|t| t.end <= offset);
        sents.partition_point(|s| s.end <= token)
    };
    let at: Vec<usize> = events.iter().map(|e| sentence_of(e.start)).collect();
    let mut kept: Vec<(String, usize)> = Vec::new();
    let mut keep = vec![true; events.len()];
    // the rules' events first, then the remembered ones in text order
    let order = (0..events.len())
        .filter(|&k| events[k].origin != Origin::Memory)
        .chain((0..events.len()).filter(|&k| events[k].origin == Origin::Memory));
    for k in order {
        let (kind, si) = (&events[k].kind, at[k]);
        if events[k].origin == Origin::Memory {
            let body = sents
                .get(si)
                .is_some_and(|s| super::is_body(doc, s.clone()));
            let same = kept
                .iter()
                .any(|(x, sj)| x == kind && si.abs_diff(*sj) <= super::JOIN_WITHIN);
            if !body || same {
                keep[k] = false;
                continue;
            }
        }
        kept.push((kind.clone(), si));
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    let starts: Vec<usize> = events.iter().map(|e| sentence_of(e.start)).collect();
    for (k, event) in events.iter_mut().enumerate() {
        if event.origin != Origin::Memory || !event.args.is_empty() {
            continue;
        }
        let si = starts[k];
        if si >= sents.len() {
            continue;
        }
        let next = starts
            .iter()
            .copied()
            .filter(|&s| s > si)
            .min()
            .unwrap_or(sents.len());
        roles::fill(doc, &sents, event, &[si], next);
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Links;
    use crate::span::Span;

    /// A memory taught “ransacked” as an ATTACK trigger (not in the lexicon).
    fn taught_ransacked() -> EventMemory {
        let mut taught = Document::new("a", "A", "Rebels ransacked a school.");
        taught.set_links(Links {
            events: vec![Event::manual("ATTACK", 7, 16)],
            relations: vec![],
        });
        let mut memory = EventMemory::default();
        memory.learn(&taught);
        memory
    }

    #[test]
    fn a_remembered_trigger_gets_its_roles_filled() {
        let memory = taught_ransacked();
        let text = "Mobs ransacked shops in Quetta on Monday.";
        let mut doc = Document::new("b", "B", text);
        doc.set_spans(vec![
            Span::manual(24, 30, "GPE"),
            Span::manual(34, 40, "DATE"),
        ]);
        let without = super::super::suggest(&doc);
        assert!(
            without.is_empty(),
            "“ransacked” is not in the lexicon: {without:?}"
        );
        let events = suggest_remembered(&doc, &memory);
        assert_eq!(events.len(), 1, "{events:?}");
        let roles: Vec<(&str, &str)> = events[0]
            .args
            .iter()
            .map(|a| (a.role.as_str(), doc.slice(a.start, a.end)))
            .collect();
        assert_eq!(roles, vec![("place", "Quetta"), ("time", "Monday")]);
    }

    #[test]
    fn a_remembered_trigger_in_a_headline_or_near_an_event_of_its_type_adds_nothing() {
        let memory = taught_ransacked();
        let doc = Document::new(
            "b",
            "B",
            "Mobs ransacked market\n\nGunmen attacked a bus. Later the mob ransacked shops.",
        );
        let events = suggest_remembered(&doc, &memory);
        let found: Vec<&str> = events.iter().map(|e| doc.slice(e.start, e.end)).collect();
        assert_eq!(found, vec!["attacked"], "{events:?}");
    }
}
