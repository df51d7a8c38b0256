//! How learnt suggestions combine with the rule detector's: memory first, then confident
//! model spans, then rules (unless the model is sure they are wrong), then the rest.

use super::bilou::covered_tokens;
use super::tagger::{Prediction, Tagger};
use crate::span::{Origin, Span};
use crate::token::Token;

/// Thresholds of the merge; the page's confidence slider sets `show`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergePolicy {
    /// model spans below this confidence are not suggested at all
    pub show: f32,
    /// model spans at or above this confidence win over rule spans they overlap
    pub overrule: f32,
    /// a rule span is dropped when the model gives every one of its tokens at least this
    /// probability of being outside any entity…
    pub veto: f32,
    /// …provided the model was trained on at least this many spans of the rule's label
    pub veto_after: u32,
}

impl Default for MergePolicy {
    fn default() -> Self {
        MergePolicy {
            show: 0.5,
            overrule: 0.8,
            veto: 0.9,
            veto_after: 5,
        }
    }
}

/// Precedence rank of a candidate; lower wins an overlap.
fn rank(span: &Span, policy: &MergePolicy) -> Option<u8> {
    let conf = span.confidence.unwrap_or(1.0);
    Some(match span.origin {
        Origin::Memory if conf >= 0.5 => 0,
        Origin::Model if conf >= policy.overrule => 1,
        Origin::Memory => 3,
        Origin::Model if conf >= policy.show => 4,
        Origin::Model => return None,
        _ => 2,
    })
}

/// Is a rule span one the model has learnt to leave out?
fn vetoed(
    span: &Span,
    tokens: &[Token],
    model: Option<(&Prediction, &Tagger)>,
    policy: &MergePolicy,
) -> bool {
    let Some((prediction, tagger)) = model else {
        return false;
    };
    if tagger.label_count(&span.label) < policy.veto_after {
        return false;
    }
    let r = covered_tokens(tokens, span.start, span.end);
    !r.is_empty()
        && r.into_iter()
            .all(|i| prediction.outside.get(i).is_some_and(|&p| p >= policy.veto))
}

/// Merge rule, memory and model suggestions into one non-overlapping list sorted by start.
pub fn merge(
    tokens: &[Token],
    rules: &[Span],
    memory: &[Span],
    model: Option<(&Prediction, &Tagger)>,
    policy: &MergePolicy,
) -> Vec<Span> {
    let mut ranked: Vec<(u8, &Span)> = Vec::new();
    for s in rules.iter().filter(|s| !vetoed(s, tokens, model, policy)) {
        ranked.extend(rank(s, policy).map(|r| (r, s)));
    }
    for s in memory
        .iter()
        .chain(model.iter().flat_map(|(p, _)| p.spans.iter()))
    {
        ranked.extend(rank(s, policy).map(|r| (r, s)));
    }
    ranked.sort_by_key(|(r, s)| (*r, s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::new();
    for (_, s) in ranked {
        if !out.iter().any(|o| o.overlaps(s.start, s.end)) {
            out.push(s.clone());
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_conf(mut s: Span, c: f32) -> Span {
        s.confidence = Some(c);
        s
    }

    #[test]
    fn memory_beats_rules_and_rules_beat_unsure_model() {
        let rules = vec![
            Span::suggested(0, 7, "GPE", Origin::Gazetteer),
            Span::suggested(10, 15, "ORG", Origin::Pattern),
        ];
        let memory = vec![with_conf(Span::suggested(0, 7, "ORG", Origin::Memory), 1.0)];
        let merged = merge(&[], &rules, &memory, None, &MergePolicy::default());
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].label, "ORG");
        assert_eq!(merged[0].origin, Origin::Memory);
    }

    #[test]
    fn model_spans_below_the_threshold_are_hidden() {
        let low = with_conf(Span::suggested(0, 5, "GPE", Origin::Model), 0.3);
        assert_eq!(rank(&low, &MergePolicy::default()), None);
        let policy = MergePolicy {
            show: 0.2,
            ..MergePolicy::default()
        };
        assert_eq!(rank(&low, &policy), Some(4));
    }
}
