//! The learner inside the workspace: which documents it should hold (the done ones), the
//! queue of documents to learn or forget, one slice of work at a time, and rejections.

use std::collections::{HashSet, VecDeque};

use super::{Effect, Lists, Notice, Update, Workspace};
use crate::document::DocStatus;
use crate::incidents::memory::EventMemory;
use crate::learn::{DocumentLearning, Learner, MergePolicy};
use crate::span::Span;

/// The learner and its work queue.
#[derive(Debug, Clone)]
pub struct Learning {
    pub(super) learner: Learner,
    /// The confidence slider: model suggestions below it are not shown.
    pub(super) threshold: f32,
    /// Documents waiting to be learnt (true) or forgotten (false), one per slice.
    queue: VecDeque<(String, bool)>,
    /// The document being learnt, a part per slice (taken off the queue).
    pending: Option<DocumentLearning>,
    /// Documents the learner holds (learnt, or remembered from a saved learner).
    known: HashSet<String>,
    /// Trigger words accepted and rejected in this session (suggested again, or never).
    pub(super) events: EventMemory,
}

impl Default for Learning {
    fn default() -> Self {
        Learning {
            learner: Learner::new(),
            threshold: MergePolicy::default().show,
            queue: VecDeque::new(),
            pending: None,
            known: HashSet::new(),
            events: EventMemory::default(),
        }
    }
}

impl Learning {
    pub fn learner(&self) -> &Learner {
        &self.learner
    }

    /// What the accepted and rejected events taught.
    pub fn events(&self) -> &EventMemory {
        &self.events
    }

    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Documents waiting to be learnt or forgotten.
    pub fn queued(&self) -> usize {
        self.queue.len() + usize::from(self.pending.is_some())
    }

    /// Nothing queued and nothing to train.
    pub fn is_idle(&self) -> bool {
        self.queue.is_empty() && self.pending.is_none() && !self.learner.needs_training()
    }

    pub(super) fn known_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.known.iter().cloned().collect();
        ids.sort();
        ids
    }
}

impl Workspace {
    /// Queue the documents named: learn the done ones, forget the others the learner holds
    /// (absent ones only when `forget_absent`).
    pub(super) fn reconcile_learning<'a>(
        &mut self,
        ids: impl Iterator<Item = &'a String>,
        forget_absent: bool,
        up: &mut Update,
    ) {
        let mut added = false;
        for id in ids {
            let status = self.document(id).map(|d| d.status);
            // held, or being learnt (it must be forgotten once learnt)
            let held = self.learning.known.contains(id)
                || self.learning.pending.as_ref().is_some_and(|p| p.id() == id);
            let learn = status == Some(DocStatus::Done);
            let forget = held && !learn && (status.is_some() || forget_absent);
            if learn || forget {
                let q = &mut self.learning.queue;
                q.retain(|(x, _)| x != id);
                q.push_back((id.clone(), learn));
                added = true;
            }
        }
        if added {
            up.effect(Effect::Learn);
        }
    }

    /// How much the learner has to learn from a document (higher first when the list sorts
    /// by "most to learn"): `Learner::uncertainty` with the rules the page suggests with.
    /// None before the tagger is trained, or for an unknown id.
    pub fn uncertainty(&self, id: &str) -> Option<f32> {
        let doc = self.document(id)?;
        let rules = self.suggester.rules(doc);
        self.learning
            .learner
            .uncertainty(doc.text(), doc.tokens(), &rules)
    }

    /// Take a learner (loaded, imported, reset, or saved by another tab) and feed it the
    /// documents it remembers that are still done here. `save`: it is not stored yet.
    pub(super) fn use_learner(&mut self, mut learner: Learner, save: bool, up: &mut Update) {
        if let Some(lists) = self.suggester.detector() {
            learner.use_lists(lists);
        }
        self.learning.queue.clear();
        self.learning.pending = None;
        self.learning.known = learner.missing_documents().into_iter().collect();
        self.learning.learner = learner;
        up.change.learner = true;
        if save {
            up.effect(Effect::SaveLearner);
        }
        let ids = self.learning.known_ids();
        self.reconcile_learning(ids.iter(), false, up);
    }

    /// One unit of work: learn or forget one queued document, else one training slice.
    pub(super) fn learn_slice(&mut self, budget: usize, up: &mut Update) {
        // a document under way: its next part (word-list marks, features, remembering)
        if let Some(mut doc) = self.learning.pending.take() {
            up.change.learner = true;
            match doc.step(&mut self.learning.learner) {
                None => self.learning.pending = Some(doc),
                Some(score) => {
                    self.learning.known.insert(doc.id().to_string());
                    if score.is_some() {
                        up.effect(Effect::SaveLearner);
                    }
                }
            }
            up.effect(Effect::Learn);
            return;
        }
        // Documents are learnt with the rule spans as features: wait for the word lists,
        // so those features match what the page suggests with.
        let next_learns = self.learning.queue.front().is_some_and(|(_, learn)| *learn);
        if next_learns && self.suggester.lists() != Lists::Complete {
            up.effect(Effect::LearnLater);
            return;
        }
        up.change.learner = true;
        if let Some((id, learn)) = self.learning.queue.pop_front() {
            self.feed(&id, learn, up);
            up.effect(Effect::Learn);
            return;
        }
        let l = &self.learning.learner;
        if !(l.needs_training() && l.missing_documents().is_empty()) {
            return;
        }
        let progress = self.learning.learner.train_step(budget);
        if progress.finished {
            up.effect(Effect::SaveLearner);
        }
        up.effect(Effect::Trained(progress));
        up.effect(Effect::Learn);
    }

    fn feed(&mut self, id: &str, learn: bool, up: &mut Update) {
        if !learn {
            self.learning.learner.forget_document(id);
            self.learning.known.remove(id);
            up.effect(Effect::SaveLearner);
            return;
        }
        let Some(doc) = self.document(id).filter(|d| d.status == DocStatus::Done) else {
            return;
        };
        // The same rules the page suggests with, so the tagger's features match later; the
        // rest is done in parts, one per slice (`learn_slice`).
        let rules = self.suggester.rules(doc);
        let started = DocumentLearning::new(id, doc.text(), doc.tokens(), rules, doc.spans());
        self.learning.pending = Some(started);
    }

    /// "Retrain now": learn every done document (also after a reset), forget remembered
    /// documents that are not here, and train.
    pub(super) fn retrain(&mut self, up: &mut Update) {
        let mut ids: Vec<String> = self.documents.iter().map(|d| d.id.clone()).collect();
        ids.extend(self.learning.known_ids());
        let mut inner = Update::default();
        self.reconcile_learning(ids.iter(), true, &mut inner);
        if self.learning.is_idle() {
            up.effect(Effect::LearnerSays(Some(Notice {
                text: "The model is up to date with your done documents.".into(),
                error: false,
            })));
        } else {
            up.effect(Effect::LearnerSays(None));
            up.effect(Effect::Learn);
        }
    }

    /// The user rejected this suggestion in the open document: the learner remembers.
    pub(super) fn remember_rejected(&mut self, span: &Span, up: &mut Update) {
        let Some(id) = self.current.as_deref() else {
            return;
        };
        let Some(doc) = self.documents.iter().find(|d| d.id == id) else {
            return;
        };
        self.learning.learner.reject(doc.text(), doc.tokens(), span);
        up.change.learner = true;
        up.effect(Effect::SaveLearner);
    }
}
