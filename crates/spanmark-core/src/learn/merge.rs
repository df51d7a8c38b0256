//! How learnt suggestions combine with the rule detector's: the user's remembered forms,
//! then rules, then confident model spans, then the rest, each filling what is left.

use std::collections::HashMap;

use super::bilou::covered_tokens;
use super::placed::Placed;
use super::play::{play_tokens, played_as};
use super::row_veto::removed_on_its_line;
use super::rule_record::{neighbours, RuleRecord};
use super::tagger::{Prediction, Tagger};
use crate::span::{Origin, Span};
use crate::token::Token;

/// Thresholds of the merge; the page's confidence slider sets `show`. Measured on learning
/// curves (`spanmark eval --curve`, BENCHMARKS.md): with the user's corrections as evidence
/// the model may overrule the rules early; without it only when it is nearly certain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergePolicy {
    /// model spans below this confidence are not suggested at all
    pub show: f32,
    /// a model span at or above this confidence relabels a rule span of the same extent
    /// with no evidence from corrections (when it was trained on `fill_after` spans of both)
    pub overrule: f32,
    /// …and at this confidence where the user relabelled rule spans of that label to the
    /// model's label at least `evidence` times in this context (relabels seen only elsewhere,
    /// `evidence` × 3 overall, count for resizing but never let the model relabel)
    pub overrule_with_evidence: f32,
    /// corrections of one kind that count as evidence that a rule is wrong
    pub evidence: u32,
    /// a rule span is dropped when the model gives every one of its tokens at least this
    /// probability of being outside any entity…
    pub veto: f32,
    /// …provided the model was trained on at least this many spans of the label
    pub veto_after: u32,
    /// …or at this probability where the user removed rule spans of that label next to
    /// these words `evidence` times and kept fewer
    pub veto_with_evidence: f32,
    /// a model span at this confidence replaces rule spans it overlaps when the user
    /// resized rule spans of their label at least `evidence` times
    pub resize: f32,
    /// …and at this confidence when it contains them and the user keeps taking rule spans of
    /// their label into longer spans of the model's label (`Fate::Within`, `evidence` times):
    /// "Donetsk" inside "Shakhtar Donetsk"
    pub resize_within: f32,
    /// model spans where the rules found nothing are suggested only for labels the
    /// model was trained on at least this many times
    pub fill_after: u32,
    /// a rule span on a headline or table-row line is dropped when at least this share of
    /// the rule spans of its label on lines of that kind were removed by the user (and at
    /// least `evidence` × 2 of them); above 1: never
    pub line_veto: f32,
    /// which of the learner's names are suggested again where they come back in the document
    /// (`discourse::SAME_FORM` | `SURNAME` | `CAPITALS`; 0: none)
    pub discourse: u32,
    /// a rule span in a sentence about play (not after a place word) takes the label the user
    /// gave rule spans of its label there, when at least this share of them were relabelled
    /// to it (and `evidence` × 2, more than were kept); above 1: never (`play.rs`)
    pub play_relabel: f32,
}

impl Default for MergePolicy {
    fn default() -> Self {
        MergePolicy {
            show: 0.5,
            overrule: 0.95,
            overrule_with_evidence: 0.5,
            evidence: 2,
            veto: 0.7,
            veto_after: 20,
            veto_with_evidence: 0.6,
            resize: 0.7,
            resize_within: 0.5,
            fill_after: 5,
            line_veto: 0.75,
            discourse: super::discourse::SAME_FORM
                | super::discourse::SURNAME
                | super::discourse::CAPITALS,
            play_relabel: 0.3,
        }
    }
}

/// What the user's corrections said about the rules, for the text being merged.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    pub text: &'a str,
    pub record: &'a RuleRecord,
}

fn from_rules(span: &Span) -> bool {
    !matches!(span.origin, Origin::Memory | Origin::Model)
}

fn confidence(span: &Span) -> f32 {
    span.confidence.unwrap_or(1.0)
}

/// `inner` lies inside `outer` and is shorter.
fn strictly_inside(inner: &Span, outer: &Span) -> bool {
    outer.start <= inner.start
        && inner.end <= outer.end
        && outer.end - outer.start > inner.end - inner.start
}

/// Is a rule span one the model has learnt to leave out?
fn vetoed(
    span: &Span,
    tokens: &[Token],
    model: Option<(&Prediction, &Tagger)>,
    evidence: Option<&Evidence<'_>>,
    policy: &MergePolicy,
) -> bool {
    let Some((prediction, tagger)) = model else {
        return false;
    };
    let r = covered_tokens(tokens, span.start, span.end);
    let outside = |p: f32| {
        !r.is_empty()
            && r.clone()
                .all(|i| prediction.outside.get(i).is_some_and(|&o| o >= p))
    };
    if tagger.label_count(&span.label) >= policy.veto_after && outside(policy.veto) {
        return true;
    }
    let Some(e) = evidence else {
        return false;
    };
    let (before, after) = neighbours(e.text, tokens, span);
    let here = e.record.in_context(&span.label, &before, &after);
    here.removed >= policy.evidence
        && here.removed > here.kept
        && outside(policy.veto_with_evidence)
}

/// Where the user's relabels of a rule label to another were seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relabelled {
    /// next to these words, more often than the rule was kept there
    Here,
    /// only elsewhere, `evidence` × 3 times or more
    Overall,
}

/// Where the user relabelled rule spans of `rule`'s label to `to` often enough: here, only
/// overall, or not enough.
fn relabelled(
    evidence: Option<&Evidence<'_>>,
    tokens: &[Token],
    rule: &Span,
    to: &str,
    policy: &MergePolicy,
) -> Option<Relabelled> {
    let e = evidence?;
    let (before, after) = neighbours(e.text, tokens, rule);
    let here = e.record.in_context(&rule.label, &before, &after);
    let all = e.record.of_label(&rule.label);
    if here.relabelled_to(to) >= policy.evidence && here.relabelled_to(to) > here.kept {
        Some(Relabelled::Here)
    } else if all.relabelled_to(to) >= policy.evidence * 3 {
        Some(Relabelled::Overall)
    } else {
        None
    }
}

/// Has the user relabelled rule spans of `from` to `to` often enough, here or overall?
fn relabel_evidence(
    evidence: Option<&Evidence<'_>>,
    tokens: &[Token],
    rule: &Span,
    to: &str,
    policy: &MergePolicy,
) -> bool {
    relabelled(evidence, tokens, rule, to, policy).is_some()
}

/// Labels the rules never produced in the recorded documents (a user's own labels).
fn rules_never_say(evidence: Option<&Evidence<'_>>, label: &str) -> bool {
    evidence.is_none_or(|e| e.record.of_label(label).total() == 0)
}

/// Has the user turned rule spans of `rule`'s label into `to` often enough: relabelled at the
/// same extent (`same_extent`) or taken inside a longer span of `to`?
fn turned_into(
    evidence: Option<&Evidence<'_>>,
    rule: &Span,
    to: &str,
    same_extent: bool,
    policy: &MergePolicy,
) -> bool {
    evidence.is_some_and(|e| {
        let t = e.record.of_label(&rule.label);
        let n = if same_extent {
            t.relabelled_to(to)
        } else {
            t.within(to)
        };
        n >= policy.evidence
    })
}

/// Merge rule, memory and model suggestions into one non-overlapping list sorted by start.
///
/// Precedence: remembered forms (the user's own decisions) first; a rule span replaces
/// remembered spans only when it contains them (the longest name wins). A remembered custom
/// label seen elsewhere (weak) still beats a rule span where the user has turned that rule
/// label into it `evidence` times (relabelled, or drawn around it). A model span
/// relabels a rule span of the same extent where the user's corrections say the rule is
/// wrong next to these words (relabels seen only elsewhere are not enough; without any, when it is nearly certain and the rule's label is
/// not one only the user uses), replaces rule spans it overlaps where the user keeps
/// resizing them, and drops a rule span the user keeps removing in that context. Other
/// model spans (of labels trained `fill_after` times) and remembered surnames fill gaps.
pub fn merge(
    tokens: &[Token],
    rules: &[Span],
    memory: &[Span],
    model: Option<(&Prediction, &Tagger)>,
    evidence: Option<&Evidence<'_>>,
    policy: &MergePolicy,
) -> Vec<Span> {
    let mut out = Placed::default();
    let (strong, weak): (Vec<&Span>, Vec<&Span>) =
        memory.iter().partition(|s| confidence(s) >= 0.5);
    for s in strong {
        out.place(s, |_| false);
    }
    // the lines' kinds are read only when a veto can follow: the user's record has fates on
    // such lines (or no removal is asked for at all); otherwise no line layout on each paint
    let places = match evidence {
        Some(e) if policy.line_veto <= 1.0 && (e.record.counts_lines() || policy.evidence == 0) => {
            super::layout::places(e.text, tokens)
        }
        _ => Vec::new(),
    };
    // tokens of rule spans the user keeps removing on lines like this one: nothing else
    // (a model span, one running across a table figure) is suggested over them either
    let mut removed_here = vec![false; tokens.len()];
    let rules: Vec<&Span> = rules
        .iter()
        .filter(|s| {
            if removed_on_its_line(s, tokens, &places, evidence, policy) {
                for i in covered_tokens(tokens, s.start, s.end) {
                    removed_here[i] = true;
                }
                return false;
            }
            !vetoed(s, tokens, model, evidence, policy)
        })
        .collect();
    let over_removed = |s: &Span| covered_tokens(tokens, s.start, s.end).any(|i| removed_here[i]);
    // rule spans in sentences about play take the label the user keeps giving them there (after
    // the model had its say with the rules' own labels; it does not relabel them). Sentences
    // are read only when the record has such relabels.
    let play = match evidence {
        Some(e) if policy.play_relabel <= 1.0 && e.record.counts_play() => {
            play_tokens(e.text, tokens)
        }
        _ => Vec::new(),
    };
    let played: HashMap<(usize, usize), String> = if play.is_empty() {
        HashMap::new()
    } else {
        rules
            .iter()
            .filter_map(|r| {
                played_as(r, tokens, &play, evidence, policy).map(|l| ((r.start, r.end), l))
            })
            .collect()
    };
    // a remembered custom label (one the rules never say) that the user keeps turning the
    // rules' label into wins over the rule even where it was not seen with these neighbours
    let (weak, promoted): (Vec<&Span>, Vec<&Span>) = weak.into_iter().partition(|m| {
        !rules_never_say(evidence, &m.label)
            || !rules.iter().any(|r| {
                r.label != m.label
                    && ((r.start == m.start
                        && r.end == m.end
                        && turned_into(evidence, r, &m.label, true, policy))
                        || (strictly_inside(r, m)
                            && turned_into(evidence, r, &m.label, false, policy)))
            })
    });
    for s in promoted {
        out.place(s, |_| false);
    }
    for r in rules {
        out.place(r, |o| strictly_inside(o, r));
    }
    let mut model_spans: Vec<&Span> = model.iter().flat_map(|(p, _)| p.spans.iter()).collect();
    model_spans.retain(|s| confidence(s) >= policy.show && !over_removed(s));
    model_spans.sort_by(|a, b| confidence(b).total_cmp(&confidence(a)));
    if let Some((_, tagger)) = model {
        let knows = |label: &str| tagger.label_count(label) >= policy.fill_after;
        for m in model_spans.iter().filter(|s| knows(&s.label)) {
            let relabels = |o: &Span| {
                from_rules(o)
                    && o.start == m.start
                    && o.end == m.end
                    && o.label != m.label
                    && !played.contains_key(&(o.start, o.end))
                    && match relabelled(evidence, tokens, o, &m.label, policy) {
                        Some(Relabelled::Here) => confidence(m) >= policy.overrule_with_evidence,
                        // relabels seen only elsewhere (a city relabelled as a team on the
                        // sports pages is still a city in the news) never let the model relabel
                        Some(Relabelled::Overall) => false,
                        None => {
                            // a label only the user uses never takes a rule span on confidence alone
                            confidence(m) >= policy.overrule
                                && knows(&o.label)
                                && !rules_never_say(evidence, &m.label)
                        }
                    }
            };
            if out.any(relabels) {
                out.place(m, relabels);
                continue;
            }
            let resizes = |o: &Span| {
                // the user keeps taking this rule label into longer spans of the model's label
                let absorbs =
                    strictly_inside(o, m) && turned_into(evidence, o, &m.label, false, policy);
                from_rules(o)
                    && (o.start != m.start || o.end != m.end)
                    && evidence
                        .is_some_and(|e| e.record.of_label(&o.label).resized >= policy.evidence)
                    && ((absorbs && confidence(m) >= policy.resize_within)
                        || ((o.label == m.label
                            || absorbs
                            || relabel_evidence(evidence, tokens, o, &m.label, policy))
                            && confidence(m) >= policy.resize))
            };
            if out.any_overlapping(m.start, m.end) {
                out.place(m, resizes);
            }
        }
        for s in model_spans.iter().filter(|s| knows(&s.label)) {
            out.place(s, |_| false);
        }
    }
    for s in weak {
        out.place(s, |_| false);
    }
    let mut merged = out.into_sorted();
    if !played.is_empty() {
        for s in merged.iter_mut().filter(|s| from_rules(s)) {
            if let Some(label) = played.get(&(s.start, s.end)) {
                s.label = label.clone();
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_conf(mut s: Span, c: f32) -> Span {
        s.confidence = Some(c);
        s
    }

    #[test]
    fn memory_beats_rules_but_a_longer_rule_name_wins() {
        let rules = vec![
            Span::suggested(0, 7, "GPE", Origin::Gazetteer),
            Span::suggested(10, 40, "ORG", Origin::Pattern),
        ];
        let memory = vec![
            with_conf(Span::suggested(0, 7, "ORG", Origin::Memory), 1.0),
            with_conf(Span::suggested(30, 40, "GPE", Origin::Memory), 1.0),
        ];
        let merged = merge(&[], &rules, &memory, None, None, &MergePolicy::default());
        assert_eq!(merged.len(), 2);
        assert_eq!(
            (merged[0].label.as_str(), merged[0].origin),
            ("ORG", Origin::Memory)
        );
        assert_eq!(
            (merged[1].start, merged[1].end, merged[1].origin),
            (10, 40, Origin::Pattern)
        );
    }

    #[test]
    fn a_remembered_custom_label_beats_a_rule_only_with_relabel_evidence() {
        use crate::token::tokenize;
        let seen = "Fans watched the Champions League final and the Champions League draw.";
        let tokens = tokenize(seen);
        let rule = |s: usize| Span::suggested(s, s + 16, "ORG", Origin::Pattern);
        let rules = [rule(17), rule(48)];
        let gold = [Span::manual(17, 33, "EVENT"), Span::manual(48, 64, "EVENT")];
        let mut record = RuleRecord::default();
        record.add_document("a", seen, &tokens, &rules, &gold.iter().collect::<Vec<_>>());
        let text = "Bayern lost in the Champions League on Tuesday.";
        let tokens = tokenize(text);
        let rules = [Span::suggested(19, 35, "ORG", Origin::Pattern)];
        // remembered elsewhere, not next to these words: a weak memory span
        let memory = [with_conf(
            Span::suggested(19, 35, "EVENT", Origin::Memory),
            0.45,
        )];
        let evidence = Evidence {
            text,
            record: &record,
        };
        let policy = MergePolicy::default();
        let got = merge(&tokens, &rules, &memory, None, Some(&evidence), &policy);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].label, "EVENT",
            "relabelled twice: the user's label wins"
        );
        let once = RuleRecord::default();
        let evidence = Evidence {
            text,
            record: &once,
        };
        let got = merge(&tokens, &rules, &memory, None, Some(&evidence), &policy);
        assert_eq!(got[0].label, "ORG", "no evidence: the rule keeps its span");
    }

    #[test]
    fn the_model_relabels_a_rule_span_only_with_relabels_seen_in_that_context() {
        use crate::token::tokenize;
        // on the sports pages the user relabelled "Porto"/"Braga" (GPE) as teams six times
        let seen = "Porto beat Braga. Porto beat Braga. Porto beat Braga.";
        let tokens = tokenize(seen);
        let at = |s: usize, e: usize| Span::suggested(s, e, "GPE", Origin::Gazetteer);
        let rules = [
            at(0, 5),
            at(11, 16),
            at(18, 23),
            at(29, 34),
            at(36, 41),
            at(47, 52),
        ];
        let gold: Vec<Span> = rules
            .iter()
            .map(|r| Span::manual(r.start, r.end, "ORG"))
            .collect();
        let mut record = RuleRecord::default();
        record.add_document("a", seen, &tokens, &rules, &gold.iter().collect::<Vec<_>>());
        let fake = super::super::test_spans::untrained(["GPE", "ORG"]);
        let policy = MergePolicy::default();
        let label_of = |text: &str, start: usize| {
            let tokens = tokenize(text);
            let rule = [at(start, start + 5)];
            let prediction = Prediction {
                spans: vec![with_conf(
                    Span::suggested(start, start + 5, "ORG", Origin::Model),
                    0.8,
                )],
                outside: vec![0.0; tokens.len()],
            };
            let evidence = Evidence {
                text,
                record: &record,
            };
            let got = merge(
                &tokens,
                &rule,
                &[],
                Some((&prediction, &fake)),
                Some(&evidence),
                &policy,
            );
            assert_eq!(got.len(), 1);
            got[0].label.clone()
        };
        assert_eq!(
            label_of("Then Porto beat Boavista.", 5),
            "ORG",
            "relabelled here"
        );
        assert_eq!(
            label_of("Tourists love Porto in May.", 14),
            "GPE",
            "relabelled only elsewhere: the rule's place stays"
        );
    }

    #[test]
    fn a_longer_model_name_takes_places_the_user_keeps_drawing_into_names() {
        use crate::token::tokenize;
        // the user twice took a gazetteer place into a longer club name
        let seen = "Red Amsel won. Blue Brenn lost.";
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            Span::suggested(s, s + w.len(), "GPE", Origin::Gazetteer)
        };
        let rules = [at(seen, "Amsel"), at(seen, "Brenn")];
        let gold = [Span::manual(0, 9, "ORG"), Span::manual(15, 25, "ORG")];
        let mut record = RuleRecord::default();
        record.add_document("a", seen, &tokenize(seen), &rules, &[&gold[0], &gold[1]]);
        let text = "Fans of Shakhtar Donetsk sang.";
        let tokens = tokenize(text);
        let rules = [at(text, "Donetsk")];
        let prediction = Prediction {
            spans: vec![with_conf(Span::suggested(8, 24, "ORG", Origin::Model), 0.6)],
            outside: vec![0.0; tokens.len()],
        };
        let fake = super::super::test_spans::untrained(["GPE", "ORG"]);
        let evidence = Evidence {
            text,
            record: &record,
        };
        let got = |policy: &MergePolicy| {
            let m = merge(
                &tokens,
                &rules,
                &[],
                Some((&prediction, &fake)),
                Some(&evidence),
                policy,
            );
            (m[0].start, m[0].label.clone())
        };
        assert_eq!(got(&MergePolicy::default()), (8, "ORG".into()));
        let stricter = MergePolicy {
            resize_within: 0.7,
            ..MergePolicy::default()
        };
        assert_eq!(
            got(&stricter),
            (17, "GPE".into()),
            "below the threshold the place stays"
        );
    }

    #[test]
    fn unsure_model_spans_only_fill_gaps_and_low_ones_are_hidden() {
        let rules = vec![Span::suggested(0, 5, "GPE", Origin::Gazetteer)];
        let model_spans = vec![
            with_conf(Span::suggested(0, 9, "ORG", Origin::Model), 0.7),
            with_conf(Span::suggested(20, 25, "PERSON", Origin::Model), 0.7),
            with_conf(Span::suggested(30, 35, "PERSON", Origin::Model), 0.3),
        ];
        let tagger = super::super::Learner::new().tagger().cloned();
        assert!(tagger.is_none(), "an untrained learner has no tagger");
        let prediction = Prediction {
            spans: model_spans.clone(),
            outside: vec![],
        };
        let fake = super::super::test_spans::untrained(["ORG", "PERSON"]);
        let merged = merge(
            &[],
            &rules,
            &[],
            Some((&prediction, &fake)),
            None,
            &MergePolicy::default(),
        );
        let got: Vec<(usize, &str)> = merged.iter().map(|s| (s.start, s.label.as_str())).collect();
        assert_eq!(got, vec![(0, "GPE"), (20, "PERSON")]);
        let slider = MergePolicy {
            show: 0.2,
            ..MergePolicy::default()
        };
        assert_eq!(
            merge(&[], &rules, &[], Some((&prediction, &fake)), None, &slider).len(),
            3
        );
    }
}
