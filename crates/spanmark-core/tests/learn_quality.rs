//! What learning is for: after two done articles the suggestions on the others are no
//! worse than the rules, and clearly better when the rules know fewer of the names.

mod learn_support;

use learn_support::{dev_articles, Article};
use spanmark_core::detect::detect;
use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::score::{Mention, Tally};
use spanmark_core::span::Span;
use spanmark_core::token::{tokenize, Token};

fn mentions(spans: &[Span]) -> Vec<Mention> {
    spans
        .iter()
        .map(|s| Mention::new(s.start, s.end, s.label.clone()))
        .collect()
}

/// Rules that miss `drop`% of the surface forms everywhere, as on articles about new names.
fn rules(text: &str, tokens: &[Token], drop: u64) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = detect(text, tokens);
    found.retain(|s| {
        let form: String = chars[s.start..s.end]
            .iter()
            .collect::<String>()
            .to_lowercase();
        let h = form.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
        h % 100 >= drop
    });
    found
}

/// core3 F1 (0–100) of rules alone and of the learner after the first `k` articles.
fn rules_and_learner(dev: &[Article], k: usize, drop: u64) -> (f64, f64) {
    let mut learner = Learner::new();
    for a in &dev[..k] {
        let tokens = tokenize(&a.text);
        learner.learn_document_with(
            &a.name,
            &a.text,
            &tokens,
            &rules(&a.text, &tokens, drop),
            &a.spans,
        );
    }
    learner.train();
    let (mut alone, mut learnt) = (Tally::default(), Tally::default());
    for a in &dev[k..] {
        let tokens = tokenize(&a.text);
        let found = rules(&a.text, &tokens, drop);
        let suggested = learner.suggest(&a.text, &tokens, &found, &MergePolicy::default());
        alone.add(&a.text, &mentions(&a.spans), &mentions(&found));
        learnt.add(&a.text, &mentions(&a.spans), &mentions(&suggested));
    }
    (100.0 * alone.core3().f1(), 100.0 * learnt.core3().f1())
}

#[test]
fn learning_from_two_articles_does_not_undo_good_rules() {
    let dev = dev_articles();
    assert!(dev.len() >= 6);
    let (alone, learnt) = rules_and_learner(&dev, 2, 0);
    assert!(
        learnt >= alone - 0.5,
        "rules {alone:.1}, with learning {learnt:.1}"
    );
}

#[test]
fn learning_recovers_names_the_rules_do_not_know() {
    let dev = dev_articles();
    let (alone, learnt) = rules_and_learner(&dev, 2, 30);
    assert!(
        learnt >= alone + 3.0,
        "rules {alone:.1}, with learning {learnt:.1}"
    );
}

#[test]
fn the_tagger_fits_the_articles_it_learnt() {
    let dev = dev_articles();
    let mut learner = Learner::new();
    for a in &dev[..2] {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train();
    let mut tally = Tally::default();
    for a in &dev[..2] {
        let tokens = tokenize(&a.text);
        let prediction = learner
            .predict(&a.text, &tokens, &rules(&a.text, &tokens, 0))
            .expect("trained");
        assert_eq!(prediction.outside.len(), tokens.len());
        assert!(prediction
            .spans
            .iter()
            .all(|s| s.confidence.is_some_and(|c| (0.0..=1.0).contains(&c))));
        tally.add(&a.text, &mentions(&a.spans), &mentions(&prediction.spans));
    }
    assert!(
        tally.all().f1() > 0.9,
        "training F1 {:.3}",
        tally.all().f1()
    );
}
