//! The agreement table of a team: for every pair span F1 (strict, overlap), outcome counts,
//! confusion and token kappa; for all annotators summed counts and Krippendorff's alpha.

use serde::Serialize;

use super::link_agreement::LinkAgreement;
use super::span_agreement::{DocumentSpans, OutcomeCounts, SpanAgreement, SpanTally};
use super::team::Team;
use super::token_agreement::{bio_tags, AlphaTally, TagMatrix};

/// Agreement of annotators `a` and `b` over the documents both have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairAgreement {
    pub a: usize,
    pub b: usize,
    pub documents: usize,
    pub spans: SpanAgreement,
    /// events and relations, strict
    pub links: LinkAgreement,
    pub kappa: f64,
    /// per team label: binary token kappa (in the label or not)
    pub label_kappa: Vec<f64>,
    pub tokens: u64,
}

/// Agreement over everyone: span counts summed over pairs and alpha over all annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamAgreement {
    pub spans: SpanAgreement,
    /// events and relations, summed over pairs
    pub links: LinkAgreement,
    pub alpha: f64,
    pub label_alpha: Vec<f64>,
    /// documents every annotator has / at least two have
    pub documents_shared_by_all: usize,
    pub documents_compared: usize,
    pub units: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub labels: Vec<String>,
    pub pairs: Vec<PairAgreement>,
    pub all: TeamAgreement,
}

impl Agreement {
    pub fn of(team: &Team) -> Agreement {
        let labels = team.labels.clone();
        // a handful of labels: a linear search beats hashing every span's label. A label missing
        // from the team list cannot happen (the team collects them all); the lookup stays total
        // anyway so a bad input never panics
        let last = labels.len().saturating_sub(1);
        let index = |l: &str| labels.iter().position(|x| x == l).unwrap_or(last);
        let n = team.annotators.len();
        // tags once per (group, annotator)
        let tags: Vec<Vec<Option<Vec<u32>>>> = (0..team.groups().len())
            .map(|g| {
                (0..n)
                    .map(|k| team.copy(g, k).map(|d| bio_tags(d, d.spans(), &index)))
                    .collect()
            })
            .collect();
        let mut pairs = Vec::new();
        let mut all = SpanAgreement::new(&labels);
        let mut all_links = LinkAgreement::default();
        for a in 0..n {
            for b in a + 1..n {
                let mut spans = SpanAgreement::new(&labels);
                let mut matrix = TagMatrix::new(labels.len());
                let mut links = LinkAgreement::default();
                let mut documents = 0;
                for (g, group_tags) in tags.iter().enumerate() {
                    let (Some(da), Some(db)) = (team.copy(g, a), team.copy(g, b)) else {
                        continue;
                    };
                    documents += 1;
                    links.add_document(da.links(), db.links());
                    spans.add_document(&DocumentSpans {
                        a: da.spans(),
                        b: db.spans(),
                        label_index: &index,
                    });
                    if let (Some(ta), Some(tb)) = (&group_tags[a], &group_tags[b]) {
                        matrix.add(ta, tb);
                    }
                }
                add_spans(&mut all, &spans);
                all_links.add(&links);
                pairs.push(PairAgreement {
                    a,
                    b,
                    documents,
                    kappa: matrix.kappa(),
                    label_kappa: (0..labels.len()).map(|l| matrix.label_kappa(l)).collect(),
                    tokens: matrix.tokens,
                    spans,
                    links,
                });
            }
        }
        let mut alpha = AlphaTally::new(labels.len());
        let mut compared = 0;
        for group_tags in &tags {
            let coders: Vec<&[u32]> = group_tags.iter().flatten().map(Vec::as_slice).collect();
            if coders.len() >= 2 {
                compared += 1;
            }
            alpha.add(&coders);
        }
        let all = TeamAgreement {
            spans: all,
            links: all_links,
            alpha: alpha.alpha(),
            label_alpha: (0..labels.len()).map(|l| alpha.label_alpha(l)).collect(),
            documents_shared_by_all: team
                .groups()
                .iter()
                .filter(|g| g.is_shared_by_all())
                .count(),
            documents_compared: compared,
            units: alpha.units,
        };
        Agreement { labels, pairs, all }
    }

    /// Labels that occur in the pair's spans (on either side), with their tallies.
    pub fn labels_in<'a>(
        &'a self,
        spans: &'a SpanAgreement,
    ) -> impl Iterator<Item = (&'a str, &'a SpanTally, &'a OutcomeCounts)> {
        self.labels
            .iter()
            .zip(&spans.per_label)
            .zip(&spans.per_label_outcomes)
            .filter(|((_, t), _)| t.a + t.b > 0)
            .map(|((l, t), o)| (l.as_str(), t, o))
    }
}

fn add_spans(all: &mut SpanAgreement, pair: &SpanAgreement) {
    all.overall.add(&pair.overall);
    for (x, y) in all.per_label.iter_mut().zip(&pair.per_label) {
        x.add(y);
    }
    all.outcomes.add(&pair.outcomes);
    for (x, y) in all
        .per_label_outcomes
        .iter_mut()
        .zip(&pair.per_label_outcomes)
    {
        x.add(y);
    }
    all.confusion.add(&pair.confusion);
}
