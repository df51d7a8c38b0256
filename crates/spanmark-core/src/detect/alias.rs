//! Alias pass: in police and militancy reports a person's other name follows "alias"
//! ("Abdul Rehman alias Chacha", "Mallojula Venugopal Rao alias Sonu"); it is a PERSON too.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::runs::person_run;
use super::words::View;
use crate::span::Origin;

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut added = Vec::new();
    for (n, c) in kept.iter().enumerate() {
        if c.kind != Kind::Person || v.get(c.last).is_none_or(|t| t.text != "alias") {
            continue;
        }
        let start = c.last + 1;
        let Some((end, _)) = person_run(v, lex, start) else {
            continue;
        };
        // the alias may only replace a one-word guess ("Sonu" read as a town)
        let mut replaced = None;
        let mut free = true;
        for (m, o) in kept.iter().enumerate().skip(n + 1) {
            if o.first >= end {
                break;
            }
            if o.last > start {
                if o.first == start && o.last == end && o.last - o.first == 1 {
                    replaced = Some(m);
                } else {
                    free = false;
                }
            }
        }
        if free {
            added.push((
                replaced,
                Candidate::new(start, end, Kind::Person, Origin::Pattern, rank::CONTEXT),
            ));
        }
    }
    for (replaced, c) in added.into_iter().rev() {
        match replaced {
            Some(m) => kept[m] = c,
            None => kept.push(c),
        }
    }
    kept.sort_by_key(|c| c.first);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    fn run(text: &str) -> Vec<String> {
        texts_after_people(text, apply)
    }

    #[test]
    fn the_name_after_alias_is_the_same_person() {
        let got = run("Police arrested Imran Khan alias Bhola in Multan.");
        assert!(got.contains(&"Imran Khan".to_string()), "{got:?}");
        assert!(got.contains(&"Bhola".to_string()), "{got:?}");
        let got = run("Police arrested Imran Khan in Multan alias town.");
        assert!(!got.contains(&"town".to_string()), "{got:?}");
    }
}
