//! The saved review state (`spanmark/1/blob/review`): the adjudication as a review file, the
//! gold documents' ids and the disagreement shown, so a reload carries on where it stood.

use serde::{Deserialize, Serialize};

use super::review::Review;
use crate::review::Adjudication;

/// The storage blob the review state is kept in (`spanmark/1/blob/review`).
pub const REVIEW_BLOB: &str = "review";
const FORMAT: &str = "spanmark-review-state";

#[derive(Serialize, Deserialize)]
struct Blob {
    format: String,
    /// the review file (docs/review.md), or null when no adjudication is under way
    adjudication: Option<serde_json::Value>,
    gold: Vec<String>,
    position: Option<usize>,
}

impl Review {
    /// The blob to save: the adjudication, its gold ids and where it stands.
    pub fn to_blob(&self) -> String {
        let adjudication = self
            .adjudication
            .as_ref()
            .and_then(|a| serde_json::from_str(&a.to_json()).ok());
        let blob = Blob {
            format: FORMAT.into(),
            adjudication,
            gold: self.gold.clone(),
            position: self.position,
        };
        serde_json::to_string(&blob).unwrap_or_default()
    }

    /// Read a saved blob into this state (the team, if loaded, stays); a bad blob refuses
    /// with a sentence and changes nothing.
    pub fn restore_blob(&mut self, raw: &str) -> Result<(), String> {
        let bad = |why: String| format!("The saved review could not be read: {why}.");
        let blob: Blob = serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        if blob.format != FORMAT {
            return Err(bad(format!("it has no \"format\": \"{FORMAT}\"")));
        }
        let adjudication = match &blob.adjudication {
            None => None,
            Some(value) => Some(
                Adjudication::from_json("saved review", &value.to_string())
                    .map_err(|e| bad(e.to_string()))?,
            ),
        };
        let cases = adjudication.as_ref().map_or(0, |a| a.cases.len());
        if blob.gold.len() != cases {
            return Err(bad(format!(
                "{} gold documents for {cases} documents under review",
                blob.gold.len()
            )));
        }
        let len = adjudication.as_ref().map_or(0, Adjudication::len);
        self.position = blob.position.filter(|&p| p < len);
        self.gold = blob.gold;
        self.adjudication = adjudication;
        Ok(())
    }
}
