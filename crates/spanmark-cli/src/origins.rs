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

/// Whether a missed gold span could be found from the document's own suggestions (the "reach"
/// rows): the same form suggested elsewhere in it (with the gold label, by which origin, or with
/// another label; capitals and accents ignored), a suggested person's surname, or inside a longer suggestion.
fn reach(chars: &[char], gold: &Mention, got: &[Span]) -> String {
    let at = |s: usize, e: usize| -> String { chars.get(s..e).unwrap_or(&[]).iter().collect() };
    let form = at(gold.start, gold.end);
    let skeleton = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
            .collect::<String>()
            .to_lowercase()
    };
    let same: Vec<&Span> = got
        .iter()
        .filter(|s| skeleton(&at(s.start, s.end)) == skeleton(&form))
        .collect();
    if let Some(s) = same.iter().find(|s| s.label == gold.label) {
        return format!("doc:same-form-{}", origin_name(s.origin));
    }
    if let Some(s) = same.first() {
        return format!("doc:same-form-as-{}", s.label);
    }
    let surname = got.iter().find(|s| {
        let t = at(s.start, s.end);
        s.label == "PERSON"
            && t.contains(' ')
            && t.rsplit(' ').next().map(&skeleton) == Some(skeleton(&form))
    });
    if let Some(s) = surname {
        return format!("doc:surname-of-{}", origin_name(s.origin));
    }
    let inside = got
        .iter()
        .any(|s| s.end - s.start > gold.end - gold.start && at(s.start, s.end).contains(&form));
    if inside {
        return "doc:inside-a-suggestion".into();
    }
    "doc:nothing".into()
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
    pub fn add_document(
        &mut self,
        text: &str,
        gold: &[Mention],
        got: &[Span],
        model: &[Span],
        show: f32,
    ) {
        let (fix, _) = fixes(gold, &mentions(got));
        let chars: Vec<char> = text.chars().collect();
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
                self.add("reach", reach(&chars, g, got), &g.label);
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

    #[test]
    fn a_missed_span_is_told_whether_the_document_suggests_it_elsewhere() {
        let text: Vec<char> = "WILDERS WINS. Geert Wilders won; Wilders and Celtics"
            .chars()
            .collect();
        let person = Span::suggested(14, 27, "PERSON", Origin::Model);
        let surname = Mention::new(33, 40, "PERSON");
        assert_eq!(
            reach(&text, &surname, std::slice::from_ref(&person)),
            "doc:surname-of-model"
        );
        let capitals = Mention::new(0, 7, "PERSON");
        let same = Span::suggested(33, 40, "PERSON", Origin::Memory);
        assert_eq!(reach(&text, &capitals, &[same]), "doc:same-form-memory");
        let other = Span::suggested(33, 40, "ORG", Origin::Memory);
        assert_eq!(reach(&text, &capitals, &[other]), "doc:same-form-as-ORG");
        let alone = Mention::new(45, 52, "ORG");
        assert_eq!(reach(&text, &alone, &[person]), "doc:nothing");
    }
}
