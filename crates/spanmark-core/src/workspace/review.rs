//! The team review part of the workspace: the annotators loaded for comparison, their
//! agreement, and the adjudication into gold documents that live in the normal list.

use crate::edit::Step;
use crate::formats::InputFile;
use crate::review::{
    load_annotator, Adjudication, Agreement, Consistency, Flagged, Settings, Team,
};

/// The review view's state. The team is saved when loaded or renamed (`REVIEW_TEAM_BLOB`,
/// its agreement recomputed on restore); the adjudication on each change (`REVIEW_BLOB`).
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// The review view is shown instead of the annotation view.
    pub open: bool,
    pub team: Option<Team>,
    pub agreement: Option<Agreement>,
    /// The pair (index into `agreement.pairs`) whose confusion matrix is shown.
    pub pair: usize,
    /// Settings for the next adjudication (the running one keeps its own).
    pub settings: Settings,
    pub adjudication: Option<Adjudication>,
    /// The adjudication was made on the loaded team (it is saved as its decisions only).
    pub(super) from_team: bool,
    /// The gold document's id for each case of the adjudication.
    pub gold: Vec<String>,
    /// The disagreement shown (a position in the adjudication's order).
    pub position: Option<usize>,
    /// The last consistency check of the page's documents.
    pub checked: Option<Checked>,
    /// Consistency fixes, newest last: per document touched, its id and step.
    pub(super) fixes: Vec<Vec<(String, Step)>>,
    /// What the review's undo takes back, newest last: a fix (true) or a choice (false).
    pub(super) undo_kinds: Vec<bool>,
}

/// A consistency check: the forms, the documents' ids in the checked order, the flags.
#[derive(Debug, Clone)]
pub struct Checked {
    pub consistency: Consistency,
    pub ids: Vec<String>,
    pub flags: Vec<Flagged>,
}

impl Review {
    /// The gold document id and case number of the disagreement shown.
    pub fn gold_of(&self, case: usize) -> Option<&str> {
        self.gold.get(case).map(String::as_str)
    }

    /// The case whose gold document has this id.
    pub fn case_of(&self, id: &str) -> Option<usize> {
        self.gold.iter().position(|g| g == id)
    }
}

/// What the review view asks for.
#[derive(Debug, Clone)]
pub enum ReviewCommand {
    /// Show or hide the review view.
    Show(bool),
    /// Files the user picked: one annotator each, all loaded or none.
    Load(Vec<InputFile>),
    Rename {
        annotator: usize,
        name: String,
    },
    /// Show this pair's confusion matrix.
    SelectPair(usize),
    /// Accept spans every annotator agrees on without asking (for the next adjudication).
    AcceptAgreed(bool),
    /// Make the gold documents and go to the first disagreement.
    Start,
    /// `1`/`2`/…: take annotator `k`'s version (team order).
    Take(usize),
    /// `b`: keep every version where they do not overlap.
    Both,
    /// `x`: no span here.
    Neither,
    /// `e`: open the gold document on this disagreement and edit it normally.
    Edit,
    /// `n` / `p`.
    Next,
    Prev,
    /// Go to this disagreement (a click in the list).
    Go(usize),
    /// Undo the last choice (one step of the gold document).
    Undo,
    /// Saved review state (startup, another tab); after `RestoreTeam`.
    Restore(String),
    /// The saved team (startup), before `Restore`.
    RestoreTeam(String),
    /// A review file (`spanmark adjudicate`'s, or one downloaded from the page) to carry on.
    Open(InputFile),
    /// Drop the adjudication (the gold documents stay in the list).
    Finish,
    /// Check the consistency of the page's documents.
    Check,
    /// Open occurrence `occurrence` (labelled ones first, then unlabelled) of form `form`.
    JumpTo {
        form: usize,
        occurrence: usize,
    },
    /// Give one occurrence the form's main label (one undo step).
    FixOne {
        form: usize,
        occurrence: usize,
    },
    /// Give every odd occurrence of the form its main label (one undo step).
    FixAll(usize),
}

/// Load every file as one annotator; the first bad file's sentence refuses them all.
pub(super) fn load_team(files: &[InputFile]) -> Result<(Team, Agreement), String> {
    let annotators = files
        .iter()
        .map(load_annotator)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let team = Team::new(annotators).map_err(|e| e.to_string())?;
    let agreement = Agreement::of(&team);
    Ok((team, agreement))
}
