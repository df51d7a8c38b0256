//! The document list's "most to learn" order: the learner's uncertainty per open document,
//! scored one document per task (off the main path) when the order is chosen or the tagger changes.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;
use spanmark_core::DocStatus;

use crate::learning::runner::use_learning_state;
use crate::state::AppState;

/// Whether the list is sorted by "most to learn", and the scores found so far.
#[derive(Clone, Copy)]
pub struct MostToLearn {
    pub on: RwSignal<bool>,
    /// id → uncertainty; documents not scored yet (or done, or before training) have none
    pub scores: RwSignal<HashMap<String, f32>>,
    /// bumped when a new scoring round starts: an older round stops at its next step
    round: StoredValue<u64>,
}

impl MostToLearn {
    /// The order of the list: open documents by uncertainty, highest first (unscored ones
    /// after, in list order), then the done ones. Off: the list order.
    pub fn order(&self, docs: &[(String, bool)]) -> Vec<String> {
        if !self.on.get() {
            return docs.iter().map(|d| d.0.clone()).collect();
        }
        self.scores.with(|scores| sorted(docs, scores))
    }

    /// Score these documents, one per task, dropping any round under way.
    fn start(self, app: AppState, ids: Vec<String>) {
        let round = self.round.get_value() + 1;
        self.round.set_value(round);
        // scores of the last round stay until replaced, so the list does not jump
        self.scores.update(|s| s.retain(|id, _| ids.contains(id)));
        self.step(app, ids, 0, round);
    }

    fn step(self, app: AppState, ids: Vec<String>, next: usize, round: u64) {
        if next >= ids.len() {
            return;
        }
        set_timeout(
            move || {
                if self.round.try_get_value() != Some(round) {
                    return;
                }
                let id = &ids[next];
                if let Some(score) = app.read(|w| w.uncertainty(id)).flatten() {
                    self.scores.update(|s| {
                        s.insert(id.clone(), score);
                    });
                }
                self.step(app, ids, next + 1, round);
            },
            Duration::ZERO,
        );
    }
}

/// `MostToLearn::order` on given scores (pure: tested natively).
pub fn sorted(docs: &[(String, bool)], scores: &HashMap<String, f32>) -> Vec<String> {
    let mut order: Vec<(usize, &(String, bool))> = docs.iter().enumerate().collect();
    order.sort_by(|(i, a), (j, b)| {
        let key = |d: &(String, bool)| (d.1, scores.get(&d.0).is_none());
        key(a).cmp(&key(b)).then_with(|| {
            let (x, y) = (scores.get(&a.0), scores.get(&b.0));
            match (x, y) {
                (Some(x), Some(y)) => y.total_cmp(x),
                _ => std::cmp::Ordering::Equal,
            }
            .then(i.cmp(j))
        })
    });
    order.into_iter().map(|(_, d)| d.0.clone()).collect()
}

/// The sort state; scoring runs while the order is on, again whenever the tagger was
/// retrained or a document was added, removed, done or reopened (an edit does not move it).
pub fn use_most_to_learn(app: AppState) -> MostToLearn {
    let m = MostToLearn {
        on: RwSignal::new(false),
        scores: RwSignal::new(HashMap::new()),
        round: StoredValue::new(0),
    };
    let stats = use_learning_state().stats;
    let trained = Memo::new(move |_| stats.with(|s| (s.trained_documents, s.trained_spans)));
    let open = Memo::new(move |_| {
        app.documents.with(|docs| {
            docs.iter()
                .filter(|d| d.status != DocStatus::Done)
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |_| {
        trained.track();
        let ids = open.get();
        if m.on.get() {
            m.start(app, ids);
        }
    });
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_documents_by_uncertainty_then_unscored_then_done() {
        let docs: Vec<(String, bool)> = [("a", false), ("b", true), ("c", false), ("d", false)]
            .iter()
            .map(|(id, done)| (id.to_string(), *done))
            .collect();
        let scores: HashMap<String, f32> = [("a".to_string(), 0.2), ("d".to_string(), 0.9)]
            .into_iter()
            .collect();
        assert_eq!(sorted(&docs, &scores), ["d", "a", "c", "b"]);
        assert_eq!(sorted(&docs, &HashMap::new()), ["a", "c", "d", "b"]);
    }
}
