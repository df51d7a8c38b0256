//! The events of `spanmark eval --curve`: at each k, event detection and argument F1 of the
//! rules' events over the learner's spans, without and with the incident memory taught by
//! the gold events of the first k documents (trigger words accepted per event type).

use std::path::Path;

use spanmark_core::document::Document;
use spanmark_core::incidents::memory::EventMemory;
use spanmark_core::incidents::remembered::suggest_remembered;
use spanmark_core::incidents::score::EventTally;
use spanmark_core::learn::TrainingDocument as Annotated;
use spanmark_core::links::{Event, Links};

use crate::curve::{learner_on, split, suggestions, Setup};

/// One row: the train size and the event scores without and with the incident memory.
pub struct EventRow {
    pub k: usize,
    pub rules: EventTally,
    pub remembered: EventTally,
}

/// The gold events of every document of the directories (in the order `load_documents`
/// reads them), checked against the documents' texts.
pub fn gold_events(dirs: &[&str], docs: &[Annotated]) -> Result<Vec<Vec<Event>>, String> {
    let mut events = Vec::new();
    for dir in dirs {
        for a in crate::annotated::load(Path::new(dir))? {
            events.push((a.text, a.events));
        }
    }
    if events.len() != docs.len() {
        return Err(format!(
            "{} documents with events for {} documents",
            events.len(),
            docs.len()
        ));
    }
    docs.iter()
        .zip(events)
        .map(|(d, (text, ev))| {
            if text == d.text {
                Ok(ev)
            } else {
                Err(format!("{}: the events were read for another text", d.name))
            }
        })
        .collect()
}

/// The incident memory an annotator would have after accepting the gold events of `docs`.
pub fn memory_of(docs: &[Annotated], gold: &[Vec<Event>]) -> EventMemory {
    let mut memory = EventMemory::default();
    for (d, events) in docs.iter().zip(gold) {
        let mut doc = Document::new(d.name.as_str(), "", &d.text);
        doc.set_spans(d.spans.clone());
        doc.set_links(Links {
            events: events.clone(),
            relations: Vec::new(),
        });
        memory.learn(&doc);
    }
    memory
}

/// Train on the first k documents for each k; score the events on the same test set as the
/// entity curve, without and with the incident memory.
pub fn event_curve(
    train: &[Annotated],
    gold: &[Vec<Event>],
    ks: &[usize],
    setup: &Setup,
) -> Vec<EventRow> {
    let (ks, test) = split(train, None, ks);
    let first_test = train.len() - test.len();
    ks.iter()
        .map(|&k| {
            let learner = learner_on(&train[..k], setup);
            let memory = memory_of(&train[..k], &gold[..k]);
            let mut row = EventRow {
                k,
                rules: EventTally::default(),
                remembered: EventTally::default(),
            };
            for (d, g) in test.iter().zip(&gold[first_test..]) {
                let mut doc = Document::new(d.name.as_str(), "", &d.text);
                doc.set_spans(suggestions(&learner, d, setup));
                row.rules.add(g, &spanmark_core::incidents::suggest(&doc));
                row.remembered.add(g, &suggest_remembered(&doc, &memory));
            }
            row
        })
        .collect()
}

/// The event curve as a Markdown table.
pub fn event_table(rows: &[EventRow]) -> String {
    let mut out = String::from(
        "| k (train) | event F1 | event F1 + memory | argument F1 | argument F1 + memory | events pred / gold | + memory |\n|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {} / {} | {} / {} |\n",
            r.k,
            100.0 * r.rules.detection.f1(),
            100.0 * r.remembered.detection.f1(),
            100.0 * r.rules.arguments.f1(),
            100.0 * r.remembered.arguments.f1(),
            r.rules.detection.pred,
            r.rules.detection.gold,
            r.remembered.detection.pred,
            r.remembered.detection.gold,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::detect::Pipeline;
    use spanmark_core::learn::MergePolicy;

    fn doc(name: &str, text: &str) -> Annotated {
        Annotated {
            name: name.into(),
            done: true,
            text: text.into(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn the_memory_finds_a_trigger_the_rules_do_not_know() {
        // "ransacked" is in no lexicon: only a memory taught by the first document finds it
        let docs = vec![
            doc("a", "Rioters ransacked a bus."),
            doc("b", "Mobs ransacked a school."),
        ];
        let gold = vec![
            vec![Event::manual("ATTACK", 8, 17)],
            vec![Event::manual("ATTACK", 5, 14)],
        ];
        let setup = Setup {
            rules: Pipeline::builtin(),
            drop_percent: 0,
            policy: MergePolicy::default(),
        };
        let rows = event_curve(&docs, &gold, &[0, 1], &setup);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].remembered.detection.tp, 0, "k = 0: nothing taught");
        assert_eq!(rows[1].rules.detection.tp, 0);
        assert_eq!(rows[1].remembered.detection.tp, 1);
        assert!(event_table(&rows).contains("| 1 | 0.0 | 100.0 |"));
    }
}
