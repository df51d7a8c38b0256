//! An adjudication's progress without its documents: the decisions and undo steps, saved
//! beside a stored team and resumed on it (small where the whole review file is large).

use serde::{Deserialize, Serialize};

use super::adjudication::{Adjudication, Change, Decision, Settings};
use super::error::ReviewError;
use super::review_file::check;
use super::team::Team;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// the annotators' names when the adjudication started (the team may be renamed since)
    pub annotators: Vec<String>,
    pub labels: Vec<String>,
    pub settings: Settings,
    /// each case's text hash: the team it resumes on must give the same documents
    pub hashes: Vec<String>,
    /// per case, the decided items only: (item, decision)
    pub decisions: Vec<Vec<(usize, Decision)>>,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
}

impl Adjudication {
    /// What to save beside the team to carry on later.
    pub fn progress(&self) -> Progress {
        Progress {
            annotators: self.annotators.clone(),
            labels: self.labels.clone(),
            settings: self.settings,
            hashes: self.cases.iter().map(|c| c.hash.clone()).collect(),
            decisions: self
                .cases
                .iter()
                .map(|c| {
                    let decided = c.decisions.iter().enumerate();
                    decided.filter_map(|(i, d)| Some((i, d.clone()?))).collect()
                })
                .collect(),
            undo: self.undo.clone(),
            redo: self.redo.clone(),
        }
    }

    /// The adjudication of `team` with the saved progress applied; refused with a sentence
    /// when the team does not give the documents the progress was made on.
    pub fn resume(team: &Team, progress: Progress) -> Result<Adjudication, ReviewError> {
        let bad = |why: String| ReviewError::BadReviewFile {
            file: "the saved adjudication".into(),
            why,
        };
        let fresh = Adjudication::new(team, progress.settings);
        let hashes: Vec<&str> = fresh.cases.iter().map(|c| c.hash.as_str()).collect();
        if hashes
            != progress
                .hashes
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
            || progress.decisions.len() != fresh.cases.len()
            || progress.annotators.len() != team.annotators.len()
        {
            return Err(bad(
                "the saved annotators' documents are not the ones it was made on".into(),
            ));
        }
        let mut cases = fresh.cases;
        for (c, decided) in progress.decisions.into_iter().enumerate() {
            for (i, d) in decided {
                let slot = cases[c]
                    .decisions
                    .get_mut(i)
                    .ok_or_else(|| bad(format!("document {} has no item {}", c + 1, i + 1)))?;
                *slot = Some(d);
            }
        }
        check(
            progress.annotators.len(),
            &cases,
            &progress.undo,
            &progress.redo,
        )
        .map_err(bad)?;
        Ok(Adjudication::from_parts(
            progress.annotators,
            progress.labels,
            progress.settings,
            cases,
            fresh.left_out,
            progress.undo,
            progress.redo,
        ))
    }
}
