//! `spanmark eval --curve --folds N --origins`: where the corrections left after learning come
//! from — each wrong suggestion by origin and label, each missed gold span by what the model said.

use std::collections::BTreeMap;

use spanmark_core::learn::corrections::{fixes, Fix};
use spanmark_core::score::Mention;
use spanmark_core::span::{Origin, Span};

use crate::curve::mentions;

/// Counts of corrections keyed by (kind, origin, label).
#[derive(Debug, Default)]
pub struct Origins {
    counts: BTreeMap<(String, String, String), usize>,
}

fn origin_name(o: Origin) -> String {
    match o {
        Origin::Rule(name) => format!("rule:{name}"),
        other => other.as_str().to_string(),
    }
}

/// What the model alone said about a gold span nobody suggested.
fn model_said(gold: &Mention, model: &[Span], show: f32) -> String {
    let exact = model
        .iter()
        .find(|m| m.start == gold.start && m.end == gold.end);
    match exact {
        Some(m) if m.label != gold.label => format!("model:{}", m.label),
        Some(m) if m.confidence.unwrap_or(1.0) < show => "model:below-show".into(),
        Some(_) => "model:dropped-by-merge".into(),
        None if model
            .iter()
            .any(|m| m.start < gold.end && gold.start < m.end) =>
        {
            "model:other-extent".into()
        }
        None => "model:nothing".into(),
    }
}

impl Origins {
    fn add(&mut self, kind: &str, origin: String, label: &str) {
        *self
            .counts
            .entry((kind.to_string(), origin, label.to_string()))
            .or_default() += 1;
    }

    /// Count the corrections of one document's suggestions `got` against its gold mentions;
    /// `model`: what the model alone predicted there, `show`: the merge's display threshold.
    pub fn add_document(&mut self, gold: &[Mention], got: &[Span], model: &[Span], show: f32) {
        let (fix, _) = fixes(gold, &mentions(got));
        for (s, f) in got.iter().zip(&fix) {
            let kind = match f {
                Fix::Right => continue,
                Fix::Relabelled => "relabelled",
                Fix::Resized => "resized",
                Fix::Removed => "removed",
            };
            self.add(kind, origin_name(s.origin), &s.label);
        }
        for g in gold {
            if !got.iter().any(|s| s.start < g.end && g.start < s.end) {
                let said = model_said(g, model, show);
                self.add("added", said, &g.label);
            }
        }
    }

    /// One line per (kind, origin, label), most frequent first within each kind.
    pub fn report(&self) -> String {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort_by(|a, b| a.0 .0.cmp(&b.0 .0).then(b.1.cmp(a.1)).then(a.0.cmp(b.0)));
        rows.iter()
            .map(|((k, o, l), n)| format!("  {k:<10} {n:>4}  {o:<28} {l}\n"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missed_span_is_told_apart_by_what_the_model_said() {
        let gold = Mention::new(0, 5, "ORG");
        let mut low = Span::suggested(0, 5, "ORG", Origin::Model);
        low.confidence = Some(0.3);
        assert_eq!(model_said(&gold, &[low.clone()], 0.5), "model:below-show");
        assert_eq!(
            model_said(&gold, &[low.clone()], 0.2),
            "model:dropped-by-merge"
        );
        low.label = "GPE".into();
        assert_eq!(model_said(&gold, &[low], 0.5), "model:GPE");
        let wide = Span::suggested(0, 9, "ORG", Origin::Model);
        assert_eq!(model_said(&gold, &[wide], 0.5), "model:other-extent");
        assert_eq!(model_said(&gold, &[], 0.5), "model:nothing");
    }
}
