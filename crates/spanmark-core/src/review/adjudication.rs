//! Adjudication: per document the ordered list of disagreements, a choice for each (take one
//! annotator's version, keep both, neither, or an edit), undoable, with "next" precomputed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::disagreement::{items, Item, ReviewSpan};
use super::error::ReviewError;
use super::gold_links::{agreed_links, AgreedLinks};
use super::pairing::hash_hex;
use super::team::Team;

/// What the adjudicator chose for one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "lowercase")]
pub enum Choice {
    /// annotator number `annotator` (in the team's order) is right
    Take { annotator: usize },
    /// every version's spans, which must not overlap one another
    Both,
    /// no span here
    Neither,
    /// the adjudicator's own spans
    Edit { spans: Vec<ReviewSpan> },
}

/// A choice and when it was made (milliseconds since the Unix epoch, from the caller's clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    #[serde(flatten)]
    pub choice: Choice,
    pub at: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// agreed items go straight into the gold set without being asked about
    pub accept_agreed: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            accept_agreed: true,
        }
    }
}

/// One document to adjudicate: its text, who annotated it and the items in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub text: String,
    /// FNV-1a of the text, 16 hex digits
    pub hash: String,
    /// the annotators (team order) who have this document; item versions follow this order
    pub annotators: Vec<usize>,
    pub items: Vec<Item>,
    pub decisions: Vec<Option<Decision>>,
    /// the events and relations every annotator of this document has (files written before
    /// they were kept have none)
    #[serde(default, skip_serializing_if = "AgreedLinks::is_empty")]
    pub links: AgreedLinks,
}

/// One undoable step: the decision at (case, item) before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub case: usize,
    pub item: usize,
    pub before: Option<Decision>,
    pub after: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Adjudication {
    pub annotators: Vec<String>,
    pub labels: Vec<String>,
    pub settings: Settings,
    pub cases: Vec<Case>,
    /// titles of documents not every annotator had (left out of the adjudication)
    pub left_out: Vec<String>,
    pub(crate) undo: Vec<Change>,
    pub(crate) redo: Vec<Change>,
    /// (case, item) of every item to ask about, in document and text order
    order: Vec<(usize, usize)>,
    /// positions in `order` still undecided
    open: BTreeSet<usize>,
}

impl Adjudication {
    /// Every document at least two annotators share; the others are listed in `left_out`.
    pub fn new(team: &Team, settings: Settings) -> Adjudication {
        let mut cases = Vec::new();
        let mut left_out = Vec::new();
        for (g, group) in team.groups().iter().enumerate() {
            let Some(doc) = team.text_document(g) else {
                continue;
            };
            let annotators: Vec<usize> = group.annotators().collect();
            if annotators.len() < 2 {
                left_out.push(doc.title.clone());
                continue;
            }
            let versions: Vec<&[crate::Span]> = annotators
                .iter()
                .filter_map(|&k| team.copy(g, k).map(|d| d.spans()))
                .collect();
            let items = items(&versions);
            let links: Vec<&crate::links::Links> = annotators
                .iter()
                .filter_map(|&k| team.copy(g, k).map(|d| d.links()))
                .collect();
            cases.push(Case {
                links: agreed_links(&links),
                id: doc.id.clone(),
                title: doc.title.clone(),
                text: doc.text().to_string(),
                hash: hash_hex(group.hash),
                annotators,
                decisions: vec![None; items.len()],
                items,
            });
        }
        Adjudication::from_parts(
            team.annotators.iter().map(|a| a.name.clone()).collect(),
            team.labels.clone(),
            settings,
            cases,
            left_out,
            Vec::new(),
            Vec::new(),
        )
    }

    pub(crate) fn from_parts(
        annotators: Vec<String>,
        labels: Vec<String>,
        settings: Settings,
        cases: Vec<Case>,
        left_out: Vec<String>,
        undo: Vec<Change>,
        redo: Vec<Change>,
    ) -> Adjudication {
        let mut a = Adjudication {
            annotators,
            labels,
            settings,
            cases,
            left_out,
            undo,
            redo,
            order: Vec::new(),
            open: BTreeSet::new(),
        };
        a.index();
        a
    }

    /// Precompute the order of items to ask about and which of them are open.
    fn index(&mut self) {
        self.order.clear();
        self.open.clear();
        for (c, case) in self.cases.iter().enumerate() {
            for (i, item) in case.items.iter().enumerate() {
                if item.agreed && self.settings.accept_agreed {
                    continue;
                }
                if case.decisions[i].is_none() {
                    self.open.insert(self.order.len());
                }
                self.order.push((c, i));
            }
        }
    }

    /// Turn "accept agreed spans without asking" on or off (decisions are kept).
    pub fn set_accept_agreed(&mut self, on: bool) {
        self.settings.accept_agreed = on;
        self.index();
    }

    /// How many items there are to ask about, and how many are still undecided.
    pub fn len(&self) -> usize {
        self.order.len()
    }
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
    pub fn remaining(&self) -> usize {
        self.open.len()
    }

    /// (case, item) at a position.
    pub fn at(&self, pos: usize) -> Option<(usize, usize)> {
        self.order.get(pos).copied()
    }
    pub fn item(&self, pos: usize) -> Option<(&Case, &Item, Option<&Decision>)> {
        let (c, i) = self.at(pos)?;
        let case = &self.cases[c];
        Some((case, &case.items[i], case.decisions[i].as_ref()))
    }
    /// Position of a (case, item), when it is one to ask about.
    pub fn position(&self, case: usize, item: usize) -> Option<usize> {
        self.order.binary_search(&(case, item)).ok()
    }
    /// The positions of one document's items (a range of the order).
    pub fn positions_in(&self, case: usize) -> std::ops::Range<usize> {
        let from = self.order.partition_point(|&(c, _)| c < case);
        from..self.order.partition_point(|&(c, _)| c <= case)
    }

    pub fn next(&self, pos: Option<usize>) -> Option<usize> {
        let n = pos.map_or(0, |p| p + 1);
        (n < self.order.len()).then_some(n)
    }
    pub fn prev(&self, pos: Option<usize>) -> Option<usize> {
        match pos {
            None => self.order.len().checked_sub(1),
            Some(p) => p.checked_sub(1),
        }
    }
    /// The next undecided item after `pos` (wrapping round), in O(log n).
    pub fn next_open(&self, pos: Option<usize>) -> Option<usize> {
        let from = pos.map_or(0, |p| p + 1);
        self.open
            .range(from..)
            .next()
            .or_else(|| self.open.iter().next())
            .copied()
    }
    pub fn prev_open(&self, pos: Option<usize>) -> Option<usize> {
        let to = pos.unwrap_or(self.order.len());
        self.open
            .range(..to)
            .next_back()
            .or_else(|| self.open.iter().next_back())
            .copied()
    }

    /// Decide the item at `pos` (the clock comes in as `at`); one undo step.
    pub fn decide(&mut self, pos: usize, choice: Choice, at: f64) -> Result<(), ReviewError> {
        let (c, i) = self.at(pos).ok_or(ReviewError::NoItem(pos))?;
        self.check(c, i, &choice)?;
        self.set(c, i, Some(Decision { choice, at }));
        Ok(())
    }

    /// Make the item at `pos` undecided again; one undo step.
    pub fn reopen(&mut self, pos: usize) -> Result<(), ReviewError> {
        let (c, i) = self.at(pos).ok_or(ReviewError::NoItem(pos))?;
        self.set(c, i, None);
        Ok(())
    }

    fn set(&mut self, c: usize, i: usize, after: Option<Decision>) {
        let before = std::mem::replace(&mut self.cases[c].decisions[i], after.clone());
        self.undo.push(Change {
            case: c,
            item: i,
            before,
            after,
        });
        self.redo.clear();
        self.note_open(c, i);
    }

    fn note_open(&mut self, c: usize, i: usize) {
        if let Some(p) = self.position(c, i) {
            if self.cases[c].decisions[i].is_none() {
                self.open.insert(p);
            } else {
                self.open.remove(&p);
            }
        }
    }

    /// Undo the last choice; returns the position it was at (to show it).
    pub fn undo(&mut self) -> Result<Option<usize>, ReviewError> {
        let change = self.undo.pop().ok_or(ReviewError::NothingToUndo)?;
        self.cases[change.case].decisions[change.item] = change.before.clone();
        self.note_open(change.case, change.item);
        let pos = self.position(change.case, change.item);
        self.redo.push(change);
        Ok(pos)
    }

    pub fn redo(&mut self) -> Result<Option<usize>, ReviewError> {
        let change = self.redo.pop().ok_or(ReviewError::NothingToRedo)?;
        self.cases[change.case].decisions[change.item] = change.after.clone();
        self.note_open(change.case, change.item);
        let pos = self.position(change.case, change.item);
        self.undo.push(change);
        Ok(pos)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether a choice can be made for item `i` of case `c`.
    fn check(&self, c: usize, i: usize, choice: &Choice) -> Result<(), ReviewError> {
        let case = &self.cases[c];
        let item = &case.items[i];
        match choice {
            Choice::Take { annotator } => {
                if !case.annotators.contains(annotator) {
                    return Err(ReviewError::NotInDocument {
                        annotator: self
                            .annotators
                            .get(*annotator)
                            .cloned()
                            .unwrap_or_else(|| format!("annotator {annotator}")),
                        document: case.title.clone(),
                    });
                }
            }
            Choice::Both => {
                both(item)?;
            }
            Choice::Neither => {}
            Choice::Edit { spans } => {
                let low = if i == 0 { 0 } else { case.items[i - 1].end };
                let high = case
                    .items
                    .get(i + 1)
                    .map_or(case.text.chars().count(), |n| n.start);
                let bad = |s: &ReviewSpan, why: String| ReviewError::BadEdit {
                    start: s.start,
                    end: s.end,
                    why,
                };
                for (n, s) in spans.iter().enumerate() {
                    if s.start >= s.end {
                        return Err(bad(s, "is empty or reversed".into()));
                    }
                    if s.start < low || s.end > high {
                        return Err(bad(s, format!("reaches past {low}–{high}, into the next disagreement or out of the text")));
                    }
                    if !self.labels.contains(&s.label) {
                        return Err(ReviewError::UnknownLabel(s.label.clone()));
                    }
                    if n > 0 && spans[n - 1].end > s.start {
                        return Err(bad(
                            s,
                            "overlaps the span before it (spans must be in order and apart)".into(),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Every version's spans together, once each; an error when two of them overlap.
pub(crate) fn both(item: &Item) -> Result<Vec<ReviewSpan>, ReviewError> {
    let mut all: Vec<ReviewSpan> = item.versions.iter().flatten().cloned().collect();
    all.sort();
    all.dedup();
    for w in all.windows(2) {
        if w[0].overlaps(&w[1]) {
            return Err(ReviewError::BothOverlap {
                start: w[0].start.max(w[1].start),
                end: w[0].end.min(w[1].end),
            });
        }
    }
    Ok(all)
}
