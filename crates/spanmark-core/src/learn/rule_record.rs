//! What the user's corrections did to the rule detector's spans, per label and per context
//! word: kept, relabelled (to which label), resized or removed. The merge reads it as evidence.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bilou::covered_tokens;
use super::layout::{places, Line, Place};
use super::play::{in_play, play_tokens};
use crate::span::Span;
use crate::token::Token;

/// What happened to one rule span in a done document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fate {
    Kept,
    Relabelled(String),
    Resized,
    Removed,
    /// the span lies inside a longer accepted span of another label (a place inside a
    /// race's name); counted as resized too
    Within(String),
}

/// One rule span's fate with the words on either side (lowercase, "" at the edges), the
/// kind of line it stood on ("row", "head"; "" in running text and in files saved before) and
/// whether it stood in a sentence about play (`play::in_play`; false in files saved before);
/// saved as `[label, fate, before, after, line, play]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome(
    pub String,
    pub Fate,
    pub String,
    pub String,
    #[serde(default)] pub String,
    #[serde(default)] pub bool,
);

/// Counts of fates for one key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub kept: u32,
    pub resized: u32,
    pub removed: u32,
    pub relabelled: BTreeMap<String, u32>,
    /// of the resized: inside a longer accepted span of this label
    pub within: BTreeMap<String, u32>,
}

impl Tally {
    fn add(&mut self, fate: &Fate) {
        match fate {
            Fate::Kept => self.kept += 1,
            Fate::Resized => self.resized += 1,
            Fate::Removed => self.removed += 1,
            Fate::Relabelled(to) => *self.relabelled.entry(to.clone()).or_default() += 1,
            Fate::Within(to) => {
                self.resized += 1;
                *self.within.entry(to.clone()).or_default() += 1;
            }
        }
    }
    /// How often a rule span of this key ended up inside a longer span of `label`.
    pub fn within(&self, label: &str) -> u32 {
        self.within.get(label).copied().unwrap_or(0)
    }
    pub fn relabelled_to(&self, label: &str) -> u32 {
        self.relabelled.get(label).copied().unwrap_or(0)
    }
    pub fn total(&self) -> u32 {
        self.kept + self.resized + self.removed + self.relabelled.values().sum::<u32>()
    }
}

/// The fates of rule spans over the done documents, by document (so a document can be
/// forgotten), with an index per rule label and per (rule label, neighbouring word).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RuleRecord {
    documents: BTreeMap<String, Vec<Outcome>>,
    #[serde(skip)]
    by_label: BTreeMap<String, Tally>,
    /// (label, "<" + word before) and (label, ">" + word after)
    #[serde(skip)]
    by_context: BTreeMap<(String, String), Tally>,
    /// (label, kind of line) for spans on headline and row lines
    #[serde(skip)]
    by_line: BTreeMap<(String, String), Tally>,
    /// label → fates of its spans in sentences about play
    #[serde(skip)]
    by_play: BTreeMap<String, Tally>,
}

/// The kind of line a rule span starts on, as recorded ("" for running text).
pub fn line_of(places: &[Place], tokens: &[Token], span: &Span) -> &'static str {
    let r = covered_tokens(tokens, span.start, span.end);
    match places.get(r.start).map(|p| p.line) {
        Some(Line::Body) | None => "",
        Some(line) => line.name(),
    }
}

fn word(text: &str, tokens: &[Token], i: Option<usize>) -> String {
    i.and_then(|i| tokens.get(i))
        .map(|t| t.text(text).to_lowercase().replace('’', "'"))
        .unwrap_or_default()
}

/// The neighbours of a span: the word before and the word after.
pub fn neighbours(text: &str, tokens: &[Token], span: &Span) -> (String, String) {
    let r = covered_tokens(tokens, span.start, span.end);
    (
        word(text, tokens, r.start.checked_sub(1)),
        word(text, tokens, Some(r.end)),
    )
}

/// The fate of a rule span given the accepted spans of its document.
pub fn fate(rule: &Span, accepted: &[&Span]) -> Fate {
    if accepted
        .iter()
        .any(|g| g.start == rule.start && g.end == rule.end && g.label == rule.label)
    {
        return Fate::Kept;
    }
    if let Some(g) = accepted
        .iter()
        .find(|g| g.start == rule.start && g.end == rule.end)
    {
        return Fate::Relabelled(g.label.clone());
    }
    if let Some(g) = accepted.iter().find(|g| {
        g.label != rule.label
            && g.start <= rule.start
            && rule.end <= g.end
            && g.end - g.start > rule.end - rule.start
    }) {
        return Fate::Within(g.label.clone());
    }
    if accepted.iter().any(|g| g.overlaps(rule.start, rule.end)) {
        return Fate::Resized;
    }
    Fate::Removed
}

impl RuleRecord {
    /// Record what the user did to the rule spans of a document (replacing earlier records).
    pub fn add_document(
        &mut self,
        id: &str,
        text: &str,
        tokens: &[Token],
        rules: &[Span],
        accepted: &[&Span],
    ) {
        let places = places(text, tokens);
        let play = play_tokens(text, tokens);
        let outcomes = rules
            .iter()
            .map(|r| {
                let (before, after) = neighbours(text, tokens, r);
                let line = line_of(&places, tokens, r).to_string();
                let played = in_play(text, tokens, &play, r);
                Outcome(
                    r.label.clone(),
                    fate(r, accepted),
                    before,
                    after,
                    line,
                    played,
                )
            })
            .collect();
        self.documents.insert(id.to_string(), outcomes);
        self.reindex();
    }

    pub fn forget_document(&mut self, id: &str) {
        self.documents.remove(id);
        self.reindex();
    }

    /// Rebuild the counts (after loading or any change).
    pub fn reindex(&mut self) {
        self.by_label.clear();
        self.by_context.clear();
        self.by_line.clear();
        self.by_play.clear();
        for Outcome(label, fate, before, after, line, play) in self.documents.values().flatten() {
            self.by_label.entry(label.clone()).or_default().add(fate);
            if *play {
                self.by_play.entry(label.clone()).or_default().add(fate);
            }
            if !line.is_empty() {
                self.by_line
                    .entry((label.clone(), line.clone()))
                    .or_default()
                    .add(fate);
            }
            for key in [format!("<{before}"), format!(">{after}")] {
                self.by_context
                    .entry((label.clone(), key))
                    .or_default()
                    .add(fate);
            }
        }
    }

    /// The fates of every rule span of this label.
    pub fn of_label(&self, label: &str) -> Tally {
        self.by_label.get(label).cloned().unwrap_or_default()
    }

    /// The fates of rule spans of this label next to these words, summed over both sides.
    pub fn in_context(&self, label: &str, before: &str, after: &str) -> Tally {
        let mut t = Tally::default();
        for key in [format!("<{before}"), format!(">{after}")] {
            if let Some(c) = self.by_context.get(&(label.to_string(), key)) {
                t.kept += c.kept;
                t.resized += c.resized;
                t.removed += c.removed;
                for (to, n) in &c.relabelled {
                    *t.relabelled.entry(to.clone()).or_default() += n;
                }
                for (to, n) in &c.within {
                    *t.within.entry(to.clone()).or_default() += n;
                }
            }
        }
        t
    }

    /// The fates of rule spans of this label on lines of this kind ("row", "head").
    pub fn on_line(&self, label: &str, line: &str) -> Tally {
        self.by_line
            .get(&(label.to_string(), line.to_string()))
            .cloned()
            .unwrap_or_default()
    }

    /// The fates of rule spans of this label in sentences about play, not after a place word.
    pub fn in_play(&self, label: &str) -> Tally {
        self.by_play.get(label).cloned().unwrap_or_default()
    }

    /// Were any rule spans of a sentence about play relabelled (`in_play` says nothing otherwise)?
    pub fn counts_play(&self) -> bool {
        self.by_play.values().any(|t| !t.relabelled.is_empty())
    }

    /// Were any rule spans recorded on headline or row lines (`on_line` is empty otherwise)?
    pub fn counts_lines(&self) -> bool {
        !self.by_line.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Origin;
    use crate::token::tokenize;

    #[test]
    fn fates_are_counted_per_label_and_per_neighbouring_word() {
        let text = "Madrid beat Sevilla. Fans in Madrid cheered. Pope spoke.";
        let tokens = tokenize(text);
        let rules = vec![
            Span::suggested(0, 6, "GPE", Origin::Gazetteer),
            Span::suggested(12, 19, "GPE", Origin::Gazetteer),
            Span::suggested(29, 35, "GPE", Origin::Gazetteer),
            Span::suggested(45, 49, "PERSON", Origin::Pattern),
        ];
        let gold = [
            Span::manual(0, 6, "ORG"),
            Span::manual(12, 19, "ORG"),
            Span::manual(29, 35, "GPE"),
        ];
        let accepted: Vec<&Span> = gold.iter().collect();
        let mut record = RuleRecord::default();
        record.add_document("a", text, &tokens, &rules, &accepted);
        let gpe = record.of_label("GPE");
        assert_eq!((gpe.kept, gpe.relabelled_to("ORG")), (1, 2));
        assert_eq!(record.of_label("PERSON").removed, 1);
        let beat = record.in_context("GPE", "then", "beat");
        assert_eq!((beat.kept, beat.relabelled_to("ORG")), (0, 1));
        assert_eq!(record.in_context("GPE", "in", "cheered").kept, 2);
        let race = "He won the Tour de France.";
        let inside = [Span::suggested(19, 25, "GPE", Origin::Gazetteer)];
        let event = [Span::manual(11, 25, "EVENT")];
        record.add_document("b", race, &tokenize(race), &inside, &[&event[0]]);
        let gpe = record.of_label("GPE");
        assert_eq!((gpe.within("EVENT"), gpe.resized), (1, 1));
        assert_eq!(
            record.on_line("GPE", "").total(),
            0,
            "running text is not kept by line"
        );
        record.forget_document("b");
        record.forget_document("a");
        assert_eq!(record.of_label("GPE").total(), 0);
    }

    #[test]
    fn fates_on_table_rows_are_counted_by_line_and_old_files_still_load() {
        let text = "Standings\nAmsel 25 18 4 3 58\nBrenn 25 17 5 3 56\nThe club has 18 players.";
        let tokens = tokenize(text);
        let at = |word: &str, nth: usize| {
            super::super::test_spans::over(text, word, nth, "CARDINAL", Origin::Pattern)
        };
        let rules = [at("18", 0), at("17", 0), at("18", 1)];
        let gold = [rules[2].clone()];
        let mut record = RuleRecord::default();
        record.add_document("a", text, &tokens, &rules, &[&gold[0]]);
        let rows = record.on_line("CARDINAL", "row");
        assert_eq!((rows.removed, rows.kept), (2, 0));
        assert_eq!(record.of_label("CARDINAL").kept, 1);
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.contains("\"row\""), "{json}");
        let old = r#"{"documents":{"a":[["GPE","Kept","in","beat"]]}}"#;
        let mut loaded: RuleRecord = serde_json::from_str(old).unwrap();
        loaded.reindex();
        assert_eq!(loaded.of_label("GPE").kept, 1);
        let fifth = r#"{"documents":{"a":[["GPE",{"Relabelled":"ORG"},"","beat",""]]}}"#;
        let mut loaded: RuleRecord = serde_json::from_str(fifth).unwrap();
        loaded.reindex();
        assert_eq!(loaded.of_label("GPE").relabelled_to("ORG"), 1);
        assert!(!loaded.counts_play(), "files saved before: nothing in play");
    }
}
