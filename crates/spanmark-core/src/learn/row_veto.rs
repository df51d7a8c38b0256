//! Rule spans the user keeps removing on table and results rows (standings figures): left out
//! of the suggestions on rows, and nothing else is suggested over them.

use super::layout::{Line, Place};
use super::merge::{Evidence, MergePolicy};
use super::rule_record::line_of;
use crate::span::Span;
use crate::token::Token;

/// Has the user removed rule spans of this label on table and results rows often enough
/// (`line_veto` of them, and at least `evidence` × 2) to leave this one, on a row, out?
pub fn removed_on_its_line(
    span: &Span,
    tokens: &[Token],
    places: &[Place],
    evidence: Option<&Evidence<'_>>,
    policy: &MergePolicy,
) -> bool {
    let Some(e) = evidence else {
        return false;
    };
    if line_of(places, tokens, span) != Line::Row.name() {
        return false;
    }
    let t = e.record.on_line(&span.label, Line::Row.name());
    t.removed >= policy.evidence * 2 && t.removed as f32 >= policy.line_veto * t.total() as f32
}

#[cfg(test)]
mod tests {
    use super::super::merge::merge;
    use super::super::rule_record::RuleRecord;
    use super::super::tagger::Prediction;
    use crate::span::Origin;
    use crate::token::tokenize;

    use super::*;

    use super::super::test_spans::over as at;

    #[test]
    fn table_figures_the_user_removes_go_on_rows_and_stay_in_running_text() {
        // done documents: the user removed every figure the rules marked in a standings table
        let table =
            "Team P W D L Pts\nAmsel 25 18 4 3 58\nBrenn 25 17 5 3 56\nThe club signed 18 players.";
        let rules: Vec<Span> = ["18", "17", "58", "56"]
            .iter()
            .map(|w| at(table, w, 0, "CARDINAL", Origin::Pattern))
            .chain([at(table, "18", 1, "CARDINAL", Origin::Pattern)])
            .collect();
        let kept = at(table, "18", 1, "CARDINAL", Origin::Manual);
        let mut record = RuleRecord::default();
        record.add_document("a", table, &tokenize(table), &rules, &[&kept]);
        // …and drew the rules' team names wider twice, which lets a sure model span resize them
        let wider = "Red Amsel won. Blue Brenn lost.";
        let teams = [
            at(wider, "Amsel", 0, "ORG", Origin::Pattern),
            at(wider, "Brenn", 0, "ORG", Origin::Pattern),
        ];
        let gold = [Span::manual(0, 9, "ORG"), Span::manual(15, 25, "ORG")];
        record.add_document("b", wider, &tokenize(wider), &teams, &[&gold[0], &gold[1]]);
        let text = "Korvik 3 Amsel 1\nHe scored 3 goals.";
        let tokens = tokenize(text);
        let rules = vec![
            at(text, "Korvik", 0, "ORG", Origin::Pattern),
            at(text, "3", 0, "CARDINAL", Origin::Pattern),
            at(text, "Amsel", 0, "ORG", Origin::Pattern),
            at(text, "1", 0, "CARDINAL", Origin::Pattern),
            at(text, "3", 1, "CARDINAL", Origin::Pattern),
        ];
        // a model span running across the figure would swallow both teams
        let mut across = Span::suggested(0, 14, "ORG", Origin::Model);
        across.confidence = Some(0.95);
        let mut figure = at(text, "1", 0, "CARDINAL", Origin::Model);
        figure.confidence = Some(0.9);
        let prediction = Prediction {
            spans: vec![across, figure],
            outside: vec![0.0; tokens.len()],
        };
        let tagger = super::super::test_spans::untrained(["CARDINAL", "ORG"]);
        let evidence = Evidence {
            text,
            record: &record,
        };
        let merged = |policy: &MergePolicy| -> Vec<(usize, String)> {
            merge(
                &tokens,
                &rules,
                &[],
                Some((&prediction, &tagger)),
                Some(&evidence),
                policy,
            )
            .into_iter()
            .map(|s| (s.start, s.label))
            .collect()
        };
        let got = merged(&MergePolicy::default());
        assert_eq!(
            got,
            vec![
                (0, "ORG".into()),
                (9, "ORG".into()),
                (27, "CARDINAL".into())
            ],
            "row figures gone, the teams and the figure in running text kept"
        );
        let off = MergePolicy {
            line_veto: 2.0,
            ..MergePolicy::default()
        };
        assert_eq!(
            merged(&off).len(),
            5,
            "without the row veto every rule span stays"
        );
    }
}
