//! Consistency of one set (an annotator's or the gold): every surface form with the labels it
//! got, forms labelled two ways, and whole-word occurrences of a labelled form left unlabelled.

use std::collections::HashMap;

use serde::Serialize;

use crate::document::Document;

/// One place a form occurs: a document (index in the set), code point offsets, its label there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub document: usize,
    pub start: usize,
    pub end: usize,
    /// None: the words are there but no span covers them
    pub label: Option<String>,
}

/// A surface form: the exact text of some span, and everywhere it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    pub text: String,
    /// label → how many spans have it, most used first
    pub labels: Vec<(String, usize)>,
    /// the labelled spans, then (in `unlabelled`) the whole-word occurrences with no span
    pub labelled: Vec<Occurrence>,
    pub unlabelled: Vec<Occurrence>,
}

impl Form {
    pub fn is_labelled_two_ways(&self) -> bool {
        self.labels.len() > 1
    }
    /// The label most spans of this form have (the first one on a tie).
    pub fn main_label(&self) -> &str {
        self.labels.first().map(|(l, _)| l.as_str()).unwrap_or("")
    }
    /// Occurrences that differ from the main label: other labels and unlabelled ones.
    pub fn odd_ones(&self) -> impl Iterator<Item = &Occurrence> {
        let main = self.main_label();
        self.labelled
            .iter()
            .filter(move |o| o.label.as_deref() != Some(main))
            .chain(&self.unlabelled)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consistency {
    /// every form, most frequent first (then alphabetical)
    pub forms: Vec<Form>,
    pub spans: usize,
}

impl Consistency {
    pub fn of(documents: &[Document]) -> Consistency {
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut forms: Vec<Form> = Vec::new();
        // tokens of each form, for finding it again: (first token text, token count)
        let mut shape: Vec<usize> = Vec::new();
        let mut spans = 0;
        for (d, doc) in documents.iter().enumerate() {
            for s in doc.spans() {
                spans += 1;
                let text = doc.slice(s.start, s.end);
                let f = *at.entry(text).or_insert_with(|| {
                    forms.push(Form {
                        text: text.to_string(),
                        labels: Vec::new(),
                        labelled: Vec::new(),
                        unlabelled: Vec::new(),
                    });
                    shape.push(doc.tokens_overlapping(s.start, s.end).len());
                    forms.len() - 1
                });
                let form = &mut forms[f];
                match form.labels.iter_mut().find(|(l, _)| *l == s.label) {
                    Some((_, n)) => *n += 1,
                    None => form.labels.push((s.label.clone(), 1)),
                }
                form.labelled.push(Occurrence {
                    document: d,
                    start: s.start,
                    end: s.end,
                    label: Some(s.label.clone()),
                });
            }
        }
        // forms by their first token's text, to scan each text once
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (f, form) in forms.iter().enumerate() {
            let doc = &documents[form.labelled[0].document];
            let o = &form.labelled[0];
            if shape[f] == 0 {
                continue; // a span over no token (imported whitespace): no words to look for
            }
            if let Some(t) = doc
                .tokens()
                .get(doc.tokens_overlapping(o.start, o.end).start)
            {
                if t.start == o.start {
                    by_first
                        .entry(t.text(doc.text()).to_string())
                        .or_default()
                        .push(f);
                }
            }
        }
        for (d, doc) in documents.iter().enumerate() {
            let (text, tokens) = (doc.text(), doc.tokens());
            for (i, t) in tokens.iter().enumerate() {
                let Some(candidates) = by_first.get(t.text(text)) else {
                    continue;
                };
                for &f in candidates {
                    let Some(last) = tokens.get(i + shape[f] - 1) else {
                        continue;
                    };
                    if text[t.byte_start..last.byte_end] != forms[f].text {
                        continue;
                    }
                    if doc.spans_overlapping(t.start, last.end).is_empty() {
                        forms[f].unlabelled.push(Occurrence {
                            document: d,
                            start: t.start,
                            end: last.end,
                            label: None,
                        });
                    }
                }
            }
        }
        for form in &mut forms {
            form.labels
                .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        forms.sort_by(|a, b| {
            b.labelled
                .len()
                .cmp(&a.labelled.len())
                .then(a.text.cmp(&b.text))
        });
        Consistency { forms, spans }
    }

    /// Forms that got more than one label.
    pub fn labelled_two_ways(&self) -> impl Iterator<Item = &Form> {
        self.forms.iter().filter(|f| f.is_labelled_two_ways())
    }

    /// Forms labelled somewhere and left unlabelled elsewhere (whole words, same case).
    pub fn unlabelled_elsewhere(&self) -> impl Iterator<Item = &Form> {
        self.forms.iter().filter(|f| !f.unlabelled.is_empty())
    }

    /// Label counts over the whole set, most used first.
    pub fn label_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for f in &self.forms {
            for (l, n) in &f.labels {
                *counts.entry(l).or_default() += n;
            }
        }
        let mut out: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(l, n)| (l.to_string(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}
