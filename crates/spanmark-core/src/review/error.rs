//! What can go wrong when loading annotators, adjudicating or reading a review file:
//! each error renders as a sentence naming the file and, where there is one, the document.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReviewError {
    #[error("{file}: this is not a Spanmark export, a Spanmark backup or a file Spanmark can import ({why})")]
    NotAnExport { file: String, why: String },
    #[error("{0}")]
    Import(String),
    #[error("{file}: has no documents, so there is nothing to compare")]
    Empty { file: String },
    #[error("{file}: documents “{first}” and “{second}” have the same text but different spans; an annotator may have each text only once — remove one of them and load the file again")]
    DuplicateDocument {
        file: String,
        first: String,
        second: String,
    },
    #[error("team review needs at least two annotators; {0} loaded")]
    TooFewAnnotators(usize),
    #[error("an annotator needs a name")]
    EmptyName,
    #[error("there is already an annotator called “{0}”")]
    DuplicateName(String),
    #[error("there is no annotator number {0}")]
    NoAnnotator(usize),
    #[error("there is no disagreement number {0}")]
    NoItem(usize),
    #[error("“{annotator}” did not annotate “{document}”, so their version cannot be taken")]
    NotInDocument { annotator: String, document: String },
    #[error(
        "the versions overlap at {start}–{end}, so both cannot be kept; take one of them or edit"
    )]
    BothOverlap { start: usize, end: usize },
    #[error("the edited span {start}–{end} {why}")]
    BadEdit {
        start: usize,
        end: usize,
        why: String,
    },
    #[error("there is no label called “{0}” in the team's labels")]
    UnknownLabel(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("{file}: this is not a Spanmark review file: {why}")]
    BadReviewFile { file: String, why: String },
    #[error("no occurrence to fix")]
    NothingToFix,
}
