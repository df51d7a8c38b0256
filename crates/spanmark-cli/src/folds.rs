//! `spanmark eval --curve --data DIR --folds N`: cross-validation inside the training documents,
//! to choose features and thresholds without looking at a test set.

use spanmark_core::learn::corrections::{corrections, Corrections};
use spanmark_core::learn::TrainingDocument as Annotated;
use spanmark_core::score::Tally;
use spanmark_core::token::tokenize;

use crate::curve::{learner_on, mentions, rules_for, Outcome, Setup};

/// Fold of document i: documents are dealt round-robin in file-name order, so every fold
/// mixes the folders given to --data.
pub fn fold_of(i: usize, folds: usize) -> usize {
    i % folds.max(1)
}

/// The rules alone (k = 0) and the learner trained on the other folds, each scored on every
/// document once: two rows of the same shape as the curve's, with the mean train size as k.
pub fn cross_validate(
    docs: &[Annotated],
    folds: usize,
    setup: &Setup,
    mut origins: Option<&mut crate::origins::Origins>,
) -> Vec<(usize, Outcome)> {
    let empty = || Outcome {
        tally: Tally::default(),
        corrections: Corrections::default(),
        documents: docs.len(),
    };
    let (mut rules_only, mut learnt) = (empty(), empty());
    let untrained = learner_on(&[], setup);
    let mut train_sizes = 0;
    for f in 0..folds {
        let train: Vec<Annotated> = (0..docs.len())
            .filter(|&i| fold_of(i, folds) != f)
            .map(|i| docs[i].clone())
            .collect();
        train_sizes += train.len();
        let learner = learner_on(&train, setup);
        for d in (0..docs.len())
            .filter(|&i| fold_of(i, folds) == f)
            .map(|i| &docs[i])
        {
            let tokens = tokenize(&d.text);
            let rules = rules_for(&setup.rules, &d.text, &tokens, setup.drop_percent);
            let gold = mentions(&d.spans);
            // the learner's corrections are also counted by origin (--origins)
            for (out, l, by_origin) in [
                (&mut rules_only, &untrained, false),
                (&mut learnt, &learner, true),
            ] {
                let suggested = l.suggest(&d.text, &tokens, &rules, &setup.policy);
                let got = mentions(&suggested);
                if let Some(o) = origins.as_deref_mut().filter(|_| by_origin) {
                    let model = l.predict(&d.text, &tokens, &rules).map(|p| p.spans);
                    o.add_document(
                        &d.text,
                        &gold,
                        &suggested,
                        &model.unwrap_or_default(),
                        setup.policy.show,
                    );
                }
                out.tally.add(&d.text, &gold, &got);
                out.corrections.add(corrections(&gold, &got));
            }
        }
    }
    vec![(0, rules_only), (train_sizes / folds.max(1), learnt)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_deal_documents_round_robin() {
        let got: Vec<usize> = (0..7).map(|i| fold_of(i, 3)).collect();
        assert_eq!(got, vec![0, 1, 2, 0, 1, 2, 0]);
        assert_eq!(fold_of(5, 0), 0, "zero folds do not divide by zero");
    }
}
