//! A review team: two or more annotators, their documents paired by text, and the labels they
//! share (matched by name; a label only some have is listed, never dropped).

use super::annotator::Annotator;
use super::error::ReviewError;
use super::pairing::{pair, DocumentGroup, Pairing, TextMismatch};
use crate::label::{Label, Schema, PALETTE};

/// A label that not every annotator has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDifference {
    pub label: String,
    /// annotators that have it / that do not
    pub present: Vec<usize>,
    pub missing: Vec<usize>,
    /// a label of a missing annotator equal to this one but for case ("Person" / "PERSON")
    pub near: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub annotators: Vec<Annotator>,
    /// every label of every annotator, in order of first appearance
    pub labels: Vec<String>,
    pub label_differences: Vec<LabelDifference>,
    pub pairing: Pairing,
}

impl Team {
    /// A team from loaded annotators; names that repeat get “-2”, “-3”, ….
    pub fn new(mut annotators: Vec<Annotator>) -> Result<Team, ReviewError> {
        if annotators.len() < 2 {
            return Err(ReviewError::TooFewAnnotators(annotators.len()));
        }
        for k in 1..annotators.len() {
            let base = annotators[k].name.clone();
            let mut n = 1;
            while annotators[..k].iter().any(|a| a.name == annotators[k].name) {
                n += 1;
                annotators[k].name = format!("{base}-{n}");
            }
        }
        let mut labels: Vec<String> = Vec::new();
        for a in &annotators {
            for l in &a.labels {
                if !labels.contains(l) {
                    labels.push(l.clone());
                }
            }
        }
        let label_differences = labels
            .iter()
            .filter_map(|label| {
                let (present, missing): (Vec<usize>, Vec<usize>) =
                    (0..annotators.len()).partition(|&k| annotators[k].labels.contains(label));
                let near = missing
                    .iter()
                    .flat_map(|&k| {
                        annotators[k]
                            .labels
                            .iter()
                            .filter(|l| *l != label && l.eq_ignore_ascii_case(label))
                            .map(move |l| (k, l.clone()))
                    })
                    .collect();
                (!missing.is_empty()).then(|| LabelDifference {
                    label: label.clone(),
                    present,
                    missing,
                    near,
                })
            })
            .collect();
        let pairing = pair(&annotators);
        Ok(Team {
            annotators,
            labels,
            label_differences,
            pairing,
        })
    }

    /// A schema of the team's labels (palette colours in order, keys 1–9), for gold exports.
    pub fn schema(&self) -> Schema {
        let mut schema = Schema {
            name: "review".into(),
            labels: self
                .labels
                .iter()
                .zip(PALETTE.iter().cycle())
                .map(|(name, color)| Label {
                    name: name.clone(),
                    color: (*color).to_string(),
                    key: None,
                })
                .collect(),
            ..Schema::news()
        };
        schema.reassign_keys();
        schema
    }

    pub fn name(&self, k: usize) -> &str {
        self.annotators
            .get(k)
            .map(|a| a.name.as_str())
            .unwrap_or("?")
    }

    /// Rename an annotator (names are trimmed and must differ from the others').
    pub fn rename(&mut self, k: usize, name: &str) -> Result<(), ReviewError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ReviewError::EmptyName);
        }
        if k >= self.annotators.len() {
            return Err(ReviewError::NoAnnotator(k));
        }
        if self
            .annotators
            .iter()
            .enumerate()
            .any(|(i, a)| i != k && a.name == name)
        {
            return Err(ReviewError::DuplicateName(name.to_string()));
        }
        self.annotators[k].name = name.to_string();
        Ok(())
    }

    pub fn groups(&self) -> &[DocumentGroup] {
        &self.pairing.groups
    }

    /// The document of annotator `k` in group `g`, if they have it.
    pub fn copy(&self, g: usize, k: usize) -> Option<&crate::Document> {
        let d = self
            .pairing
            .groups
            .get(g)?
            .copies
            .get(k)
            .copied()
            .flatten()?;
        self.annotators[k].documents.get(d)
    }

    /// Any copy of group `g` (they all have the same text).
    pub fn text_document(&self, g: usize) -> Option<&crate::Document> {
        let group = self.pairing.groups.get(g)?;
        let k = group.annotators().next()?;
        self.copy(g, k)
    }

    /// Groups that not every annotator has.
    pub fn unpaired(&self) -> impl Iterator<Item = (usize, &DocumentGroup)> {
        self.pairing
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.is_shared_by_all())
    }

    /// Every sentence the page and the CLI show about loading: per-file warnings, labels only
    /// some annotators have, documents only some annotators have, and why look-alikes did not pair.
    pub fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .annotators
            .iter()
            .flat_map(|a| a.warnings.iter().cloned())
            .collect();
        let names = |ks: &[usize]| -> String {
            ks.iter()
                .map(|&k| self.name(k))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for d in &self.label_differences {
            let mut s = format!(
                "label “{}” is only in the labels of {} ({} {} no such label); its spans are kept and count as disagreements",
                d.label,
                names(&d.present),
                names(&d.missing),
                if d.missing.len() == 1 { "has" } else { "have" },
            );
            for (k, l) in &d.near {
                s.push_str(&format!(
                    "; {} has “{l}”, which differs only in case",
                    self.name(*k)
                ));
            }
            out.push(s);
        }
        for (g, group) in self.unpaired() {
            let title = self
                .text_document(g)
                .map(|d| d.title.as_str())
                .unwrap_or("");
            let have: Vec<usize> = group.annotators().collect();
            let lack: Vec<usize> = (0..self.annotators.len())
                .filter(|k| !have.contains(k))
                .collect();
            out.push(format!(
                "“{title}” is only in the work of {} (not {}), so it is not compared",
                names(&have),
                names(&lack)
            ));
        }
        for m in &self.pairing.mismatches {
            out.push(self.mismatch_sentence(m));
        }
        out
    }

    pub fn mismatch_sentence(&self, m: &TextMismatch) -> String {
        let ours = self
            .text_document(m.group)
            .map(|d| d.title.as_str())
            .unwrap_or("");
        let theirs = &self.annotators[m.annotator].documents[m.document];
        format!(
            "“{ours}” and {}'s “{}” look like the same document but their texts differ at line {}, column {} (character {}): “{}” vs “{}”; they are not paired",
            self.name(m.annotator),
            theirs.title,
            m.line,
            m.column,
            m.at,
            m.ours.escape_debug(),
            m.theirs.escape_debug()
        )
    }
}
