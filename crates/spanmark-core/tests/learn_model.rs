//! The learner as data: save and load give the same suggestions, damaged or foreign
//! files are refused with a sentence, and 50 articles of 5 KB make a model under 1 MB.

mod learn_support;

use spanmark_core::learn::{LearnError, Learner, MergePolicy};

fn trained_on_two() -> Learner {
    let dev = learn_support::dev_articles();
    let mut learner = Learner::new();
    for a in dev.iter().take(2) {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train();
    learner
}

#[test]
fn a_saved_learner_suggests_what_the_original_suggested() {
    let learner = trained_on_two();
    let loaded = Learner::from_json(&learner.to_json()).expect("loads");
    let policy = MergePolicy::default();
    let mut model_spans = 0;
    for a in learn_support::dev_articles().iter().skip(2) {
        let want = learner.suggest_text(&a.text, &policy);
        let got = loaded.suggest_text(&a.text, &policy);
        let key = |v: &[spanmark_core::Span]| {
            v.iter()
                .map(|s| (s.start, s.end, s.label.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&want), key(&got), "{}", a.name);
        // the tagger itself, weights quantised to i16: same spans, nearly the same confidence
        let tokens = spanmark_core::token::tokenize(&a.text);
        let rules = spanmark_core::detect::detect(&a.text, &tokens);
        let before = learner.predict(&a.text, &tokens, &rules).expect("trained");
        let after = loaded.predict(&a.text, &tokens, &rules).expect("loaded");
        assert_eq!(key(&before.spans), key(&after.spans), "{}", a.name);
        for (x, y) in before.spans.iter().zip(&after.spans) {
            let (cx, cy) = (x.confidence.unwrap_or(0.0), y.confidence.unwrap_or(0.0));
            assert!((cx - cy).abs() < 0.01, "{cx} vs {cy}");
        }
        model_spans += after.spans.len();
    }
    assert!(model_spans > 100, "the loaded tagger finds spans");
    let (a, b) = (learner.stats(), loaded.stats());
    assert_eq!(
        (a.trained_documents, a.trained_spans, a.remembered_forms),
        (b.trained_documents, b.trained_spans, b.remembered_forms)
    );
    assert_eq!(a.recent_f1, b.recent_f1);
}

#[test]
fn a_loaded_learner_waits_for_its_documents_before_retraining() {
    let dev = learn_support::dev_articles();
    let mut loaded = Learner::from_json(&trained_on_two().to_json()).expect("loads");
    assert_eq!(loaded.missing_documents().len(), 2);
    let new = &dev[2];
    loaded.learn_document(&new.name, &new.text, &new.spans);
    assert!(
        loaded.train_step(100).finished,
        "no run while documents are missing"
    );
    assert_eq!(loaded.stats().trained_documents, 2);
    for a in dev.iter().take(2) {
        assert!(
            loaded.learn_document(&a.name, &a.text, &a.spans).is_none(),
            "known documents are not re-scored"
        );
    }
    assert!(loaded.missing_documents().is_empty());
    assert!(loaded.needs_training());
    loaded.train();
    assert_eq!(loaded.stats().trained_documents, 3);
}

#[test]
fn foreign_newer_and_damaged_files_are_refused() {
    assert!(matches!(
        Learner::from_json("not json"),
        Err(LearnError::NotAModel(_))
    ));
    assert!(matches!(
        Learner::from_json(r#"{"documents":[]}"#),
        Err(LearnError::NotAModel(_))
    ));
    let json = trained_on_two().to_json();
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
    value["version"] = 99.into();
    assert_eq!(
        Learner::from_json(&value.to_string()).err(),
        Some(LearnError::TooNew(99))
    );
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let weights = value["model"]["weights"]
        .as_str()
        .expect("weights")
        .to_string();
    value["model"]["weights"] = weights[..weights.len() - 5].into();
    let err = Learner::from_json(&value.to_string()).expect_err("damaged");
    assert!(matches!(err, LearnError::Damaged(_)), "{err:?}");
    assert!(err.to_string().starts_with("the model file is damaged"));
}

#[test]
fn fifty_articles_of_5kb_make_a_learner_under_1mb() {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    assert_eq!(corpus.len(), 50);
    assert!(corpus.iter().all(|a| a.text.len() >= 5_000));
    let mut learner = Learner::new();
    // as in the page: the full word lists as rules and as tagger features
    learner.use_lists(&spanmark_core::detect::Pipeline::full());
    for a in &corpus {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train();
    let size = learner.to_json().len();
    assert!(learner.stats().model_weights > 10_000);
    assert!(size < 1_000_000, "saved learner is {size} bytes");
}
