//! Role apposition pass: in "Vadym Filashkin, head of the regional administration" or "Bela
//! Bhatia, a lawyer", the two- or three-word capitalised name before ", (a|the) ROLE" is a PERSON.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::View;
use crate::span::Origin;

/// Words before a name that make it a place ("in Peshawar Saddar, a police officer said").
const PLACE_WORDS: &[&str] = &[
    "in", "at", "from", "near", "to", "of", "across", "into", "In", "At", "From", "Near", "Across",
];
/// Class bits that keep a word out of a person's name here.
const NOT_NAME: u32 = class::STOP
    | class::SOFT
    | class::TITLE
    | class::NAME_STOP
    | class::ORG_HEAD
    | class::FAC_HEAD
    | class::LOC_HEAD;

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut owner: Vec<Option<usize>> = vec![None; v.len()];
    for (n, c) in kept.iter().enumerate() {
        owner[c.first..c.last].iter_mut().for_each(|o| *o = Some(n));
    }
    let mut drop = Vec::new();
    let mut added = Vec::new();
    for comma in 2..v.len() {
        if v[comma].text != "," || !role_after(v, lex, comma + 1) {
            continue;
        }
        let word = |i: usize| {
            let t = &v[i];
            t.shape.cap && t.shape.alpha && !t.shape.upper && !lex.has(t.text, NOT_NAME)
        };
        let mut start = comma;
        while start > 0 && comma - start < 4 && word(start - 1) && !v[start].line_start {
            start -= 1;
        }
        let len = comma - start;
        let complete = start == 0 || v[start].line_start || !v[start - 1].shape.cap;
        let after_place_word = start > 0 && PLACE_WORDS.contains(&v[start - 1].text);
        if !(2..=3).contains(&len) || !complete || after_place_word {
            continue;
        }
        // only one-word guesses inside the run give way ("Bela" the town in "Bela Bhatia");
        // the family name itself is unknown or a person's
        let mut inside = Vec::new();
        let mut ok = true;
        for (i, o) in owner.iter().enumerate().take(comma).skip(start) {
            if let Some(n) = *o {
                let c = &kept[n];
                let one_word = c.last == c.first + 1 && matches!(c.kind, Kind::Gpe | Kind::Person);
                if c.kind == Kind::Person && c.first == start && c.last == comma {
                    ok = false; // already the person
                } else if !one_word || (i == comma - 1 && c.kind != Kind::Person) {
                    ok = false;
                } else if !inside.contains(&n) {
                    inside.push(n);
                }
            }
        }
        if ok {
            drop.extend(inside);
            added.push(Candidate::new(
                start,
                comma,
                Kind::Person,
                Origin::Pattern,
                rank::CONTEXT,
            ));
        }
    }
    if added.is_empty() {
        return;
    }
    let mut n = 0;
    kept.retain(|_| {
        n += 1;
        !drop.contains(&(n - 1))
    });
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
}

/// ", head of", ", a lawyer", ", the senior police official": up to an article and two
/// lowercase words or acronyms, then a lowercase role noun.
fn role_after(v: &[View<'_>], lex: &Lexicon, from: usize) -> bool {
    let mut k = from;
    if v.get(k)
        .is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
    {
        k += 1;
    }
    for _ in 0..3 {
        let Some(t) = v.get(k) else { return false };
        // an acronym may qualify the role: ", the UN special rapporteur", ", the IAEA chief"
        if t.shape.upper && t.shape.alpha && t.text.len() >= 2 {
            k += 1;
            continue;
        }
        if !t.shape.alpha || t.shape.cap {
            return false;
        }
        if lex.has(t.text, class::ROLE) {
            return true;
        }
        k += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    fn run(text: &str) -> Vec<String> {
        texts_after_people(text, apply)
    }

    #[test]
    fn a_name_before_its_role_is_a_person() {
        let text =
            "Ordu Kaplani, a senior lawyer, disagreed. Tomasz Wronski, head of the board, agreed.";
        let without = texts_after_people(text, |_, _, _| {});
        assert!(!without
            .iter()
            .any(|g| g.contains("Kaplani") || g.contains("Wronski")));
        let got = run(text);
        assert!(got.contains(&"Ordu Kaplani".to_string()), "{got:?}");
        assert!(!got.contains(&"Ordu".to_string()), "{got:?}");
        assert!(got.contains(&"Tomasz Wronski".to_string()), "{got:?}");
        let got = run("Ordu Kaplani, the UNHCR regional envoy, disagreed.");
        assert!(got.contains(&"Ordu Kaplani".to_string()), "{got:?}");
    }

    #[test]
    fn places_before_roles_stay_places() {
        let got = run("In Dera Ismail Khan, a police official said. Residents of North Waziristan, the elders said.");
        assert!(got.contains(&"Dera Ismail Khan".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("Residents")), "{got:?}");
    }
}
