//! Events and relations as the annotator handles them: the selected event, accepting and
//! rejecting suggested events, making events, filling roles and linking spans by keys.
//!
//! A key that needs a choice (`e` the event type, `o` the role, `r` the relation type)
//! starts a [`Pick`]; the number keys then send `Command::Pick(n)` for the n-th of
//! [`Workspace::choices`]. Every link edit is one undo step, and accepted, made and rejected
//! events teach the incident memory (`EventMemory`).

use super::{Ctx, Effect, Update, Workspace};
use crate::edit::Edit;
use crate::error::CoreError;
use crate::links::{Event, LinkEdit};
use crate::span::SpanState;

type Range = (usize, usize);

/// The selected event, what the number keys pick now, and a relation being made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkFocus {
    /// The selected event's trigger (start, end), code points.
    pub event: Option<Range>,
    /// What the number keys choose now.
    pub pick: Option<Pick>,
    /// The span a relation starts from (`r` pressed on it).
    pub relation_from: Option<Range>,
}

/// What is being chosen with the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The type of a new event triggered by these words.
    EventType(Range),
    /// The role of the selected event this span goes into.
    Role(Range),
    /// The type of a relation between two spans.
    RelationType { from: Range, to: Range },
}

fn invalid(text: &str) -> CoreError {
    CoreError::Invalid(text.into())
}

/// The first suggested event whose trigger starts at or after `after` (no wrap).
pub fn next_suggested_event(events: &[Event], after: usize) -> Option<Range> {
    events
        .iter()
        .find(|e| e.start >= after && e.state == SpanState::Suggested)
        .map(|e| (e.start, e.end))
}

impl Workspace {
    /// The names the number keys choose from now (key 1 is the first), empty when nothing
    /// is being picked. Roles and relation types are only those the spans' labels fit.
    pub fn choices(&self) -> Vec<String> {
        let schema = &self.schema;
        let label = |r: Range| {
            self.current()
                .and_then(|d| d.find_span(r.0, r.1).map(|i| d.spans()[i].label.clone()))
                .unwrap_or_default()
        };
        match self.selection.links.pick {
            None => Vec::new(),
            Some(Pick::EventType(_)) => schema.events.iter().map(|t| t.name.clone()).collect(),
            Some(Pick::Role(span)) => {
                let l = label(span);
                let kind = self.selected_event().map(|e| e.kind.clone());
                kind.and_then(|k| schema.event_type(&k))
                    .map(|t| {
                        t.roles
                            .iter()
                            .filter(|r| r.allows(&l))
                            .map(|r| r.name.clone())
                            .collect()
                    })
                    .unwrap_or_default()
            }
            Some(Pick::RelationType { from, to }) => {
                let (f, t) = (label(from), label(to));
                schema
                    .relations
                    .iter()
                    .filter(|r| r.allows(&f, &t))
                    .map(|r| r.name.clone())
                    .collect()
            }
        }
    }

    /// The selected event of the open document.
    pub fn selected_event(&self) -> Option<&Event> {
        let (s, e) = self.selection.links.event?;
        let doc = self.current()?;
        doc.links().event_at(s, e).map(|i| &doc.links().events[i])
    }

    pub(super) fn select_event(&mut self, event: Option<Range>, up: &mut Update) {
        self.selection.links.event = event;
        self.selection.links.pick = None;
        up.change.selection = true;
    }

    /// `]` / `[`: the next (previous) event by trigger, wrapping around.
    pub(super) fn select_event_step(&mut self, forward: bool, up: &mut Update) {
        let Some(doc) = self.current() else {
            return;
        };
        let events: Vec<Range> = doc
            .links()
            .events
            .iter()
            .map(|e| (e.start, e.end))
            .collect();
        let from = self.selection.links.event;
        let pick = match (from, forward) {
            (None, true) => events.first(),
            (None, false) => events.last(),
            (Some(at), true) => events.iter().find(|x| **x > at),
            (Some(at), false) => events.iter().rev().find(|x| **x < at),
        };
        let next = pick.or(if forward {
            events.first()
        } else {
            events.last()
        });
        if let Some(next) = next.copied() {
            self.select_event(Some(next), up);
        }
    }

    fn need_event(&self) -> Result<(Range, Event), CoreError> {
        let e = self
            .selected_event()
            .ok_or_else(|| invalid("Select an event first (] selects the next one)."))?;
        Ok(((e.start, e.end), e.clone()))
    }

    /// `a`: accept the selected event (its arguments and their spans too), then on to the
    /// next suggested event.
    pub(super) fn accept_selected_event(
        &mut self,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let ((start, end), _) = self.need_event()?;
        self.link_edit(LinkEdit::AcceptEvent { start, end }, ctx, up)?;
        let next = self
            .current()
            .and_then(|d| next_suggested_event(&d.links().events, end));
        self.select_event(Some(next.unwrap_or((start, end))), up);
        Ok(())
    }

    /// `d`: reject the selected suggested event (its trigger words are not suggested again)
    /// or remove an accepted one; then on to the next suggested event.
    pub(super) fn reject_selected_event(
        &mut self,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let ((start, end), event) = self.need_event()?;
        let edit = if event.is_accepted() {
            LinkEdit::RemoveEvent { start, end }
        } else {
            LinkEdit::RejectEvent { start, end }
        };
        self.link_edit(edit, ctx, up)?;
        let next = self
            .current()
            .and_then(|d| next_suggested_event(&d.links().events, end));
        self.select_event(next, up);
        Ok(())
    }

    /// `e`: the selected words (or the selected span's words) will trigger a new event;
    /// the number keys pick its type.
    pub(super) fn start_event(&mut self, up: &mut Update) -> Result<(), CoreError> {
        let sel = self.selection;
        let words = sel
            .pending
            .or(sel.selected)
            .ok_or_else(|| invalid("Select the words that name the event first, then press e."))?;
        let doc = self
            .current()
            .ok_or_else(|| invalid("Open a document first."))?;
        let snapped = doc.snap(words.0, words.1)?;
        self.selection.links.pick = Some(Pick::EventType(snapped));
        up.change.selection = true;
        Ok(())
    }

    /// `o`: the selected span goes into a role of the selected event; the number keys pick
    /// the role.
    pub(super) fn start_role(&mut self, up: &mut Update) -> Result<(), CoreError> {
        self.need_event()?;
        let span = self.selection.selected.ok_or_else(|| {
            invalid("Select the span that fills the role (click it or press Tab), then press o.")
        })?;
        self.selection.links.pick = Some(Pick::Role(span));
        up.change.selection = true;
        if self.choices().is_empty() {
            self.selection.links.pick = None;
            return Err(invalid(
                "No role of this event takes a span with that label.",
            ));
        }
        Ok(())
    }

    /// `r`: on a first span, a relation starts from it; on another span, the number keys
    /// pick the relation's type.
    pub(super) fn start_relation(&mut self, up: &mut Update) -> Result<(), CoreError> {
        let span = self
            .selection
            .selected
            .ok_or_else(|| invalid("Select a span first (click it or press Tab), then press r."))?;
        up.change.selection = true;
        match self.selection.links.relation_from {
            Some(from) if from != span => {
                self.selection.links.pick = Some(Pick::RelationType { from, to: span });
                if self.choices().is_empty() {
                    self.selection.links.pick = None;
                    return Err(invalid(
                        "No relation type goes between spans with these labels.",
                    ));
                }
            }
            _ => {
                self.selection.links.relation_from = Some(span);
                up.say(
                    "A relation starts here: select the other span (Tab or click) and press r again.",
                    false,
                );
            }
        }
        Ok(())
    }

    /// A number key while picking: the n-th choice (0-based) is made.
    pub(super) fn pick(&mut self, n: usize, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let Some(pick) = self.selection.links.pick else {
            return Ok(());
        };
        let choices = self.choices();
        let name = choices
            .get(n)
            .cloned()
            .ok_or_else(|| CoreError::Invalid(format!("There is no choice {}.", n + 1)))?;
        match pick {
            Pick::EventType((start, end)) => {
                let add = LinkEdit::AddEvent {
                    kind: name,
                    start,
                    end,
                };
                self.link_edit(add, ctx, up)?;
                self.selection.pending = None;
                self.selection.links.event = Some((start, end));
                up.effect(Effect::ClearBrowserSelection);
            }
            Pick::Role((start, end)) => {
                let ((ts, te), _) = self.need_event()?;
                let edit = LinkEdit::AddArgument {
                    trigger: (ts, te),
                    role: name,
                    start,
                    end,
                };
                self.link_edit(edit, ctx, up)?;
            }
            Pick::RelationType { from, to } => {
                let edit = LinkEdit::AddRelation {
                    kind: name,
                    from,
                    to,
                };
                self.link_edit(edit, ctx, up)?;
                self.selection.links.relation_from = None;
            }
        }
        self.selection.links.pick = None;
        up.change.selection = true;
        Ok(())
    }

    /// Escape while picking or making a relation: stop that (true), else false.
    pub(super) fn cancel_link(&mut self, up: &mut Update) -> bool {
        let l = &mut self.selection.links;
        if l.pick.is_none() && l.relation_from.is_none() {
            return false;
        }
        l.pick = None;
        l.relation_from = None;
        up.change.selection = true;
        true
    }

    /// Apply a link edit as one undo step and teach the incident memory: accepted and made
    /// events' trigger words are suggested again, rejected suggestions' never.
    pub(super) fn link_edit(
        &mut self,
        edit: LinkEdit,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        let before: Vec<Event> = self
            .current()
            .map(|d| d.links().events.clone())
            .unwrap_or_default();
        let rejected = match &edit {
            LinkEdit::RejectEvent { start, end } => before
                .iter()
                .find(|e| (e.start, e.end) == (*start, *end))
                .cloned(),
            _ => None,
        };
        self.edit(&Edit::Link(edit), ctx, up)?;
        let id = self.current.clone().unwrap_or_default();
        let Some(doc) = self.documents.iter().find(|d| d.id == id) else {
            return Ok(());
        };
        let memory = &mut self.learning.events;
        let taught_before = memory.clone();
        if let Some(e) = rejected {
            memory.reject(doc, &e);
        }
        // newly accepted events: made, accepted, retyped
        for e in doc.links().events.iter().filter(|e| e.is_accepted()) {
            let was = before.iter().find(|b| (b.start, b.end) == (e.start, e.end));
            if was.is_none_or(|b| !b.is_accepted() || b.kind != e.kind) {
                memory.learn_event(doc, e);
            }
        }
        if *memory != taught_before {
            up.effect(Effect::SaveEventMemory(memory.to_blob()));
        }
        Ok(())
    }
}
