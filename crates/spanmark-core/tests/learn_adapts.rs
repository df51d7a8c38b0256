//! Learning that adapts: the user's corrections of a rule in a context are followed, a
//! custom label is learnt from examples alone, and documents can be sorted by what is left to learn.

use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::span::{Origin, Span};
use spanmark_core::token::tokenize;

fn find(text: &str, word: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(word).nth(nth).map(|m| m.0).unwrap();
    let start = text[..byte].chars().count();
    (start, start + word.chars().count())
}

/// Sports sentences where the user relabels the rules' GPE for a city as ORG.
fn sports(i: usize) -> (String, Vec<Span>, Vec<Span>) {
    let city = ["Porto", "Braga", "Lyon", "Genoa"][i % 4];
    let other = ["Sevilla", "Malaga", "Nantes", "Parma"][i % 4];
    let text = format!("{city} beat {other} 2-1 on Sunday. Fans in {city} cheered the team.");
    let (a, b) = find(&text, city, 0);
    let (c, d) = find(&text, other, 0);
    let (e, f) = find(&text, city, 1);
    let rules = vec![
        Span::suggested(a, b, "GPE", Origin::Gazetteer),
        Span::suggested(c, d, "GPE", Origin::Gazetteer),
        Span::suggested(e, f, "GPE", Origin::Gazetteer),
    ];
    let gold = vec![
        Span::manual(a, b, "ORG"),
        Span::manual(c, d, "ORG"),
        Span::manual(e, f, "GPE"),
    ];
    (text, rules, gold)
}

#[test]
fn a_city_the_user_keeps_labelling_org_before_beat_becomes_org_there_only() {
    let mut learner = Learner::new();
    for i in 0..12 {
        let (text, rules, gold) = sports(i);
        let tokens = tokenize(&text);
        learner.learn_document_with(&format!("d{i}"), &text, &tokens, &rules, &gold);
    }
    learner.train();
    // a city the learner never saw, in the same kind of sentence
    let text = "Turin beat Bilbao 2-1 on Sunday. Fans in Turin cheered the team.";
    let tokens = tokenize(text);
    let (a, b) = find(text, "Turin", 0);
    let (e, f) = find(text, "Turin", 1);
    let rules = vec![
        Span::suggested(a, b, "GPE", Origin::Gazetteer),
        Span::suggested(e, f, "GPE", Origin::Gazetteer),
    ];
    let got = learner.suggest(text, &tokens, &rules, &MergePolicy::default());
    let label_at = |s: usize| got.iter().find(|x| x.start == s).map(|x| x.label.as_str());
    assert_eq!(label_at(a), Some("ORG"), "{got:?}");
    assert_eq!(label_at(e), Some("GPE"), "{got:?}");
}

#[test]
fn a_custom_label_is_learnt_from_examples_and_does_not_take_rule_spans_without_evidence() {
    let mut learner = Learner::new();
    let ships = [
        "Aurora", "Valiant", "Meridian", "Osprey", "Halcyon", "Sentinel",
    ];
    for (i, ship) in ships.iter().cycle().take(30).enumerate() {
        let text = format!("The frigate HMS {ship} docked at Portsmouth on Monday, the navy said.");
        let tokens = tokenize(&text);
        let (a, b) = find(&text, &format!("HMS {ship}"), 0);
        let (c, d) = find(&text, "Portsmouth", 0);
        let rules = vec![Span::suggested(c, d, "GPE", Origin::Gazetteer)];
        let gold = vec![Span::manual(a, b, "SHIP"), Span::manual(c, d, "GPE")];
        learner.learn_document_with(&format!("s{i}"), &text, &tokens, &rules, &gold);
    }
    learner.train();
    let text = "The frigate HMS Dauntless docked at Plymouth on Monday, the navy said.";
    let tokens = tokenize(text);
    let (a, b) = find(text, "HMS Dauntless", 0);
    let (c, d) = find(text, "Plymouth", 0);
    let rules = vec![Span::suggested(c, d, "GPE", Origin::Gazetteer)];
    let got = learner.suggest(text, &tokens, &rules, &MergePolicy::default());
    assert!(
        got.iter()
            .any(|s| s.start == a && s.end == b && s.label == "SHIP"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|s| s.start == c && s.end == d && s.label == "GPE"),
        "the rule's place stays a place: {got:?}"
    );
}

#[test]
fn documents_like_the_learnt_ones_have_less_to_learn() {
    let mut learner = Learner::new();
    let text0 = "Porto beat Sevilla 2-1 on Sunday.";
    assert!(learner.uncertainty(text0, &tokenize(text0), &[]).is_none());
    for i in 0..12 {
        let (text, rules, gold) = sports(i);
        let tokens = tokenize(&text);
        learner.learn_document_with(&format!("d{i}"), &text, &tokens, &rules, &gold);
    }
    learner.train();
    let familiar = "Porto beat Sevilla 2-1 on Sunday. Fans in Porto cheered the team.";
    let strange =
        "Quarterly filings by Zentrix Omnivale Dynamics showed Kvasir Tollund Biopharm ahead.";
    let u = |t: &str| learner.uncertainty(t, &tokenize(t), &[]).unwrap();
    assert!(
        u(familiar) < u(strange),
        "{} vs {}",
        u(familiar),
        u(strange)
    );
}

/// 30 race reports: the user draws RACE around "Tour of X", where the rules mark X a place.
fn races(rules_in_training: bool) -> Learner {
    let mut learner = Learner::new();
    let places = [
        "Arvala", "Bexmoor", "Corvina", "Dunmere", "Eskavel", "Fallow",
    ];
    for (i, place) in places.iter().cycle().take(30).enumerate() {
        let text = format!("Riders set off in the Tour of {place} on Sunday, organisers said.");
        let tokens = tokenize(&text);
        let (a, b) = find(&text, &format!("Tour of {place}"), 0);
        let (c, d) = find(&text, place, 0);
        let rules = if rules_in_training {
            vec![Span::suggested(c, d, "GPE", Origin::Gazetteer)]
        } else {
            vec![]
        };
        let gold = vec![Span::manual(a, b, "RACE")];
        learner.learn_document_with(&format!("r{i}"), &text, &tokens, &rules, &gold);
    }
    learner.train();
    learner
}

#[test]
fn a_custom_label_takes_a_rule_span_inside_it_only_where_the_user_did_so() {
    let text = "Riders set off in the Tour of Norvania on Sunday, organisers said.";
    let tokens = tokenize(text);
    let (a, b) = find(text, "Tour of Norvania", 0);
    let (c, d) = find(text, "Norvania", 0);
    let rules = vec![Span::suggested(c, d, "GPE", Origin::Gazetteer)];
    let got = races(true).suggest(text, &tokens, &rules, &MergePolicy::default());
    assert!(
        got.iter()
            .any(|s| (s.start, s.end, s.label.as_str()) == (a, b, "RACE")),
        "the user kept drawing RACE around the rule's place: {got:?}"
    );
    assert!(!got.iter().any(|s| s.label == "GPE"), "{got:?}");
    let got = races(false).suggest(text, &tokens, &rules, &MergePolicy::default());
    assert!(
        got.iter()
            .any(|s| (s.start, s.end, s.label.as_str()) == (c, d, "GPE")),
        "no correction ever took a rule span into RACE: the place stays {got:?}"
    );
}
