//! What the user (or the page on their behalf) asks the workspace to do, as values: every
//! button, key, mouse gesture and arriving word list becomes one `Command` for `update`.

use crate::detect::Pipeline;
use crate::document::Document;
use crate::edit::{Edge, Edit};
use crate::label::Schema;
use crate::learn::Learner;
use crate::schema_change::SchemaChange;

use super::review::ReviewCommand;

#[derive(Debug, Clone)]
pub enum Command {
    /// Make a document from pasted text, detect entities and open it.
    Create {
        title: String,
        text: String,
    },
    Open(String),
    /// Back to the new-document form.
    ShowForm,
    Rename {
        id: String,
        title: String,
    },
    /// Mark done (the learner learns it) or open again (it is forgotten).
    SetDone {
        id: String,
        done: bool,
    },
    Delete(String),
    /// Documents from an imported file: added, or replacing every document.
    Import {
        documents: Vec<Document>,
        schema: Schema,
        replace: bool,
    },
    /// Saved work replaces everything (startup, a restored backup); nothing is saved back.
    Restore {
        documents: Vec<Document>,
        schema: Schema,
        current: Option<String>,
    },
    /// Newer versions of documents that storage already holds (another tab wrote them, or
    /// a save merged them): they replace ours, and their undo steps are dropped.
    Stored(Vec<Document>),
    /// Another tab deleted a document this page had not changed.
    Unstored(String),
    /// Another tab changed the label schema (spans are left as they are).
    StoredSchema(Schema),
    /// A core edit on the open document (one undo step).
    Edit(Edit),
    Undo,
    Redo,
    /// Select a span of the open document (or none).
    Select(Option<(usize, usize)>),
    /// Tab: the next span after the selection or caret, wrapping around.
    SelectNext,
    /// Shift+Tab: the previous span, wrapping around.
    SelectPrev,
    /// Text selected in the article (code points), or none.
    SetPending(Option<(usize, usize)>),
    /// A click in the text: where keyboard selection starts.
    SetCaret(usize),
    /// Shift+arrow: move the moving end of the text selection by one token (±1).
    ExtendSelection(i32),
    /// A label key or palette click: label the selected text, or relabel the selected span.
    ApplyLabel(String),
    /// Accept the selected suggestion and select the next suggestion after it.
    AcceptSelected,
    /// Reject a selected suggestion (the learner remembers) or remove a selected span.
    RemoveSelected,
    ResizeSelected {
        edge: Edge,
        delta: i32,
    },
    LabelAllSelected,
    AcceptAll,
    Schema(SchemaChange),
    ToggleHelp,
    /// "/": type a label's name (when there are more labels than number keys).
    FindLabel,
    /// Close the help, or drop the selection.
    Escape,
    /// A word list arrived: suggest with this detector from now on. `last`: no further
    /// list is coming. Documents made before it and not edited since are detected again.
    UseDetector {
        detector: Pipeline,
        last: bool,
    },
    /// No (further) word list is coming: loading failed.
    ListsSettled,
    /// The learner loaded from storage or saved by another tab (`save: false`), or
    /// imported or reset (`save: true`: it is not stored yet).
    UseLearner {
        learner: Box<Learner>,
        save: bool,
    },
    /// The incident memory saved earlier (the blob `EVENTS_BLOB`) or by another tab.
    RestoreEventMemory(String),
    /// The confidence slider: model suggestions below it are not shown.
    SetThreshold(f32),
    /// One unit of the learner's work: learn or forget one queued document, else train on
    /// at most `budget` sentences.
    LearnSlice {
        budget: usize,
    },
    /// "Retrain now": learn every done document, forget remembered ones that are gone.
    Retrain,
    /// The team review view: load annotators, adjudicate, check consistency.
    Review(ReviewCommand),
    /// Select an event of the open document by its trigger (or none).
    SelectEvent(Option<(usize, usize)>),
    /// "]": the next event, wrapping around.
    SelectNextEvent,
    /// "[": the previous event, wrapping around.
    SelectPrevEvent,
    /// "a": accept the selected event, then select the next suggested one.
    AcceptSelectedEvent,
    /// "d": reject the selected suggested event (remembered) or remove an accepted one.
    RejectSelectedEvent,
    /// Shift+E: accept every suggested event and relation (one undo step).
    AcceptAllEvents,
    /// "e": the selected words trigger a new event; the number keys pick its type.
    StartEvent,
    /// "o": the selected span fills a role of the selected event; number keys pick it.
    StartRole,
    /// "r": a relation starts at the selected span; on a second span, pick its type.
    StartRelation,
    /// A number key while picking: the n-th choice (0-based) of `Workspace::choices`.
    Pick(usize),
}
