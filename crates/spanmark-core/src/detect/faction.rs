//! Faction pass: a party's bracketed faction or wing is part of its name
//! ("Communist Party of India (Maoist)", "Pakistan Muslim League (Nawaz)").

use super::candidate::Candidate;
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::words::View;

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut grown = false;
    for c in kept.iter_mut() {
        if c.kind != Kind::Org || !faction_at(v, lex, c.last) {
            continue;
        }
        c.last += 3;
        grown = true;
    }
    if !grown {
        return;
    }
    // whatever was found inside the brackets ("Maoist" as NORP) is now part of the name
    let mut covered_to = 0;
    kept.retain(|c| {
        let inside = c.first < covered_to;
        if !inside {
            covered_to = c.last;
        }
        !inside
    });
}

/// "( Word )" right after a name: one title-case word that is no acronym ("(TTP)", "(MoD)")
/// and no organisation or place of its own ("(Daesh)", "(Pakistan)").
fn faction_at(v: &[View<'_>], lex: &Lexicon, i: usize) -> bool {
    let (Some(open), Some(word), Some(close)) = (v.get(i), v.get(i + 1), v.get(i + 2)) else {
        return false;
    };
    let title_case = word.shape.cap
        && word.shape.alpha
        && word.text.chars().skip(1).all(char::is_lowercase)
        && word.text.chars().count() >= 3;
    open.text == "("
        && close.text == ")"
        && !word.gap
        && !close.gap
        && title_case
        && !lex
            .name(word.text)
            .is_some_and(|k| matches!(k, Kind::Org | Kind::Gpe | Kind::Loc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::{found_texts, merge};
    use crate::detect::{gazetteer, shapes};

    fn run(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        found_texts(text, |v, out| {
            let mut found = Vec::new();
            gazetteer::find(v, text, &lex, &mut found);
            shapes::find(v, &lex, &mut found);
            *out = merge(v, found);
            apply(v, &lex, out);
        })
    }

    #[test]
    fn a_bracketed_faction_joins_the_party_name() {
        let got = run("Leaders of the Awami National Party (Wali) met in Mardan.");
        assert!(
            got.contains(&"Awami National Party (Wali)".to_string()),
            "{got:?}"
        );
        let got = run("The Awami National Party (ANP) and the Islamic State (Daesh) were named.");
        assert!(got.contains(&"Awami National Party".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("(Daesh)")), "{got:?}");
    }
}
