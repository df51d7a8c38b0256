//! The review file (`spanmark-review`, docs/review.md): an adjudication in progress — cases,
//! items, decisions and the undo/redo steps — written as JSON and read back with checks.

use serde::{Deserialize, Serialize};

use super::adjudication::{Adjudication, Case, Change, Choice, Settings};
use super::error::ReviewError;
use super::gold::Provenance;
use super::pairing::{hash_hex, text_hash};

pub const REVIEW_FORMAT: &str = "spanmark-review";
pub const REVIEW_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct FileJson {
    format: String,
    version: u32,
    annotators: Vec<String>,
    labels: Vec<String>,
    settings: Settings,
    #[serde(default)]
    left_out: Vec<String>,
    cases: Vec<Case>,
    #[serde(default)]
    undo: Vec<Change>,
    #[serde(default)]
    redo: Vec<Change>,
    /// the gold spans with provenance as decided so far (written for readers; ignored on load)
    #[serde(default, skip_deserializing)]
    gold: Vec<Vec<Provenance>>,
}

impl Adjudication {
    /// The review file: everything needed to carry on where this adjudication stands.
    pub fn to_json(&self) -> String {
        let file = FileJson {
            format: REVIEW_FORMAT.into(),
            version: REVIEW_VERSION,
            annotators: self.annotators.clone(),
            labels: self.labels.clone(),
            settings: self.settings,
            left_out: self.left_out.clone(),
            cases: self.cases.clone(),
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            gold: self
                .gold_documents()
                .into_iter()
                .map(|g| g.provenance)
                .collect(),
        };
        // only maps with string keys and finite numbers: writing cannot fail
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Read a review file; anything inconsistent refuses the whole file with a sentence.
    pub fn from_json(name: &str, raw: &str) -> Result<Adjudication, ReviewError> {
        let bad = |why: String| ReviewError::BadReviewFile {
            file: name.to_string(),
            why,
        };
        let value: serde_json::Value = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
            .map_err(|e| bad(format!("it is not valid JSON ({e})")))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(REVIEW_FORMAT) {
            return Err(bad(format!("it has no \"format\": \"{REVIEW_FORMAT}\"")));
        }
        let file: FileJson = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
        if file.version > REVIEW_VERSION {
            return Err(bad(format!(
                "it was written by a newer Spanmark (version {}; this one reads {REVIEW_VERSION})",
                file.version
            )));
        }
        check(file.annotators.len(), &file.cases, &file.undo, &file.redo).map_err(bad)?;
        Ok(Adjudication::from_parts(
            file.annotators,
            file.labels,
            file.settings,
            file.cases,
            file.left_out,
            file.undo,
            file.redo,
        ))
    }
}

/// Whether cases, decisions and undo steps hold together (`people` annotators in all); the
/// reason when not. Review files and saved progress are both checked with this.
pub(crate) fn check(
    people: usize,
    cases: &[Case],
    undo: &[Change],
    redo: &[Change],
) -> Result<(), String> {
    for (c, case) in cases.iter().enumerate() {
        let at = |why: String| format!("document {} (“{}”): {why}", c + 1, case.title);
        if hash_hex(text_hash(&case.text)) != case.hash {
            return Err(at(
                "its text does not match its hash; was it edited by hand?".into(),
            ));
        }
        if case.decisions.len() != case.items.len() {
            return Err(at(format!(
                "{} decisions for {} items",
                case.decisions.len(),
                case.items.len()
            )));
        }
        if let Some(k) = case.annotators.iter().find(|&&k| k >= people) {
            return Err(at(format!("annotator {k} is not in the list of {people}")));
        }
        let len = case.text.chars().count();
        let links = &case.links.links;
        let outside = |(s, e): (usize, usize)| s >= e || e > len;
        let trigger = links.events.iter().find(|e| outside((e.start, e.end)));
        if let Some(e) = trigger {
            return Err(at(format!(
                "the trigger {}–{} of a {} event lies outside the text of {len} characters",
                e.start, e.end, e.kind
            )));
        }
        let ends = links
            .events
            .iter()
            .flat_map(|e| e.args.iter().map(|a| (a.start, a.end)));
        let ends = ends.chain(links.relations.iter().flat_map(|r| [r.from, r.to]));
        if let Some((s, e)) = ends.clone().find(|&x| outside(x)) {
            return Err(at(format!(
                "an event argument or relation at {s}–{e} lies outside the text of {len} characters"
            )));
        }
        for (i, item) in case.items.iter().enumerate() {
            if item.versions.len() != case.annotators.len() {
                return Err(at(format!(
                    "item {} has {} versions for {} annotators",
                    i + 1,
                    item.versions.len(),
                    case.annotators.len()
                )));
            }
            let spans = item.versions.iter().flatten();
            if let Some(s) = spans.clone().find(|s| s.start >= s.end || s.end > len) {
                return Err(at(format!(
                    "span {}–{} lies outside the text of {len} characters",
                    s.start, s.end
                )));
            }
            if let Some(Some(d)) = case.decisions.get(i) {
                if let Choice::Take { annotator } = d.choice {
                    if !case.annotators.contains(&annotator) {
                        return Err(at(format!(
                            "item {} takes annotator {annotator}, who did not annotate it",
                            i + 1
                        )));
                    }
                }
            }
        }
    }
    for change in undo.iter().chain(redo) {
        let ok = cases
            .get(change.case)
            .is_some_and(|c| change.item < c.items.len());
        if !ok {
            return Err(format!(
                "an undo step names item {} of document {}, which does not exist",
                change.item + 1,
                change.case + 1
            ));
        }
    }
    Ok(())
}
