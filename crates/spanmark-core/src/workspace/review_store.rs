//! The saved review state: the team under `spanmark/1/blob/review/team` (written when it is
//! loaded or renamed) and the adjudication under `spanmark/1/blob/review` (on each change).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::review::Review;
use crate::review::{Adjudication, Agreement, Progress, Team};

/// The storage blob the adjudication is kept in (`spanmark/1/blob/review`).
pub const REVIEW_BLOB: &str = "review";
/// The storage blob the loaded team is kept in (`spanmark/1/blob/review/team`).
pub const REVIEW_TEAM_BLOB: &str = "review/team";
const FORMAT: &str = "spanmark-review-state";
/// The largest adjudication saved as a whole review file (estimated characters).
pub const SAVED_WHOLE_UP_TO: usize = 200_000;

/// About how many characters the review file of an adjudication takes.
fn estimated_size(a: &Adjudication) -> usize {
    a.cases
        .iter()
        .map(|c| c.text.len() + 60 * c.items.len() * c.annotators.len())
        .sum()
}

#[derive(Serialize, Deserialize)]
struct Blob {
    format: String,
    /// the review file (docs/review.md) of an adjudication not made on the saved team (one
    /// opened from a file, or a team loaded since); null otherwise
    #[serde(default)]
    adjudication: Option<Value>,
    /// the decisions of an adjudication made on the saved team, resumed on it
    #[serde(default)]
    progress: Option<Progress>,
    gold: Vec<String>,
    position: Option<usize>,
    /// the pair whose labels and confusion matrix are shown
    #[serde(default)]
    pair: usize,
}

impl Review {
    /// The blob to save: the adjudication, its gold ids and where it stands.
    pub fn to_blob(&self) -> String {
        // A small adjudication is saved whole (it carries on even without the saved team); a
        // large one, made on the saved team, as its decisions only (the whole file would not
        // fit in storage and would be written again on every key press).
        let large = self
            .adjudication
            .as_ref()
            .is_some_and(|a| estimated_size(a) > SAVED_WHOLE_UP_TO);
        let on_team = self.from_team && self.team.is_some() && large;
        let progress = self
            .adjudication
            .as_ref()
            .filter(|_| on_team)
            .map(Adjudication::progress);
        let adjudication = self
            .adjudication
            .as_ref()
            .filter(|_| !on_team)
            .and_then(|a| serde_json::from_str::<Value>(&a.to_json()).ok())
            .map(|mut v| {
                // the gold with provenance is for readers of the file; it is recomputed
                if let Value::Object(o) = &mut v {
                    o.remove("gold");
                }
                v
            });
        let blob = Blob {
            format: FORMAT.into(),
            adjudication,
            progress,
            gold: self.gold.clone(),
            position: self.position,
            pair: self.pair,
        };
        serde_json::to_string(&blob).unwrap_or_default()
    }

    /// The team blob to save, when a team is loaded.
    pub fn team_blob(&self) -> Option<String> {
        self.team.as_ref().map(Team::to_stored)
    }

    /// Read a saved team back (its agreement is recomputed); a bad blob refuses with a
    /// sentence and changes nothing.
    pub fn restore_team(&mut self, raw: &str) -> Result<(), String> {
        let team = Team::from_stored(raw)
            .map_err(|e| format!("The saved team review could not be read: {e}."))?;
        self.agreement = Some(Agreement::of(&team));
        self.team = Some(team);
        Ok(())
    }

    /// Read a saved blob into this state (the team, if loaded, stays); a bad blob refuses
    /// with a sentence and changes nothing.
    pub fn restore_blob(&mut self, raw: &str) -> Result<(), String> {
        let bad = |why: String| format!("The saved review could not be read: {why}.");
        let blob: Blob = serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        if blob.format != FORMAT {
            return Err(bad(format!("it has no \"format\": \"{FORMAT}\"")));
        }
        let (adjudication, from_team) = match (blob.progress, &blob.adjudication) {
            (Some(progress), _) => {
                let team = self.team.as_ref().ok_or_else(|| {
                    bad("it was made on the annotators' files saved beside it, which could not be read back; load them again and start over".into())
                })?;
                let adj = Adjudication::resume(team, progress).map_err(|e| bad(e.to_string()))?;
                (Some(adj), true)
            }
            (None, Some(value)) => {
                let adj = Adjudication::from_json("saved review", &value.to_string())
                    .map_err(|e| bad(e.to_string()))?;
                (Some(adj), false)
            }
            (None, None) => (None, false),
        };
        let cases = adjudication.as_ref().map_or(0, |a| a.cases.len());
        if blob.gold.len() != cases {
            return Err(bad(format!(
                "{} gold documents for {cases} documents under review",
                blob.gold.len()
            )));
        }
        let len = adjudication.as_ref().map_or(0, Adjudication::len);
        let pairs = self.agreement.as_ref().map_or(0, |a| a.pairs.len());
        self.position = blob.position.filter(|&p| p < len);
        self.gold = blob.gold;
        self.adjudication = adjudication;
        self.from_team = from_team;
        if blob.pair < pairs {
            self.pair = blob.pair;
        }
        Ok(())
    }
}
