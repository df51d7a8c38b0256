//! The per-span `"review"` field of Spanmark JSON: a gold span's provenance from the team
//! review (who had it, who was chosen, when), written on export and read back on import.

use serde::{Deserialize, Serialize};

use crate::review::{Provenance, ReviewSpan, Source};
use crate::span::Span;

/// `{"had": [names], "source": "agreed"|"taken"|"both"|"edited", "chosen": name, "at": ms}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ReviewJson {
    /// the annotators whose version had exactly this span
    pub had: Vec<String>,
    /// why the span is in the gold document
    pub source: String,
    /// the annotator whose version was taken (source "taken" only)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
    /// when the choice was made, ms since 1970; null for agreed spans
    #[serde(default)]
    pub at: Option<f64>,
}

impl ReviewJson {
    pub fn of(p: &Provenance) -> ReviewJson {
        let (source, chosen) = match &p.source {
            Source::Agreed => ("agreed", None),
            Source::Taken { annotator } => ("taken", Some(annotator.clone())),
            Source::Both => ("both", None),
            Source::Edited => ("edited", None),
        };
        ReviewJson {
            had: p.had.clone(),
            source: source.into(),
            chosen,
            at: p.at,
        }
    }

    /// The provenance of span number `n` (from 1), or a sentence saying what is wrong.
    pub fn provenance(self, n: usize, span: &Span) -> Result<Provenance, String> {
        let source = match (self.source.as_str(), self.chosen) {
            ("agreed", _) => Source::Agreed,
            ("taken", Some(annotator)) if !annotator.is_empty() => Source::Taken { annotator },
            ("taken", _) => {
                return Err(format!(
                    "span {n}: its \"review\" says \"taken\" but has no \"chosen\" annotator"
                ))
            }
            ("both", _) => Source::Both,
            ("edited", _) => Source::Edited,
            (other, _) => {
                return Err(format!(
                "span {n}: its \"review\" has \"source\": \"{other}\" (expected agreed, taken, both or edited)"
            ))
            }
        };
        if self.at.is_some_and(|t| !t.is_finite() || t < 0.0) {
            return Err(format!(
                "span {n}: its \"review\" \"at\" must be milliseconds since 1970"
            ));
        }
        Ok(Provenance {
            span: ReviewSpan::of(span),
            had: self.had,
            source,
            at: self.at,
        })
    }
}
