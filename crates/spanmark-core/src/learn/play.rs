//! Rule spans in sentences about play (a score or a results word) not after a place word: the
//! user's relabels there ("beat Congo", "scored 30 for Phoenix": a place as a team) are learnt.

use std::ops::Range;

use super::bilou::covered_tokens;
use super::merge::{Evidence, MergePolicy};
use super::rule_record::neighbours;
use crate::span::Span;
use crate::token::{sentences, Token};

/// Words of results and teams that make a sentence one about play.
const PLAY_WORDS: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "drew",
    "won",
    "win",
    "wins",
    "lost",
    "scored",
    "coach",
    "coached",
    "captain",
    "defeated",
    "routed",
    "qualified",
];
/// Words before a name that make it a place even in a sentence about play ("in Kinshasa").
const PLACE_WORDS: &[&str] = &["in", "at", "near", "from", "to", "of"];

/// The context name the rule record keeps for such spans.
pub const PLAY: &str = "play";

fn is_score(text: &str, tokens: &[Token], i: usize) -> bool {
    let short_number = |t: &Token| {
        let w = t.text(text);
        !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
    };
    i + 2 < tokens.len()
        && short_number(&tokens[i])
        && tokens[i + 1].text(text) == "-"
        && tokens[i].byte_end == tokens[i + 1].byte_start
        && tokens[i + 1].byte_end == tokens[i + 2].byte_start
        && short_number(&tokens[i + 2])
}

/// Token ranges of the text's sentences, also cut at line breaks (a headline, a dateline).
fn clauses(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for s in sentences(text, tokens) {
        let mut start = s.start;
        for i in s.start + 1..s.end.min(tokens.len()) {
            let gap = text.get(tokens[i - 1].byte_end..tokens[i].byte_start);
            if gap.is_some_and(|g| g.contains('\n')) {
                out.push(start..i);
                start = i;
            }
        }
        out.push(start..s.end);
    }
    out
}

/// Where a dateline ends ("LIVERPOOL, England, Oct 5 (AP) —": a line opening with a word in
/// capitals and a dash soon after): the token after its dash, or the clause's start.
fn after_dateline(text: &str, tokens: &[Token], clause: &Range<usize>) -> usize {
    let shouted = |t: &Token| {
        let w = t.text(text);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    if !tokens.get(clause.start).is_some_and(shouted) {
        return clause.start;
    }
    clause
        .clone()
        .take(12)
        .find(|&i| {
            matches!(tokens[i].text(text), "-" | "—" | "–")
                && !is_score(text, tokens, i.saturating_sub(1))
        })
        .map_or(clause.start, |i| i + 1)
}

/// For every token: is it in a sentence about play (a score "2-1", or a results word)? The
/// place names of a dateline are not.
pub fn play_tokens(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for c in clauses(text, tokens) {
        let c = c.start.min(tokens.len())..c.end.min(tokens.len());
        let play = c.clone().any(|i| {
            is_score(text, tokens, i)
                || PLAY_WORDS.contains(&tokens[i].text(text).to_lowercase().as_str())
        });
        if play {
            let from = after_dateline(text, tokens, &c);
            out[from..c.end].iter_mut().for_each(|p| *p = true);
        }
    }
    out
}

/// Is this span in a sentence about play and not after a place word? (`play` from `play_tokens`)
pub fn in_play(text: &str, tokens: &[Token], play: &[bool], span: &Span) -> bool {
    let r = covered_tokens(tokens, span.start, span.end);
    if !play.get(r.start).copied().unwrap_or(false) {
        return false;
    }
    let (before, _) = neighbours(text, tokens, span);
    !PLACE_WORDS.contains(&before.as_str())
}

/// The label the user turns rule spans of this label into in sentences about play, when they
/// did it at least `evidence` × 2 times, more often than they kept the rule's label there, and
/// for at least `play_relabel` of the rule spans of that label there.
pub fn played_as(
    span: &Span,
    tokens: &[Token],
    play: &[bool],
    evidence: Option<&Evidence<'_>>,
    policy: &MergePolicy,
) -> Option<String> {
    let e = evidence?;
    if policy.play_relabel > 1.0 || !in_play(e.text, tokens, play, span) {
        return None;
    }
    let t = e.record.in_play(&span.label);
    let (to, n) = t.relabelled.iter().max_by_key(|(_, n)| **n)?;
    let share = *n as f32 / t.total().max(1) as f32;
    if *n < policy.evidence * 2 || *n <= t.kept || share < policy.play_relabel {
        return None;
    }
    Some(to.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn sentences_about_play_are_found_by_scores_and_results_words() {
        let text =
            "South Africa beat Congo in Kinshasa.\nIt rained in Lagos.\nA 2-1 night for Egypt";
        let tokens = tokenize(text);
        let play = play_tokens(text, &tokens);
        let at = |w: &str| {
            let b = text.find(w).unwrap();
            let s = text[..b].chars().count();
            Span::suggested(
                s,
                s + w.chars().count(),
                "GPE",
                crate::span::Origin::Gazetteer,
            )
        };
        assert!(in_play(text, &tokens, &play, &at("Congo")));
        assert!(in_play(text, &tokens, &play, &at("South Africa")));
        assert!(
            !in_play(text, &tokens, &play, &at("Kinshasa")),
            "after a place word"
        );
        assert!(
            !in_play(text, &tokens, &play, &at("Lagos")),
            "no play in the sentence"
        );
        assert!(
            in_play(text, &tokens, &play, &at("Egypt")),
            "a score, on its own line"
        );
        let dateline = "LIVERPOOL, England, Oct 5 (AP) — Salah scored as Liverpool beat Everton";
        let tokens = tokenize(dateline);
        let play = play_tokens(dateline, &tokens);
        let england = Span::suggested(11, 18, "GPE", crate::span::Origin::Gazetteer);
        let everton = Span::suggested(66, 73, "GPE", crate::span::Origin::Gazetteer);
        assert!(
            !in_play(dateline, &tokens, &play, &england),
            "a dateline's place"
        );
        assert!(in_play(dateline, &tokens, &play, &everton));
        let years = "Ruled from 2017-2019 by Spain";
        let tokens = tokenize(years);
        assert!(
            play_tokens(years, &tokens).iter().all(|p| !p),
            "four-figure years are no score"
        );
    }

    use super::super::test_spans::over as at;

    #[test]
    fn places_the_user_makes_teams_in_play_become_teams_there_only() {
        use super::super::merge::merge;
        use super::super::rule_record::RuleRecord;
        use super::super::tagger::Prediction;
        use crate::span::Origin::{self, Gazetteer};
        // done document: four places that played were relabelled as teams, two places kept
        let seen = "Amsel beat Brenn 2-1 in Korvik. Dorn drew with Essel in Fahl.";
        let rules: Vec<Span> = ["Amsel", "Brenn", "Korvik", "Dorn", "Essel", "Fahl"]
            .iter()
            .map(|w| at(seen, w, 0, "GPE", Gazetteer))
            .collect();
        let gold: Vec<Span> = rules
            .iter()
            .map(|r| {
                let team = !matches!(&seen[r.start..r.end], "Korvik" | "Fahl");
                Span::manual(r.start, r.end, if team { "ORG" } else { "GPE" })
            })
            .collect();
        let mut record = RuleRecord::default();
        record.add_document(
            "a",
            seen,
            &tokenize(seen),
            &rules,
            &gold.iter().collect::<Vec<_>>(),
        );
        assert_eq!(record.in_play("GPE").relabelled_to("ORG"), 4);
        assert_eq!(
            record.in_play("GPE").kept,
            0,
            "places after 'in' are not in play"
        );
        let text = "Gorm beat Holt 3-0 in Ilm.\nTourists love Gorm.";
        let tokens = tokenize(text);
        let rules = vec![
            at(text, "Gorm", 0, "GPE", Gazetteer),
            at(text, "Holt", 0, "GPE", Gazetteer),
            at(text, "Ilm", 0, "GPE", Gazetteer),
            at(text, "Gorm", 1, "GPE", Gazetteer),
        ];
        // the model is sure "Holt" is a place; it does not relabel a played span back
        let mut holt = at(text, "Holt", 0, "GPE", Origin::Model);
        holt.confidence = Some(0.99);
        let prediction = Prediction {
            spans: vec![holt],
            outside: vec![0.0; tokens.len()],
        };
        let tagger = super::super::test_spans::untrained(["GPE", "ORG"]);
        let evidence = Evidence {
            text,
            record: &record,
        };
        let labels = |policy: &MergePolicy| -> Vec<String> {
            merge(
                &tokens,
                &rules,
                &[],
                Some((&prediction, &tagger)),
                Some(&evidence),
                policy,
            )
            .into_iter()
            .map(|s| s.label)
            .collect()
        };
        assert_eq!(
            labels(&MergePolicy::default()),
            ["ORG", "ORG", "GPE", "GPE"],
            "teams where they play; the place after 'in' and outside play stay places"
        );
        let off = MergePolicy {
            play_relabel: 2.0,
            ..MergePolicy::default()
        };
        assert_eq!(labels(&off), ["GPE", "GPE", "GPE", "GPE"]);
        let mut kept_more = record.clone();
        let kept = "Jorn beat Kell 1-0. Lund drew with Mell. Norn won. Orm lost. Prell won.";
        let rules: Vec<Span> = ["Jorn", "Kell", "Lund", "Mell", "Norn", "Orm", "Prell"]
            .iter()
            .map(|w| at(kept, w, 0, "GPE", Gazetteer))
            .collect();
        let gold: Vec<Span> = rules
            .iter()
            .map(|r| Span::manual(r.start, r.end, "GPE"))
            .collect();
        kept_more.add_document(
            "b",
            kept,
            &tokenize(kept),
            &rules,
            &gold.iter().collect::<Vec<_>>(),
        );
        assert!(
            played_as(
                &rules[0],
                &tokenize(kept),
                &play_tokens(kept, &tokenize(kept)),
                Some(&Evidence {
                    text: kept,
                    record: &kept_more
                }),
                &MergePolicy::default()
            )
            .is_none(),
            "kept more often than relabelled in play: no relabel"
        );
    }
}
