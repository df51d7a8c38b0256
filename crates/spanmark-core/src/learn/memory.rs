//! Surface-form memory: accepted spans are suggested wherever their words recur (case-
//! and possessive-normalised), with the label the neighbouring words point to when a form
//! was accepted with several; rejected suggestions are not made again in that context.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::bilou::covered_tokens;
use crate::span::{Origin, Span};
use crate::token::{starts_upper, Token};

/// Confidence of a surname suggestion learnt from a full name ("Sharif" from "Shehbaz Sharif").
const SURNAME_CONFIDENCE: f32 = 0.6;
/// Share kept by a remembered label in a context it was never seen in (below 0.5, so it
/// fills gaps but does not overrule the rules; measured on the world-news curve).
const UNSEEN_CONTEXT: f32 = 0.45;
/// Acceptances of a form after which its contexts count (1: from the first correction on;
/// 2 and 3 cost 3–4 core3 points on the world-news curve, BENCHMARKS.md).
const PATTERN: u32 = 1;

/// An accepted (label, surface) of one document and how often it occurred there; saved
/// as a JSON array `[label, surface, count]` to keep local storage small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered(pub String, pub String, pub u32);

impl Remembered {
    fn label(&self) -> &str {
        &self.0
    }
    /// the words as written (possessive dropped), single-spaced
    fn surface(&self) -> &str {
        &self.1
    }
    fn form(&self) -> String {
        normal_word(&self.1)
    }
    /// the span began with a capital letter: only capitalised occurrences are suggested
    fn capitalised(&self) -> bool {
        starts_upper(&self.1)
    }
}

/// One rejected suggestion with the words on either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub form: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// Where an accepted span stood: its label, normalised form and the words either side;
/// saved as `[label, form, before, after]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen(pub String, pub String, pub String, pub String);

#[derive(Debug, Clone, Default)]
struct Candidate {
    counts: BTreeMap<String, u32>,
    /// label → ("<" word before | ">" word after) → count
    context: BTreeMap<String, BTreeMap<String, u32>>,
    capitalised: bool,
    surname_only: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Memory {
    documents: BTreeMap<String, Vec<Remembered>>,
    rejections: Vec<Rejection>,
    /// the contexts of accepted names, per document (files saved before it have none)
    #[serde(default)]
    contexts: BTreeMap<String, Vec<Seen>>,
    #[serde(skip)]
    index: HashMap<String, Candidate>,
    /// first word of every indexed form → the longest form starting with it
    #[serde(skip)]
    starts: HashMap<String, usize>,
}

fn normal_word(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

fn is_possessive_tail(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’" | "s")
}

/// Normalised words of a span's tokens, possessive endings dropped.
fn form_of(text: &str, tokens: &[Token]) -> Vec<String> {
    surface_of(text, tokens)
        .iter()
        .map(|w| normal_word(w))
        .collect()
}

/// The words of a span's tokens as written, possessive endings dropped.
fn surface_of(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut words: Vec<String> = tokens
        .iter()
        .map(|t| t.text(text).replace('’', "'"))
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_possessive_tail(w)) {
        let dropped = words.pop().unwrap_or_default();
        if dropped == "s" && words.last().is_none_or(|w| w != "'") {
            words.push(dropped);
            break;
        }
    }
    if let Some(last) = words.last_mut() {
        if let Some(stem) = last
            .strip_suffix("'s")
            .or(last.strip_suffix("'S"))
            .filter(|s| !s.is_empty())
        {
            *last = stem.to_string();
        }
    }
    words
}

impl Memory {
    pub fn new() -> Self {
        Memory::default()
    }

    /// Rebuild the lookup index (after loading or any change).
    pub fn reindex(&mut self) {
        self.index.clear();
        self.starts.clear();
        let rejected: Vec<(String, String)> = self
            .rejections
            .iter()
            .map(|r| (r.form.clone(), r.label.clone()))
            .collect();
        for r in self.documents.values().flatten() {
            let form = r.form();
            let first = form.split(' ').next().unwrap_or_default().to_string();
            let n = form.split(' ').count();
            let longest = self.starts.entry(first).or_default();
            *longest = (*longest).max(n);
            let words = form.split(' ').count();
            let c = self.index.entry(form.clone()).or_default();
            *c.counts.entry(r.label().to_string()).or_default() += r.2;
            c.capitalised |= r.capitalised();
            c.surname_only = false;
            if r.label() == "PERSON" && words > 1 && r.capitalised() {
                let surname = form.rsplit(' ').next().unwrap_or_default().to_string();
                let last_upper = r.surface().rsplit(' ').next().is_some_and(starts_upper);
                let fresh = !rejected.contains(&(surname.clone(), r.0.clone()));
                if last_upper && fresh && surname.chars().count() > 2 {
                    let c = self.index.entry(surname).or_insert_with(|| Candidate {
                        surname_only: true,
                        ..Default::default()
                    });
                    if c.surname_only {
                        *c.counts.entry(r.0.clone()).or_default() += r.2;
                        c.capitalised = true;
                    }
                }
            }
        }
        for Seen(label, form, before, after) in self.contexts.values().flatten() {
            if let Some(c) = self.index.get_mut(form) {
                let words = c.context.entry(label.clone()).or_default();
                *words.entry(format!("<{before}")).or_default() += 1;
                *words.entry(format!(">{after}")).or_default() += 1;
            }
        }
    }

    /// The label the context points to among those a form was accepted with, and its
    /// share: naive Bayes over the words either side (add-half smoothing).
    fn label_in_context<'a>(c: &'a Candidate, before: &str, after: &str) -> Option<(&'a str, f32)> {
        let keys = [format!("<{before}"), format!(">{after}")];
        let scores: Vec<(&str, f32)> = c
            .counts
            .iter()
            .map(|(label, &n)| {
                let words = c.context.get(label);
                let n = n.max(1) as f32;
                let fit: f32 = keys
                    .iter()
                    .map(|k| {
                        let seen = words.and_then(|w| w.get(k)).copied().unwrap_or(0) as f32;
                        ((seen + 0.5) / (n + 1.0)).ln()
                    })
                    .sum();
                (label.as_str(), n.ln() + fit)
            })
            .collect();
        let best = scores.iter().map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
        let total: f32 = scores.iter().map(|s| (s.1 - best).exp()).sum();
        // a label never seen next to either of these words is a weaker guess: the rules
        // (which see more than two words) keep their label there
        let seen_here = |label: &str| {
            c.context
                .get(label)
                .is_some_and(|w| keys.iter().any(|k| w.contains_key(k)))
        };
        scores
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|&(l, s)| {
                let share = (s - best).exp() / total;
                // a correction holds in the contexts it was made in; elsewhere the rules decide
                let seen: u32 = c.counts.values().sum();
                let unseen = seen >= PATTERN && !seen_here(l);
                (
                    l,
                    if unseen {
                        share * UNSEEN_CONTEXT
                    } else {
                        share
                    },
                )
            })
    }

    /// Remember a document's accepted spans that contain a capital letter (names),
    /// replacing what the document taught before.
    pub fn add_document(&mut self, id: &str, text: &str, tokens: &[Token], spans: &[Span]) {
        let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
        let mut seen = Vec::new();
        for s in spans.iter().filter(|s| s.is_accepted()) {
            let r = covered_tokens(tokens, s.start, s.end);
            let words = surface_of(text, &tokens[r.clone()]);
            // only names: lowercase stretches ("one", "two days", "23") are numbers and
            // dates that the patterns find in context, and wrong out of it — except for a
            // label of the user's own that no rule finds ("drones", "warships" as WEAPON),
            // which nothing but the user's examples can teach
            let named = words.iter().any(|w| w.chars().any(char::is_uppercase))
                || crate::detect::Kind::parse(&s.label).is_none();
            if named {
                let (_, before, after) = Self::context(text, tokens, s);
                let form = words.iter().map(|w| normal_word(w)).collect::<Vec<_>>();
                seen.push(Seen(s.label.clone(), form.join(" "), before, after));
                *counts
                    .entry((s.label.clone(), words.join(" ")))
                    .or_default() += 1;
            }
        }
        self.contexts.insert(id.to_string(), seen);
        let entries: Vec<Remembered> = counts
            .into_iter()
            .map(|((l, w), n)| Remembered(l, w, n))
            .collect();
        // an accepted form clears an earlier rejection of the same form and label
        let accepted: Vec<(String, String)> =
            entries.iter().map(|r| (r.form(), r.0.clone())).collect();
        self.documents.insert(id.to_string(), entries);
        self.rejections
            .retain(|r| !accepted.contains(&(r.form.clone(), r.label.clone())));
        self.reindex();
    }

    pub fn forget_document(&mut self, id: &str) {
        self.documents.remove(id);
        self.contexts.remove(id);
        self.reindex();
    }

    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Accepted spans remembered, over all documents.
    pub fn span_count(&self) -> usize {
        self.documents
            .values()
            .flatten()
            .map(|r| r.2 as usize)
            .sum()
    }

    pub fn document_ids(&self) -> impl Iterator<Item = &str> {
        self.documents.keys().map(String::as_str)
    }

    pub fn knows_document(&self, id: &str) -> bool {
        self.documents.contains_key(id)
    }

    /// Number of distinct remembered forms.
    pub fn forms(&self) -> usize {
        self.index.values().filter(|c| !c.surname_only).count()
    }

    pub fn rejection_count(&self) -> usize {
        self.rejections.len()
    }

    fn context(text: &str, tokens: &[Token], span: &Span) -> (Vec<String>, String, String) {
        let r = covered_tokens(tokens, span.start, span.end);
        let words = form_of(text, &tokens[r.clone()]);
        let before = r
            .start
            .checked_sub(1)
            .map(|i| normal_word(tokens[i].text(text)))
            .unwrap_or_default();
        let after = tokens
            .get(r.end)
            .map(|t| normal_word(t.text(text)))
            .unwrap_or_default();
        (words, before, after)
    }

    /// Remember that this suggestion was wrong here.
    pub fn reject(&mut self, text: &str, tokens: &[Token], span: &Span) {
        let (words, before, after) = Self::context(text, tokens, span);
        if words.is_empty() {
            return;
        }
        let r = Rejection {
            form: words.join(" "),
            label: span.label.clone(),
            before,
            after,
        };
        if !self.rejections.contains(&r) {
            self.rejections.push(r);
        }
        self.reindex();
    }

    /// Was this suggestion rejected before: in the same context, or twice anywhere and
    /// never accepted with that label?
    pub fn is_rejected(&self, text: &str, tokens: &[Token], span: &Span) -> bool {
        // nothing of this label was ever rejected: no context to build (every rule span asks)
        if !self.rejections.iter().any(|r| r.label == span.label) {
            return false;
        }
        let (words, before, after) = Self::context(text, tokens, span);
        let form = words.join(" ");
        let same: Vec<&Rejection> = self
            .rejections
            .iter()
            .filter(|r| r.form == form && r.label == span.label)
            .collect();
        if same.iter().any(|r| r.before == before && r.after == after) {
            return true;
        }
        let accepted = self
            .index
            .get(&form)
            .and_then(|c| c.counts.get(&span.label))
            .copied()
            .unwrap_or(0);
        same.len() >= 2 && accepted == 0
    }

    /// Suggestions for every occurrence of a remembered form, longest first, not overlapping.
    pub fn suggest(&self, text: &str, tokens: &[Token]) -> Vec<Span> {
        if self.index.is_empty() {
            return Vec::new();
        }
        let words: Vec<String> = tokens.iter().map(|t| normal_word(t.text(text))).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = 0;
            // surnames are indexed as one-word forms of their own
            let longest = self.starts.get(&words[i]).copied().unwrap_or(0).max(1);
            for len in (1..=longest.min(tokens.len() - i)).rev() {
                // one word is its own key: no joined copy for every token of the article
                let joined;
                let key = if len == 1 {
                    words[i].as_str()
                } else {
                    joined = words[i..i + len].join(" ");
                    joined.as_str()
                };
                let Some(c) = self.index.get(key) else {
                    continue;
                };
                if c.capitalised && !starts_upper(tokens[i].text(text)) {
                    continue;
                }
                let before = i.checked_sub(1).map(|b| words[b].as_str()).unwrap_or("");
                let after = words.get(i + len).map(String::as_str).unwrap_or("");
                let Some((label, share)) = Self::label_in_context(c, before, after) else {
                    continue;
                };
                let mut span = Span::suggested(
                    tokens[i].start,
                    tokens[i + len - 1].end,
                    label.to_string(),
                    Origin::Memory,
                );
                span.confidence = Some(if c.surname_only {
                    SURNAME_CONFIDENCE * share
                } else {
                    share
                });
                if !self.is_rejected(text, tokens, &span) {
                    out.push(span);
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn remember(m: &mut Memory, id: &str, text: &str, spans: &[(usize, usize, &str)]) {
        let tokens = tokenize(text);
        let spans: Vec<Span> = spans
            .iter()
            .map(|&(s, e, l)| Span::manual(s, e, l))
            .collect();
        m.add_document(id, text, &tokens, &spans);
    }

    #[test]
    fn a_remembered_name_is_suggested_in_another_text_ignoring_case() {
        let mut m = Memory::new();
        remember(
            &mut m,
            "a",
            "The Khyber Mail left Peshawar.",
            &[(4, 15, "FAC")],
        );
        let text = "Passengers on the KHYBER MAIL were safe.";
        let got = m.suggest(text, &tokenize(text));
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].start, got[0].end, got[0].label.as_str()),
            (18, 29, "FAC")
        );
        assert_eq!(got[0].origin, Origin::Memory);
    }

    #[test]
    fn lowercase_occurrences_of_a_capitalised_name_are_not_suggested() {
        let mut m = Memory::new();
        remember(&mut m, "a", "May Khan spoke.", &[(0, 8, "PERSON")]);
        let text = "It may khan rain.";
        assert!(m.suggest(text, &tokenize(text)).is_empty());
    }

    #[test]
    fn a_rejection_holds_in_the_same_context_only() {
        let mut m = Memory::new();
        remember(&mut m, "a", "Khan said so.", &[(0, 4, "ORG")]);
        let text = "Then Khan said no. Later Khan left.";
        let tokens = tokenize(text);
        let first = m.suggest(text, &tokens);
        assert_eq!(first.len(), 2);
        m.reject(text, &tokens, &first[0]);
        let after = m.suggest(text, &tokens);
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].start, 25);
    }

    #[test]
    fn a_form_accepted_with_two_labels_takes_the_one_its_neighbours_point_to() {
        let mut m = Memory::new();
        remember(
            &mut m,
            "a",
            "Porto beat Braga. Porto won again. Fans in Porto cheered.",
            &[
                (0, 5, "ORG"),
                (11, 16, "ORG"),
                (18, 23, "ORG"),
                (43, 48, "GPE"),
            ],
        );
        let text = "He lives in Porto now. Porto beat Benfica.";
        let got: Vec<(usize, String)> = m
            .suggest(text, &tokenize(text))
            .iter()
            .map(|s| (s.start, s.label.clone()))
            .collect();
        assert_eq!(got, vec![(12, "GPE".to_string()), (23, "ORG".to_string())]);
    }

    #[test]
    fn possessives_are_normalised_away() {
        let mut m = Memory::new();
        remember(&mut m, "a", "Sharif's party won.", &[(0, 8, "PERSON")]);
        let text = "Sharif spoke.";
        let got = m.suggest(text, &tokenize(text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].end, 6);
    }

    #[test]
    fn only_names_are_remembered() {
        let mut m = Memory::new();
        let text = "One of the two men met Imran Khan on Monday.";
        remember(
            &mut m,
            "a",
            text,
            &[(11, 14, "CARDINAL"), (23, 33, "PERSON"), (37, 43, "DATE")],
        );
        let got: Vec<String> = m
            .suggest(text, &tokenize(text))
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect();
        assert_eq!(got, vec!["Imran Khan", "Monday"]);
        assert_eq!(m.span_count(), 2);
    }

    #[test]
    fn lowercase_spans_of_a_label_no_rule_finds_are_remembered() {
        let mut m = Memory::new();
        let text = "Two warships and a drone were seen.";
        remember(&mut m, "a", text, &[(4, 12, "WEAPON"), (19, 24, "WEAPON")]);
        let later = "Drones hit a warship; the drone fell.";
        let got: Vec<(String, String)> = m
            .suggest(later, &tokenize(later))
            .iter()
            .map(|s| (later[s.start..s.end].to_string(), s.label.clone()))
            .collect();
        assert_eq!(got, [("drone".to_string(), "WEAPON".to_string())]);
        assert_eq!(m.span_count(), 2);
    }
}
