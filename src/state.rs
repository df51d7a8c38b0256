//! The page's state: the core's `Workspace`, which decides everything, and the signals the
//! views read, refreshed from what each `Update` says changed. `dispatch` is the one way in.
//!
//! For the storage layer: load saved work with `Command::Restore` at startup, and observe
//! [`AppState::changes`] (an `Effect` on it) to save: each [`Change`] names the documents
//! that changed (their `revision` was bumped) or were deleted, and whether the label
//! schema changed. Nothing here writes to localStorage.

use leptos::prelude::*;
use spanmark_core::workspace::{self, Command, Ctx, LinkFocus, Workspace};
use spanmark_core::{Document, Schema};

pub use spanmark_core::workspace::Notice;

use crate::suggest::Gazetteer;

/// What changed in one dispatch, for autosave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Increases by one per announced change (so equal changes still notify).
    pub seq: u64,
    /// Documents whose text, spans, title or status changed, or that were added.
    pub saved: Vec<String>,
    /// Documents that were deleted.
    pub deleted: Vec<String>,
    /// The label schema changed.
    pub schema: bool,
    /// The document order changed (added, deleted).
    pub order: bool,
}

/// The documents as the views read them: the workspace's list, tracked by one signal that
/// moves when a document is added, removed or changed (not when the selection moves).
#[derive(Clone, Copy)]
pub struct Documents {
    ws: StoredValue<Workspace>,
    rev: RwSignal<u64>,
}

impl Documents {
    pub fn with<R>(&self, f: impl FnOnce(&[Document]) -> R) -> R {
        self.rev.track();
        self.with_untracked(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&[Document]) -> R) -> R {
        let mut f = Some(f);
        self.ws
            .try_with_value(|w| f.take().map(|f| f(w.documents())))
            .flatten()
            .unwrap_or_else(|| (f.take().expect("not called"))(&[]))
    }

    pub fn get_untracked(&self) -> Vec<Document> {
        self.with_untracked(<[Document]>::to_vec)
    }

    pub fn track(&self) {
        self.rev.track();
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    ws: StoredValue<Workspace>,
    /// Every document, in list order.
    pub documents: Documents,
    /// The open document; `None` shows the new-document form.
    pub current: RwSignal<Option<String>>,
    pub schema: RwSignal<Schema>,
    /// Bumped when the schema changes (labels recoloured, renamed): re-renders every paragraph.
    pub schema_rev: RwSignal<u64>,
    /// The selected span of the open document (start, end), code points.
    pub selected: RwSignal<Option<(usize, usize)>>,
    /// The text selected in the article (start, end), code points, not yet labelled.
    pub pending: RwSignal<Option<(usize, usize)>>,
    /// Where a keyboard selection starts (the last click in the text), code points.
    pub caret: RwSignal<Option<usize>>,
    /// The selected event, what the number keys pick, a relation being made.
    pub link_focus: RwSignal<LinkFocus>,
    /// Announced after every change that should be saved.
    pub changes: RwSignal<Change>,
    pub notice: RwSignal<Option<Notice>>,
    pub help_open: RwSignal<bool>,
    /// Moves when an undo history changed.
    pub history_rev: RwSignal<u64>,
    /// Moves when the learner changed (its stats).
    pub learner_rev: RwSignal<u64>,
    /// Moves when the review (team, agreement, adjudication) changed; not when only the
    /// shown disagreement moved (`n`, `p`): that is `review_at`.
    pub review_rev: RwSignal<u64>,
    /// The disagreement shown (a position in the adjudication's order).
    pub review_at: RwSignal<Option<usize>>,
    /// The review view is shown instead of the annotation view.
    pub review_open: RwSignal<bool>,
    /// How far the word lists have come (src/suggest/).
    pub gazetteer: RwSignal<Gazetteer>,
    /// Where the learner's effects go (src/learning/ registers it).
    learner_effects: StoredValue<Option<Callback<Vec<workspace::Effect>>>>,
    /// Where the names of review blobs to save go (src/storage/ registers it; it asks the
    /// workspace for their contents when it writes them).
    review_saver: StoredValue<Option<Callback<&'static str>>>,
    /// Where the incident memory goes to be saved (src/storage/ registers it).
    event_memory_saver: StoredValue<Option<Callback<String>>>,
}

impl AppState {
    pub fn new() -> Self {
        let ws = StoredValue::new(Workspace::new(Schema::news()));
        AppState {
            ws,
            documents: Documents {
                ws,
                rev: RwSignal::new(0),
            },
            current: RwSignal::new(None),
            schema: RwSignal::new(Schema::news()),
            schema_rev: RwSignal::new(0),
            selected: RwSignal::new(None),
            pending: RwSignal::new(None),
            caret: RwSignal::new(None),
            link_focus: RwSignal::new(LinkFocus::default()),
            changes: RwSignal::new(Change::default()),
            notice: RwSignal::new(None),
            help_open: RwSignal::new(false),
            history_rev: RwSignal::new(0),
            learner_rev: RwSignal::new(0),
            review_rev: RwSignal::new(0),
            review_at: RwSignal::new(None),
            review_open: RwSignal::new(false),
            gazetteer: RwSignal::new(Gazetteer::Loading),
            learner_effects: StoredValue::new(None),
            review_saver: StoredValue::new(None),
            event_memory_saver: StoredValue::new(None),
        }
    }

    /// Do what the user asked: the workspace decides, the views follow, the effects run.
    /// Never panics; a refused command shows its sentence.
    pub fn dispatch(&self, command: Command) {
        let Some(up) = self.run(command) else {
            return;
        };
        if up.effects.is_empty() {
            return;
        }
        if let Some(Some(to)) = self.learner_effects.try_get_value() {
            to.run(up.effects);
        }
    }

    /// `dispatch`, returning the learner's effects to the caller (the learning loop)
    /// instead of handing them on. `None` once the page is torn down.
    pub fn run(&self, command: Command) -> Option<workspace::Update> {
        let ctx = Ctx {
            now: js_sys::Date::now(),
            salt: (js_sys::Math::random() * 1_679_616.0) as u32,
        };
        let mut up = self.ws.try_update_value(|w| w.update(command, &ctx))?;
        self.show(&up);
        up.effects.retain(|e| !self.carry_out(e));
        Some(up)
    }

    /// Where the learner's effects go (called once by the learning loop).
    pub fn on_learner_effects(&self, to: Callback<Vec<workspace::Effect>>) {
        self.learner_effects.set_value(Some(to));
    }

    /// Where the review state is saved: the blob's name (called once by storage).
    pub fn on_review_save(&self, to: Callback<&'static str>) {
        self.review_saver.set_value(Some(to));
    }

    /// Where `Effect::SaveEventMemory` sends the incident memory's blob.
    pub fn on_event_memory_save(&self, to: Callback<String>) {
        self.event_memory_saver.set_value(Some(to));
    }

    /// Read the workspace (untracked).
    pub fn read<R>(&self, f: impl FnOnce(&Workspace) -> R) -> Option<R> {
        self.ws.try_with_value(f)
    }

    /// Refresh the signals the update names.
    fn show(&self, up: &workspace::Update) {
        let c = &up.change;
        let ws = self.ws;
        if c.schema {
            ws.with_value(|w| self.schema.set(w.schema().clone()));
            self.schema_rev.update(|r| *r += 1);
        }
        if !c.documents.is_empty() || c.order {
            self.documents.rev.update(|r| *r += 1);
        }
        if c.current {
            self.current
                .set(ws.with_value(|w| w.current_id().map(String::from)));
        }
        if c.selection {
            let sel = ws.with_value(|w| *w.selection());
            set_if_new(self.selected, sel.selected);
            set_if_new(self.pending, sel.pending);
            set_if_new(self.caret, sel.caret);
            set_if_new(self.link_focus, sel.links);
        }
        if c.help {
            self.help_open.set(ws.with_value(Workspace::help_open));
        }
        if c.history {
            self.history_rev.update(|r| *r += 1);
        }
        if c.learner {
            self.learner_rev.update(|r| *r += 1);
        }
        if c.review || c.review_position {
            set_if_new(self.review_at, ws.with_value(|w| w.review().position));
        }
        if c.review {
            set_if_new(self.review_open, ws.with_value(|w| w.review().open));
            self.review_rev.update(|r| *r += 1);
        }
    }

    /// Run an effect that is the page's own; false for the learner's.
    fn carry_out(&self, effect: &workspace::Effect) -> bool {
        use workspace::Effect;
        match effect {
            Effect::Save(s) => self.announce(Change {
                seq: 0,
                saved: s.documents.clone(),
                deleted: s.deleted.clone(),
                schema: s.schema,
                order: s.order,
            }),
            Effect::Say(n) => self.notice.set(Some(n.clone())),
            Effect::Unsay => self.notice.set(None),
            Effect::ClearBrowserSelection => crate::dom::clear_selection(),
            Effect::ShowPending => {
                let pending = self.pending.get_untracked();
                self.with_current(|d| crate::dom::show_in_article(d.index(), pending));
            }
            Effect::FocusLabelSearch => crate::dom::focus("[data-testid=label-search]"),
            Effect::SaveReview | Effect::SaveReviewTeam => {
                let blob = match effect {
                    Effect::SaveReview => workspace::REVIEW_BLOB,
                    _ => workspace::REVIEW_TEAM_BLOB,
                };
                if let Some(Some(save)) = self.review_saver.try_get_value() {
                    save.run(blob);
                }
            }
            Effect::SaveEventMemory(raw) => {
                if let Some(Some(save)) = self.event_memory_saver.try_get_value() {
                    save.run(raw.clone());
                }
            }
            _ => return false,
        }
        true
    }

    /// Announce a change for autosave.
    pub fn announce(&self, mut change: Change) {
        self.changes.update(|c| {
            change.seq = c.seq + 1;
            *c = change;
        });
    }

    /// Run `f` on the open document (untracked), if any.
    pub fn with_current<R>(&self, f: impl FnOnce(&Document) -> R) -> Option<R> {
        self.ws.try_with_value(|w| w.current().map(f)).flatten()
    }

    /// Read the review state, tracking its changes (not the shown disagreement's moves).
    pub fn with_review<R>(&self, f: impl FnOnce(&workspace::Review) -> R) -> Option<R> {
        self.review_rev.track();
        self.ws.try_with_value(|w| f(w.review()))
    }

    /// Read the review state, tracking its changes and the moves of the shown disagreement.
    pub fn with_review_at<R>(&self, f: impl FnOnce(&workspace::Review) -> R) -> Option<R> {
        self.review_at.track();
        self.with_review(f)
    }

    pub fn can_undo(&self) -> bool {
        self.history_rev.track();
        self.current.track();
        self.ws.try_with_value(Workspace::can_undo).unwrap_or(false)
    }

    pub fn can_redo(&self) -> bool {
        self.history_rev.track();
        self.current.track();
        self.ws.try_with_value(Workspace::can_redo).unwrap_or(false)
    }

    /// Show a sentence the page itself has to say (a file that could not be read).
    pub fn say(&self, text: impl Into<String>, error: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            error,
        }));
    }
}

fn set_if_new<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The app state from context (provided by [`crate::App`]).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
