//! Suggestions for documents: the detector the page has now (none until the first word list
//! arrives), merged with what the learner knows; and which documents to detect again.
//!
//! Documents made before a list arrives, and not edited since, get their suggestions again
//! with it (from the last list only up to `REDETECT_MAX_CHARS`). One made before any list
//! gets the first list's suggestions even if it was edited, as an undo step.

use std::collections::HashSet;

use super::{touch, Ctx, Save, Update, Workspace};
use crate::detect::Pipeline;
use crate::document::Document;
use crate::edit::{Edit, Step};
use crate::error::CoreError;
use crate::learn::MergePolicy;
use crate::links::{Event, LinkEdit, LinksChange};
use crate::span::Span;

/// Longer documents keep the suggestions they have when the last list arrives: detecting
/// and redrawing them again in one go would freeze the page for longer than its budget.
pub const REDETECT_MAX_CHARS: usize = 300_000;

/// How far the word lists have come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lists {
    /// No list yet.
    #[default]
    Loading,
    /// A first list is in use; another is coming.
    Partial,
    /// No list is coming any more (all arrived, or loading failed).
    Complete,
}

/// The detector and the documents waiting for a better one.
#[derive(Debug, Clone, Default)]
pub struct Suggester {
    detector: Option<Pipeline>,
    lists: Lists,
    /// Documents detected before the lists were complete and not edited since.
    untouched: HashSet<String>,
    /// Documents made before any list: their suggestion layer is empty.
    bare: HashSet<String>,
}

impl Suggester {
    pub fn detector(&self) -> Option<&Pipeline> {
        self.detector.as_ref()
    }

    pub fn lists(&self) -> Lists {
        self.lists
    }

    /// The detector's spans for a text (none before the first list).
    pub fn rules(&self, doc: &Document) -> Vec<Span> {
        self.detector
            .as_ref()
            .map(|p| p.detect(doc.text(), doc.tokens()))
            .unwrap_or_default()
    }

    /// A document was just made: watch it while a list is still on its way.
    pub(super) fn made(&mut self, id: &str) {
        if self.lists == Lists::Loading {
            self.bare.insert(id.to_string());
        }
        if self.lists != Lists::Complete {
            self.untouched.insert(id.to_string());
        }
    }

    /// The user changed a document: its suggestions are theirs now.
    pub(super) fn touched(&mut self, id: &str) {
        self.untouched.remove(id);
    }

    pub(super) fn forget<'a>(&mut self, ids: impl Iterator<Item = &'a String>) {
        for id in ids {
            self.untouched.remove(id);
        }
    }

    pub(super) fn forget_all(&mut self) {
        self.untouched.clear();
    }

    pub(super) fn settle(&mut self) {
        self.lists = Lists::Complete;
    }
}

impl Workspace {
    /// Suggestions for a document with the detector as it is now, merged with memory and
    /// model at the slider's threshold, rejected ones left out.
    pub fn suggest(&self, doc: &Document) -> Vec<Span> {
        let rules = self.suggester.rules(doc);
        let policy = MergePolicy {
            show: self.learning.threshold,
            ..MergePolicy::default()
        };
        self.learning
            .learner
            .suggest(doc.text(), doc.tokens(), &rules, &policy)
    }

    /// The events the rules suggest for a document over its spans, corrected by what the
    /// annotator taught (rejected trigger words left out, accepted ones found again).
    pub fn suggest_events(&self, doc: &Document) -> Vec<Event> {
        crate::incidents::remembered::suggest_remembered(doc, &self.learning.events)
    }

    /// Suggest spans, then events over them, for `documents[i]`: the two as one step.
    pub(super) fn suggest_into(&mut self, i: usize) -> Result<Step, CoreError> {
        let spans = self.suggest(&self.documents[i]);
        let links_before = self.documents[i].links().clone();
        let mut step = Edit::Suggest { spans }.apply(&mut self.documents[i], &self.schema)?;
        let events = self.suggest_events(&self.documents[i]);
        let events = Edit::Link(LinkEdit::Suggest {
            events,
            relations: Vec::new(),
        });
        if let Some(change) = events.apply(&mut self.documents[i], &self.schema)?.links {
            step.links = Some(Box::new(LinksChange {
                before: links_before,
                after: change.after,
            }));
        }
        Ok(step)
    }

    /// The confidence slider moved: the open document's suggestions are made again at the
    /// new threshold (one undo step, like any edit).
    pub(super) fn set_threshold(
        &mut self,
        threshold: f32,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), crate::error::CoreError> {
        self.learning.threshold = threshold.clamp(0.0, 1.0);
        let Some(doc) = self.current() else {
            return Ok(());
        };
        let spans = self.suggest(doc);
        self.edit(&Edit::Suggest { spans }, ctx, up)?;
        Ok(())
    }

    /// A word list arrived. Documents made before it and not edited since are detected
    /// again; with the last list they stop being watched, and only documents up to
    /// `REDETECT_MAX_CHARS` are detected again. Documents made before any list and already
    /// edited get the suggestions as an undo step (the user's earlier steps still undo).
    pub(super) fn use_detector(
        &mut self,
        detector: Pipeline,
        last: bool,
        ctx: &Ctx,
        up: &mut Update,
    ) {
        // the tagger reads the same word lists as list features
        self.learning.learner.use_lists(&detector);
        let s = &mut self.suggester;
        s.detector = Some(detector);
        s.lists = if last {
            Lists::Complete
        } else {
            Lists::Partial
        };
        let mut ids: Vec<String> = s.untouched.iter().cloned().collect();
        let edited: Vec<String> = s.bare.drain().filter(|id| !ids.contains(id)).collect();
        ids.extend(edited.iter().cloned());
        if last {
            s.untouched.clear();
        }
        let mut saved = Vec::new();
        for i in 0..self.documents.len() {
            let doc = &self.documents[i];
            if !ids.contains(&doc.id) || (last && doc.len_chars() > REDETECT_MAX_CHARS) {
                continue;
            }
            let Ok(step) = self.suggest_into(i) else {
                continue;
            };
            if step.is_noop() {
                continue;
            }
            let doc = &mut self.documents[i];
            touch(doc, ctx);
            let id = doc.id.clone();
            if edited.contains(&id) {
                self.histories.entry(id.clone()).or_default().record(step);
                up.change.history = true;
            }
            saved.push(id);
        }
        if !saved.is_empty() {
            up.change.documents.extend(saved.iter().cloned());
            up.save(Save {
                documents: saved,
                ..Save::default()
            });
        }
        // Documents waiting to be learnt waited for this (their features are the rules').
        if !self.learning.is_idle() {
            up.effect(super::Effect::Learn);
        }
    }
}
