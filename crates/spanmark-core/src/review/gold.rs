//! The gold documents an adjudication produces: each span with its provenance (who had it,
//! what was chosen, when), and how many items are still undecided.

use serde::{Deserialize, Serialize};

use super::adjudication::{both, Adjudication, Choice};
use super::disagreement::ReviewSpan;
use crate::document::{DocStatus, Document};
use crate::span::Span;

/// Why a gold span is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "lowercase")]
pub enum Source {
    /// every annotator had it; accepted without asking
    Agreed,
    /// the adjudicator took this annotator's version
    Taken { annotator: String },
    /// the adjudicator kept every version
    Both,
    /// the adjudicator drew it
    Edited,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(flatten)]
    pub span: ReviewSpan,
    /// the annotators whose version had exactly this span
    pub had: Vec<String>,
    #[serde(flatten)]
    pub source: Source,
    /// when the choice was made (ms since the Unix epoch); None for agreed spans
    pub at: Option<f64>,
}

/// One gold document.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    pub document: Document,
    pub provenance: Vec<Provenance>,
    /// items still waiting for a choice (their spans are not in the document yet)
    pub undecided: usize,
    /// events, arguments and relations only some annotators have: not in the gold document
    pub links_differ: usize,
}

impl Adjudication {
    /// The gold version of case `c` as far as it is decided.
    pub fn gold(&self, c: usize) -> Option<Gold> {
        let case = self.cases.get(c)?;
        let mut provenance: Vec<Provenance> = Vec::new();
        let mut undecided = 0;
        for (i, item) in case.items.iter().enumerate() {
            let decision = case.decisions[i].as_ref();
            let (spans, source, at) = match decision {
                None if item.agreed && self.settings.accept_agreed => {
                    (item.versions[0].clone(), Source::Agreed, None)
                }
                None => {
                    undecided += 1;
                    continue;
                }
                Some(d) => {
                    let spans = match &d.choice {
                        Choice::Take { annotator } => case
                            .annotators
                            .iter()
                            .position(|k| k == annotator)
                            .map(|p| item.versions[p].clone())
                            .unwrap_or_default(),
                        Choice::Both => both(item).unwrap_or_default(),
                        Choice::Neither => Vec::new(),
                        Choice::Edit { spans } => spans.clone(),
                    };
                    let source = match &d.choice {
                        Choice::Take { annotator } => Source::Taken {
                            annotator: self.name(*annotator),
                        },
                        Choice::Both => Source::Both,
                        Choice::Neither => continue,
                        Choice::Edit { .. } => Source::Edited,
                    };
                    (spans, source, Some(d.at))
                }
            };
            for span in spans {
                let had = (0..item.versions.len())
                    .filter(|&p| item.versions[p].contains(&span))
                    .map(|p| self.name(case.annotators[p]))
                    .collect();
                provenance.push(Provenance {
                    span,
                    had,
                    source: source.clone(),
                    at,
                });
            }
        }
        let mut document = Document::new(case.id.clone(), case.title.clone(), &case.text);
        document.set_spans(
            provenance
                .iter()
                .map(|p| Span::manual(p.span.start, p.span.end, p.span.label.clone()))
                .collect(),
        );
        // the agreed events and relations, with the arguments whose spans are in the gold
        let links = case.links.links.accepted_for(document.spans(), true);
        document.set_links(links);
        document.status = if undecided == 0 {
            DocStatus::Done
        } else {
            DocStatus::Open
        };
        Some(Gold {
            document,
            provenance,
            undecided,
            links_differ: case.links.differ,
        })
    }

    /// Every case's gold document, in order.
    pub fn gold_documents(&self) -> Vec<Gold> {
        (0..self.cases.len()).filter_map(|c| self.gold(c)).collect()
    }

    pub fn name(&self, k: usize) -> String {
        self.annotators
            .get(k)
            .cloned()
            .unwrap_or_else(|| format!("annotator {k}"))
    }
}
