//! A loaded team kept in storage (`spanmark/1/blob/review/team`): each annotator's name, file,
//! labels, notes and documents (storage records), every distinct text written once.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::annotator::Annotator;
use super::error::ReviewError;
use super::team::Team;
use crate::persist::{decode_document_value, document_value};

pub const TEAM_FORMAT: &str = "spanmark-review-team";
const TEAM_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct TeamJson {
    format: String,
    version: u32,
    /// the distinct texts; a document names its text by index (`"xt"`)
    texts: Vec<String>,
    annotators: Vec<AnnotatorJson>,
}

#[derive(Serialize, Deserialize)]
struct AnnotatorJson {
    name: String,
    file: String,
    labels: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
    /// storage records (`persist::document_value`) with the text replaced by `"xt"`
    documents: Vec<Value>,
}

impl Team {
    /// The team as one string for storage.
    pub fn to_stored(&self) -> String {
        let mut texts: Vec<String> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut annotators = Vec::with_capacity(self.annotators.len());
        for a in &self.annotators {
            let mut documents = Vec::with_capacity(a.documents.len());
            for doc in &a.documents {
                let Ok(Value::Object(mut record)) = document_value(doc) else {
                    continue;
                };
                let n = *seen.entry(doc.text()).or_insert_with(|| {
                    texts.push(doc.text().to_string());
                    texts.len() - 1
                });
                record.remove("x");
                record.insert("xt".into(), n.into());
                documents.push(Value::Object(record));
            }
            annotators.push(AnnotatorJson {
                name: a.name.clone(),
                file: a.file.clone(),
                labels: a.labels.clone(),
                warnings: a.warnings.clone(),
                documents,
            });
        }
        let file = TeamJson {
            format: TEAM_FORMAT.into(),
            version: TEAM_VERSION,
            texts,
            annotators,
        };
        // string keys and finite numbers only: writing cannot fail
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Read a stored team back; anything wrong refuses it whole with a sentence.
    pub fn from_stored(raw: &str) -> Result<Team, ReviewError> {
        let bad = |why: String| ReviewError::BadReviewFile {
            file: "the saved team".into(),
            why,
        };
        let file: TeamJson =
            serde_json::from_str(raw).map_err(|e| bad(format!("it is not valid ({e})")))?;
        if file.format != TEAM_FORMAT {
            return Err(bad(format!("it has no \"format\": \"{TEAM_FORMAT}\"")));
        }
        if file.version > TEAM_VERSION {
            return Err(bad(format!(
                "it was saved by a newer Spanmark (version {})",
                file.version
            )));
        }
        let mut annotators = Vec::with_capacity(file.annotators.len());
        for a in file.annotators {
            let mut documents = Vec::with_capacity(a.documents.len());
            for (d, value) in a.documents.into_iter().enumerate() {
                let at = |why: String| bad(format!("{}'s document {}: {why}", a.name, d + 1));
                let Value::Object(mut record) = value else {
                    return Err(at("it is not an object".into()));
                };
                let text = record
                    .remove("xt")
                    .and_then(|n| n.as_u64())
                    .and_then(|n| file.texts.get(n as usize))
                    .ok_or_else(|| at("its text is missing".into()))?;
                record.insert("x".into(), text.clone().into());
                let doc = decode_document_value(Value::Object(record), None)
                    .map_err(|e| at(e.to_string()))?;
                documents.push(doc);
            }
            annotators.push(Annotator {
                name: a.name,
                file: a.file,
                documents,
                labels: a.labels,
                warnings: a.warnings,
            });
        }
        Team::new(annotators).map_err(|e| bad(e.to_string()))
    }
}
