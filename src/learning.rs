//! The page's learner: loaded from the storage blob "learner", fed the done documents, trained
//! in slices between frames, consulted for every new document's suggestions, saved debounced.
//!
//! Wiring: `crate::learning::use_learning(app)` once in `App`, after `use_autosave`. Done
//! documents are noticed on `AppState::changes` (marked done → learnt, reopened or deleted →
//! forgotten); `suggest_with` and `rejected` are the two calls the rest of the page makes.

use std::cell::Cell;
use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use leptos::prelude::*;
use spanmark_core::learn::{LearnStats, Learner, MergePolicy, Progress};
use spanmark_core::{persist, DocStatus, Document, Span};

use crate::state::AppState;
use crate::storage::{use_storage, StorageState};

/// The storage blob the learner is kept in (`spanmark/1/blob/learner`).
pub const BLOB: &str = "learner";
/// Save this long after the last change to the learner.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// Aim for training slices shorter than this (the page's budget is 50 ms per task).
pub const SLICE_MS: f64 = 25.0;

thread_local! {
    /// The page's learning state, for calls from dispatch/detection (event handlers run
    /// without a reactive owner, so context is not reliably available there).
    static CURRENT: Cell<Option<Learning>> = const { Cell::new(None) };
}

/// The learner and what the panel shows about it (a `Copy` struct of signals).
#[derive(Clone, Copy)]
pub struct Learning {
    pub app: AppState,
    storage: StorageState,
    pub learner: StoredValue<Learner>,
    /// Refreshed after every change to the learner.
    pub stats: RwSignal<LearnStats>,
    /// The confidence slider: model suggestions below it are hidden.
    pub threshold: RwSignal<f32>,
    /// A sentence about the learner (load, import, save problems), and whether it is an error.
    pub message: RwSignal<Option<(String, bool)>>,
    /// Whether the learner as it is now has been written to storage.
    pub saved: RwSignal<bool>,
    /// The longest slice so far, in ms (learning one document, or one training step).
    pub slowest: RwSignal<f64>,
    /// Documents waiting to be learnt (true) or forgotten (false), one per slice.
    queue: StoredValue<VecDeque<(String, bool)>>,
    /// Documents the learner holds (learnt or remembered from the saved blob).
    known: StoredValue<HashSet<String>>,
    /// Training slice size in sentences, adapted to keep slices under `SLICE_MS`.
    budget: StoredValue<usize>,
    running: StoredValue<bool>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

/// The learning state from context (provided by [`use_learning`]).
pub fn use_learning_state() -> Learning {
    expect_context::<Learning>()
}

/// The learning state of the page, outside any reactive owner.
pub fn current() -> Option<Learning> {
    CURRENT.with(Cell::get)
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
    let known: HashSet<String> = learner.missing_documents().into_iter().collect();
    let learning = Learning {
        app,
        storage,
        stats: RwSignal::new(learner.stats()),
        learner: StoredValue::new(learner),
        threshold: RwSignal::new(MergePolicy::default().show),
        message: RwSignal::new(problem),
        saved: RwSignal::new(true),
        slowest: RwSignal::new(0.0),
        queue: StoredValue::new(VecDeque::new()),
        known: StoredValue::new(known),
        budget: StoredValue::new(100),
        running: StoredValue::new(false),
        save_timer: StoredValue::new(None),
    };
    provide_context(learning);
    CURRENT.with(|c| c.set(Some(learning)));
    learning.refeed();
    Effect::new(move |first: Option<()>| {
        let change = app.changes.get();
        if first.is_some() {
            learning.reconcile(change.saved.iter(), false);
            learning.reconcile(change.deleted.iter(), true);
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| learning.save_now());
    // Another tab saved its learner: take it (it learnt what that tab marked done).
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(persist::blob_key(BLOB).as_str()) {
            return;
        }
        if let Some(Ok(l)) = ev.new_value().as_deref().map(Learner::from_json) {
            learning.adopt(l);
        }
    });
    learning
}

/// Suggestions for a document: the rule spans merged with memory and model, rejected
/// ones left out. Without a learner (tests, early startup) the rules as they are.
pub fn suggest_with(doc: &Document, rules: Vec<Span>) -> Vec<Span> {
    match current() {
        Some(l) => l.suggest(doc, &rules),
        None => rules,
    }
}

/// The user rejected the suggestion at start..end of the open document: remember it.
pub fn rejected(app: &AppState, start: usize, end: usize) {
    let Some(learning) = current() else {
        return;
    };
    let found = app.with_current(|d| {
        d.find_span(start, end).map(|i| {
            (
                d.text().to_string(),
                d.tokens().to_vec(),
                d.spans()[i].clone(),
            )
        })
    });
    if let Some(Some((text, tokens, span))) = found {
        let kept = learning
            .learner
            .try_update_value(|l| l.reject(&text, &tokens, &span));
        if kept.is_some() {
            learning.changed();
        }
    }
}

impl Learning {
    /// Rules merged with memory and model at the slider's threshold (the rules as they are
    /// once the page is torn down).
    pub fn suggest(&self, doc: &Document, rules: &[Span]) -> Vec<Span> {
        let policy = MergePolicy {
            show: self
                .threshold
                .try_get_untracked()
                .unwrap_or(MergePolicy::default().show),
            ..MergePolicy::default()
        };
        self.learner
            .try_with_value(|l| l.suggest(doc.text(), doc.tokens(), rules, &policy))
            .unwrap_or_else(|| rules.to_vec())
    }

    /// After loading or importing: feed the documents the learner remembers again (those
    /// still done here), forget those reopened. Remembered documents that are not in this
    /// workspace (an imported model) are kept until "Retrain now".
    fn refeed(&self) {
        let held: Vec<String> = self.known.with_value(|k| k.iter().cloned().collect());
        self.reconcile(held.iter(), false);
    }

    /// Queue the documents named: learn the done ones, forget the others the learner holds
    /// (absent ones only when `forget_absent`).
    fn reconcile<'a>(&self, ids: impl Iterator<Item = &'a String>, forget_absent: bool) {
        let mut added = false;
        for id in ids {
            let status = self
                .app
                .documents
                .with_untracked(|docs| docs.iter().find(|d| &d.id == id).map(|d| d.status));
            let held = self.known.with_value(|k| k.contains(id));
            let learn = status == Some(DocStatus::Done);
            let forget = held && !learn && (status.is_some() || forget_absent);
            if learn || forget {
                self.queue.update_value(|q| {
                    q.retain(|(x, _)| x != id);
                    q.push_back((id.clone(), learn));
                });
                added = true;
            }
        }
        if added {
            self.run();
        }
    }

    /// "Retrain now": learn every done document (also after a reset), forget remembered
    /// documents that are not here, and train.
    pub fn retrain(&self) {
        let mut ids: Vec<String> = self
            .app
            .documents
            .with_untracked(|docs| docs.iter().map(|d| d.id.clone()).collect());
        self.known.with_value(|k| ids.extend(k.iter().cloned()));
        self.reconcile(ids.iter(), true);
        let idle = self.queue.with_value(VecDeque::is_empty)
            && !self.learner.with_value(Learner::needs_training);
        if idle {
            self.message.set(Some((
                "The model is up to date with your done documents.".into(),
                false,
            )));
        } else {
            self.message.set(None);
            self.run();
        }
    }

    /// Start the slice loop unless it is already going.
    pub fn run(&self) {
        if self.running.get_value() {
            return;
        }
        self.running.set_value(true);
        self.schedule_slice();
    }

    fn schedule_slice(&self) {
        let this = *self;
        set_timeout(move || this.slice(), Duration::ZERO);
    }

    /// One unit of work: learn or forget one queued document, else one training slice.
    fn slice(&self) {
        if self.learner.try_with_value(|_| ()).is_none() {
            return; // the page was torn down
        }
        let started = js_sys::Date::now();
        self.work();
        let took = js_sys::Date::now() - started;
        if took > self.slowest.get_untracked() {
            self.slowest.set(took);
        }
    }

    fn work(&self) {
        // Documents are learnt with the rule spans as features: wait for the word lists
        // (src/detection.rs), so those features match what the page suggests with.
        let waiting = self
            .queue
            .with_value(|q| q.front().is_some_and(|(_, learn)| *learn))
            && !self.app.gazetteer.with_untracked(|g| g.complete());
        if waiting {
            let this = *self;
            set_timeout(move || this.slice(), Duration::from_millis(100));
            return;
        }
        if let Some((id, learn)) = self.queue.try_update_value(VecDeque::pop_front).flatten() {
            self.feed(&id, learn);
            self.stats.set(self.learner.with_value(Learner::stats));
            self.schedule_slice();
            return;
        }
        let trainable = self
            .learner
            .with_value(|l| l.needs_training() && l.missing_documents().is_empty());
        if !trainable {
            self.running.set_value(false);
            self.stats.set(self.learner.with_value(Learner::stats));
            return;
        }
        let budget = self.budget.get_value();
        let started = js_sys::Date::now();
        let progress = self
            .learner
            .try_update_value(|l| l.train_step(budget))
            .unwrap_or(Progress {
                done: 0,
                total: 0,
                finished: true,
            });
        self.budget
            .set_value(next_budget(budget, js_sys::Date::now() - started));
        self.stats.set(self.learner.with_value(Learner::stats));
        if progress.finished {
            self.changed();
        }
        self.schedule_slice();
    }

    fn feed(&self, id: &str, learn: bool) {
        if !learn {
            self.learner.update_value(|l| l.forget_document(id));
            self.known.update_value(|k| {
                k.remove(id);
            });
            self.changed();
            return;
        }
        let doc = self
            .app
            .documents
            .with_untracked(|docs| docs.iter().find(|d| d.id == id).cloned());
        let Some(doc) = doc.filter(|d| d.status == DocStatus::Done) else {
            return;
        };
        // The same rules the page suggests with (the detector with the larger gazetteer
        // when it has arrived), so the tagger's features match at suggestion time.
        let rules = self.app.rules(&doc);
        let score = self.learner.try_update_value(|l| {
            l.learn_document_with(id, doc.text(), doc.tokens(), &rules, doc.spans())
        });
        self.known.update_value(|k| {
            k.insert(id.to_string());
        });
        if score.flatten().is_some() {
            self.changed();
        }
    }

    /// The learner changed: refresh the panel and save soon.
    pub fn changed(&self) {
        self.stats.set(self.learner.with_value(Learner::stats));
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
        let raw = self.learner.with_value(Learner::to_json);
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

    /// Replace the learner (import, reset), save it and feed it the documents it remembers.
    pub fn replace(&self, learner: Learner) {
        self.adopt(learner);
        self.changed();
    }

    /// Take a learner as it is stored (another tab saved it): no save back.
    fn adopt(&self, learner: Learner) {
        if self.learner.try_with_value(|_| ()).is_none() {
            return;
        }
        self.queue.update_value(VecDeque::clear);
        self.known
            .set_value(learner.missing_documents().into_iter().collect());
        self.learner.set_value(learner);
        self.stats.set(self.learner.with_value(Learner::stats));
        self.refeed();
    }
}

/// The next training slice size: halve when a slice took longer than `SLICE_MS`, grow
/// when it took under a third of it; between 10 and 4,000 sentences.
pub fn next_budget(budget: usize, took_ms: f64) -> usize {
    let next = if took_ms > SLICE_MS {
        budget / 2
    } else if took_ms < SLICE_MS / 3.0 {
        budget * 2
    } else {
        budget
    };
    next.clamp(10, 4000)
}

impl AppState {
    /// The rule detector's spans for a document (the detector the page suggests with).
    pub fn rules(&self, doc: &Document) -> Vec<Span> {
        // Before the word lists arrive there are no rule suggestions (src/detection.rs).
        self.detector.with_value(|p| {
            p.as_ref()
                .map(|p| p.detect(doc.text(), doc.tokens()))
                .unwrap_or_default()
        })
    }
}
