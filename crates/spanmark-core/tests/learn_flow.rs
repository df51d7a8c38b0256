//! The learner as the page uses it: learn a done document, suggest in the next one,
//! remember rejections, report stats, train in slices.

mod learn_support;

use spanmark_core::detect::detect;
use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::span::{Origin, Span};
use spanmark_core::token::tokenize;

fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn labelled_as(spans: &[Span], text: &str, needle: &str) -> Option<(String, Origin)> {
    let (s, e) = find(text, needle);
    spans
        .iter()
        .find(|x| x.start == s && x.end == e)
        .map(|x| (x.label.clone(), x.origin))
}

#[test]
fn a_new_name_marked_in_one_article_is_suggested_in_the_next() {
    let first =
        "The Khyber Mail left Karachi on Monday. Passengers on the Khyber Mail said it was late.";
    let second = "Police boarded the KHYBER MAIL near Rohri, officials said.";
    let mut learner = Learner::new();
    let before = learner.suggest_text(second, &MergePolicy::default());
    assert_ne!(
        labelled_as(&before, second, "KHYBER MAIL").map(|l| l.0),
        Some("FAC".into())
    );
    let (s, e) = find(first, "Khyber Mail");
    let (s2, e2) = find(&first[40..], "Khyber Mail");
    let offset = first[..40].chars().count();
    learner.learn_document(
        "a",
        first,
        &[
            Span::manual(s, e, "FAC"),
            Span::manual(s2 + offset, e2 + offset, "FAC"),
        ],
    );
    let after = learner.suggest_text(second, &MergePolicy::default());
    assert_eq!(
        labelled_as(&after, second, "KHYBER MAIL"),
        Some(("FAC".into(), Origin::Memory))
    );
}

#[test]
fn the_users_label_replaces_the_rules_label_for_the_same_words() {
    let text = "Officials in Peshawar said the attack was planned abroad.";
    let rules = detect(text, &tokenize(text));
    let rule = rules.first().expect("the rule detector finds Peshawar");
    let relabel = if rule.label == "ORG" { "FAC" } else { "ORG" };
    let mut learner = Learner::new();
    learner.learn_document("a", text, &[Span::manual(rule.start, rule.end, relabel)]);
    let surface: String = text
        .chars()
        .skip(rule.start)
        .take(rule.end - rule.start)
        .collect();
    // memory keeps the deciding words: next to them the user's label wins…
    let next = format!("Later, officials in {surface} said nothing.");
    let got = learner.suggest_text(&next, &MergePolicy::default());
    assert_eq!(
        labelled_as(&got, &next, &surface).map(|l| l.0),
        Some(relabel.to_string())
    );
    // …and where neither neighbour was ever seen with it, the rules keep their label
    let elsewhere = format!("{surface}: quiet.");
    let got = learner.suggest_text(&elsewhere, &MergePolicy::default());
    assert_eq!(
        labelled_as(&got, &elsewhere, &surface).map(|l| l.0),
        Some(rule.label.clone())
    );
}

#[test]
fn a_rejected_suggestion_is_not_made_again_in_the_same_place() {
    let mut learner = Learner::new();
    let taught = "Khan Research Laboratories opened. Khan Research Laboratories closed.";
    let (s, e) = find(taught, "Khan Research Laboratories");
    learner.learn_document("a", taught, &[Span::manual(s, e, "ORG")]);
    let text = "Reporters met Khan Research Laboratories staff. Later Khan Research Laboratories denied it.";
    let tokens = tokenize(text);
    let rules = detect(text, &tokens);
    let policy = MergePolicy::default();
    let first = learner.suggest(text, &tokens, &rules, &policy);
    let target = find(text, "Khan Research Laboratories");
    let wrong = first
        .iter()
        .find(|x| (x.start, x.end) == target)
        .expect("suggested before")
        .clone();
    learner.reject(text, &tokens, &wrong);
    let again = learner.suggest(text, &tokens, &rules, &policy);
    assert!(!again
        .iter()
        .any(|x| (x.start, x.end) == target && x.label == wrong.label));
    let later = text
        .rfind("Khan Research")
        .map(|b| text[..b].chars().count())
        .unwrap_or(0);
    assert!(
        again.iter().any(|x| x.start == later && x.label == "ORG"),
        "other contexts keep the suggestion"
    );
    assert_eq!(learner.stats().rejections, 1);
}

#[test]
fn stats_count_documents_spans_and_score_each_document_before_learning_it() {
    let dev = learn_support::dev_articles();
    assert!(dev.len() >= 3, "the dev set is in tests/fixtures/dev");
    let mut learner = Learner::new();
    assert_eq!(learner.stats().recent_f1, None);
    let first = learner
        .learn_document(&dev[0].name, &dev[0].text, &dev[0].spans)
        .expect("new document is scored");
    let second = learner
        .learn_document(&dev[1].name, &dev[1].text, &dev[1].spans)
        .expect("scored");
    assert_eq!(
        first.true_positives + first.false_negatives,
        dev[0].spans.len() as u32
    );
    assert!(second.order > first.order);
    assert!(
        learner
            .learn_document(&dev[1].name, &dev[1].text, &dev[1].spans)
            .is_none(),
        "same document again"
    );
    assert!(learner.needs_training());
    learner.train();
    assert!(!learner.needs_training());
    let stats = learner.stats();
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.trained_documents, 2);
    assert_eq!(stats.trained_spans, dev[0].spans.len() + dev[1].spans.len());
    assert_eq!(stats.scored_documents, 2);
    let f1 = stats.recent_f1.expect("a score");
    assert!((0.0..=100.0).contains(&f1));
    assert!(stats.model_weights > 100);
    learner.forget_document(&dev[0].name);
    assert_eq!(learner.stats().documents, 1);
    assert!(learner.needs_training());
    learner.reset();
    assert_eq!(learner.stats().documents, 0);
    assert!(learner.tagger().is_none());
}

#[test]
fn the_recent_accuracy_curve_has_one_point_per_scored_document() {
    let dev = learn_support::dev_articles();
    let mut learner = Learner::new();
    assert!(learner.stats().recent_curve.is_empty());
    let mut scores = Vec::new();
    for a in dev.iter().take(6) {
        scores.push(learner.learn_document(&a.name, &a.text, &a.spans).unwrap());
        learner.train();
    }
    let stats = learner.stats();
    assert_eq!(stats.recent_curve.len(), 6);
    // the first point is the first document's own F1, the last the panel's number
    let s = scores[0];
    let want = 200.0 * s.true_positives as f32
        / (2 * s.true_positives + s.false_positives + s.false_negatives) as f32;
    assert!((stats.recent_curve[0] - want).abs() < 1e-3);
    assert_eq!(stats.recent_curve.last().copied(), stats.recent_f1);
    assert_ne!(
        stats.recent_curve[0], stats.recent_curve[5],
        "the curve moves"
    );
}

#[test]
fn training_in_slices_gives_the_same_model_as_training_at_once() {
    let dev = learn_support::dev_articles();
    let mut whole = Learner::new();
    let mut sliced = Learner::new();
    for a in dev.iter().take(2) {
        whole.learn_document(&a.name, &a.text, &a.spans);
        sliced.learn_document(&a.name, &a.text, &a.spans);
    }
    whole.train();
    let mut steps = 0;
    let mut last_done = 0;
    loop {
        let p = sliced.train_step(7);
        steps += 1;
        assert!(p.done >= last_done && p.done <= p.total);
        last_done = p.done;
        if p.finished {
            break;
        }
        assert!(sliced.stats().training.is_some());
    }
    assert!(steps > 10, "two articles take many slices of 7 sentences");
    assert_eq!(whole.to_json(), sliced.to_json());
}

#[test]
fn a_name_comes_back_in_the_headline_capitals_once_the_learner_has_learnt() {
    // the rules find "Imran Quellinor" and the surname, not the headline's capitals
    let text = "QUELLINOR WINS TITLE\nThe champion Imran Quellinor won on Sunday. Quellinor said he was tired.";
    let rules = detect(text, &tokenize(text));
    assert_eq!(
        labelled_as(&rules, text, "Imran Quellinor").map(|l| l.0),
        Some("PERSON".into())
    );
    assert_eq!(labelled_as(&rules, text, "QUELLINOR"), None);
    assert_eq!(
        Learner::new().suggest_text(text, &MergePolicy::default()),
        rules,
        "a learner that has learnt nothing suggests the rules alone"
    );
    let mut learner = Learner::new();
    let other = "Markets in Oslo rose on Monday.";
    let (s, e) = find(other, "Oslo");
    learner.learn_document("a", other, &[Span::manual(s, e, "GPE")]);
    let off = MergePolicy {
        discourse: 0,
        ..MergePolicy::default()
    };
    assert_eq!(
        labelled_as(&learner.suggest_text(text, &off), text, "QUELLINOR"),
        None,
        "switched off"
    );
    assert_eq!(
        labelled_as(
            &learner.suggest_text(text, &MergePolicy::default()),
            text,
            "QUELLINOR"
        )
        .map(|l| l.0),
        Some("PERSON".into()),
        "the headline's capitals"
    );
}
