//! What the user asked for, as values: every button, key and mouse gesture becomes one
//! `Intent`, and `AppState::dispatch` (dispatch.rs) carries it out through the core.

use spanmark_core::{Document, Edge, Edit, Schema, SchemaChange};

#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
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
    SetDone {
        id: String,
        done: bool,
    },
    Delete(String),
    /// Documents from an imported file (import.rs): added, or replacing every document.
    Import {
        documents: Vec<Document>,
        schema: Schema,
        replace: bool,
    },
    /// A core edit on the open document (one undo step).
    Edit(Edit),
    Undo,
    Redo,
    /// Select a span of the open document (or none).
    Select(Option<(usize, usize)>),
    SelectNext,
    SelectPrev,
    /// Text selected in the article (code points), or none.
    SetPending(Option<(usize, usize)>),
    /// A click in the text: where keyboard selection starts.
    SetCaret(usize),
    /// Shift+arrow: move the moving end of the text selection by one token (±1).
    ExtendSelection(i32),
    /// A label key or palette click: label the selected text, or relabel the selected span.
    ApplyLabel(String),
    AcceptSelected,
    /// Reject a selected suggestion or remove a selected span.
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
}
