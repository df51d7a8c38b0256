//! What one `update` returns: which parts of the workspace changed (for the view), and the
//! effects the shell must carry out in the browser, as values.

use crate::learn::Progress;

/// What changed, so the shell refreshes only the views that show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    /// Documents whose text, spans, title or status changed, or that were added.
    pub documents: Vec<String>,
    /// Documents were added, deleted or reordered.
    pub order: bool,
    /// The open document is another one (or none).
    pub current: bool,
    /// The label schema changed.
    pub schema: bool,
    /// The selected span, the pending text selection or the caret moved.
    pub selection: bool,
    /// An undo history changed (can undo / can redo may differ).
    pub history: bool,
    /// The help overlay opened or closed.
    pub help: bool,
    /// The learner changed (what it holds, its stats).
    pub learner: bool,
    /// The review view (team, agreement, adjudication) changed.
    pub review: bool,
    /// Only the disagreement shown moved (`n`, `p`, a chip): `review` stays false for it.
    pub review_position: bool,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

/// A sentence for the user, and whether it reports a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// What must be written to storage: whole entries, named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Save {
    /// Documents to write (their `revision` was bumped).
    pub documents: Vec<String>,
    /// Documents to delete.
    pub deleted: Vec<String>,
    /// The label schema.
    pub schema: bool,
    /// The document order.
    pub order: bool,
}

/// Something the shell does outside the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write these entries (autosave, debounced by the shell).
    Save(Save),
    /// Show this sentence.
    Say(Notice),
    /// Take the sentence down.
    Unsay,
    /// The browser's text selection is stale (the text became a span).
    ClearBrowserSelection,
    /// Draw the pending text selection as the browser's selection (keyboard selection).
    ShowPending,
    /// Focus the label type-ahead.
    FocusLabelSearch,
    /// The learner changed: save it soon.
    SaveLearner,
    /// The learner has work: send `LearnSlice` again soon.
    Learn,
    /// The learner waits for the word lists: send `LearnSlice` again a little later.
    LearnLater,
    /// A training slice ran (the shell sizes the next one by how long it took).
    Trained(Progress),
    /// A sentence about the learner for its panel (None takes it down).
    LearnerSays(Option<Notice>),
    /// The review state changed: save it (the blob `REVIEW_BLOB`) soon, as
    /// `Review::to_blob` gives it when written. Not serialized here: a run of `n` presses
    /// is one write of a few hundred bytes, serialized once, when the page writes it.
    SaveReview,
    /// The loaded team changed: save it (the blob `REVIEW_TEAM_BLOB`) soon, as
    /// `Review::team_blob` gives it when written (after the first paint of the table).
    SaveReviewTeam,
    /// Save the incident memory (the blob `EVENTS_BLOB`) as this string.
    SaveEventMemory(String),
}

/// The result of one command.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Update {
    pub change: Change,
    pub effects: Vec<Effect>,
}

impl Update {
    pub(crate) fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    pub(crate) fn say(&mut self, text: impl Into<String>, error: bool) {
        self.effects.push(Effect::Say(Notice {
            text: text.into(),
            error,
        }));
    }

    /// The save effect, merged with any earlier one of this update.
    pub(crate) fn save(&mut self, save: Save) {
        for e in &mut self.effects {
            if let Effect::Save(s) = e {
                s.documents.extend(save.documents);
                s.deleted.extend(save.deleted);
                s.schema |= save.schema;
                s.order |= save.order;
                return;
            }
        }
        self.effects.push(Effect::Save(save));
    }

    /// The entries saved by this update, if any.
    pub fn saved(&self) -> Option<&Save> {
        self.effects.iter().find_map(|e| match e {
            Effect::Save(s) => Some(s),
            _ => None,
        })
    }

    /// The sentence shown by this update, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.effects.iter().find_map(|e| match e {
            Effect::Say(n) => Some(n),
            _ => None,
        })
    }
}
