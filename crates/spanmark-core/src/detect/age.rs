//! Age apposition pass: in "Olena Kravets, 62, a retired teacher" the number set off by commas
//! after a name is an age (never CARDINAL), and an unknown two- or three-word name before it is a PERSON.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::numbers::digit_value;
use super::words::View;
use crate::span::Origin;

/// Drops age numbers from `kept` (sorted, non-overlapping) and adds the unknown names they follow.
pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut owner: Vec<Option<Kind>> = vec![None; v.len()];
    for c in kept.iter() {
        owner[c.first..c.last]
            .iter_mut()
            .for_each(|o| *o = Some(c.kind));
    }
    let mut ages = Vec::new();
    let mut names = Vec::new();
    for c in kept.iter().filter(|c| c.kind == Kind::Cardinal) {
        if !is_age(v, c) {
            continue;
        }
        match owner[c.first - 2] {
            Some(Kind::Person) => ages.push(c.first),
            None => {
                if let Some(start) = name_before(v, lex, &owner, c.first - 1) {
                    ages.push(c.first);
                    if c.first - 1 - start >= 2 {
                        names.push(Candidate::new(
                            start,
                            c.first - 1,
                            Kind::Person,
                            Origin::Pattern,
                            rank::CONTEXT,
                        ));
                    }
                }
            }
            Some(_) => {}
        }
    }
    if ages.is_empty() {
        return;
    }
    kept.retain(|c| !(c.kind == Kind::Cardinal && ages.contains(&c.first)));
    kept.extend(names);
    kept.sort_by_key(|c| c.first);
}

/// ", 45," : one number from 1 to 120 between commas, after a word.
fn is_age(v: &[View<'_>], c: &Candidate) -> bool {
    c.last == c.first + 1
        && c.first >= 2
        && v[c.first - 1].text == ","
        && v.get(c.last).is_some_and(|n| n.text == ",")
        && v[c.first].shape.digits
        && digit_value(v[c.first].text).is_some_and(|n| (1..=120).contains(&n))
}

/// Start of an uncovered run of capitalised name words ending at `end` (exclusive), with
/// abbreviated parts ("Th. Ibochouba Singh"); None when the word before the comma is not one.
fn name_before(v: &[View<'_>], lex: &Lexicon, owner: &[Option<Kind>], end: usize) -> Option<usize> {
    let word = |i: usize| {
        let t = &v[i];
        owner[i].is_none()
            && t.shape.cap
            && t.shape.alpha
            && !t.shape.upper
            && !lex.has(
                t.text,
                class::STOP | class::SOFT | class::TITLE | class::NAME_STOP,
            )
    };
    let mut start = end;
    while start > 0 && end - start < 5 {
        let p = start - 1;
        if word(p) {
            start = p;
        } else if v[p].text == "." && !v[p].gap && p >= 1 && word(p - 1) && v[p - 1].text.len() <= 3
        {
            start = p - 1;
        } else {
            break;
        }
        if v[start].line_start {
            break;
        }
    }
    (start < end && v[end - 1].shape.alpha).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::{found_texts, merge};
    use crate::detect::{cardinal, gazetteer, person};

    fn run(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        found_texts(text, |v, out| {
            let mut found = Vec::new();
            gazetteer::find(v, text, &lex, &mut found);
            person::find(v, text, &lex, &mut found);
            cardinal::find(v, &lex, &mut found);
            *out = merge(v, found);
            apply(v, &lex, out);
        })
    }

    #[test]
    fn ages_after_names_are_not_counts_and_mark_the_name() {
        let got = run(
            "Among the dead were Rukhsana Bibi, 38, and Mohammad Salim, 61, while 14 were hurt.",
        );
        assert!(got.contains(&"Rukhsana Bibi".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g == "38" || g == "61"), "{got:?}");
        assert!(got.contains(&"14".to_string()), "{got:?}");
    }

    #[test]
    fn numbers_after_places_or_lowercase_words_stay_counts() {
        let got = run("Of the wounded, 12, including children, were taken to Quetta, 45, he said.");
        assert!(got.contains(&"12".to_string()), "{got:?}");
        assert!(got.contains(&"45".to_string()), "{got:?}");
    }
}
