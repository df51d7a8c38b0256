//! The page's learning loop: the learner is loaded from the storage blob "learner" into the
//! workspace, its slices run between frames (`Command::LearnSlice`), and it is saved debounced.
//!
//! Wiring: `crate::learning::use_learning(app)` once in `App`, after `use_autosave`. What to
//! learn or forget, and when, the workspace decides; this runs the effects it returns.

use std::time::Duration;

use leptos::prelude::*;
use spanmark_core::learn::{LearnStats, Learner};
use spanmark_core::persist;
use spanmark_core::workspace;

use crate::state::AppState;
use crate::storage::{use_storage, StorageState};
use crate::Command;

/// The storage blob the learner is kept in (`spanmark/1/blob/learner`).
pub const BLOB: &str = "learner";
/// Save this long after the last change to the learner.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// A slice (one task of the page) stops taking parts when the next could take it past this
/// (the page's budget is 50 ms per task).
pub const SLICE_MS: f64 = 25.0;
/// Training parts are sized to take about this long (a slice holds one or more parts).
pub const PART_MS: f64 = 10.0;
/// How long to wait before asking again while the word lists are on their way.
const WAIT_FOR_LISTS: Duration = Duration::from_millis(100);

/// The learning loop and what the panel shows about it (a `Copy` struct of signals).
#[derive(Clone, Copy)]
pub struct Learning {
    pub app: AppState,
    storage: StorageState,
    /// Refreshed after every change to the learner.
    pub stats: RwSignal<LearnStats>,
    /// The confidence slider: model suggestions below it are hidden.
    pub threshold: RwSignal<f32>,
    /// A sentence about the learner (load, import, save problems), and whether it is an error.
    pub message: RwSignal<Option<(String, bool)>>,
    /// Whether the learner as it is now has been written to storage.
    pub saved: RwSignal<bool>,
    /// The longest slice so far, in ms (one task: parts of documents and training steps).
    pub slowest: RwSignal<f64>,
    /// Training part size in sentences, adapted to take about `PART_MS`.
    budget: StoredValue<usize>,
    running: StoredValue<bool>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

/// The learning state from context (provided by [`use_learning`]).
pub fn use_learning_state() -> Learning {
    expect_context::<Learning>()
}

/// Load the learner, feed it the done documents and keep it learning. Call once, in `App`.
pub fn use_learning(app: AppState) -> Learning {
    let storage = use_storage();
    let raw = storage.store.with_value(|s| s.load_blob(BLOB));
    let (learner, problem) = match raw.as_deref().map(Learner::from_json) {
        None => (Learner::new(), None),
        Some(Ok(l)) => (l, None),
        Some(Err(e)) => {
            let q = storage
                .store
                .with_value(|s| s.quarantine_blob(BLOB, &e.to_string()));
            storage.quarantined.update(|list| list.push(q));
            let text = format!("The saved model could not be read ({e}); learning starts afresh. The damaged copy is kept aside (see the notice above).");
            (Learner::new(), Some((text, true)))
        }
    };
    let learning = Learning {
        app,
        storage,
        stats: RwSignal::new(learner.stats()),
        threshold: RwSignal::new(app.read(|w| w.learning().threshold()).unwrap_or(0.5)),
        message: RwSignal::new(problem),
        saved: RwSignal::new(true),
        slowest: RwSignal::new(0.0),
        budget: StoredValue::new(100),
        running: StoredValue::new(false),
        save_timer: StoredValue::new(None),
    };
    provide_context(learning);
    app.on_learner_effects(Callback::new(move |effects: Vec<workspace::Effect>| {
        learning.carry_out(&effects)
    }));
    // Loaded as stored: not saved back; the workspace feeds it the done documents it holds.
    app.dispatch(Command::UseLearner {
        learner: Box::new(learner),
        save: false,
    });
    Effect::new(move |_| {
        app.learner_rev.track();
        learning.refresh();
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| learning.save_now());
    // Another tab saved its learner: take it (it learnt what that tab marked done).
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(persist::blob_key(BLOB).as_str()) {
            return;
        }
        if let Some(Ok(l)) = ev.new_value().as_deref().map(Learner::from_json) {
            app.dispatch(Command::UseLearner {
                learner: Box::new(l),
                save: false,
            });
        }
    });
    learning
}

impl Learning {
    /// The learner's effects from a command anyone dispatched.
    fn carry_out(&self, effects: &[workspace::Effect]) {
        for effect in effects {
            match effect {
                workspace::Effect::Learn => self.run(),
                workspace::Effect::SaveLearner => self.changed(),
                workspace::Effect::LearnerSays(m) => self
                    .message
                    .set(m.as_ref().map(|n| (n.text.clone(), n.error))),
                _ => {}
            }
        }
    }

    /// The panel's numbers, from the workspace's learner.
    fn refresh(&self) {
        if let Some(stats) = self.app.read(|w| w.learning().learner().stats()) {
            self.stats.set(stats);
        }
    }

    /// "Retrain now": learn every done document (also after a reset), forget remembered
    /// documents that are not here, and train.
    pub fn retrain(&self) {
        self.app.dispatch(Command::Retrain);
    }

    /// Start the slice loop unless it is already going.
    pub fn run(&self) {
        if self.running.try_get_value() != Some(false) {
            return;
        }
        self.running.set_value(true);
        self.schedule_slice(Duration::ZERO);
    }

    fn schedule_slice(&self, after: Duration) {
        let this = *self;
        set_timeout(move || this.slice(), after);
    }

    /// One slice: parts of work as the workspace decides (a part of a queued document, or a
    /// training step), as many as fit in `SLICE_MS` going by the longest part so far in this
    /// slice; then the next slice, or stop.
    fn slice(&self) {
        let started = js_sys::Date::now();
        let mut longest_part = 0.0f64;
        let next = loop {
            let budget = self.budget.try_get_value().unwrap_or(100);
            let part_started = js_sys::Date::now();
            let Some(up) = self.app.run(Command::LearnSlice { budget }) else {
                return; // the page was torn down
            };
            let now = js_sys::Date::now();
            let took = now - part_started;
            longest_part = longest_part.max(took);
            let next = self.after_part(&up, budget, took);
            if next != Some(Duration::ZERO) || now - started + longest_part > SLICE_MS {
                break next;
            }
        };
        let took = js_sys::Date::now() - started;
        if took > self.slowest.get_untracked() {
            self.slowest.set(took);
        }
        match next {
            Some(after) => self.schedule_slice(after),
            None => self.running.set_value(false),
        }
    }

    /// Carry out a part's effects; when to run the next part (None: nothing left to do).
    fn after_part(&self, up: &workspace::Update, budget: usize, took: f64) -> Option<Duration> {
        let mut next = None;
        for effect in &up.effects {
            match effect {
                workspace::Effect::Trained(_) => self.budget.set_value(next_budget(budget, took)),
                workspace::Effect::Learn => next = Some(Duration::ZERO),
                workspace::Effect::LearnLater => next = Some(WAIT_FOR_LISTS),
                workspace::Effect::SaveLearner => self.changed(),
                workspace::Effect::LearnerSays(_) => self.carry_out(std::slice::from_ref(effect)),
                _ => {}
            }
        }
        next
    }

    /// The learner changed: save soon.
    pub fn changed(&self) {
        self.saved.set(false);
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.save_timer.set_value(handle);
    }

    /// Write the learner to storage now (if it changed).
    pub fn save_now(&self) {
        if self.saved.try_get_untracked() != Some(false) {
            return;
        }
        let Some(raw) = self.app.read(|w| w.learning().learner().to_json()) else {
            return;
        };
        match self
            .storage
            .store
            .try_with_value(|s| s.save_blob(BLOB, &raw))
        {
            Some(Ok(())) => self.saved.set(true),
            Some(Err(e)) => self.message.set(Some((
                format!("The model could not be saved: {}", e.sentence()),
                true,
            ))),
            None => {}
        }
    }

    /// Replace the learner (import, reset): it is saved and fed the documents it remembers.
    pub fn replace(&self, learner: Learner) {
        self.app.dispatch(Command::UseLearner {
            learner: Box::new(learner),
            save: true,
        });
    }

    /// The slider moved: the workspace suggests again for the open document at `value`.
    pub fn set_threshold(&self, value: f32) {
        self.threshold.set(value);
        self.app.dispatch(Command::SetThreshold(value));
    }
}

/// The next training part size: scaled by how far the last part was from `PART_MS` (at most
/// halved or doubled at a time, as timings of a few ms are coarse); between 10 and 4,000
/// sentences.
pub fn next_budget(budget: usize, took_ms: f64) -> usize {
    let scaled = if took_ms <= PART_MS / 2.0 {
        budget * 2
    } else {
        (budget as f64 * PART_MS / took_ms) as usize
    };
    scaled.clamp(budget / 2, budget * 2).clamp(10, 4000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_parts_shrink_when_slow_and_grow_when_fast() {
        assert_eq!(next_budget(200, PART_MS * 4.0), 100, "at most halved");
        assert_eq!(next_budget(200, PART_MS * 1.25), 160);
        assert_eq!(next_budget(200, PART_MS * 0.8), 250);
        assert_eq!(next_budget(200, 1.0), 400, "at most doubled");
        assert_eq!(next_budget(200, PART_MS), 200);
        assert_eq!(next_budget(12, 500.0), 10);
        assert_eq!(next_budget(4000, 0.0), 4000);
    }
}
