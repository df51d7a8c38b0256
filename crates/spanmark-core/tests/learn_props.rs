//! Whatever the text and spans, learning and suggesting never panic, and suggestions are
//! inside the text, sorted and never overlapping.

use proptest::prelude::*;
use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::span::Span;

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Imran",
            "Khan",
            "met",
            "Lahore",
            "’s",
            "'s",
            "the",
            "(",
            ")",
            "\"",
            ".",
            " ",
            " ",
            "\n",
            "🇵🇰",
            "Kabul",
            "ISPR",
            "2019",
            "e\u{301}",
            "-",
            "Tehrik-e-Taliban",
        ]),
        0..40,
    )
    .prop_map(|words| words.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn learning_and_suggesting_any_text_is_safe(
        first in text_strategy(),
        second in text_strategy(),
        raw in prop::collection::vec((0usize..60, 1usize..8, 0usize..3), 0..6),
    ) {
        let len = first.chars().count();
        let labels = ["PERSON", "GPE", "ORG"];
        let spans: Vec<Span> = raw
            .iter()
            .filter(|(s, w, _)| s + w <= len)
            .map(|&(s, w, l)| Span::manual(s, s + w, labels[l]))
            .collect();
        let mut learner = Learner::new();
        learner.learn_document("a", &first, &spans);
        while !learner.train_step(3).finished {}
        for text in [&first, &second] {
            let got = learner.suggest_text(text, &MergePolicy::default());
            let n = text.chars().count();
            for w in got.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
            prop_assert!(got.iter().all(|s| s.start < s.end && s.end <= n));
        }
        let again = Learner::from_json(&learner.to_json());
        prop_assert!(again.is_ok());
    }
}
